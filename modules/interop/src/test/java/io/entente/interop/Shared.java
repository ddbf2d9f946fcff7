package io.entente.interop;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/** Files made by other tools, read where they lie: ../shared/interop beside the repository (CI has it). */
final class Shared {
    private Shared() {
    }

    static Path interop() {
        Path dir = Path.of(System.getProperty("entente.shared", "../../../shared")).resolve("interop");
        assertTrue(Files.isDirectory(dir), "the interop fixtures are missing: " + dir.toAbsolutePath().normalize()
                + " (they lie in ../shared/interop beside the repository; -Dentente.shared=DIR points elsewhere)");
        return dir;
    }

    static Path file(String relative) {
        Path f = interop().resolve(relative);
        assertTrue(Files.isRegularFile(f), "missing fixture " + f);
        return f;
    }
}
