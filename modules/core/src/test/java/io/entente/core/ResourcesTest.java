package io.entente.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResourcesTest {
    /** Packaged in src/test/resources. */
    private static final String PACKAGED = "models/test/sample.txt";

    @Test
    void loadsClasspathResourceWhenNoUserPath() {
        Resources.Loaded r = Resources.load(null, PACKAGED);
        assertEquals("classpath:" + PACKAGED, r.origin());
        assertEquals("packaged copy\n", r.text());
    }

    @Test
    void userPathOverridesClasspath(@TempDir Path dir) throws IOException {
        Path user = dir.resolve("mine.txt");
        Files.writeString(user, "user copy\n");
        Resources.Loaded r = Resources.load(user, PACKAGED);
        assertEquals(user.toString(), r.origin());
        assertEquals("user copy\n", r.text());
        assertArrayEquals("user copy\n".getBytes(StandardCharsets.UTF_8), r.bytes());
    }

    @Test
    void missingClasspathResourceGivesClearError() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> Resources.load(null, "models/nowhere/missing.tsv"));
        assertTrue(e.getMessage().contains("models/nowhere/missing.tsv"), e.getMessage());
        assertTrue(e.getMessage().contains("not found"), e.getMessage());
    }

    @Test
    void missingUserPathNamesThePath(@TempDir Path dir) {
        Path missing = dir.resolve("absent.tsv");
        UncheckedIOException e = assertThrows(UncheckedIOException.class, () -> Resources.load(missing, PACKAGED));
        assertTrue(e.getMessage().contains(missing.toString()), e.getMessage());
    }

    @Test
    void sha256OfAbcIsTheKnownValue() {
        String abc = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";
        assertEquals(abc, Resources.sha256("abc"));
        assertEquals(abc, Resources.sha256("abc".getBytes(StandardCharsets.US_ASCII)));
        assertEquals(abc, new Resources.Loaded("x", "abc".getBytes(StandardCharsets.UTF_8)).sha256());
        assertEquals("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", Resources.sha256(""));
    }

    @Test
    void textDropsByteOrderMarkButHashCoversBytes() {
        byte[] withBom = "\uFEFFabc".getBytes(StandardCharsets.UTF_8);
        Resources.Loaded r = new Resources.Loaded("x", withBom);
        assertEquals("abc", r.text());
        assertEquals(Resources.sha256(withBom), r.sha256());
        assertTrue(!r.sha256().equals(Resources.sha256("abc")));
    }
}
