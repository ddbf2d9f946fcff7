package io.entente.interop;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.entente.core.AtomicFiles;
import io.entente.core.Document;
import io.entente.core.DocumentInfo;
import io.entente.core.Resources;
import io.entente.core.Sentence;
import io.entente.themes.Codebook;
import io.entente.tokenize.TokenizeStage;
import io.entente.tokenize.TokenizerConfig;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import org.w3c.dom.Element;

/**
 * Closes the loop: a {@code .qdpx} that a researcher reviewed in a QDA tool (codings kept, deleted, added,
 * moved to another code) becomes a gold folder in the format of CODEBOOK.md ({@code NAME.txt},
 * {@code NAME.gold.json}) that {@code entente train --gold} learns from. Every source is one document:
 * its text from the archive, its sentences as Entente's tokenizer splits them (those the analysis scored),
 * each sentence's themes those of the codings that cover it. What the review changed is counted against
 * Entente's own codings: those of the exported project ({@code original}) when given, else those the
 * reviewed file still records in its selections' descriptions.
 */
public final class ReviewImport {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** Per document: sentences written, and the review's changes to Entente's codings (sentence × theme). */
    public record Counts(String id, int sentences, int labelled, int kept, int added, int removed, int moved) {
    }

    public record Result(List<Counts> documents, List<String> notes) {
        public Result {
            documents = List.copyOf(documents);
            notes = List.copyOf(notes);
        }

        public Counts total() {
            int[] t = new int[6];
            for (Counts c : documents) {
                t[0] += c.sentences();
                t[1] += c.labelled();
                t[2] += c.kept();
                t[3] += c.added();
                t[4] += c.removed();
                t[5] += c.moved();
            }
            return new Counts("total", t[0], t[1], t[2], t[3], t[4], t[5]);
        }
    }

    /** A source of a project: id, text, and its codings as (start, end, theme) selections. */
    record Source(String guid, String name, String title, String text, List<Coded> codings, List<Coded> entente) {
    }

    /** A selection coded with a theme. */
    record Coded(int start, int end, String theme) {
    }

    private final Function<String, List<int[]>> splitter;

    /** With Entente's sentence splitter (the tokenize stage, loaded once). */
    public ReviewImport() {
        TokenizeStage stage = new TokenizeStage(TokenizerConfig.defaults());
        this.splitter = text -> {
            Document d = stage.process(Document.of(new DocumentInfo("review", "review", null, null, Resources.sha256(text)), text));
            List<int[]> out = new ArrayList<>();
            for (Sentence s : d.sentences()) {
                out.add(new int[] {s.start(), s.end()});
            }
            return out;
        };
    }

    /** With another splitter (tests). */
    ReviewImport(Function<String, List<int[]>> splitter) {
        this.splitter = splitter;
    }

    /**
     * Reads {@code reviewed} and writes the gold folder {@code out}.
     *
     * @param original the project as Entente exported it, for counting the changes (null: the reviewed file's own record)
     */
    public Result run(Path reviewed, Path original, Codebook codebook, Path out) throws IOException {
        Notes notes = new Notes();
        List<Source> sources = read(reviewed, codebook, notes);
        if (sources.isEmpty()) { // an empty gold folder would only mislead 'entente train'
            throw new InteropException(reviewed.toString(), "", "no text source to import, nothing written"
                    + (notes.lines().isEmpty() ? "" : " (" + String.join("; ", notes.lines()) + ")"));
        }
        Map<String, Source> baseline = new HashMap<>();
        if (original != null) {
            for (Source s : read(original, codebook, new Notes())) {
                baseline.put(s.guid(), s);
                baseline.putIfAbsent("name:" + s.name(), s);
            }
        }
        Files.createDirectories(out);
        List<Counts> counts = new ArrayList<>();
        java.util.Set<String> ids = new java.util.HashSet<>();
        for (Source s : sources) {
            List<int[]> sentences = splitter.apply(s.text());
            List<Set<String>> now = labels(sentences, s.codings());
            List<Coded> before;
            if (original == null) {
                before = s.entente();
            } else {
                Source o = baseline.getOrDefault(s.guid(), baseline.get("name:" + s.name()));
                if (o == null) {
                    notes.add(s.name() + ": not in " + original + "; every coding counts as added");
                    before = List.of();
                } else {
                    before = o.codings();
                }
            }
            List<Set<String>> was = labels(sentences, before);
            int kept = 0;
            int added = 0;
            int removed = 0;
            int moved = 0;
            int labelled = 0;
            for (int i = 0; i < sentences.size(); i++) {
                Set<String> b = was.get(i);
                Set<String> r = now.get(i);
                if (!r.isEmpty()) {
                    labelled++;
                }
                int both = (int) r.stream().filter(b::contains).count();
                int gone = b.size() - both;
                int fresh = r.size() - both;
                int m = Math.min(gone, fresh);   // a theme taken off a sentence and another put on it: moved
                kept += both;
                moved += m;
                removed += gone - m;
                added += fresh - m;
            }
            String id = fileId(s.name(), ids);
            write(out, id, s, sentences, now, reviewed);
            counts.add(new Counts(id, sentences.size(), labelled, kept, added, removed, moved));
        }
        return new Result(counts, notes.lines());
    }

