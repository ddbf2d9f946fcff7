package io.entente.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.entente.core.Document;
import io.entente.input.DocumentReadException;
import io.entente.input.DocumentReader;
import io.entente.input.InputFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MetadataSourcesTest {
    @TempDir
    Path tmp;

    private Document read(MetadataSources sources, Path file, List<String> warnings) throws DocumentReadException {
        InputFiles.InputFile f = new InputFiles.InputFile(file, InputFiles.idFor(file));
        DocumentReader.Result r = new DocumentReader().read(f);
        return sources.apply(f, r.document(), warnings);
    }

    @Test
    void sidecarBeatsFrontMatterBeatsCsvBeatsText() throws Exception {
        Path md = tmp.resolve("paper.md");
        Files.writeString(md, """
                ---
                title: "Front title"
                date: 2018-05-01
                authors: [Kim, Sato]
                tags:
                  - alliance
                  - history
                layout: post
                ---
                # Heading title

                September 3, 2001

                Japan and South Korea met.
                """);
        Path csv = tmp.resolve("meta.csv");
        Files.writeString(csv, "file,title,date,authors,source,tags\npaper.md,CSV title,2015,Lee; Park,CSV Journal,x;y\n");
        List<String> warnings = new ArrayList<>();
        Document d = read(MetadataSources.withCsv(csv), md, warnings);
        assertEquals("Front title", d.info().title());
        assertEquals("2018-05-01", d.info().date());
        assertEquals(List.of("Kim", "Sato"), d.info().authors());
        assertEquals(List.of("alliance", "history"), d.info().tags());
        assertEquals("CSV Journal", d.info().publisher());
        assertEquals(Map.of("title", "front-matter", "date", "front-matter", "authors", "front-matter",
                "tags", "front-matter", "publisher", "metadata-csv"), d.info().origins());
        assertTrue(warnings.isEmpty(), warnings.toString());

        Files.writeString(tmp.resolve("paper.meta.json"), "{\"title\": \"Sidecar title\", \"date\": \"August 22, 2019\"}");
        d = read(MetadataSources.withCsv(csv), md, warnings);
        assertEquals("Sidecar title", d.info().title());
        assertEquals("2019-08-22", d.info().date());
        assertEquals("sidecar", d.info().origins().get("title"));
        assertEquals("front-matter", d.info().origins().get("authors"));
    }

    @Test
    void frontMatterIsBlankedSoOffsetsStillIndexTheFile() throws Exception {
        Path md = tmp.resolve("a.md");
        String text = "---\ntitle: T\n---\nJapan met Korea.\n";
        Files.writeString(md, text);
        Document d = read(MetadataSources.none(), md, new ArrayList<>());
        assertEquals(text.length(), d.text().length());
        assertEquals(text.indexOf("Japan"), d.text().indexOf("Japan"));
        assertTrue(d.text().substring(0, text.indexOf("Japan")).isBlank());
        assertEquals("T", d.info().title());
    }

    @Test
    void textDatelineIsTheLastResort() throws Exception {
        Path txt = tmp.resolve("b.txt");
        Files.writeString(txt, "Allies and Rivals in Northeast Asia\nAugust 22, 2019\n\nJapan and Korea met again.\n");
        Document d = read(MetadataSources.none(), txt, new ArrayList<>());
        assertEquals("2019-08-22", d.info().date());
        assertEquals("text", d.info().origins().get("date"));
    }

    @Test
    void badDatesWarnAndAreIgnored() throws Exception {
        Path txt = tmp.resolve("c.txt");
        Files.writeString(txt, "Japan and Korea met.\n");
        Files.writeString(tmp.resolve("c.meta.json"), "{\"date\": \"sometime in spring\"}");
        List<String> warnings = new ArrayList<>();
        Document d = read(MetadataSources.none(), txt, warnings);
        assertNull(d.info().date());
        assertTrue(warnings.get(0).contains("not a date"), warnings.toString());
    }

    @Test
    void aSidecarWithAnUnknownKeyFailsThatDocumentWithItsName() throws Exception {
        Path txt = tmp.resolve("d.txt");
        Files.writeString(txt, "Japan and Korea met.\n");
        Files.writeString(tmp.resolve("d.meta.json"), "{\"titel\": \"typo\"}");
        DocumentReadException e = assertThrows(DocumentReadException.class, () -> read(MetadataSources.none(), txt, new ArrayList<>()));
        assertTrue(e.getMessage().contains("d.meta.json") && e.getMessage().contains("titel"), e.getMessage());
    }

    @Test
    void aSidecarThatIsNotJsonFailsWithOneLineNamingWhere() throws Exception {
        Path txt = tmp.resolve("e.txt");
        Files.writeString(txt, "Japan and Korea met.\n");
        Files.writeString(tmp.resolve("e.meta.json"), "{\"title\": \"cut short\",\n");
        DocumentReadException e = assertThrows(DocumentReadException.class, () -> read(MetadataSources.none(), txt, new ArrayList<>()));
        assertTrue(e.getMessage().startsWith(txt + ": sidecar e.meta.json is not valid JSON (line 2, column 1): Unexpected end-of-input"),
                e.getMessage());
        assertEquals(1, e.getMessage().lines().count(), e.getMessage());
        assertFalse(e.getMessage().contains("Source:"), e.getMessage());
        Files.write(tmp.resolve("e.meta.json"), new byte[] {'{', '"', 't', 'i', 't', 'l', 'e', '"', ':', '"', (byte) 0xE9, '"', '}'});
        e = assertThrows(DocumentReadException.class, () -> read(MetadataSources.none(), txt, new ArrayList<>()));
        assertTrue(e.getMessage().endsWith("sidecar e.meta.json is not UTF-8 text"), e.getMessage());
    }

    @Test
    void csvErrorsNameTheFileAndTheProblem() throws IOException {
        Path csv = tmp.resolve("m.csv");
        Files.writeString(csv, "name,title\nx,y\n");
        IOException e = assertThrows(IOException.class, () -> MetadataSources.withCsv(csv));
        assertTrue(e.getMessage().contains("m.csv") && e.getMessage().contains("'file'"), e.getMessage());
        Files.writeString(csv, "file,title\n\"a.txt\",\"Quoted, with comma\",extra\n");
        e = assertThrows(IOException.class, () -> MetadataSources.withCsv(csv));
        assertTrue(e.getMessage().contains("line 2"), e.getMessage());
    }

    @Test
    void brokenQuotingIsAnErrorNamingTheFileAndLine() throws IOException {
        Path csv = tmp.resolve("q.csv");
        Files.writeString(csv, "file,title\na.txt,\"Open quote that never\nends\n");
        IOException e = assertThrows(IOException.class, () -> MetadataSources.withCsv(csv));
        assertTrue(e.getMessage().startsWith(csv + ": line 2: a quoted field is never closed"), e.getMessage());
        Files.writeString(csv, "file,title\na.txt,ok\nb.txt,\"Closed\" then text\n");
        e = assertThrows(IOException.class, () -> MetadataSources.withCsv(csv));
        assertTrue(e.getMessage().startsWith(csv + ": line 3: text after a closing quote"), e.getMessage());
        // a quoted field over two lines: the next row's line is still its line in the file
        Files.writeString(csv, "file,title\na.txt,\"Two\nlines\"\nb.txt,x,extra\n");
        e = assertThrows(IOException.class, () -> MetadataSources.withCsv(csv));
        assertTrue(e.getMessage().contains("line 4 has 3 fields"), e.getMessage());
    }

    @Test
    void aBadValueWarnsWithFileLineColumnAndValueAndThePaperKeepsTheRest() throws Exception {
        Path txt = tmp.resolve("brief.txt");
        Files.writeString(txt, "Japan and Korea met.\n");
        Path csv = tmp.resolve("meta.csv");
        Files.writeString(csv, "file,title,date,authors\nother.txt,Other,2017,Ann\nbrief.txt,The Brief,2016-13-45,Lee; Park\n");
        MetadataSources sources = MetadataSources.withCsv(csv); // no exception: a bad value is not a broken CSV
        InputFiles.InputFile f = new InputFiles.InputFile(txt, "brief");
        List<String> w = sources.csvWarnings(List.of(f));
        assertTrue(w.contains(csv + " line 3, column date: '2016-13-45' is not a date (use YYYY, YYYY-MM or YYYY-MM-DD); "
                + "ignored, brief.txt keeps the row's other values"), w.toString());
        List<String> warnings = new ArrayList<>();
        Document d = read(sources, txt, warnings);
        assertEquals("The Brief", d.info().title());
        assertEquals(List.of("Lee", "Park"), d.info().authors());
        assertNull(d.info().date());
        assertTrue(warnings.isEmpty(), "said once, at the start, not per document: " + warnings);
    }

    @Test
    void rowsMatchingNoInputAreNamedByLine() throws Exception {
        Path csv = tmp.resolve("meta.csv");
        Files.writeString(csv, "file,title\npapers/a.txt,A\nb.txt,B\nc,C\nghost.pdf,Ghost\n");
        MetadataSources sources = MetadataSources.withCsv(csv).withDateFromName();
        List<InputFiles.InputFile> files = List.of(new InputFiles.InputFile(Path.of("papers/a.txt"), "a"),
                new InputFiles.InputFile(Path.of("in/b.txt"), "b"), new InputFiles.InputFile(Path.of("in/c.md"), "c"));
        assertEquals(List.of(csv + " line 5: 'ghost.pdf' matches no input file"), sources.csvWarnings(files));
        List<String> all = sources.csvWarnings(List.of());
        assertEquals(4, all.size(), all.toString());
        assertTrue(MetadataSources.none().csvWarnings(List.of()).isEmpty());
    }

    @Test
    void aRepeatedFileWarnsAndTheLaterRowCounts() throws Exception {
        Path txt = tmp.resolve("e.txt");
        Files.writeString(txt, "Japan and Korea met.\n");
        Path csv = tmp.resolve("dup.csv");
        Files.writeString(csv, "file,title\ne.txt,First\ne.txt,Second\n");
        MetadataSources sources = MetadataSources.withCsv(csv);
        assertEquals(List.of(csv + " line 3: e.txt was given on line 2 too; line 3 counts"),
                sources.csvWarnings(List.of(new InputFiles.InputFile(txt, "e"))));
        assertEquals("Second", read(sources, txt, new ArrayList<>()).info().title());
    }

    @Test
    void datesNormalize() {
        assertEquals("2019", MetadataSources.normalizeDate("2019"));
        assertEquals("2019-08", MetadataSources.normalizeDate("2019-08"));
        assertEquals("2019-08-22", MetadataSources.normalizeDate("2019-08-22T10:00:00Z"));
        assertEquals("2001-09-17", MetadataSources.normalizeDate("Sept 17, 2001"));
        assertEquals("2015-11-05", MetadataSources.normalizeDate("5 November 2015"));
        assertNull(MetadataSources.normalizeDate("2019-02-30"));
        assertNull(MetadataSources.normalizeDate("soon"));
    }

    @Test
    void datesInFileNames() {
        assertEquals("2019-08-22", MetadataSources.dateInName(Path.of("brief-2019-08-22.txt")));
        assertEquals("2019-08", MetadataSources.dateInName(Path.of("2019_08 alliance note.md")));
        assertEquals("2007", MetadataSources.dateInName(Path.of("report.2007.pdf")));
        assertEquals("2019-02", MetadataSources.dateInName(Path.of("x-2019-02-30.txt")), "an impossible day leaves the month");
        assertNull(MetadataSources.dateInName(Path.of("paper-v2.txt")));
        assertNull(MetadataSources.dateInName(Path.of("id-120190.txt")), "not inside a longer number");
        assertNull(MetadataSources.dateInName(Path.of("isbn-1234567.txt")));
    }

    @Test
    void dateFromNameIsUsedOnlyWhenAskedAndRecordsItsOrigin() throws Exception {
        Path txt = tmp.resolve("note-2016-03.txt");
        Files.writeString(txt, "Alliance note\n\nJune 4, 2015\n\nJapan and Australia met to discuss maritime security.\n");
        Document plain = read(MetadataSources.none(), txt, new ArrayList<>());
        assertEquals("2015-06-04", plain.info().date());
        assertEquals("text", plain.info().origins().get("date"));
        Document named = read(MetadataSources.none().withDateFromName(), txt, new ArrayList<>());
        assertEquals("2016-03", named.info().date());
        assertEquals("file-name", named.info().origins().get("date"));
        Files.writeString(tmp.resolve("note-2016-03.meta.json"), "{\"date\": \"2017-01-02\"}");
        Document sidecar = read(MetadataSources.none().withDateFromName(), txt, new ArrayList<>());
        assertEquals("2017-01-02", sidecar.info().date(), "a sidecar still wins");
        assertEquals("sidecar", sidecar.info().origins().get("date"));
    }
}
