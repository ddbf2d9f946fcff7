package io.entente.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalSourceTest {
    @TempDir
    Path dir;

    @Test
    void opensARegularFile() throws IOException {
        Path f = Files.writeString(dir.resolve("a.txt"), "Japan and Korea met.\n");
        try (InputStream in = new LocalSource(f).open()) {
            assertEquals("Japan and Korea met.\n", new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
        }
    }

    @Test
    void aNamedPipeIsRefusedInsteadOfBlockingTheRun() throws Exception {
        Path fifo = dir.resolve("pipe.txt");
        Assumptions.assumeTrue(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor() == 0, "mkfifo is available");
        // Opening a FIFO with no writer blocks for ever; the planner hashes every input before reading it.
        IOException e = assertTimeoutPreemptively(Duration.ofSeconds(10),
                () -> assertThrows(IOException.class, () -> new LocalSource(fifo).open()));
        assertTrue(e.getMessage().contains("not a regular file"), e.getMessage());
        assertTrue(Planner.inputHash(new LocalSource(fifo)).startsWith("unreadable:"));
    }
}
