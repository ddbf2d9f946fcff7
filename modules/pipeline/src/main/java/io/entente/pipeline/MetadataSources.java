package io.entente.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.entente.core.Document;
import io.entente.core.DocumentInfo;
import io.entente.input.DocumentReadException;
import io.entente.input.InputFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Document metadata from the user, in order of precedence per field: a sidecar {@code NAME.meta.json}
 * beside the file, YAML front matter of a Markdown file, a row of the {@code --metadata} CSV; then
 * what the reader found in the file itself or in the text. Each field records its origin. Immutable
 * after construction; thread-safe.
 */
public final class MetadataSources {
    static final Set<String> FIELDS = Set.of("title", "date", "authors", "source", "publisher", "tags");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern FRONT_MATTER = Pattern.compile("\\A\uFEFF?---[ \t]*\r?\n(.*?)\r?\n---[ \t]*(\r?\n|\\z)", Pattern.DOTALL);
    private static final List<DateTimeFormatter> DATE_FORMATS = List.of(
            DateTimeFormatter.ofPattern("MMMM d, uuuu", Locale.ENGLISH), DateTimeFormatter.ofPattern("MMM d, uuuu", Locale.ENGLISH),
            DateTimeFormatter.ofPattern("d MMMM uuuu", Locale.ENGLISH), DateTimeFormatter.ofPattern("d MMM uuuu", Locale.ENGLISH),
            DateTimeFormatter.ofPattern("uuuu/MM/dd"), DateTimeFormatter.ofPattern("uuuu.MM.dd"));

    /** A date in a file name: YYYY, YYYY-MM or YYYY-MM-DD (separators '-', '_' or '.'), not inside a longer number. */
    private static final Pattern NAME_DATE = Pattern.compile(
            "(?<![0-9])((?:19|20)\\d\\d)(?:[-_.](0[1-9]|1[0-2])(?:[-_.](0[1-9]|[12]\\d|3[01]))?)?(?![0-9])");

    private final Map<String, Map<String, String>> csvRows;
    private final boolean dateFromName;
    /** The CSV read (null when none), the line of each row's key, and what its values got wrong. */
    private final Path csvPath;
    private final Map<String, Integer> csvLines;
    private final List<String> csvWarnings;

    /** Metadata fields given for one document, before merging. */
    record Fields(String title, String date, List<String> authors, String publisher, List<String> tags) {
        static final Fields NONE = new Fields(null, null, List.of(), null, List.of());
    }

    private MetadataSources(Map<String, Map<String, String>> csvRows) {
        this(csvRows, false, null, Map.of(), List.of());
    }

    private MetadataSources(Map<String, Map<String, String>> csvRows, boolean dateFromName, Path csvPath,
                            Map<String, Integer> csvLines, List<String> csvWarnings) {
        this.csvRows = csvRows;
        this.dateFromName = dateFromName;
        this.csvPath = csvPath;
        this.csvLines = csvLines;
        this.csvWarnings = List.copyOf(csvWarnings);
    }

    /**
     * These sources, and a date read from the file name ({@code YYYY}, {@code YYYY-MM}, {@code YYYY-MM-DD})
     * where sidecar, front matter and CSV give none; it wins over the file's own metadata and the text,
     * and its origin is {@code file-name}.
     */
    public MetadataSources withDateFromName() {
        return new MetadataSources(csvRows, true, csvPath, csvLines, csvWarnings);
    }

    /** The date a file name carries, as ISO {@code YYYY[-MM[-DD]]}, or null. */
    static String dateInName(Path file) {
        String name = file.getFileName() == null ? "" : file.getFileName().toString();
        Matcher m = NAME_DATE.matcher(name);
        while (m.find()) {
            if (m.group(3) != null) {
                try {
                    java.time.LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
                } catch (java.time.DateTimeException e) {
                    return m.group(1) + "-" + m.group(2); // 2019-02-30 is no day: the month stands
                }
                return m.group(1) + "-" + m.group(2) + "-" + m.group(3);
            }
            return m.group(2) != null ? m.group(1) + "-" + m.group(2) : m.group(1);
        }
        return null;
    }

