package org.fence4j.agents.cli;

import java.io.PrintWriter;
import java.nio.file.FileSystemException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import org.fence4j.agents.chain.TargetLocks;
import org.fence4j.agents.config.ConfigException;
import org.fence4j.agents.config.ConfigLoader;
import org.fence4j.agents.logging.Logging;
import org.fence4j.agents.state.UnsafeStateException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.UsageMessageSpec;
import picocli.CommandLine;

/** fence-cli: run and test the configured fencing chains by hand. */
public final class FenceCli extends CliCommand {
    final GlobalOptions global;

    /** Where each run's output goes and what it can read; replaced in tests. */
    final Terminal terminal;

    FenceCli(Terminal terminal) {
        super("Fence cluster nodes with the chains configured in fence4j.yaml, and inspect them.");
        spec.name("fence-cli");
        this.terminal = terminal;
        global = new GlobalOptions(this);
        standardHelpOptions(spec);
        spec.versionProvider(new Version());
        spec.usageMessage().exitCodeListHeading("%nExit codes:%n").exitCodeList(UsageMessageSpec.keyValuesMap(
                "0:success (the target is confirmed fenced, or the action is done)",
                "1:failure: every level failed, timed out or was cancelled, or another request holds the target",
                "2:usage or configuration error (the message names file, line and key), or a state or lock"
                        + " directory another user could change"))
                .footerHeading("%nEnvironment:%n")
                .footer("  FENCE4J_CONFIG     configuration file, unless --config is given",
                        "  FENCE4J_STATE_DIR  directory for the history, overriding state_dir",
                        "  FENCE4J_LOCK_DIR   directory for the target locks instead of /run/fence4j/locks (tests, demos)");
    }

