package io.entente.input;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.entente.core.Document;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Whatever bytes a file holds, under whatever extension, {@link DocumentReader#read} either returns a
 * document whose pages start in ascending order within its text, or throws a
 * {@link DocumentReadException} naming the file: nothing else escapes.
 */
class ReaderPropertiesTest {
    private static final List<String> EXTENSIONS = List.of("txt", "md", "pdf", "docx", "html");
    private static final DocumentReader ANY_LANGUAGE =
            new DocumentReader(ReaderOptions.defaults().withAcceptAnyLanguage(true));
    private static final DocumentReader DEFAULT = new DocumentReader();
    private static Path dir;
    private static Map<String, byte[]> valid;

    @BeforeContainer
    static void setUp() throws Exception {
        dir = Files.createTempDirectory("entente-props");
        valid = Map.of(
                "pdf", PdfReaderTest.journalPdf(),
                "docx", DocxReaderTest.paperDocx(),
                "html", HtmlReaderTest.PAGE.getBytes(StandardCharsets.UTF_8),
                "txt", LanguageTest.ENGLISH.getBytes(StandardCharsets.UTF_8));
    }

    @AfterContainer
    static void tearDown() throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    @Provide
    Arbitrary<String> extensions() {
        return Arbitraries.of(EXTENSIONS);
    }

    @Property(tries = 200, shrinking = ShrinkingMode.BOUNDED)
    void randomBytesUnderAnyExtension(@ForAll("extensions") String ext, @ForAll @Size(max = 3000) byte[] bytes,
                                      @ForAll boolean anyLanguage) {
        check(write("random." + ext, bytes), anyLanguage);
    }

    /** Random bytes behind each format's magic, so that every format reader sees garbage. */
    @Property(tries = 200, shrinking = ShrinkingMode.BOUNDED)
    void randomBytesBehindAFormatsMagic(@ForAll("extensions") String ext, @ForAll("magic") String magic,
                                        @ForAll @Size(max = 3000) byte[] tail) {
        byte[] head = magic.getBytes(StandardCharsets.ISO_8859_1);
        byte[] bytes = Arrays.copyOf(head, head.length + tail.length);
        System.arraycopy(tail, 0, bytes, head.length, tail.length);
        check(write("magic." + ext, bytes), true);
    }

    @Provide
    Arbitrary<String> magic() {
        return Arbitraries.of("%PDF-1.4\n", "%PDF-1.7\n%\u00e2\u00e3\u00cf\u00d3\n1 0 obj\n<<", "PK\u0003\u0004",
                "<!DOCTYPE html><html><body><p>", "<html><head><meta charset=\"utf-8\">", "---\ntitle: x\n---\n",
                "\u00ef\u00bb\u00bf", "\u00ff\u00fe", "\u00fe\u00ff", "{\\rtf1");
    }

    /** Valid PDF, DOCX, HTML and text files, truncated or with bytes overwritten, inserted or zeroed. */
    @Property(tries = 200, shrinking = ShrinkingMode.BOUNDED)
    void mutatedValidFiles(@ForAll("mutants") byte[] bytes, @ForAll("extensions") String ext) {
        check(write("mutant." + ext, bytes), true);
    }

    @Provide
    Arbitrary<byte[]> mutants() {
        Arbitrary<String> kinds = Arbitraries.of("pdf", "docx", "html", "txt");
        Arbitrary<Integer> ops = Arbitraries.integers().between(0, 3);
        Arbitrary<Double> where = Arbitraries.doubles().between(0, 1);
        Arbitrary<byte[]> noise = Arbitraries.bytes().array(byte[].class).ofMinSize(1).ofMaxSize(64);
        return Combinators.combine(kinds, ops, where, noise).as((kind, op, at, junk) -> {
            byte[] b = valid.get(kind);
            int pos = (int) (at * b.length);
            switch (op) {
                case 0:
                    return Arrays.copyOf(b, pos);
                case 1: {
                    byte[] c = b.clone();
                    for (int i = 0; i < junk.length && pos + i < c.length; i++) {
                        c[pos + i] = junk[i];
                    }
                    return c;
                }
                case 2: {
                    byte[] c = new byte[b.length + junk.length];
                    System.arraycopy(b, 0, c, 0, pos);
                    System.arraycopy(junk, 0, c, pos, junk.length);
                    System.arraycopy(b, pos, c, pos + junk.length, b.length - pos);
                    return c;
                }
                default: {
                    byte[] c = b.clone();
                    Arrays.fill(c, pos, Math.min(c.length, pos + 512), (byte) 0);
                    return c;
                }
            }
        });
    }

    private static Path write(String name, byte[] bytes) {
        try {
            Path p = dir.resolve(name);
            Files.write(p, bytes);
            return p;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void check(Path p, boolean anyLanguage) {
        DocumentReader reader = anyLanguage ? ANY_LANGUAGE : DEFAULT;
        try {
            Document d = reader.read(new InputFiles.InputFile(p, "x")).document();
            String text = d.text();
            assertFalse(text.isBlank());
            int last = 0;
            for (int start : d.pageStarts()) {
                assertTrue(start >= last && start <= text.length(), "page starts ascend within the text: "
                        + d.pageStarts() + " for " + text.length() + " chars");
                last = start;
            }
            if (!d.pageStarts().isEmpty()) {
                assertEquals(0, d.pageStarts().get(0));
            }
            Statistics.collect(d.info().format() + ": read");
        } catch (DocumentReadException e) {
            String cause = e.getMessage().substring(p.toString().length() + 2);
            Statistics.collect("refused: " + cause.replaceAll("[:(\\d].*", "").strip());
            assertTrue(e.getMessage().startsWith(p + ": "), e.getMessage());
            assertEquals(p, e.path());
        }
    }
}
