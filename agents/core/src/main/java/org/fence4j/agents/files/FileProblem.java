package org.fence4j.agents.files;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;

/**
 * What went wrong with a file, in words and without its path: the JDK's file exceptions carry only
 * the path as their message ("/tmp/x" for a missing directory), which says nothing on its own, and
 * a secret file's path is not to be shown at all. Callers name the file where they may.
 */
public final class FileProblem {
    private FileProblem() {
    }

    /** e.g. "there is no such file", "permission denied", "Not a directory". */
    public static String of(IOException e) {
        if (e instanceof NoSuchFileException) {
            return "there is no such file";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof FileSystemException fs) {
            return fs.getReason() != null ? fs.getReason() : e.getClass().getSimpleName();
        }
        return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    }

    /** The same, after the file it concerns when the exception names one: "/run/x: there is no such file". */
    public static String named(IOException e) {
        return e instanceof FileSystemException fs && fs.getFile() != null ? fs.getFile() + ": " + of(e) : of(e);
    }
}
