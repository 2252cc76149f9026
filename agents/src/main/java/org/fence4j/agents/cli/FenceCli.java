package org.fence4j.agents.cli;

import java.io.PrintWriter;
import java.nio.file.FileSystemException;
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

/** fence-cli: run and test the configured fencing chains by hand. */
@Command(name = "fence-cli", mixinStandardHelpOptions = true, versionProvider = FenceCli.Version.class,
        description = "Fence cluster nodes with the chains configured in fence4j.yaml, and inspect them.",
        subcommands = {
            FenceCommands.Reset.class, FenceCommands.Off.class, FenceCommands.On.class, StatusCommand.class,
            ListCommand.class, ShowCommand.class, HistoryCommand.class, MetadataCommand.class,
            ValidateCommand.class, CommandLine.HelpCommand.class},
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

    /** Runs one command line and returns its exit code. */
    public static int run(String[] args, Terminal terminal) {
        CommandLine cli = commandLine(terminal);
        return cli.execute(args);
    }

    static CommandLine commandLine(Terminal terminal) {
        CommandLine cli = new CommandLine(new FenceCli(terminal));
        for (FenceCliCommand extra : ServiceLoader.load(FenceCliCommand.class)) {
            cli.addSubcommand(extra);
        }
        // every command answers --help before checking its arguments (metadata --help needs no AGENT)
        cli.getSubcommands().values().forEach(sub -> sub.getCommandSpec().mixinStandardHelpOptions(true)
                .versionProvider(new Version()));
        cli.setOut(terminal.out()).setErr(terminal.err());
        cli.setExecutionStrategy(parsed -> {
            Logging.configure(parsed.asCommandLineList().get(0).<FenceCli>getCommand().global.verbose);
            return new CommandLine.RunLast().execute(parsed);
        });
        cli.setExecutionExceptionHandler((e, line, parsed) -> {
            PrintWriter err = line.getErr();
            if (e instanceof ConfigException c) {
                c.problems().forEach(p -> err.println("fence-cli: " + p));
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
        });
        return cli;
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