    public static MetadataSources none() {
        return new MetadataSources(Map.of());
    }

    /**
     * Reads a metadata CSV: a header with a {@code file} column (file name, relative path or report id)
     * and any of title, date, authors, source (or publisher), tags; authors and tags separated by ';'.
     * A broken structure (no header, no {@code file} column, an unknown column, a row with another number
     * of fields, broken quoting) is an error: the whole CSV is suspect. A bad value in a row (a date that
     * is no date) is not: it is left out with a warning ({@link #csvWarnings}), and the paper keeps the
     * row's other values, so that one typo never stops a batch.
     */
    public static MetadataSources withCsv(Path csv) throws IOException {
        List<Csv.Row> rows;
        try {
            rows = Csv.parse(Files.readString(csv, StandardCharsets.UTF_8));
        } catch (Csv.MalformedException e) {
            throw new IOException(csv + ": " + e.getMessage(), e);
        }
        if (rows.isEmpty()) {
            throw new IOException(csv + ": empty metadata CSV");
        }
        List<String> header = rows.get(0).fields().stream().map(h -> h.strip().toLowerCase(Locale.ROOT)).toList();
        int key = header.indexOf("file");
        if (key < 0) {
            key = header.indexOf("id");
        }
        if (key < 0) {
            throw new IOException(csv + ": the header needs a 'file' (or 'id') column; it has " + header);
        }
        for (String h : header) {
            if (!h.equals("file") && !h.equals("id") && !FIELDS.contains(h)) {
                throw new IOException(csv + ": unknown column '" + h + "' (known: file, id, title, date, authors, source, tags)");
            }
        }
        Map<String, Map<String, String>> byKey = new HashMap<>();
        Map<String, Integer> lines = new LinkedHashMap<>();
        List<String> warnings = new ArrayList<>();
        for (int r = 1; r < rows.size(); r++) {
            List<String> row = rows.get(r).fields();
            int line = rows.get(r).line();
            if (row.size() == 1 && row.get(0).isBlank()) {
                continue;
            }
            if (row.size() != header.size()) {
                throw new IOException(csv + ": line " + line + " has " + row.size() + " fields, the header " + header.size());
            }
            Map<String, String> values = new LinkedHashMap<>();
            for (int c = 0; c < header.size(); c++) {
                values.put(header.get(c), row.get(c).strip());
            }
            String file = row.get(key).strip();
            if (file.isEmpty()) {
                warnings.add(csv + " line " + line + ": column " + header.get(key) + " is empty; row ignored");
                continue;
            }
            String date = values.get("date");
            if (date != null && !date.isEmpty() && normalizeDate(date) == null) {
                warnings.add(csv + " line " + line + ", column date: '" + date + "' is not a date (use YYYY, YYYY-MM or "
                        + "YYYY-MM-DD); ignored, " + file + " keeps the row's other values");
                values.put("date", "");
            }
            Integer before = lines.put(file, line);
            if (before != null) {
                warnings.add(csv + " line " + line + ": " + file + " was given on line " + before + " too; line " + line + " counts");
            }
            byKey.put(file, values);
        }
        return new MetadataSources(byKey, false, csv, lines, warnings);
    }

    /**
     * The metadata CSV's warnings for a run on {@code files}: its bad values, and each row whose
     * {@code file} matches none of them (by path, file name or id), as lines for stderr; empty without a CSV.
     */
    public List<String> csvWarnings(List<InputFiles.InputFile> files) {
        if (csvPath == null) {
            return List.of();
        }
        Set<String> known = new java.util.HashSet<>();
        for (InputFiles.InputFile f : files) {
            known.add(f.path().toString());
            known.add(f.path().getFileName().toString());
            known.add(f.id());
        }
        List<String> out = new ArrayList<>(csvWarnings);
        List<String> unmatched = new ArrayList<>();
        csvLines.forEach((file, line) -> {
            if (!known.contains(file)) {
                unmatched.add(csvPath + " line " + line + ": '" + file + "' matches no input file");
            }
        });
        int shown = Math.min(unmatched.size(), 5);
        out.addAll(unmatched.subList(0, shown));
        if (unmatched.size() > shown) {
            out.add(csvPath + ": " + (unmatched.size() - shown) + " more rows match no input file");
        }
        return out;
    }

