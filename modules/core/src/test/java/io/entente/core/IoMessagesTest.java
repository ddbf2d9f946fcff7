package io.entente.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IoMessagesTest {
    @TempDir
    Path tmp;

    @Test
    void namesTheCauseThatTheExceptionTypeCarries() {
        assertEquals("/r/x: permission denied", IoMessages.describe(new AccessDeniedException("/r/x")));
        assertEquals("/r/x: no such file or directory", IoMessages.describe(new NoSuchFileException("/r/x")));
        assertEquals("/r/x: not a directory", IoMessages.describe(new NotDirectoryException("/r/x")));
        assertEquals("/r/x: file exists", IoMessages.describe(new FileAlreadyExistsException("/r/x")));
        assertEquals("/a.tmp -> /b: Is a directory", IoMessages.describe(new FileSystemException("/a.tmp", "/b", "Is a directory")));
        assertEquals("/r/x: Read-only file system", IoMessages.describe(new FileSystemException("/r/x", null, "Read-only file system")));
        assertEquals("disk full", IoMessages.describe(new IOException("disk full")));
        assertEquals("IOException", IoMessages.describe(new IOException()));
        assertEquals("cannot list /p (/p/q: permission denied)",
                IoMessages.describe(new UncheckedIOException("cannot list /p", new AccessDeniedException("/p/q"))));
    }

    @Test
    void realFailuresOfTheFileSystemGetACause() throws IOException {
        Path file = Files.writeString(tmp.resolve("plain.txt"), "Seoul and Tokyo");
        IOException notDir = assertThrows(IOException.class, () -> Files.createDirectories(file.resolve("sub")));
        assertEquals(file.resolve("sub") + ": Not a directory", IoMessages.describe(notDir), "a file in the way of a folder");
        IOException missing = assertThrows(IOException.class, () -> Files.writeString(tmp.resolve("no/such/x.json"), "{}"));
        assertEquals(tmp.resolve("no/such/x.json") + ": no such file or directory", IoMessages.describe(missing));
    }

    @Test
    void aFolderWithoutWritePermissionSaysPermissionDenied() throws IOException {
        Path ro = Files.createDirectory(tmp.resolve("ro"));
        Files.setPosixFilePermissions(ro, PosixFilePermissions.fromString("r-xr-xr-x"));
        try {
            assumeTrue(!Files.isWritable(ro), "running as root: permissions are not enforced");
            IOException denied = assertThrows(IOException.class, () -> Files.createDirectories(ro.resolve(".entente")));
            assertEquals(ro.resolve(".entente") + ": permission denied", IoMessages.describe(denied));
        } finally {
            Files.setPosixFilePermissions(ro, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }
}
