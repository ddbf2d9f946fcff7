package io.entente.interop;

import io.entente.core.Resources;
import io.entente.themes.Codebook;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * WordStat category dictionaries ({@code .cat}): one entry a line, nesting by indentation (tabs; spaces
 * before them are tolerated, as in files quanteda reads), a value marked by a weight in parentheses at
 * the end ({@code Botswana (1)}), every other line a category. quanteda reads the file the same way but
 * drops the weights; Entente keeps them as cue weights. UTF-8, or Windows-1252 when the bytes are not
 * UTF-8 (quanteda's fallback). Read-only.
 */
public final class WordStatFormat implements CodebookFormat {
    private static final Pattern VALUE = Pattern.compile("^(.*?\\S)\\s*\\(\\s*(-?\\d+(?:\\.\\d+)?)\\s*\\)$");

    @Override
    public String name() {
        return "wordstat";
    }

    @Override
    public String description() {
        return "WordStat category dictionary (.cat): indented categories, values with weights 'WORD (1)'; read-only";
    }

    @Override
    public List<String> extensions() {
        return List.of("cat");
    }

    @Override
    public int detect(String fileName, byte[] content) {
        boolean ext = fileName.toLowerCase(Locale.ROOT).endsWith(".cat");
        String text = decode(content, new Notes(), fileName);
        boolean values = false;
        for (String line : text.split("\\R")) {
            String s = line.strip();
            if (s.isEmpty()) {
                continue;
            }
            if (s.startsWith("<") || s.startsWith("{") || s.equals("%") || s.matches("[^\\s(]+[^(]*:(\\s.*)?")) {
                return ext ? 1 : 0;
            }
            values |= VALUE.matcher(s).matches();
        }
        return values ? 2 : ext ? 1 : 0;
    }

    static String decode(byte[] bytes, Notes notes, String origin) {
        try {
            String s = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
            return s.startsWith("\uFEFF") ? s.substring(1) : s;
        } catch (CharacterCodingException e) {
            notes.add(origin + ": not UTF-8; read as Windows-1252");
            return new String(bytes, Charset.forName("windows-1252"));
        }
    }

    @Override
    public Imported read(Resources.Loaded file, PolarityMap polarities) {
        Notes notes = new Notes();
        String text = decode(file.bytes(), notes, file.origin());
        Dictionary.Parsed out = new Dictionary.Parsed();
        List<Integer> cols = new ArrayList<>();           // the open entries' indentation columns
        List<Dictionary.Key> open = new ArrayList<>();    // their keys; null for a value (it opens no level)
        int rootCol = -1;
        String[] lines = text.split("\\R", -1);
        for (int i = 0; i < lines.length; i++) {
            String raw = lines[i].stripTrailing();
            if (raw.isBlank()) {
                continue;
            }
            int lineNo = i + 1;
            int col = indent(raw);
            String s = raw.strip();
            boolean dedented = false;
            while (!cols.isEmpty() && cols.get(cols.size() - 1) > col) {
                cols.remove(cols.size() - 1);
                open.remove(open.size() - 1);
                dedented = true;
            }
            if (!cols.isEmpty() && cols.get(cols.size() - 1) == col) {
                cols.remove(cols.size() - 1);   // a sibling of the innermost open entry
                open.remove(open.size() - 1);
            } else if (dedented || (cols.isEmpty() && rootCol >= 0 && col != rootCol)) {
                throw new InteropException(file.origin(), "line " + lineNo, "broken indentation: '" + s + "' is at column " + col
                        + ", which matches no enclosing category (indent an entry one tab deeper than its category, siblings alike)");
            }
            if (rootCol < 0) {
                rootCol = col;
            }
            Dictionary.Key parent = open.isEmpty() ? null : open.get(open.size() - 1);
            if (!open.isEmpty() && parent == null) {
                throw new InteropException(file.origin(), "line " + lineNo, "broken indentation: '" + s
                        + "' is indented under a value (the line above it); values have no sub-entries");
            }
            Matcher m = VALUE.matcher(s);
            if (m.matches()) {
                if (parent == null) {
                    throw new InteropException(file.origin(), "line " + lineNo, "the value '" + m.group(1) + "' is under no category");
                }
                parent.values.add(new Dictionary.Value(m.group(1), Double.parseDouble(m.group(2)), lineNo));
                cols.add(col);
                open.add(null);
                continue;
            }
            Dictionary.Key k = parent == null ? out.root(s, lineNo) : parent.child(s, lineNo);
            cols.add(col);
            open.add(k);
        }
        if (out.roots.isEmpty()) {
            throw new InteropException(file.origin(), "", "no categories: a WordStat .cat file has category lines and indented 'WORD (weight)' lines");
        }
        return DictionaryMapping.toCodebook(file.origin(), "WordStat", out, polarities, notes);
    }

    /** The indentation's width, tabs to the next multiple of 8. */
    private static int indent(String line) {
        int col = 0;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '\t') {
                col = (col / 8 + 1) * 8;
            } else if (c == ' ') {
                col++;
            } else {
                break;
            }
        }
        return col;
    }

    @Override
    public boolean canWrite() {
        return false;
    }

    @Override
    public Exported write(Codebook codebook) {
        throw new UnsupportedOperationException("the wordstat format is read-only; export to quanteda or refi-qda");
    }
}
