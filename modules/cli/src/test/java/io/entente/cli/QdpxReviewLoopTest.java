package io.entente.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.entente.gold.GoldCorpus;
import io.entente.gold.GoldDocument;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The loop end to end: analyze papers of our own, export them as a .qdpx, check it against the REFI-QDA
 * schema and the offsets against the text in the archive, edit it as a reviewer would (delete codings,
 * move one to another code, add one), import the review and check what training reads.
 */
class QdpxReviewLoopTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String NS = "urn:QDA-XML:project:1.0";

    @TempDir
    static Path tmp;
    static Path reports;
    static Path qdpx;

    @BeforeAll
    static void analyzeAndExport() throws Exception {
        Path in = tmp.resolve("in");
        Papers.write(in, 0, 3);
        reports = tmp.resolve("reports");
        assertEquals(0, Papers.run("analyze", in.toString(), "--out", reports.toString()).status());
        qdpx = tmp.resolve("project.qdpx");
        Papers.Run r = Papers.run("export", "--format", "qdpx", "--reports", reports.toString(), "--out", qdpx.toString());
        assertEquals(0, r.status(), r.err());
        assertTrue(r.err().contains("3 papers"), r.err());
    }

    static Map<String, byte[]> unzip(Path f) throws Exception {
        Map<String, byte[]> out = new LinkedHashMap<>();
        try (ZipInputStream z = new ZipInputStream(Files.newInputStream(f))) {
            for (ZipEntry e; (e = z.getNextEntry()) != null; ) {
                out.put(e.getName(), z.readAllBytes());
            }
        }
        return out;
    }

    static Document parse(byte[] xml) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newDefaultInstance();
        f.setNamespaceAware(true);
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
    }

    static List<Element> all(Document d, String name) {
        NodeList nl = d.getElementsByTagNameNS(NS, name);
        List<Element> out = new ArrayList<>();
        for (int i = 0; i < nl.getLength(); i++) {
            out.add((Element) nl.item(i));
        }
        return out;
    }

    @Test
    void theProjectValidatesAgainstProjectXsd() throws Exception {
        Path xsd = Path.of(System.getProperty("entente.shared", "../../../shared")).resolve("interop/refi-qda/Project.xsd");
        assertTrue(Files.isRegularFile(xsd), "missing " + xsd.toAbsolutePath().normalize());
        SchemaFactory sf = SchemaFactory.newDefaultInstance();
        var v = sf.newSchema(xsd.toFile()).newValidator();
        v.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        v.validate(new StreamSource(new ByteArrayInputStream(unzip(qdpx).get("project.qde"))));
    }

    @Test
    void everySelectionSelectsItsEvidenceSentenceInTheArchivedText() throws Exception {
        Map<String, byte[]> z = unzip(qdpx);
        Document d = parse(z.get("project.qde"));
        int checked = 0;
        for (Element src : all(d, "TextSource")) {
            String text = new String(z.get("sources/" + src.getAttribute("plainTextPath").substring("internal://".length())), StandardCharsets.UTF_8);
            JsonNode report = JSON.readTree(reports.resolve(src.getAttribute("name") + ".json").toFile());
            Map<String, String> evidence = new LinkedHashMap<>();
            for (JsonNode t : report.get("themes")) {
                for (JsonNode e : t.get("evidence")) {
                    evidence.put(e.get("start").asInt() + "-" + e.get("end").asInt(), e.get("text").asText());
                }
            }
            NodeList sels = src.getElementsByTagNameNS(NS, "PlainTextSelection");
            assertEquals(evidence.size(), sels.getLength(), src.getAttribute("name"));
            for (int i = 0; i < sels.getLength(); i++) {
                Element s = (Element) sels.item(i);
                int a = Integer.parseInt(s.getAttribute("startPosition"));
                int b = Integer.parseInt(s.getAttribute("endPosition"));
                assertEquals(evidence.get(a + "-" + b), text.substring(a, b));
                checked++;
            }
        }
        assertTrue(checked > 0);
        assertTrue(all(d, "VariableValue").size() >= 3, "dates");
    }

    @Test
    void aReviewBecomesGoldThatTrainingReads() throws Exception {
        Map<String, byte[]> z = unzip(qdpx);
        Document d = parse(z.get("project.qde"));
        Map<String, String> codeByName = new LinkedHashMap<>();
        for (Element c : all(d, "Code")) {
            codeByName.put(c.getAttribute("name"), c.getAttribute("guid"));
        }
        Element src = all(d, "TextSource").get(0);
        String id = src.getAttribute("name");
        List<Element> sels = new ArrayList<>();
        NodeList nl = src.getElementsByTagNameNS(NS, "PlainTextSelection");
        for (int i = 0; i < nl.getLength(); i++) {
            sels.add((Element) nl.item(i));
        }
        assertTrue(sels.size() >= 3, "enough coded sentences to edit: " + sels.size());
        // 1. delete the first selection with its codings (as a tool that drops an uncoded selection does)
        Element deleted = sels.get(0);
        int delStart = Integer.parseInt(deleted.getAttribute("startPosition"));
        List<String> deletedThemes = themesOf(deleted, codeByName);
        src.removeChild(deleted);
        // 2. move the second selection's first coding to a code it does not have
        Element moved = sels.get(1);
        int movStart = Integer.parseInt(moved.getAttribute("startPosition"));
        Element ref = (Element) moved.getElementsByTagNameNS(NS, "CodeRef").item(0);
        String from = nameOf(ref.getAttribute("targetGUID"), codeByName);
        String to = codeByName.containsKey("Economic and trade friction between the partners") && !themesOf(moved, codeByName)
                .contains("Economic and trade friction between the partners") ? "Economic and trade friction between the partners"
                : "Non-traditional security";
        ref.setAttribute("targetGUID", codeByName.get(to));
        // 3. add a coding on the title line, which Entente left uncoded
        JsonNode report = JSON.readTree(reports.resolve(id + ".json").toFile());
        JsonNode title = null;
        for (JsonNode sn : report.get("sentences")) {
            if (sn.get("themes").isEmpty() && sn.get("end").asInt() - sn.get("start").asInt() > 4) {
                title = sn;
                break;
            }
        }
        assertTrue(title != null, "a sentence Entente left uncoded");
        Element add = d.createElementNS(NS, "PlainTextSelection");
        add.setAttribute("guid", "0A0B0C0D-0000-4000-8000-000000000001");
        add.setAttribute("startPosition", title.get("start").asText());
        add.setAttribute("endPosition", String.valueOf(title.get("end").asInt() - 2)); // a reviewer's selection is rarely exact
        Element coding = d.createElementNS(NS, "Coding");
        coding.setAttribute("guid", "0A0B0C0D-0000-4000-8000-000000000002");
        Element cr = d.createElementNS(NS, "CodeRef");
        cr.setAttribute("targetGUID", codeByName.get("Mutual distrust"));
        coding.appendChild(cr);
        add.appendChild(coding);
        src.insertBefore(add, src.getElementsByTagNameNS(NS, "PlainTextSelection").item(0));
        Path reviewed = tmp.resolve("reviewed.qdpx");
        z.put("project.qde", serialize(d));
        zip(reviewed, z);

        Path gold = tmp.resolve("gold");
        Run r = run("review", "import", reviewed.toString(), "--original", qdpx.toString(), "--out", gold.toString());
        assertEquals(0, r.status, r.err);
        String line = r.out.lines().filter(l -> l.startsWith(id + "\t")).findFirst().orElseThrow();
        String[] f = line.split("\t");
        // sentences, labelled, added, removed, moved, kept
        assertEquals(report.get("sentences").size(), Integer.parseInt(f[1]), line);
        assertEquals(1, Integer.parseInt(f[3]), "added: " + line);
        assertEquals(deletedThemes.size(), Integer.parseInt(f[4]), "removed: " + line);
        assertEquals(1, Integer.parseInt(f[5]), "moved: " + line);

        GoldCorpus corpus = GoldCorpus.read(gold);
        assertEquals(3, corpus.documents().size());
        GoldDocument doc = corpus.documents().stream().filter(x -> x.id().equals(id)).findFirst().orElseThrow();
        String text = Files.readString(reports.getParent().resolve("in").resolve(id + ".txt"));
        assertEquals(text, doc.text());
        Map<Integer, Set<String>> byStart = new LinkedHashMap<>();
        doc.sentences().forEach(s -> byStart.put(s.start(), s.themes()));
        assertEquals(Set.of("mutual.distrust"), byStart.get(title.get("start").asInt()));
        assertEquals(Set.of(), byStart.get(delStart));
        Set<String> m = byStart.get(movStart);
        assertTrue(m.contains(to.equals("Non-traditional security") ? "nontraditional.security" : "economic.friction"), m.toString());
        assertFalse(m.contains(idOf(from, report)), m + " still has " + from);

        // without --original the reviewed file's own record is the baseline: the deleted selection is gone from it
        Path gold2 = tmp.resolve("gold2");
        r = run("review", "import", reviewed.toString(), "--out", gold2.toString());
        assertEquals(0, r.status, r.err);
        String line2 = r.out.lines().filter(l -> l.startsWith(id + "\t")).findFirst().orElseThrow();
        assertEquals("0", line2.split("\t")[4], line2);
        assertEquals(Files.readString(gold.resolve(id + ".gold.json")), Files.readString(gold2.resolve(id + ".gold.json")));
    }

    @Test
    void anOutFolderGetsTheDefaultProjectFileName() throws Exception {
        Path existing = Files.createDirectories(tmp.resolve("existing"));
        Run into = run("export", "--format", "qdpx", "--reports", reports.toString(), "--out", existing.toString());
        assertEquals(0, into.status, into.err);
        assertTrue(Files.isRegularFile(existing.resolve(ExportCommand.QDPX_FILE_NAME)), into.err);
        assertEquals(existing.resolve(ExportCommand.QDPX_FILE_NAME).toString(), into.out.strip());

        Path slash = tmp.resolve("new-folder");
        Run created = run("export", "--format", "qdpx", "--reports", reports.toString(), "--out", slash + "/");
        assertEquals(0, created.status, created.err);
        assertTrue(Files.isDirectory(slash), "a path ending in / is a folder to create");
        assertTrue(Files.isRegularFile(slash.resolve(ExportCommand.QDPX_FILE_NAME)));
        assertEquals(unzip(qdpx).keySet(), unzip(slash.resolve(ExportCommand.QDPX_FILE_NAME)).keySet());
    }

    @Test
    void reviewImportIntoAnUnwritablePlaceNamesTheCause() throws Exception {
        Path plain = Files.writeString(tmp.resolve("plain-file"), "in the way");
        Run r = run("review", "import", qdpx.toString(), "--out", plain.resolve("gold").toString());
        assertEquals(1, r.status, r.err);
        assertTrue(r.err.contains(plain.resolve("gold") + ": Not a directory"), r.err);
    }

    @Test
    void notAZipOrNoProjectIsAClearError() throws Exception {
        Path bad = Files.writeString(tmp.resolve("bad.qdpx"), "not a zip");
        Run r = run("review", "import", bad.toString(), "--out", tmp.resolve("g").toString());
        assertEquals(2, r.status);
        assertTrue(r.err.contains("bad.qdpx") && r.err.contains("zip"), r.err);
    }

    private static String idOf(String themeName, JsonNode report) {
        for (JsonNode t : report.get("themes")) {
            if (t.get("name").asText().equals(themeName)) {
                return t.get("id").asText();
            }
        }
        return themeName;
    }

    private static List<String> themesOf(Element sel, Map<String, String> codeByName) {
        List<String> out = new ArrayList<>();
        NodeList refs = sel.getElementsByTagNameNS(NS, "CodeRef");
        for (int i = 0; i < refs.getLength(); i++) {
            out.add(nameOf(((Element) refs.item(i)).getAttribute("targetGUID"), codeByName));
        }
        return out;
    }

    private static String nameOf(String guid, Map<String, String> codeByName) {
        return codeByName.entrySet().stream().filter(e -> e.getValue().equals(guid)).findFirst().orElseThrow().getKey();
    }

    private static byte[] serialize(Document d) throws Exception {
        StringWriter w = new StringWriter();
        TransformerFactory.newDefaultInstance().newTransformer().transform(new DOMSource(d), new StreamResult(w));
        return w.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void zip(Path f, Map<String, byte[]> entries) throws Exception {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(b)) {
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                z.putNextEntry(new ZipEntry(e.getKey()));
                z.write(e.getValue());
                z.closeEntry();
            }
        }
        Files.write(f, b.toByteArray());
    }

    private record Run(int status, String out, String err) {
    }

    private static Run run(String... args) {
        java.io.PrintStream oldOut = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        System.setOut(new java.io.PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            Papers.Run r = Papers.run(args);
            return new Run(r.status(), out.toString(StandardCharsets.UTF_8), r.err());
        } finally {
            System.setOut(oldOut);
        }
    }
}
