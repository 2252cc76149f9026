package org.fence4j.agents.process;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Predicate;

/** Is a command word an executable file, directly or on a search path (as upstream's {@code which}). */
public final class ExecutableSearch implements Predicate<String> {
    private final String searchPath;

    public ExecutableSearch(String searchPath) {
        this.searchPath = searchPath == null ? "" : searchPath;
    }

    /** The search path of this process. */
    public static ExecutableSearch ofEnvironment() {
        return new ExecutableSearch(System.getenv("PATH"));
    }

    public String searchPath() {
        return searchPath;
    }

    @Override
    public boolean test(String word) {
        return find(word).isPresent();
    }

    /** The executable file {@code word} names: itself when it holds a slash, else the first on the search path. */
    public Optional<Path> find(String word) {
        if (word.contains("/")) {
            return Optional.of(Path.of(word)).filter(ExecutableSearch::executable);
        }
        for (String dir : searchPath.split(File.pathSeparator)) {
            if (!dir.isEmpty() && executable(Path.of(dir, word))) {
                return Optional.of(Path.of(dir, word));
            }
        }
        return Optional.empty();
    }

    private static boolean executable(Path file) {
        return Files.isRegularFile(file) && Files.isExecutable(file);
    }
}
