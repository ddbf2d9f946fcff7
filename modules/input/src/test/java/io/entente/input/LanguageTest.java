package io.entente.input;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LanguageTest {
    static final String GERMAN = "Die Sicherheitszusammenarbeit zwischen Japan und S\u00fcdkorea hat sich in den letzten "
            + "Jahren deutlich verbessert. Beide Regierungen sehen in dem Raketenprogramm Nordkoreas eine gemeinsame "
            + "Bedrohung, doch die Streitfragen der Geschichte belasten das Verh\u00e4ltnis weiterhin. Die Frage der "
            + "Trostfrauen und der Streit um die Inseln f\u00fchren immer wieder zu diplomatischen Krisen. Dennoch haben "
            + "die beiden Verteidigungsministerien ein Abkommen \u00fcber den Austausch milit\u00e4rischer Informationen "
            + "geschlossen, das f\u00fcr die Stabilit\u00e4t der ganzen Region wichtig ist.\n";
    static final String ENGLISH = "Security cooperation between Japan and South Korea has improved markedly in recent "
            + "years. Both governments see a shared threat in North Korea's missile programme, yet disputes over history "
            + "continue to weigh on the relationship. The comfort women issue and the quarrel over the islands lead "
            + "again and again to diplomatic crises. Even so, the two defence ministries have concluded an agreement "
            + "on the exchange of military information that matters for the stability of the whole region.\n";

    @TempDir
    Path dir;

    private InputFiles.InputFile file(String name, String text) throws Exception {
        return TestInputs.write(dir, name, text);
    }

    @Test
    void germanIsRefusedByDefault() throws Exception {
        InputFiles.InputFile f = file("de.txt", GERMAN);
        assertTrue(GERMAN.split("\\s+").length >= 60, "about sixty words");
        DocumentReadException e = assertThrows(DocumentReadException.class, () -> new DocumentReader().read(f));
        assertEquals(f.path() + ": not English (detected: deu); use --lang-any to analyze it anyway", e.getMessage());
    }

    @Test
    void germanIsReadWhenAnyLanguageIsAccepted() throws Exception {
        DocumentReader any = new DocumentReader(ReaderOptions.defaults().withAcceptAnyLanguage(true));
        assertEquals("deu", any.read(file("de.txt", GERMAN)).document().info().language());
    }

    @Test
    void englishIsAcceptedAndTagged() throws Exception {
        DocumentReader.Result r = new DocumentReader().read(file("en.txt", ENGLISH));
        assertEquals("eng", r.document().info().language());
        assertEquals(ENGLISH, r.document().text());
    }

    @Test
    void germanPdfIsRefusedToo() throws Exception {
        byte[] bytes;
        try (PdfFixture pdf = new PdfFixture()) {
            pdf.page();
            String[] words = GERMAN.strip().split(" ");
            StringBuilder line = new StringBuilder();
            float y = 90;
            for (String w : words) {
                if (line.length() + w.length() > 80) {
                    pdf.text(72, y, line.toString().strip());
                    y += 13;
                    line.setLength(0);
                }
                line.append(w).append(' ');
            }
            pdf.text(72, y, line.toString().strip());
            bytes = pdf.bytes();
        }
        Path p = dir.resolve("de.pdf");
        Files.write(p, bytes);
        DocumentReadException e = assertThrows(DocumentReadException.class,
                () -> new DocumentReader().read(new InputFiles.InputFile(p, "de")));
        assertTrue(e.getMessage().endsWith("not English (detected: deu); use --lang-any to analyze it anyway"),
                e.getMessage());
    }

    @Test
    void shortTextsAreNeverRefused() throws Exception {
        String shortGerman = "Die Zusammenarbeit zwischen Japan und Korea ist wichtig f\u00fcr die Region.\n";
        DocumentReader.Result r = new DocumentReader().read(file("short.txt", shortGerman));
        assertEquals(shortGerman, r.document().text());
        LanguageGuesser.Guess g = LanguageGuesser.guess(shortGerman);
        assertTrue(g.letters() < LanguageGuesser.MIN_LETTERS);
    }

    @Test
    void shortEnglishGetsNoUnreliableLanguage() throws Exception {
        DocumentReader.Result r = new DocumentReader(100).read(file("s.txt", "Korea and Japan.\n"));
        assertNull(r.document().info().language());
    }

    @Test
    void guesserIsSharedSafelyBetweenThreads() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<String>> out = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                String text = i % 2 == 0 ? ENGLISH : GERMAN;
                out.add(pool.submit(() -> LanguageGuesser.guess(text).language()));
            }
            for (int i = 0; i < out.size(); i++) {
                assertEquals(i % 2 == 0 ? "eng" : "deu", out.get(i).get());
            }
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void textWithoutLettersHasNoGuess() {
        assertNull(LanguageGuesser.guess("12345 67890 !!!"));
    }
}
