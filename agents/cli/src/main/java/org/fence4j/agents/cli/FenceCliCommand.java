package org.fence4j.agents.cli;

import java.util.concurrent.Callable;

/**
 * A fence-cli subcommand contributed by an agent module (e.g. meatware's {@code confirm}),
 * found with {@link java.util.ServiceLoader}. Implementations are picocli {@code @Command}
 * classes with a public no-argument constructor; their {@code call()} returns the exit code.
 * Register in {@code META-INF/services/org.fence4j.agents.cli.FenceCliCommand}. (fence-cli's own
 * commands are declared in code, {@link CliCommand}, since they are timed; a module's command is
 * read from its annotations only when it runs or help lists every command.)
 */
public interface FenceCliCommand extends Callable<Integer> {
}