    /** A file name for the document: the source's name with characters other than letters, digits, '.', '-', '_' as '_'. */
    private static String fileId(String name, java.util.Set<String> used) {
        String id = name.replaceAll("[^A-Za-z0-9._-]+", "_").replaceAll("^[._]+", "");
        if (id.isEmpty()) {
            id = "source";
        }
        String base = id;
        for (int n = 2; !used.add(id); n++) {
            id = base + "-" + n;
        }
        return id;
    }

    /**
     * Each sentence's themes: a coding covers the sentences it holds at least half of, or, when it holds
     * half of none (a few words coded), the sentence it overlaps most.
     */
    static List<Set<String>> labels(List<int[]> sentences, List<Coded> codings) {
        List<Set<String>> out = new ArrayList<>();
        sentences.forEach(s -> out.add(new TreeSet<>()));
        for (Coded c : codings) {
            int best = -1;
            int bestOverlap = 0;
            boolean any = false;
            for (int i = 0; i < sentences.size(); i++) {
                int[] s = sentences.get(i);
                int overlap = Math.min(s[1], c.end()) - Math.max(s[0], c.start());
                if (overlap <= 0) {
                    continue;
                }
                if (2 * overlap >= s[1] - s[0]) {
                    out.get(i).add(c.theme());
                    any = true;
                }
                if (overlap > bestOverlap) {
                    bestOverlap = overlap;
                    best = i;
                }
            }
            if (!any && best >= 0) {
                out.get(best).add(c.theme());
            }
        }
        return out;
    }

    private static void write(Path out, String id, Source s, List<int[]> sentences, List<Set<String>> themes, Path reviewed)
            throws IOException {
        ObjectNode root = JSON.createObjectNode();
        root.put("id", id);
        if (s.title() != null) {
            root.put("title", s.title());
        }
        root.put("source", "review in " + reviewed.getFileName() + " (entente review import)");
        ArrayNode arr = root.putArray("sentences");
        for (int i = 0; i < sentences.size(); i++) {
            int[] sp = sentences.get(i);
            ObjectNode n = arr.addObject();
            n.put("start", sp[0]);
            n.put("end", sp[1]);
            n.put("text", s.text().substring(sp[0], sp[1]));
            ArrayNode t = n.putArray("themes");
            themes.get(i).forEach(t::add);
        }
        AtomicFiles.write(out.resolve(id + ".txt"), s.text());
        AtomicFiles.write(out.resolve(id + ".gold.json"), JSON.writeValueAsString(root) + "\n");
    }

