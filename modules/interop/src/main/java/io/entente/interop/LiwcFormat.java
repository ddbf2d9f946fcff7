package io.entente.interop;

import io.entente.core.Resources;
import io.entente.themes.Codebook;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/**
 * LIWC dictionaries ({@code .dic}): between two {@code %} lines the categories ({@code 01 name}), then one
 * entry a line, a word or phrase and its category numbers. {@code *} ends a prefix. LIWC has no weights.
 * As quanteda does, undefined category numbers and LIWC2007's conditional codes ({@code 02/50},
 * {@code (02 50)131}, {@code <of>}) are reported and left out. Read-only.
 */
public final class LiwcFormat implements CodebookFormat {
    @Override
    public String name() {
        return "liwc";
    }

    @Override
    public String description() {
        return "LIWC dictionary (.dic): % category table %, then 'word<TAB>category numbers'; read-only";
    }

    @Override
    public List<String> extensions() {
        return List.of("dic");
    }

    @Override
    public int detect(String fileName, byte[] content) {
        String text = WordStatFormat.decode(content, new Notes(), fileName);
        for (String line : text.split("\\R")) {
            if (!line.isBlank()) {
                return line.strip().equals("%") ? 2 : fileName.toLowerCase(Locale.ROOT).endsWith(".dic") ? 1 : 0;
            }
        }
        return 0;
    }

    @Override
    public Imported read(Resources.Loaded file, PolarityMap polarities) {
        Notes notes = new Notes();
        String f = file.origin();
        String[] lines = WordStatFormat.decode(file.bytes(), notes, f).split("\\R", -1);
        int i = 0;
        while (i < lines.length && lines[i].isBlank()) {
            i++;
        }
        if (i == lines.length || !lines[i].strip().equals("%")) {
            throw new InteropException(f, "line " + (i + 1), "a LIWC dictionary starts with a line '%' before its category table");
        }
        Map<String, Dictionary.Key> categories = new LinkedHashMap<>();
        Dictionary.Parsed out = new Dictionary.Parsed();
        for (i++; ; i++) {
            if (i == lines.length) {
                throw new InteropException(f, "line " + i, "the category table has no closing '%' line");
            }
            String s = lines[i].strip();
            if (s.equals("%")) {
                break;
            }
            if (s.isEmpty()) {
                continue;
            }
            String[] parts = s.split("\\s+", 2);
            if (parts.length != 2 || !parts[0].matches("\\d+")) {
                throw new InteropException(f, "line " + (i + 1), "a category line is 'NUMBER<TAB>name', not '" + s + "'");
            }
            String num = String.valueOf(Integer.parseInt(parts[0]));   // 01 and 1 are one category
            if (categories.containsKey(num)) {
                throw new InteropException(f, "line " + (i + 1), "category number " + parts[0] + " is defined twice");
            }
            categories.put(num, out.root(parts[1].strip(), i + 1));
        }
        TreeSet<String> undefined = new TreeSet<>();
        for (i++; i < lines.length; i++) {
            String s = lines[i].strip();
            if (s.isEmpty()) {
                continue;
            }
            String[] tokens = s.split("\\s+");
            int n = tokens.length;
            while (n > 1 && tokens[n - 1].matches("\\d+")) {
                n--;
            }
            if (n == tokens.length) {
                notes.add(f + " line " + (i + 1) + ": '" + s + "' has no category numbers"
                        + (s.matches(".*[(<>/\\[].*") ? " (conditional LIWC codes are not supported)" : "") + "; not imported");
                continue;
            }
            String word = String.join(" ", java.util.Arrays.copyOfRange(tokens, 0, n));
            if (word.matches(".*[(<>/\\[\\]].*")) {
                notes.add(f + " line " + (i + 1) + ": '" + s + "' has a conditional LIWC code; not imported");
                continue;
            }
            for (int t = n; t < tokens.length; t++) {
                Dictionary.Key k = categories.get(String.valueOf(Integer.parseInt(tokens[t])));
                if (k == null) {
                    undefined.add(tokens[t]);
                } else {
                    k.values.add(new Dictionary.Value(word, null, i + 1));
                }
            }
        }
        if (!undefined.isEmpty()) {
            notes.add(f + ": entries refer to undefined categories " + String.join(", ", undefined) + "; those references are left out");
        }
        return DictionaryMapping.toCodebook(f, "LIWC", out, polarities, notes);
    }

    @Override
    public boolean canWrite() {
        return false;
    }

    @Override
    public Exported write(Codebook codebook) {
        throw new UnsupportedOperationException("the liwc format is read-only; export to quanteda or refi-qda");
    }
}