    @Override
    public Integer call() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a command is required (see --help)");
    }

    public static void main(String[] args) {
        System.exit(run(args, Terminal.system()));
    }

    /** The built-in subcommands by name, in the order help lists them; help and the agent modules' own follow. */
    private static final List<Map.Entry<String, Function<FenceCli, CliCommand>>> BUILT_IN = List.of(
            Map.entry("reset", FenceCommand::reset), Map.entry("off", FenceCommand::off),
            Map.entry("on", FenceCommand::on), Map.entry("status", StatusCommand::new),
            Map.entry("list", ListCommand::new), Map.entry("show", ShowCommand::new),
            Map.entry("history", HistoryCommand::new), Map.entry("metadata", MetadataCommand::new),
            Map.entry("validate", ValidateCommand::new));

    /** Runs one command line and returns its exit code. */
    public static int run(String[] args, Terminal terminal) {
        // no Groovy closures in the modules' command annotations: else picocli looks for Groovy in every jar
        System.setProperty("picocli.disable.closures", "true");
        // nor its converters for java.sql and java.time types, which no option has: registering them
        // loads those packages and looks their methods up by reflection, for every command line built
        System.setProperty("picocli.converters.excludes", "java\\.(sql|time)\\..*");
        FenceCli root = new FenceCli(terminal);
        CommandLine cli = new CommandLine(root.spec);
        // a run builds only the subcommand it runs (start-up: every call is a new JVM), --version none;
        // help lists them all
        Optional<Object> only = commandName(cli, args).flatMap(name -> command(root, name));
        boolean versionOnly = args.length == 1 && (args[0].equals("--version") || args[0].equals("-V"));
        withSubcommands(cli, only.map(List::of).orElseGet(() -> versionOnly ? List.of() : commands(root)), terminal);
        if (only.isPresent()) {
            cli.setParameterExceptionHandler(new EveryCommandInRootUsage(cli.getParameterExceptionHandler(), terminal));
        }
        return cli.execute(args);
    }

    /** fence-cli with every subcommand: for help, completion and the man page. */
    static CommandLine commandLine(Terminal terminal) {
        FenceCli root = new FenceCli(terminal);
        return withSubcommands(new CommandLine(root.spec), commands(root), terminal);
    }

    /** Each subcommand: the model of a built-in one, the annotated class of a module's. */
    private static List<Object> commands(FenceCli root) {
        List<Object> all = new ArrayList<>();
        for (Map.Entry<String, Function<FenceCli, CliCommand>> builtIn : BUILT_IN) {
            all.add(model(builtIn, root));
        }
        all.add(CommandLine.HelpCommand.class);
        all.addAll(moduleCommands());
        return all;
    }

    /** The picocli model of a built-in command, named. */
    private static CommandSpec model(Map.Entry<String, Function<FenceCli, CliCommand>> builtIn, FenceCli root) {
        return builtIn.getValue().apply(root).spec.name(builtIn.getKey());
    }

    /** The agent modules' subcommands: finding them reads the service entries of every jar on the class path. */
    private static List<Class<?>> moduleCommands() {
        return ServiceLoader.load(FenceCliCommand.class).stream().<Class<?>>map(ServiceLoader.Provider::type).toList();
    }

    /** The subcommand called {@code name}: a built-in one, else a module's found by its annotation alone. */
    private static Optional<Object> command(FenceCli root, String name) {
        for (Map.Entry<String, Function<FenceCli, CliCommand>> builtIn : BUILT_IN) {
            if (builtIn.getKey().equals(name)) {
                return Optional.of(model(builtIn, root));
            }
        }
        for (Class<?> module : moduleCommands()) {
            if (name.equals(module.getAnnotation(Command.class).name())) {
                return Optional.of(module);
            }
        }
        return Optional.empty();
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
    private static CommandLine withSubcommands(CommandLine cli, List<Object> subcommands, Terminal terminal) {
        for (Object subcommand : subcommands) {
            cli.addSubcommand(subcommand);
        }
        // every command answers --help before checking its arguments (metadata --help needs no AGENT)
        for (CommandLine sub : cli.getSubcommands().values()) {
            withoutUnusedRequestOptions(sub.getCommandSpec());
            standardHelpOptions(sub.getCommandSpec());
            sub.getCommandSpec().versionProvider(new Version());
        }
        cli.setOut(terminal.out()).setErr(terminal.err());
        cli.setExecutionStrategy(new LoggingFirst());
        cli.setExecutionExceptionHandler(new ErrorReport());
        return cli;
    }

    /** A command that makes no request neither shows nor takes --timeout or --no-wait after its name. */
    private static void withoutUnusedRequestOptions(CommandSpec command) {
        Set<String> used = command.userObject() instanceof CliCommand c ? c.requestOptions() : Set.of();
        for (String name : GlobalOptions.REQUEST_OPTIONS) {
            OptionSpec inherited = command.findOption(name);
            if (inherited != null && !used.contains(name)) {
                command.remove(inherited);
            }
        }
    }

    /**
     * A mistake in fence-cli's own options ({@code fence-cli --timeout 0s status}) shows fence-cli's
     * usage, which lists every command, not only the one built for the run.
     */
    private static final class EveryCommandInRootUsage implements CommandLine.IParameterExceptionHandler {
        private final CommandLine.IParameterExceptionHandler standard;
        private final Terminal terminal;

        EveryCommandInRootUsage(CommandLine.IParameterExceptionHandler standard, Terminal terminal) {
            this.standard = standard;
            this.terminal = terminal;
        }

        @Override
        public int handleParseException(CommandLine.ParameterException e, String[] args) throws Exception {
            if (e.getCommandLine().getParent() == null) {
                e = new CommandLine.ParameterException(commandLine(terminal), e.getMessage(), e);
            }
            return standard.handleParseException(e, args);
        }
    }

    /** Sets up logging as --verbose says, then runs the command. */
    private static final class LoggingFirst implements CommandLine.IExecutionStrategy {
        @Override
        public int execute(CommandLine.ParseResult parsed) {
            Logging.configure(parsed.asCommandLineList().get(0).<FenceCli>getCommand().global.verbosity());
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
            if (line.getCommandSpec().root().userObject() instanceof FenceCli root && root.global.verbose()) {
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
