package io.entente.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {
    @TempDir
    Path dir;

    private List<String> names() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void writesContent() throws IOException {
        Path target = dir.resolve("report.json");
        AtomicFiles.write(target, "{\"a\": \"\u00E9\u65E5\"}\n");
        assertEquals("{\"a\": \"\u00E9\u65E5\"}\n", Files.readString(target, StandardCharsets.UTF_8));
        assertEquals(List.of("report.json"), names());
    }

    @Test
    void replacesExistingFile() throws IOException {
        Path target = dir.resolve("report.md");
        Files.writeString(target, "old content that is longer than the new one\n");
        AtomicFiles.write(target, "new\n");
        assertEquals("new\n", Files.readString(target));
        AtomicFiles.write(target, "newer\n");
        assertEquals("newer\n", Files.readString(target));
        assertEquals(List.of("report.md"), names());
    }

    @Test
    void createsMissingFolders() throws IOException {
        Path target = dir.resolve("out/reports/deep/doc.json");
        AtomicFiles.write(target, "x");
        assertEquals("x", Files.readString(target));
    }

    @Test
    void leavesNoTemporaryFileBehind() throws IOException {
        for (int i = 0; i < 5; i++) {
            AtomicFiles.write(dir.resolve("doc" + i + ".json"), "content " + i);
        }
        AtomicFiles.write(dir.resolve("doc0.json"), "again");
        List<String> names = names();
        assertEquals(List.of("doc0.json", "doc1.json", "doc2.json", "doc3.json", "doc4.json"), names);
        assertTrue(names.stream().noneMatch(n -> n.endsWith(".tmp") || n.startsWith(".")), names.toString());
    }

    @Test
    void relativeTargetWorks() throws IOException {
        Path target = dir.resolve("rel.txt");
        Path relative = Path.of("").toAbsolutePath().relativize(target);
        AtomicFiles.write(relative, "relative");
        assertEquals("relative", Files.readString(target));
        assertEquals(List.of("rel.txt"), names());
    }

    @Test
    void outputsGetTheUmaskPermissionsOfAnyNewFileNotThoseOfATemporaryFile() throws IOException {
        org.junit.jupiter.api.Assumptions.assumeTrue(dir.getFileSystem().supportedFileAttributeViews().contains("posix"));
        Path plain = dir.resolve("plain.txt");
        Files.writeString(plain, "x"); // what the umask gives a new file
        Path target = dir.resolve("report.json");
        AtomicFiles.write(target, "x");
        assertEquals(Files.getPosixFilePermissions(plain), Files.getPosixFilePermissions(target));
        assertTrue(Files.getPosixFilePermissions(target).contains(java.nio.file.attribute.PosixFilePermission.OWNER_WRITE));
        AtomicFiles.write(target, "replaced");
        assertEquals(Files.getPosixFilePermissions(plain), Files.getPosixFilePermissions(target));
    }
}
