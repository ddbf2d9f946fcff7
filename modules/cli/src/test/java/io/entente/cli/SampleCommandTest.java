package io.entente.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SampleCommandTest {
    @TempDir
    Path tmp;

    private static final String PROSE = "Japan and South Korea agreed to share more intelligence on missiles. "
            + "Both governments still argue about the history of the colonial period.\n";

    @Test
    void textsInAnyEncodingAreSampledAndUnreadableOnesAreNoted() throws Exception {
        Path in = Files.createDirectories(tmp.resolve("in"));
        Files.write(in.resolve("latin1.txt"), ("Caf\u00e9 owners in Seoul watched the talks closely. " + PROSE).getBytes("ISO-8859-1")); // was 'Input length = 1', exit 1
        Files.write(in.resolve("empty.txt"), new byte[0]);
        Path out = tmp.resolve("out");
        Papers.Run r = Papers.run("sample", in.toString(), "--out", out.toString(), "--docs", "2", "--tokens", "200");
        assertEquals(0, r.status(), r.err());
        assertTrue(r.err().contains("not sampling " + in.resolve("empty.txt") + ": empty file"), r.err());
        String sampled = Files.readString(out.resolve("doc-00001.txt")) + Files.readString(out.resolve("doc-00002.txt"));
        assertTrue(sampled.contains("Caf\u00e9 owners in Seoul") && sampled.contains("Both governments still argue"), sampled);
        assertTrue(Files.exists(out.resolve("doc-00002.txt")) && !Files.exists(out.resolve("doc-00003.txt")));
    }

    @Test
    void impossibleCountsAndYearsAreUsageErrors() throws Exception {
        Path in = Files.writeString(tmp.resolve("a.txt"), PROSE);
        Path out = tmp.resolve("out");
        String[][] bad = {{"--from-year", "2020", "--to-year", "2010"}, {"--docs", "0"}, {"--tokens", "-3"}};
        String[] said = {"--from-year 2020 is after --to-year 2010", "--docs must be at least 1", "--tokens must be at least 1"};
        for (int i = 0; i < bad.length; i++) {
            String[] args = new String[4 + bad[i].length];
            System.arraycopy(new String[] {"sample", in.toString(), "--out", out.toString()}, 0, args, 0, 4);
            System.arraycopy(bad[i], 0, args, 4, bad[i].length);
            Papers.Run r = Papers.run(args);
            assertEquals(2, r.status(), r.err());
            assertTrue(r.err().contains(said[i]), r.err());
        }
        assertFalse(Files.exists(out));
    }
}
