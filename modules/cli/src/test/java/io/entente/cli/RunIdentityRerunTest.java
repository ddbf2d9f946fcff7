package io.entente.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.entente.core.Resources;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A rerun after a change of models or knowledge files redoes what it must and ends like a fresh run:
 * one gazetteer row, one tokenizer abbreviation (both through --models, never the packaged files)
 * and the theme classifier.
 */
class RunIdentityRerunTest {
    @TempDir
    Path tmp;

    private void assertSameAsAFreshRun(Path out, String... options) throws Exception {
        Path fresh = tmp.resolve("fresh-" + Math.abs(String.join(" ", options).hashCode()));
        String[] args = new String[options.length + 4];
        args[0] = "analyze";
        args[1] = tmp.resolve("in").toString();
        args[2] = "--out";
        args[3] = fresh.toString();
        System.arraycopy(options, 0, args, 4, options.length);
        assertEquals(0, Papers.run(args).status());
        assertEquals(Papers.outputs(fresh), Papers.outputs(out));
    }

    @Test
    void changedKnowledgeOrClassifierRedoesTheDocumentsAndEndsLikeAFreshRun() throws Exception {
        Path in = tmp.resolve("in");
        Papers.write(in, 0, 4); // note-03 is about Norway
        Path out = tmp.resolve("out");
        String o = out.toString();
        Papers.Run first = Papers.run("analyze", in.toString(), "--out", o);
        assertEquals(0, first.status(), first.err());
        assertTrue(Files.readString(out.resolve("note-03.json")).contains("\"NOR\""));

        // Norway's rows (and those of its territories, which name it as their sovereign) removed from the
        // gazetteer: it is no longer a country.
        Path models = tmp.resolve("models");
        Files.createDirectories(models.resolve("gazetteers"));
        String countries = Resources.load(null, "models/gazetteers/countries.tsv").text();
        assertTrue(countries.contains("NOR\tNorway\tname\t"));
        Files.writeString(models.resolve("gazetteers/countries.tsv"), countries.replaceAll("(?m)^(NOR\t.*|.*\tNOR)\n", ""));
        Papers.Run gazetteer = Papers.run("analyze", in.toString(), "--out", o, "--models", models.toString());
        assertTrue(gazetteer.err().contains("(gazetteers/countries.tsv): 4 documents to redo"), gazetteer.err());
        assertTrue(gazetteer.err().contains("4 analyzed, 0 reclassified, 0 unchanged"), gazetteer.err());
        assertFalse(Files.readString(out.resolve("note-03.json")).contains("\"NOR\""));
        assertSameAsAFreshRun(out, "--models", models.toString());

        // One tokenizer abbreviation more.
        Files.createDirectories(models.resolve("tokenize"));
        Files.writeString(models.resolve("tokenize/abbreviations.tsv"),
                Resources.load(null, "models/tokenize/abbreviations.tsv").text() + "Secr\tnever-final\n");
        Papers.Run abbreviation = Papers.run("analyze", in.toString(), "--out", o, "--models", models.toString());
        assertTrue(abbreviation.err().contains("(tokenize/abbreviations.tsv): 4 documents to redo"), abbreviation.err());
        assertTrue(abbreviation.err().contains("4 analyzed, 0 reclassified"), abbreviation.err());
        assertSameAsAFreshRun(out, "--models", models.toString());

        // Unchanged: nothing redone.
        Papers.Run same = Papers.run("analyze", in.toString(), "--out", o, "--models", models.toString());
        assertTrue(same.err().contains("0 analyzed, 0 reclassified, 4 unchanged"), same.err());

        // Another theme classifier: themes reclassified from the layer cache, nothing read or tagged again.
        Papers.Run hybrid = Papers.run("analyze", in.toString(), "--out", o, "--models", models.toString(), "--classifier", "hybrid");
        assertEquals(0, hybrid.status(), hybrid.err());
        assertTrue(hybrid.err().contains("(classifier, semantic-model): 4 documents to redo"), hybrid.err());
        assertTrue(hybrid.err().contains("0 analyzed, 4 reclassified"), hybrid.err());
        assertSameAsAFreshRun(out, "--models", models.toString(), "--classifier", "hybrid");
    }
}
