package io.entente.core;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.NotLinkException;

/**
 * Messages for the user from I/O errors. Java's {@link FileSystemException}s carry only the path as
 * their message ({@code /tmp/x/ro/.entente}); the cause is in the exception's type, or in
 * {@link FileSystemException#getReason()} when the operating system gave one.
 */
public final class IoMessages {
    private IoMessages() {
    }

    /**
     * "PATH: permission denied", "PATH: no such file or directory", "PATH: not a directory",
     * "PATH: file exists", "PATH -> OTHER: REASON"; for other I/O errors their message (or their type
     * when they have none).
     */
    public static String describe(IOException e) {
        if (e instanceof FileSystemException f) {
            String where = f.getFile() == null ? "" : f.getFile();
            if (f.getOtherFile() != null) {
                where = where + " -> " + f.getOtherFile();
            }
            String reason = f.getReason() != null && !f.getReason().isBlank() ? f.getReason() : reasonOf(f);
            if (where.isEmpty()) {
                return reason;
            }
            return reason.isEmpty() ? where : where + ": " + reason;
        }
        if (e.getMessage() == null || e.getMessage().isBlank()) {
            return e.getClass().getSimpleName();
        }
        return e.getMessage();
    }

    /** As {@link #describe(IOException)} for the I/O error inside an {@link UncheckedIOException}. */
    public static String describe(UncheckedIOException e) {
        String inner = describe(e.getCause());
        String message = e.getMessage();
        // The wrapper's own message often adds where ("cannot list DIR: ..."); keep it when it says more.
        if (message != null && !message.equals(e.getCause().toString()) && !message.equals(e.getCause().getMessage())) {
            return message.contains(inner) ? message : message + " (" + inner + ")";
        }
        return inner;
    }

    private static String reasonOf(FileSystemException f) {
        if (f instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (f instanceof NoSuchFileException) {
            return "no such file or directory";
        }
        if (f instanceof NotDirectoryException) {
            return "not a directory";
        }
        if (f instanceof FileAlreadyExistsException) {
            return "file exists";
        }
        if (f instanceof DirectoryNotEmptyException) {
            return "directory not empty";
        }
        if (f instanceof NotLinkException) {
            return "not a symbolic link";
        }
        return "";
    }
}
