package io.entente.interop;

import io.entente.core.Polarity;
import io.entente.themes.Codebook;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * A codebook as REFI-QDA codes, shared by the {@code .qdc} codebook and the {@code .qdpx} project: two
 * parent codes, Drivers and Obstacles, with one code per theme (its name, colour, and a description
 * that holds the definition, then an {@code [entente]} block with the theme's id, cues, examples and
 * threshold, so that Entente reads back every cue while a QDA tool shows the text). GUIDs are derived
 * from the codebook and theme ids, so that two exports of one codebook give the same codes.
 */
final class QdaCodes {
    static final String BLOCK = "[entente]";
    private static final String[] DRIVER_COLOURS = {"#2E7D32", "#1565C0", "#00838F", "#558B2F", "#283593", "#00695C"};
    private static final String[] OBSTACLE_COLOURS = {"#C62828", "#EF6C00", "#AD1457", "#6D4C41", "#F9A825", "#8E24AA"};

    private QdaCodes() {
    }

    static String guid(String... parts) {
        return UUID.nameUUIDFromBytes(("entente:" + String.join(":", parts)).getBytes(StandardCharsets.UTF_8))
                .toString().toUpperCase(Locale.ROOT);
    }

    /** The GUID of a theme's code. */
    static String themeGuid(Codebook cb, String themeId) {
        return guid(cb.id(), "theme", themeId);
    }

    /** The {@code <Codes>} element for the codebook, in namespace {@code ns}. */
    static Element codes(Document doc, String ns, Codebook cb) {
        Element codes = doc.createElementNS(ns, "Codes");
        int[] n = new int[2];
        for (Polarity p : Polarity.values()) {
            Element parent = doc.createElementNS(ns, "Code");
            parent.setAttribute("guid", guid(cb.id(), "polarity", p.label()));
            parent.setAttribute("name", p == Polarity.DRIVER ? "Drivers" : "Obstacles");
            parent.setAttribute("isCodable", "false");
            parent.setAttribute("color", p == Polarity.DRIVER ? "#2E7D32" : "#C62828");
            StringBuilder d = new StringBuilder(p == Polarity.DRIVER ? "Themes that push states toward cooperation."
                    : "Themes that hold states back from cooperation.");
            d.append("\n\n").append(BLOCK).append("\npolarity: ").append(p.label());
            if (p == Polarity.DRIVER) {
                d.append("\ncodebook: ").append(cb.id()).append("\nversion: ").append(cb.version()).append("\nname: ").append(oneLine(cb.name()));
                if (cb.description() != null) {
                    d.append("\ndescription: ").append(oneLine(cb.description()));
                }
                if (cb.language() != null) {
                    d.append("\nlanguage: ").append(oneLine(cb.language()));
                }
                d.append("\nsettings: ").append(io.entente.themes.CodebookWriter.settingsJson(cb.settings()));
            }
            description(doc, ns, parent, d.toString());
            for (Codebook.Theme t : cb.themes()) {
                if (t.polarity() != p) {
                    continue;
                }
                Element c = doc.createElementNS(ns, "Code");
                c.setAttribute("guid", themeGuid(cb, t.id()));
                c.setAttribute("name", t.name());
                c.setAttribute("isCodable", "true");
                String[] palette = p == Polarity.DRIVER ? DRIVER_COLOURS : OBSTACLE_COLOURS;
                c.setAttribute("color", t.color() != null ? t.color() : palette[n[p.ordinal()]++ % palette.length]);
                description(doc, ns, c, describe(t));
                parent.appendChild(c);
            }
            codes.appendChild(parent);
        }
        return codes;
    }

    private static void description(Document doc, String ns, Element parent, String text) {
        Element d = doc.createElementNS(ns, "Description");
        d.setTextContent(text);
        parent.appendChild(d);
    }

    private static String oneLine(String s) {
        return s.replaceAll("\\s*\\R\\s*", " ");
    }

    /** The definition, then the block Entente reads back. */
    static String describe(Codebook.Theme t) {
        StringBuilder b = new StringBuilder(t.definition()).append("\n\n").append(BLOCK);
        b.append("\nid: ").append(t.id());
        b.append("\npolarity: ").append(t.polarity().label());
        if (t.threshold() != null) {
            b.append("\nthreshold: ").append(t.threshold());
        }
        for (Codebook.Cue c : t.cues()) {
            b.append("\ncue: ").append(c.weight()).append(' ').append(c.pattern());
            if (c.note() != null) {
                b.append(" # ").append(oneLine(c.note()));
            }
        }
        for (String e : t.examples()) {
            b.append("\nexample: ").append(oneLine(e));
        }
        return b.toString();
    }

    /** The definition part of a description (before the block), stripped; null when empty. */
    static String definition(String description) {
        if (description == null) {
            return null;
        }
        int i = description.indexOf(BLOCK);
        String d = (i < 0 ? description : description.substring(0, i)).strip();
        return d.isEmpty() ? null : d;
    }

    /** The block's lines as (key, value) pairs in order; empty when there is no block. */
    static List<Map.Entry<String, String>> block(String description) {
        List<Map.Entry<String, String>> out = new ArrayList<>();
        if (description == null || description.indexOf(BLOCK) < 0) {
            return out;
        }
        for (String line : description.substring(description.indexOf(BLOCK) + BLOCK.length()).split("\\R")) {
            int colon = line.indexOf(':');
            if (colon > 0) {
                out.add(Map.entry(line.substring(0, colon).strip(), line.substring(colon + 1).strip()));
            }
        }
        return out;
    }