    /** The sources of a project with their codings, codes resolved to the codebook's theme ids. */
    static List<Source> read(Path file, Codebook codebook, Notes notes) throws IOException {
        String origin = file.toString();
        Map<String, byte[]> entries = Qdpx.entries(origin, Files.readAllBytes(file));
        org.w3c.dom.Document project = Qdpx.project(origin, entries);
        Element root = project.getDocumentElement();
        Map<String, String> codeTheme = new LinkedHashMap<>();
        Map<String, String> unknownCodes = new TreeMap<>();
        Element cb = Xml.child(root, "CodeBook");
        if (cb != null && Xml.child(cb, "Codes") != null) {
            codes(Xml.child(cb, "Codes"), codebook, codeTheme, unknownCodes);
        }
        List<Source> out = new ArrayList<>();
        Element sources = Xml.child(root, "Sources");
        if (sources == null) {
            notes.add(origin + ": the project has no sources");
            return out;
        }
        Map<String, Integer> unknownUse = new TreeMap<>();
        for (Element src : Xml.children(sources, "TextSource")) {
            String name = Xml.attr(src, "name") != null ? Xml.attr(src, "name") : Xml.attr(src, "guid");
            String where = origin + " <TextSource name=\"" + name + "\">";
            String text = text(origin, entries, src, where, notes);
            if (text == null) {
                continue;
            }
            Element d = Xml.child(src, "Description");
            List<Coded> codings = new ArrayList<>();
            List<Coded> entente = new ArrayList<>();
            for (Element sel : Xml.children(src, "PlainTextSelection")) {
                int start;
                int end;
                try {
                    start = Integer.parseInt(Xml.attr(sel, "startPosition"));
                    end = Integer.parseInt(Xml.attr(sel, "endPosition"));
                } catch (NumberFormatException e) {
                    throw new InteropException(origin, where + " " + Xml.describe(sel), "startPosition and endPosition must be whole numbers");
                }
                if (start < 0 || end > text.length() || start >= end) {
                    notes.add(where + " " + Xml.describe(sel) + ": positions " + start + "-" + end + " lie outside the text ("
                            + text.length() + " characters); left out");
                    continue;
                }
                for (Element c : Xml.children(sel, "Coding")) {
                    Element ref = Xml.child(c, "CodeRef");
                    String target = ref == null ? null : Xml.attr(ref, "targetGUID");
                    String theme = target == null ? null : codeTheme.get(target);
                    if (theme != null) {
                        codings.add(new Coded(start, end, theme));
                    } else if (target != null) {
                        unknownUse.merge(unknownCodes.getOrDefault(target, target), 1, Integer::sum);
                    }
                }
                Element sd = Xml.child(sel, "Description");
                for (Map.Entry<String, String> e : QdaCodes.block(sd == null ? null : sd.getTextContent())) {
                    if (e.getKey().equals("theme")) {
                        String theme = e.getValue().split("\\s+")[0];
                        if (codebook.theme(theme) != null) {
                            entente.add(new Coded(start, end, theme));
                        }
                    }
                }
            }
            if (!Xml.children(src, "Coding").isEmpty()) {
                notes.add(where + ": " + Xml.children(src, "Coding").size() + " coding(s) of the whole source name no sentence; left out");
            }
            out.add(new Source(Xml.attr(src, "guid"), name, d == null ? null : d.getTextContent().strip(), text, codings, entente));
        }
        for (String kind : List.of("PDFSource", "PictureSource", "AudioSource", "VideoSource")) {
            int n = Xml.children(sources, kind).size();
            if (n > 0) {
                notes.add(origin + ": " + n + " " + kind + "(s) are not text; left out");
            }
        }
        unknownUse.forEach((code, n) -> notes.add(origin + ": code '" + code + "' is no theme of codebook " + codebook.id()
                + "; its " + n + " coding(s) are left out (add the theme to the codebook to learn it)"));
        return out;
    }

    /** Code GUID → theme id: from the code's [entente] block, else a theme of that name or id. */
    private static void codes(Element parent, Codebook codebook, Map<String, String> out, Map<String, String> unknown) {
        for (Element c : Xml.children(parent, "Code")) {
            String guid = Xml.attr(c, "guid");
            String name = Xml.attr(c, "name");
            Element d = Xml.child(c, "Description");
            String id = null;
            for (Map.Entry<String, String> e : QdaCodes.block(d == null ? null : d.getTextContent())) {
                if (e.getKey().equals("id")) {
                    id = e.getValue();
                }
            }
            if (id == null && name != null) {
                for (Codebook.Theme t : codebook.themes()) {
                    if (t.name().equalsIgnoreCase(name.strip()) || t.id().equals(name.strip().toLowerCase(Locale.ROOT))) {
                        id = t.id();
                    }
                }
            }
            if (id != null && codebook.theme(id) != null) {
                out.put(guid, id);
            } else if (guid != null) {
                unknown.put(guid, name);
            }
            codes(c, codebook, out, unknown);
        }
    }

    private static String text(String origin, Map<String, byte[]> entries, Element src, String where, Notes notes) {
        Element content = Xml.child(src, "PlainTextContent");
        if (content != null) {
            return content.getTextContent();
        }
        String path = Xml.attr(src, "plainTextPath");
        if (path == null) {
            notes.add(where + ": neither PlainTextContent nor plainTextPath; left out");
            return null;
        }
        if (!path.startsWith("internal://")) {
            notes.add(where + ": its text lies outside the archive (" + path + "); left out");
            return null;
        }
        String entry = "sources/" + path.substring("internal://".length());
        byte[] b = entries.get(entry);
        if (b == null) {
            throw new InteropException(origin, where, "its text " + entry + " is not in the archive");
        }
        String t = new String(b, StandardCharsets.UTF_8);
        return t.startsWith("\uFEFF") ? t.substring(1) : t;
    }
}