    /** What the metadata CSV says of this file, as text (empty when nothing): a rerun redoes the file when it changes. */
    public String csvFingerprint(InputFiles.InputFile file) {
        Map<String, String> row = row(file);
        return row == null ? "" : new TreeMap<>(row).toString();
    }

    private Map<String, String> row(InputFiles.InputFile file) {
        if (csvRows.isEmpty()) {
            return null;
        }
        Map<String, String> row = csvRows.get(file.path().toString());
        if (row == null) {
            row = csvRows.get(file.path().getFileName().toString());
        }
        if (row == null) {
            row = csvRows.get(file.id());
        }
        return row;
    }

    /** Applies the user's metadata to a document just read. */
    public Document apply(InputFiles.InputFile file, Document doc, List<String> warnings) throws DocumentReadException {
        Path side = sidecarOf(file.path());
        byte[] bytes = null;
        if (Files.isRegularFile(side)) {
            try {
                bytes = Files.readAllBytes(side);
            } catch (IOException e) {
                throw new DocumentReadException(file.path(), "sidecar " + side.getFileName() + " cannot be read: " + e.getMessage());
            }
        }
        return apply(file, doc, warnings, bytes);
    }

    /**
     * As {@link #apply(InputFiles.InputFile, Document, List)}, with the sidecar's bytes given by the
     * caller (an input that is not a local file), or null when it has none.
     */
    public Document apply(InputFiles.InputFile file, Document doc, List<String> warnings, byte[] sidecarBytes)
            throws DocumentReadException {
        Fields sidecar = sidecarBytes == null ? Fields.NONE : sidecar(file, sidecarBytes, warnings);
        Document d = doc;
        Fields front = Fields.NONE;
        Matcher m = FRONT_MATTER.matcher(d.text());
        if (m.lookingAt()) {
            front = parseFrontMatter(m.group(1), file, warnings);
            d = blankOut(d, m.end());
        }
        Fields csv = csvFields(file, warnings);
        DocumentInfo info = d.info();
        Map<String, String> origins = new TreeMap<>(info.origins());
        String title = pick("title", origins, info.title(), sidecar.title(), front.title(), csv.title());
        String date = pick("date", origins, info.date(), sidecar.date(), front.date(), csv.date());
        if (dateFromName && sidecar.date() == null && front.date() == null && csv.date() == null) {
            String named = dateInName(file.path());
            if (named != null) {
                date = named;
                origins.put("date", "file-name");
            }
        }
        String publisher = pick("publisher", origins, info.publisher(), sidecar.publisher(), front.publisher(), csv.publisher());
        List<String> authors = pickList("authors", origins, info.authors(), sidecar.authors(), front.authors(), csv.authors());
        List<String> tags = pickList("tags", origins, info.tags(), sidecar.tags(), front.tags(), csv.tags());
        return d.withInfo(info.withMetadata(title, date, authors, publisher, tags, origins));
    }

    private static String pick(String field, Map<String, String> origins, String found, String sidecar, String front, String csv) {
        if (sidecar != null) {
            origins.put(field, "sidecar");
            return sidecar;
        }
        if (front != null) {
            origins.put(field, "front-matter");
            return front;
        }
        if (csv != null) {
            origins.put(field, "metadata-csv");
            return csv;
        }
        if (found == null) {
            origins.remove(field);
        }
        return found;
    }

