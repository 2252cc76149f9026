package org.fence4j.agents.files;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;

/**
 * A file's st_mode as the JDK's "unix:mode" attribute gives it: its type and permission bits, and
 * the one rule of what a private file is (the configuration with inline secrets, a secret file).
 */
public final class UnixMode {
    public static final int TYPE_MASK = 0170000;
    public static final int FIFO = 0010000;
    public static final int CHARACTER_DEVICE = 0020000;
    public static final int DIRECTORY = 0040000;
    public static final int BLOCK_DEVICE = 0060000;
    public static final int REGULAR = 0100000;
    public static final int SYMLINK = 0120000;
    public static final int SOCKET = 0140000;
    public static final int STICKY = 01000;
    public static final int PERMISSIONS = 07777;
    public static final int GROUP_OTHERS_WRITE = 0022;
    /** Any access of group or others. */
    public static final int GROUP_OTHERS_ANY = 0077;

    private UnixMode() {
    }

    /** The mode of {@code path} itself, a link not followed. */
    public static int of(Path path) throws IOException {
        return (Integer) Files.getAttribute(path, "unix:mode", LinkOption.NOFOLLOW_LINKS);
    }

    public static int type(int mode) {
        return mode & TYPE_MASK;
    }

    /**
     * Only its owner may read it, as ssh wants of a private key: no group or others bit at all
     * (a group that may read it is as many readers as the group has, now or later).
     */
    public static boolean isPrivate(int mode) {
        return (mode & GROUP_OTHERS_ANY) == 0;
    }

    /** "0640": the permission bits as chmod takes them. */
    public static String octal(int mode) {
        return String.format("%04o", mode & PERMISSIONS);
    }

    /** What a file of this type is, for messages: "a FIFO (named pipe)", "a directory". */
    public static String kind(int mode) {
        return switch (type(mode)) {
            case FIFO -> "a FIFO (named pipe)";
            case CHARACTER_DEVICE -> "a character device";
            case DIRECTORY -> "a directory";
            case BLOCK_DEVICE -> "a block device";
            case REGULAR -> "a regular file";
            case SYMLINK -> "a symbolic link";
            case SOCKET -> "a socket";
            default -> "of file type " + Integer.toOctalString(type(mode));
        };
    }
}
