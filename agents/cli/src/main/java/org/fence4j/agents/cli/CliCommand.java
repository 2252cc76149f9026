package org.fence4j.agents.cli;

import java.util.Set;
import java.util.Stack;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntSupplier;
import picocli.CommandLine.IParameterConsumer;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;
import picocli.CommandLine.ScopeType;

/**
 * A fence-cli command, declared through picocli's programmatic API: its description, options and
 * parameters, each once, and help, completion and the man page derived from them.
 *
 * <p>Not with picocli's annotations: picocli reads those by reflection, and the JDK makes a proxy
 * class for every annotation type read, about 50 ms of each call (bin/bench/README.md). A command
 * declares its arguments as fields, in the order of its help:
 * <pre>{@code
 * private final Arg<Boolean> monitor = flag("--monitor", "Check the devices instead.");
 * }</pre>
 * and reads them in {@link #call()}, which returns the exit code.
 */
abstract class CliCommand implements Callable<Integer> {
    final CommandSpec spec;
    private int positionals;

    /** A command that {@code description} describes; fence-cli names it. */
    CliCommand(String... description) {
        spec = CommandSpec.wrapWithoutInspection(this);
        spec.usageMessage().description(description);
    }

    /**
     * -h/--help and -V/--version, after the command's other options, as picocli's
     * mixinStandardHelpOptions adds them (which it reads from annotations); not to a command that
     * has a --help of its own.
     */
    static void standardHelpOptions(CommandSpec command) {
        if (command.findOption("--help") == null) {
            command.addOption(OptionSpec.builder("-h", "--help").usageHelp(true)
                    .description("Show this help message and exit.").build());
            command.addOption(OptionSpec.builder("-V", "--version").versionHelp(true)
                    .description("Print version information and exit.").build());
        }
    }

    /** Which of {@link GlobalOptions#REQUEST_OPTIONS} this command uses: none unless it makes a request. */
    Set<String> requestOptions() {
        return Set.of();
    }

    /** The next positional parameter; arity "1" (required) or "0..1" (optional). */
    final Arg<String> parameter(String label, String arity, String description) {
        PositionalParamSpec p = PositionalParamSpec.builder().index(String.valueOf(positionals++)).arity(arity)
                .required(!arity.startsWith("0")).paramLabel(label).type(String.class).description(description).build();
        spec.addPositional(p);
        return new Arg<>(p);
    }

    /** An option without a value, false unless given; names as "-v, --verbose". */
    final Arg<Boolean> flag(String names, String description) {
        return add(flagNamed(names, description));
    }

    /** An option with a value of type {@code type}; {@code defaultValue} may be null. */
    final <T> Arg<T> option(String names, String label, Class<T> type, String defaultValue, String description) {
        return add(OptionSpec.builder(names.split(", ")).type(type).paramLabel(label).defaultValue(defaultValue)
                .description(description));
    }

    /** A flag of fence-cli itself that every subcommand accepts too, before or after its name. */
    final Arg<Boolean> globalFlag(String names, String description) {
        return add(flagNamed(names, description).scopeType(ScopeType.INHERIT));
    }

    /**
     * A flag of fence-cli itself that may be given more than once, before or after the subcommand's
     * name ({@code -vv status -v}): how many times it was. Counted as each is read, since picocli keeps
     * only the values given after the subcommand's name when it gives them to fence-cli.
     */
    final IntSupplier globalCountedFlag(String names, String description) {
        Count count = new Count();
        add(flagNamed(names, description).scopeType(ScopeType.INHERIT).parameterConsumer(count));
        return count.times::get;
    }

    /**
     * An option of fence-cli itself that every subcommand accepts too; its value read by
     * {@code converter}, or by picocli's own for {@code type} when null.
     */
    final <T> Arg<T> globalOption(String names, String label, Class<T> type, ITypeConverter<T> converter,
            String description) {
        OptionSpec.Builder option = OptionSpec.builder(names.split(", ")).type(type).paramLabel(label)
                .scopeType(ScopeType.INHERIT).description(description);
        return add(converter == null ? option : option.converters(converter));
    }

    private static OptionSpec.Builder flagNamed(String names, String description) {
        return OptionSpec.builder(names.split(", ")).type(boolean.class).initialValue(false).description(description);
    }

    private <T> Arg<T> add(OptionSpec.Builder option) {
        OptionSpec built = option.build();
        spec.addOption(built);
        return new Arg<>(built);
    }

    /** Counts a flag's occurrences; a named class, not a lambda (see FenceCli.withSubcommands). */
    private static final class Count implements IParameterConsumer {
        private final AtomicInteger times = new AtomicInteger();

        @Override
        public void consumeParameters(Stack<String> args, ArgSpec arg, CommandSpec command) {
            times.incrementAndGet();
        }
    }

    /** A declared option or parameter; its value once the command line is parsed. */
    static final class Arg<T> {
        private final ArgSpec arg;

        private Arg(ArgSpec arg) {
            this.arg = arg;
        }

        T value() {
            return arg.getValue();
        }
    }
}