    private static List<String> pickList(String field, Map<String, String> origins, List<String> found, List<String> sidecar,
                                         List<String> front, List<String> csv) {
        String v = pick(field, origins, found.isEmpty() ? null : "x", sidecar.isEmpty() ? null : "x",
                front.isEmpty() ? null : "x", csv.isEmpty() ? null : "x");
        if (v == null) {
            return List.of();
        }
        return switch (origins.get(field)) {
            case "sidecar" -> sidecar;
            case "front-matter" -> front;
            case "metadata-csv" -> csv;
            default -> found;
        };
    }

    /** The sidecar metadata file of an input: {@code NAME.meta.json} beside {@code NAME.ext}. */
    public static Path sidecarOf(Path input) {
        String name = input.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return input.resolveSibling((dot > 0 ? name.substring(0, dot) : name) + ".meta.json");
    }

    private Fields sidecar(InputFiles.InputFile file, byte[] bytes, List<String> warnings) throws DocumentReadException {
        Path side = sidecarOf(file.path());
        JsonNode root;
        try {
            String text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
                    .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(bytes)).toString();
            root = JSON.readTree(text);
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new DocumentReadException(file.path(), "sidecar " + side.getFileName() + " is not UTF-8 text");
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            // Jackson's own message runs over two lines and ends in a source description: keep the cause and where.
            com.fasterxml.jackson.core.JsonLocation at = e.getLocation();
            throw new DocumentReadException(file.path(), "sidecar " + side.getFileName() + " is not valid JSON"
                    + (at == null ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")") + ": "
                    + e.getOriginalMessage().lines().findFirst().orElse("").strip());
        } catch (IOException e) {
            throw new DocumentReadException(file.path(), "sidecar " + side.getFileName() + " cannot be read: "
                    + io.entente.core.IoMessages.describe(e));
        }
        if (root == null || !root.isObject()) {
            throw new DocumentReadException(file.path(), "sidecar " + side.getFileName() + " must hold a JSON object");
        }
        Map<String, Object> values = new LinkedHashMap<>();
        for (Iterator<String> it = root.fieldNames(); it.hasNext(); ) {
            String k = it.next();
            if (!FIELDS.contains(k)) {
                throw new DocumentReadException(file.path(), "sidecar " + side.getFileName() + ": unknown key '" + k
                        + "' (known: title, date, authors, source, tags)");
            }
            JsonNode v = root.get(k);
            if (v.isArray()) {
                List<String> list = new ArrayList<>();
                v.forEach(x -> list.add(x.asText()));
                values.put(k, list);
            } else if (!v.isNull()) {
                values.put(k, v.asText());
            }
        }
        return fields(values, "sidecar " + side.getFileName(), warnings);
    }

    private Fields csvFields(InputFiles.InputFile file, List<String> warnings) {
        Map<String, String> row = row(file);
        if (row == null) {
            return Fields.NONE;
        }
        Map<String, Object> values = new LinkedHashMap<>();
        row.forEach((k, v) -> {
            if (!v.isEmpty() && FIELDS.contains(k)) {
                values.put(k, k.equals("authors") || k.equals("tags") ? splitList(v) : v);
            }
        });
        return fields(values, "metadata CSV", warnings);
    }

    private static Fields parseFrontMatter(String yaml, InputFiles.InputFile file, List<String> warnings) {
        Map<String, Object> values = new LinkedHashMap<>();
        String listKey = null;
        for (String line : yaml.split("\r?\n")) {
            if (line.isBlank() || line.strip().startsWith("#")) {
                continue;
            }
            if (listKey != null && line.matches("\\s*-\\s+.*")) {
                @SuppressWarnings("unchecked")
                List<String> list = (List<String>) values.computeIfAbsent(listKey, k -> new ArrayList<String>());
                list.add(unquote(line.replaceFirst("\\s*-\\s+", "")));
                continue;
            }
            int colon = line.indexOf(':');
            if (colon <= 0 || Character.isWhitespace(line.charAt(0))) {
                warnings.add("front matter: cannot read line '" + line.strip() + "'");
                continue;
            }
            String key = line.substring(0, colon).strip().toLowerCase(Locale.ROOT);
            String value = line.substring(colon + 1).strip();
            listKey = null;
            if (!FIELDS.contains(key)) {
                continue; // front matter often carries other keys (layout, draft): not ours
            }
            if (value.isEmpty()) {
                listKey = key;
            } else if (value.startsWith("[") && value.endsWith("]")) {
                List<String> list = new ArrayList<>();
                for (String part : value.substring(1, value.length() - 1).split(",")) {
                    if (!part.isBlank()) {
                        list.add(unquote(part.strip()));
                    }
                }
                values.put(key, list);
            } else {
                values.put(key, key.equals("authors") || key.equals("tags") ? splitList(unquote(value)) : unquote(value));
            }
        }
        return fields(values, "front matter", warnings);
    }

    private static Fields fields(Map<String, Object> values, String where, List<String> warnings) {
        String date = null;
        Object d = values.get("date");
        if (d != null) {
            date = normalizeDate(d.toString());
            if (date == null) {
                warnings.add(where + ": date '" + d + "' is not a date (use YYYY, YYYY-MM or YYYY-MM-DD); ignored");
            }
        }
        Object source = values.containsKey("source") ? values.get("source") : values.get("publisher");
        return new Fields(str(values.get("title")), date, list(values.get("authors")), str(source), list(values.get("tags")));
    }

    /** YYYY, YYYY-MM, YYYY-MM-DD (validated), or a written date ("August 22, 2019") as YYYY-MM-DD; else null. */
    static String normalizeDate(String raw) {
        String s = raw.strip();
        if (s.matches("(1[5-9]|20)\\d\\d")) {
            return s;
        }
        if (s.matches("(1[5-9]|20)\\d\\d-(0[1-9]|1[0-2])")) {
            return s;
        }
        String iso = s.length() >= 10 && s.substring(0, 10).matches("\\d{4}-\\d\\d-\\d\\d") ? s.substring(0, 10) : null;
        try {
            if (iso != null) {
                return LocalDate.parse(iso).toString();
            }
        } catch (DateTimeParseException e) {
            return null;
        }
        for (DateTimeFormatter f : DATE_FORMATS) {
            try {
                return LocalDate.parse(s.replace("Sept", "Sep"), f).toString();
            } catch (DateTimeParseException e) {
                // try the next format
            }
        }
        return null;
    }

    private static String str(Object o) {
        if (o == null) {
            return null;
        }
        String s = o instanceof List<?> l ? String.join("; ", l.stream().map(Object::toString).toList()) : o.toString();
        return s.isBlank() ? null : s.strip();
    }

    private static List<String> list(Object o) {
        if (o == null) {
            return List.of();
        }
        if (o instanceof List<?> l) {
            return l.stream().map(Object::toString).map(String::strip).filter(x -> !x.isEmpty()).toList();
        }
        return splitList(o.toString());
    }

    private static List<String> splitList(String s) {
        List<String> out = new ArrayList<>();
        for (String p : s.split(";")) {
            if (!p.isBlank()) {
                out.add(p.strip());
            }
        }
        return out;
    }

    private static String unquote(String s) {
        String t = s.strip();
        if (t.length() >= 2 && (t.startsWith("\"") && t.endsWith("\"") || t.startsWith("'") && t.endsWith("'"))) {
            return t.substring(1, t.length() - 1);
        }
        return t;
    }

    /** Replaces the front matter by spaces (keeping line breaks), so that offsets still index the file. */
    private static Document blankOut(Document d, int end) {
        StringBuilder b = new StringBuilder(d.text());
        for (int i = 0; i < end; i++) {
            char c = b.charAt(i);
            if (c != '\n' && c != '\r') {
                b.setCharAt(i, ' ');
            }
        }
        return Document.of(d.info(), b.toString(), d.pageStarts());
    }
}
