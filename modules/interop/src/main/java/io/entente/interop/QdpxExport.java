package io.entente.interop;

import io.entente.core.AtomicFiles;
import io.entente.themes.Codebook;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * An analyzed folder as a REFI-QDA project ({@code .qdpx}) for MAXQDA, NVivo, ATLAS.ti and QualCoder:
 * the codebook as codes (Drivers and Obstacles, see {@link QdaCodes}), every paper as a text source with its
 * plain text in the archive ({@code sources/GUID.txt}), every evidence sentence as a
 * {@code PlainTextSelection} at the report's offsets coded with its themes (score and modality in the
 * selection's description), and the papers' date, year, authors, tags and publisher as variables.
 */
public final class QdpxExport {
    /** The Entente user that made the codings, so that a reviewer's own codings are told apart. */
    static final String USER = QdaCodes.guid("user", "entente");
    static final String VARIABLES = "variables";

    private QdpxExport() {
    }

    /** What was written, and what was left out and why. */
    public record Result(int papers, int selections, int codings, List<String> notes) {
        public Result {
            notes = List.copyOf(notes);
        }
    }

    /** Writes the project of {@code reports} with the codes of {@code codebook} to {@code out}, atomically. */
    public static Result write(Path reports, Codebook codebook, Path out) throws IOException {
        Reports.Folder folder = Reports.read(reports);
        Notes notes = new Notes();
        folder.failed().forEach(f -> notes.add("report " + f + "; left out"));
        Map<String, byte[]> entries = new LinkedHashMap<>();
        Result r = build(reports, folder.papers(), codebook, entries, notes, out.getFileName().toString());
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(buf, StandardCharsets.UTF_8)) {
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                ZipEntry ze = new ZipEntry(e.getKey());
                ze.setTime(0L); // the same reports give the same archive
                z.putNextEntry(ze);
                z.write(e.getValue());
                z.closeEntry();
            }
        }
        AtomicFiles.write(out, buf.toByteArray());
        return r;
    }

    static Result build(Path reports, List<Reports.Paper> papers, Codebook codebook, Map<String, byte[]> entries, Notes notes,
                        String projectName) {
        Document doc = Xml.newDocument();
        String ns = Xml.PROJECT_NS;
        Element project = doc.createElementNS(ns, "Project");
        project.setAttribute("name", projectName.replaceFirst("\\.qdpx$", ""));
        project.setAttribute("origin", "Entente");
        project.setAttribute("creatingUserGUID", USER);
        doc.appendChild(project);
        Element users = el(doc, project, "Users");
        Element user = el(doc, users, "User");
        user.setAttribute("guid", USER);
        user.setAttribute("name", "Entente");
        Element cbEl = el(doc, project, "CodeBook");
        cbEl.appendChild(QdaCodes.codes(doc, ns, codebook));

        String[][] vars = {{"date", "Text", "publication date as the report gives it: YYYY, YYYY-MM or YYYY-MM-DD"},
            {"year", "Integer", "publication year"}, {"authors", "Text", "authors, separated by '; '"},
            {"tags", "Text", "tags, separated by '; '"}, {"publisher", "Text", "publisher"}};
        Map<String, String> varGuid = new LinkedHashMap<>();
        Element variables = el(doc, project, "Variables");
        for (String[] v : vars) {
            Element e = el(doc, variables, "Variable");
            String g = QdaCodes.guid(VARIABLES, v[0]);
            varGuid.put(v[0], g);
            e.setAttribute("guid", g);
            e.setAttribute("name", v[0]);
            e.setAttribute("typeOfVariable", v[1]);
            el(doc, e, "Description").setTextContent(v[2]);
        }

        Element sources = doc.createElementNS(ns, "Sources");
        int selections = 0;
        int codings = 0;
        int exported = 0;
        java.util.Set<String> unknownThemes = new java.util.TreeSet<>();
        for (Reports.Paper p : papers) {
            if (p.codebookId() != null && !p.codebookId().equals(codebook.id())) {
                notes.add(p.id() + ": analyzed with codebook '" + p.codebookId() + "', the codes are those of '" + codebook.id() + "'");
            } else if (p.codebookSha256() != null && codebook.sha256() != null && !p.codebookSha256().equals(codebook.sha256())) {
                notes.add(p.id() + ": analyzed with another version of codebook '" + codebook.id() + "' (sha256 "
                        + p.codebookSha256().substring(0, Math.min(12, p.codebookSha256().length())) + "); the codes are those of "
                        + codebook.origin());
            }
            String text = Reports.text(reports, p.id());
            if (text == null) {
                text = fromSentences(p);
                notes.add(p.id() + ": no layer cache (" + reports.resolve(".entente/cache") + "); the text in the project is the "
                        + "report's sentences at their offsets, with spaces between them");
            }
            String sourceGuid = QdaCodes.guid("source", p.id());
            String path = "sources/" + sourceGuid + ".txt";
            entries.put(path, text.getBytes(StandardCharsets.UTF_8));
            Element src = el(doc, sources, "TextSource");
            src.setAttribute("guid", sourceGuid);
            src.setAttribute("name", p.id());
            src.setAttribute("plainTextPath", "internal://" + sourceGuid + ".txt");
            src.setAttribute("creatingUser", USER);
            if (p.title() != null) {
                el(doc, src, "Description").setTextContent(p.title());
            }
            // one selection per evidence sentence, coded with each of its themes
            Map<Integer, List<Reports.Evidence>> bySentence = new TreeMap<>();
            for (Reports.Evidence e : p.evidence()) {
                if (codebook.theme(e.themeId()) == null) {
                    unknownThemes.add(e.themeId());
                    continue;
                }
                if (e.start() < 0 || e.end() > text.length() || e.start() >= e.end() || !text.substring(e.start(), e.end()).equals(e.text())) {
                    notes.add(p.id() + " sentence " + e.sentence() + ": the report's offsets " + e.start() + "-" + e.end()
                            + " do not select its text in the paper; left out");
                    continue;
                }
                bySentence.computeIfAbsent(e.sentence(), k -> new ArrayList<>()).add(e);
            }
            for (Map.Entry<Integer, List<Reports.Evidence>> s : bySentence.entrySet()) {
                Reports.Evidence first = s.getValue().get(0);
                Element sel = el(doc, src, "PlainTextSelection");
                sel.setAttribute("guid", QdaCodes.guid("selection", p.id(), String.valueOf(s.getKey())));
                sel.setAttribute("name", "sentence " + s.getKey());
                sel.setAttribute("startPosition", String.valueOf(first.start()));
                sel.setAttribute("endPosition", String.valueOf(first.end()));
                sel.setAttribute("creatingUser", USER);
                StringBuilder d = new StringBuilder();
                for (Reports.Evidence e : s.getValue()) {
                    Codebook.Theme t = codebook.theme(e.themeId());
                    d.append(String.format(Locale.ROOT, "%s: score %.3f, %s%n", t.name(), e.score(), e.modality()));
                }
                d.append('\n').append(QdaCodes.BLOCK);
                for (Reports.Evidence e : s.getValue()) {
                    d.append(String.format(Locale.ROOT, "%ntheme: %s %.4f %s", e.themeId(), e.score(), e.modality()));
                }
                el(doc, sel, "Description").setTextContent(d.toString());
                for (Reports.Evidence e : s.getValue()) {
                    Element c = el(doc, sel, "Coding");
                    c.setAttribute("guid", QdaCodes.guid("coding", p.id(), String.valueOf(s.getKey()), e.themeId()));
                    c.setAttribute("creatingUser", USER);
                    el(doc, c, "CodeRef").setAttribute("targetGUID", QdaCodes.themeGuid(codebook, e.themeId()));
                    codings++;
                }
                selections++;
            }
            variable(doc, src, varGuid.get("date"), "TextValue", p.date());
            Integer year = p.date() != null && p.date().matches("\\d{4}.*") ? Integer.valueOf(p.date().substring(0, 4)) : null;
            variable(doc, src, varGuid.get("year"), "IntegerValue", year == null ? null : year.toString());
            variable(doc, src, varGuid.get("authors"), "TextValue", p.authors().isEmpty() ? null : String.join("; ", p.authors()));
            variable(doc, src, varGuid.get("tags"), "TextValue", p.tags().isEmpty() ? null : String.join("; ", p.tags()));
            variable(doc, src, varGuid.get("publisher"), "TextValue", p.publisher());
            exported++;
        }
        if (!unknownThemes.isEmpty()) {
            notes.add("themes in the reports that codebook '" + codebook.id() + "' does not have, left uncoded: " + String.join(", ", unknownThemes));
        }
        if (sources.hasChildNodes()) {
            project.appendChild(sources);
        }
        entries.put(Qdpx.PROJECT, Xml.write(doc).getBytes(StandardCharsets.UTF_8));
        // project.qde first, as tools expect
        Map<String, byte[]> ordered = new LinkedHashMap<>();
        ordered.put(Qdpx.PROJECT, entries.remove(Qdpx.PROJECT));
        ordered.putAll(entries);
        entries.clear();
        entries.putAll(ordered);
        return new Result(exported, selections, codings, notes.lines());
    }

    private static void variable(Document doc, Element src, String guid, String kind, String value) {
        if (value == null || value.isBlank()) {
            return;
        }
        Element vv = el(doc, src, "VariableValue");
        el(doc, vv, "VariableRef").setAttribute("targetGUID", guid);
        el(doc, vv, kind).setTextContent(value);
    }

    /** The report's sentences at their offsets, spaces elsewhere: offsets stay right when the text itself is not at hand. */
    static String fromSentences(Reports.Paper p) {
        int len = p.sentences().stream().mapToInt(Reports.Sentence::end).max().orElse(0);
        char[] c = new char[len];
        java.util.Arrays.fill(c, ' ');
        for (Reports.Sentence s : p.sentences()) {
            if (s.text() == null) {
                continue;
            }
            s.text().getChars(0, Math.min(s.text().length(), s.end() - s.start()), c, s.start());
        }
        return new String(c);
    }

    private static Element el(Document doc, Element parent, String name) {
        Element e = doc.createElementNS(Xml.PROJECT_NS, name);
        parent.appendChild(e);
        return e;
    }
}
