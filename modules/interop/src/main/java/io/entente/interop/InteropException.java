package io.entente.interop;

/**
 * A file another tool made (or a file for one) that cannot be read or written: the message names the
 * file, the line or element, and the problem.
 */
public final class InteropException extends RuntimeException {
    private final String file;

    public InteropException(String file, String where, String problem) {
        super(file + (where == null || where.isEmpty() ? "" : " " + where) + ": " + problem);
        this.file = file;
    }

    public InteropException(String file, String where, String problem, Throwable cause) {
        super(file + (where == null || where.isEmpty() ? "" : " " + where) + ": " + problem, cause);
        this.file = file;
    }

    /** The file the problem is in. */
    public String file() {
        return file;
    }
}
