package org.fence4j.agents.cli;

import java.io.PrintWriter;
import java.nio.file.FileSystemException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.function.UnaryOperator;
import org.fence4j.agents.chain.TargetLocks;
import org.fence4j.agents.config.ConfigException;
import org.fence4j.agents.config.ConfigLoader;
import org.fence4j.agents.state.UnsafeStateException;
import org.fence4j.agents.logging.Logging;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/** fence-cli: run and test the configured fencing chains by hand. */
@Command(name = "fence-cli", mixinStandardHelpOptions = true, versionProvider = FenceCli.Version.class,
        description = "Fence cluster nodes with the chains configured in fence4j.yaml, and inspect them.",
        exitCodeListHeading = "%nExit codes:%n", exitCodeList = {
            "0:success (the target is confirmed fenced, or the action is done)",
            "1:failure: every level failed, timed out or was cancelled, or another request holds the target",
            "2:usage or configuration error (the message names file, line and key), or a state or lock"
                    + " directory another user could change"},
        footerHeading = "%nEnvironment:%n",
        footer = {"  FENCE4J_CONFIG     configuration file, unless --config is given",
                  "  FENCE4J_STATE_DIR  directory for the history, overriding state_dir",
                  "  FENCE4J_LOCK_DIR   directory for the target locks instead of /run/fence4j/locks (tests, demos)"})
public final class FenceCli implements Runnable {

    @Mixin
    GlobalOptions global;

    @Spec
    CommandSpec spec;

    /** Where each run's output goes and what it can read; replaced in tests. */
    final Terminal terminal;

    FenceCli(Terminal terminal) {
        this.terminal = terminal;
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a command is required (see --help)");
    }

    public static void main(String[] args) {
        System.exit(run(args, Terminal.system()));
    }

    /**
     * The subcommands, in the order help lists them; the agent modules' own ({@link FenceCliCommand})
     * follow. The picocli model of a command is built from its annotations by reflection, so a run
     * builds only the one it runs (start-up: every call is a new JVM).
     */
    private static final List<Class<?>> COMMANDS = List.of(FenceCommands.Reset.class, FenceCommands.Off.class,
            FenceCommands.On.class, StatusCommand.class, ListCommand.class, ShowCommand.class, HistoryCommand.class,
            MetadataCommand.class, ValidateCommand.class, CommandLine.HelpCommand.class);

    /** Runs one command line and returns its exit code. */
    public static int run(String[] args, Terminal terminal) {
        // no Groovy closures in our annotations: else picocli looks for Groovy in every jar on the class path
        System.setProperty("picocli.disable.closures", "true");
        CommandLine cli = new CommandLine(new FenceCli(terminal));
        List<Class<?>> only = commandName(cli, args).flatMap(FenceCli::command)
                .filter(c -> c != CommandLine.HelpCommand.class).map(List::<Class<?>>of).orElseGet(FenceCli::commands);
        return withSubcommands(cli, only, terminal).execute(args);
    }

    /** fence-cli with every subcommand: for help, completion and the man page. */
    static CommandLine commandLine(Terminal terminal) {
        return withSubcommands(new CommandLine(new FenceCli(terminal)), commands(), terminal);
    }

    private static List<Class<?>> commands() {
        List<Class<?>> all = new ArrayList<>(COMMANDS);
        all.addAll(moduleCommands());
        return all;
    }

    /** The agent modules' subcommands: finding them reads the service entries of every jar on the class path. */
    private static List<Class<?>> moduleCommands() {
        return ServiceLoader.load(FenceCliCommand.class).stream().<Class<?>>map(ServiceLoader.Provider::type).toList();
    }

    /** The subcommand class called {@code name}, found by its annotation alone; the built-in ones first. */
    private static Optional<Class<?>> command(String name) {
        return named(COMMANDS, name).or(() -> named(moduleCommands(), name));
    }

    private static Optional<Class<?>> named(List<Class<?>> commands, String name) {
        return commands.stream().filter(c -> name.equals(c.getAnnotation(Command.class).name())).findFirst();
    }

    /** The first argument that is neither an option of fence-cli itself nor an option's value. */
    private static Optional<String> commandName(CommandLine root, String[] args) {
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (!arg.startsWith("-")) {
                return Optional.of(arg);
            }
            OptionSpec option = root.getCommandSpec().findOption(arg);
            if (option != null && option.arity().max() > 0) {
                i++;   // its value, e.g. --config FILE
            }
        }
        return Optional.empty();
    }

    /**
     * Adds the subcommands, then the settings (picocli hands them to the subcommands present). Loops
     * and named classes rather than lambdas here: a lambda that names picocli's types stays out of
     * the class-data archive (fence4j-launch says why), and making one at run time costs milliseconds.
     */
    private static CommandLine withSubcommands(CommandLine cli, List<Class<?>> subcommands, Terminal terminal) {
        for (Class<?> subcommand : subcommands) {
            cli.addSubcommand(subcommand);
        }
        // every command answers --help before checking its arguments (metadata --help needs no AGENT)
        for (CommandLine sub : cli.getSubcommands().values()) {
            sub.getCommandSpec().mixinStandardHelpOptions(true).versionProvider(new Version());
        }
        cli.setOut(terminal.out()).setErr(terminal.err());
        cli.setExecutionStrategy(new LoggingFirst());
        cli.setExecutionExceptionHandler(new ErrorReport());
        return cli;
    }

    /** Sets up logging as --verbose says, then runs the command. */
    private static final class LoggingFirst implements CommandLine.IExecutionStrategy {
        @Override
        public int execute(CommandLine.ParseResult parsed) {
            Logging.configure(parsed.asCommandLineList().get(0).<FenceCli>getCommand().global.verbose);
            return new CommandLine.RunLast().execute(parsed);
        }
    }

    /** A failure as one line for the operator and its exit code; a stack trace only with --verbose. */
    private static final class ErrorReport implements CommandLine.IExecutionExceptionHandler {
        @Override
        public int handleExecutionException(Exception e, CommandLine line, CommandLine.ParseResult parsed) {
            PrintWriter err = line.getErr();
            if (e instanceof ConfigException c) {
                for (String problem : c.problems()) {
                    err.println("fence-cli: " + problem);
                }
                return ExitCodes.USAGE;
            }
            if (e instanceof UnsafeStateException unsafe) {
                // refused before any power command: a directory or file another user could change
                err.println("fence-cli: " + unsafe.getMessage());
                return ExitCodes.USAGE;
            }
            if (e instanceof FileSystemException fs) {
                // state_dir not writable, history unreadable, ...: name the file, no stack trace
                err.println("fence-cli: cannot use " + fs.getFile() + " (" + fs.getClass().getSimpleName()
                        + (fs.getReason() == null ? "" : ": " + fs.getReason()) + "); the history is kept in state_dir"
                        + " (or $" + ConfigLoader.STATE_DIR_VARIABLE + "), the target locks in "
                        + TargetLocks.DEFAULT_DIR + ": fencing runs as root");
                return ExitCodes.FAILED;
            }
            err.println("fence-cli: internal error: " + e);
            if (line.getCommandSpec().root().userObject() instanceof FenceCli root && root.global.verbose) {
                e.printStackTrace(err);
            }
            return ExitCodes.FAILED;
        }
    }

    /** The version from the jar manifest. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = FenceCli.class.getPackage().getImplementationVersion();
            return new String[] {"fence-cli (fence4j) " + (v == null ? "development build" : v)};
        }
    }

    /** Environment lookup of this run. */
    UnaryOperator<String> environment() {
        return terminal.environment();
    }
}
