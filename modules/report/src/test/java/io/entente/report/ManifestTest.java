package io.entente.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ManifestTest {
    @TempDir
    Path out;

    private static Manifest.Entry entry(String id) {
        CorpusSummary.Digest d = new CorpusSummary.Digest(id, "/in/" + id + ".txt", "Title " + id, "2020-01-02", 3, 40,
                List.of(new CorpusSummary.ThemeDigest("threat.shared", "driver", "Shared threat", 0.7, 1)),
                Map.of("JPN", 2), Map.of("JPN", "Japan"));
        return new Manifest.Entry(id, "/in/" + id + ".txt", "ab" + id, 10, 20, "", "up", "th", true, d);
    }

    @Test
    void journaledChangesSurviveAKillBeforeTheSave() throws Exception {
        Manifest m = Manifest.load(out);
        m.put(entry("a"));
        m.put(entry("b"));
        m.save();
        m.put(entry("c"));
        m.remove("a");
        // killed here: no save; the journal holds c and the removal of a
        assertTrue(Files.exists(Manifest.journalFile(out)));
        Manifest reread = Manifest.load(out);
        assertEquals(List.of("b", "c"), List.copyOf(reread.entries().keySet()));
        assertEquals(entry("c"), reread.withDigest("c"));
        reread.save();
        assertFalse(Files.exists(Manifest.journalFile(out)));
        assertEquals(List.of("b", "c"), List.copyOf(Manifest.load(out).entries().keySet()));
    }

    @Test
    void aTornLastLineIsIgnored() throws Exception {
        Manifest m = Manifest.load(out);
        m.put(entry("a"));
        Files.writeString(Manifest.journalFile(out), "{\"op\":\"put\",\"entry\":{\"id\":\"b\",\"sou", StandardCharsets.UTF_8,
                StandardOpenOption.APPEND);
        Manifest reread = Manifest.load(out);
        assertEquals(List.of("a"), List.copyOf(reread.entries().keySet()));
        assertNull(reread.get("b"));
        // and the next append starts on a line of its own
        reread.put(entry("c"));
        assertEquals(List.of("a", "c"), List.copyOf(Manifest.load(out).entries().keySet()));
    }
}