    /**
     * The codes under a {@code <Codes>} element as dictionary keys: a code Entente wrote comes back as its
     * theme; any other code becomes a key (its description the definition, its name the one cue, since REFI-QDA
     * codebooks hold no search words), nested codes nested keys.
     */
    static void read(String origin, Element codes, Dictionary.Parsed out, Notes notes, Map<String, String> guidToTheme) {
        for (Element c : Xml.children(codes, "Code")) {
            out.roots.add(key(origin, c, out, notes, guidToTheme, "Code"));
        }
    }

    private static Dictionary.Key key(String origin, Element c, Dictionary.Parsed out, Notes notes,
                                      Map<String, String> guidToTheme, String path) {
        String name = Xml.attr(c, "name");
        if (name == null || name.isBlank()) {
            throw new InteropException(origin, "element " + path, "a <Code> without a name");
        }
        String where = path + " '" + name + "'";
        Dictionary.Key k = new Dictionary.Key(name, 0);
        Element d = Xml.child(c, "Description");
        String description = d == null ? null : d.getTextContent();
        k.description = definition(description);
        String color = Xml.attr(c, "color");
        if (color != null) {
            if (color.matches("#[0-9A-Fa-f]{3}")) {
                color = "#" + color.charAt(1) + color.charAt(1) + color.charAt(2) + color.charAt(2) + color.charAt(3) + color.charAt(3);
            }
            k.color = color.matches("#[0-9A-Fa-f]{6}") ? color : null;
            if (k.color == null) {
                notes.add(origin + " " + where + ": colour '" + color + "' is not #RRGGBB; left out");
            }
        }
        boolean codable = !"false".equals(Xml.attr(c, "isCodable"));
        List<Map.Entry<String, String>> block = block(description);
        Map<String, String> fields = new LinkedHashMap<>();
        List<Codebook.Cue> cues = new ArrayList<>();
        List<String> examples = new ArrayList<>();
        for (Map.Entry<String, String> e : block) {
            switch (e.getKey()) {
                case "cue" -> {
                    String v = e.getValue();
                    String note = null;
                    int hash = v.indexOf(" # ");
                    if (hash >= 0) {
                        note = v.substring(hash + 3).strip();
                        v = v.substring(0, hash);
                    }
                    String[] wp = v.strip().split("\\s+", 2);
                    try {
                        cues.add(new Codebook.Cue(wp[1].strip(), Double.parseDouble(wp[0]), note));
                    } catch (RuntimeException ex) {
                        throw new InteropException(origin, where, "cue line 'cue: " + e.getValue() + "' is not 'cue: WEIGHT PATTERN'");
                    }
                }
                case "example" -> examples.add(e.getValue());
                default -> fields.put(e.getKey(), e.getValue());
            }
        }
        Polarity polarity = null;
        if (fields.containsKey("polarity")) {
            try {
                polarity = Polarity.parse(fields.get("polarity"));
            } catch (IllegalArgumentException ex) {
                throw new InteropException(origin, where, ex.getMessage());
            }
        }
        if (fields.containsKey("codebook")) {
            out.codebookId = fields.get("codebook");
            out.codebookVersion = fields.get("version");
            out.codebookName = fields.get("name");
            out.codebookDescription = fields.get("description");
            out.codebookLanguage = fields.get("language");
        }
        if (fields.containsKey("settings")) {
            try {
                out.settings = io.entente.themes.CodebookLoader.parseSettings(origin + " " + where, fields.get("settings"));
            } catch (io.entente.themes.CodebookException e) {
                throw new InteropException(origin, where, e.getMessage());
            }
        }
        if (fields.containsKey("id") && polarity != null && !cues.isEmpty()) {
            Double threshold = null;
            if (fields.containsKey("threshold")) {
                try {
                    threshold = Double.parseDouble(fields.get("threshold"));
                } catch (NumberFormatException ex) {
                    throw new InteropException(origin, where, "threshold '" + fields.get("threshold") + "' is not a number");
                }
            }
            String def = k.description != null ? k.description : name;
            k.theme = new Codebook.Theme(fields.get("id"), polarity, name, def, cues, examples, threshold, k.color);
            guidToTheme.put(Xml.attr(c, "guid"), fields.get("id"));
        } else if (polarity != null && !codable) {
            k.polarity = polarity; // Entente's Drivers / Obstacles parent
        } else if (codable) {
            k.values.add(new Dictionary.Value(name, null, 0));
            notes.add(origin + " " + where + ": REFI-QDA codes have no search words; its name became its one cue");
        } else {
            notes.add(origin + " " + where + ": not codable; its sub-codes are imported under it, it is no theme itself");
        }
        for (Element child : Xml.children(c, "Code")) {
            k.children.add(key(origin, child, out, notes, guidToTheme, where + " >"));
        }
        if (!Xml.children(c, "NoteRef").isEmpty()) {
            notes.add(origin + " " + where + ": " + Xml.children(c, "NoteRef").size() + " note reference(s) have no place in a codebook; left out");
        }
        return k;
    }
}
