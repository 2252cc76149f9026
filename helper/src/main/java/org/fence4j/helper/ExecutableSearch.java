package org.fence4j.helper;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Predicate;

/** Is a command word an executable file, directly or on a search path (as upstream's {@code which}). */
final class ExecutableSearch implements Predicate<String> {
    private final String searchPath;

    ExecutableSearch(String searchPath) {
        this.searchPath = searchPath == null ? "" : searchPath;
    }

    /** The search path of this process. */
    static ExecutableSearch ofEnvironment() {
        return new ExecutableSearch(System.getenv("PATH"));
    }

    String searchPath() {
        return searchPath;
    }

    @Override
    public boolean test(String word) {
        if (word.contains("/")) {
            return executable(Path.of(word));
        }
        for (String dir : searchPath.split(File.pathSeparator)) {
            if (!dir.isEmpty() && executable(Path.of(dir, word))) {
                return true;
            }
        }
        return false;
    }

    private static boolean executable(Path file) {
        return Files.isRegularFile(file) && Files.isExecutable(file);
    }
}
