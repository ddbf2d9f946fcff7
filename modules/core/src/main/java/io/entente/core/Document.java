package io.entente.core;

import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * The shared document model. Immutable: each stage returns a copy enriched with its layer, so a
 * document can be handed between threads (or machines) without locking.
 *
 * @param pageStarts  for paged formats (PDF), the text offset where each page starts, ascending and
 *                    starting at 0; empty for formats without pages
 * @param cooperation the document's main cooperation pair(s) or group, most discussed first; set by the
 *                    theme stage, empty before it
 * @param sections    sentence index → the kind of section it belongs to, for sentences outside the paper's
 *                    argument only ({@code author}: author boxes and biographies, {@code references},
 *                    {@code notes}: notes and footnote blocks); set by the tokenize stage
 */
public record Document(DocumentInfo info, String text, List<Integer> pageStarts, List<Sentence> sentences,
                       List<Entity> entities, List<ThemeResult> themes, Set<Layer> layers,
                       List<CooperationPair> cooperation, Map<Integer, String> sections) {

    public Document {
        Objects.requireNonNull(info, "info");
        Objects.requireNonNull(text, "text");
        pageStarts = pageStarts == null ? List.of() : List.copyOf(pageStarts);
        for (int i = 0; i < pageStarts.size(); i++) {
            int p = pageStarts.get(i);
            if (p < 0 || p > text.length() || (i > 0 && p < pageStarts.get(i - 1))) {
                throw new IllegalArgumentException("page starts must ascend within the text: " + pageStarts);
            }
        }
        sentences = List.copyOf(sentences);
        entities = List.copyOf(entities);
        themes = List.copyOf(themes);
        layers = Set.copyOf(layers);
        cooperation = cooperation == null ? List.of() : List.copyOf(cooperation);
        sections = sections == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(sections));
    }

    /** A document without section marks. */
    public Document(DocumentInfo info, String text, List<Integer> pageStarts, List<Sentence> sentences,
                    List<Entity> entities, List<ThemeResult> themes, Set<Layer> layers,
                    List<CooperationPair> cooperation) {
        this(info, text, pageStarts, sentences, entities, themes, layers, cooperation, Map.of());
    }

    /** A document without cooperation pairs (the form before they were computed). */
    public Document(DocumentInfo info, String text, List<Integer> pageStarts, List<Sentence> sentences,
                    List<Entity> entities, List<ThemeResult> themes, Set<Layer> layers) {
        this(info, text, pageStarts, sentences, entities, themes, layers, List.of());
    }

    /** The layout-free form: a document without pages. */
    public Document(DocumentInfo info, String text, List<Sentence> sentences, List<Entity> entities,
                    List<ThemeResult> themes, Set<Layer> layers) {
        this(info, text, List.of(), sentences, entities, themes, layers);
    }

    /** A new document that holds only its text. */
    public static Document of(DocumentInfo info, String text) {
        return of(info, text, List.of());
    }

    /** A new document that holds its text and where its pages start. */
    public static Document of(DocumentInfo info, String text, List<Integer> pageStarts) {
        return new Document(info, text, pageStarts, List.of(), List.of(), List.of(), EnumSet.of(Layer.TEXT));
    }

    /** The 1-based page that holds {@code offset}, or {@code null} for documents without pages. */
    public Integer pageOf(int offset) {
        if (pageStarts.isEmpty()) {
            return null;
        }
        int lo = 0;
        int hi = pageStarts.size() - 1;
        int ans = 0;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (pageStarts.get(mid) <= offset) {
                ans = mid;
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return ans + 1;
    }

    public String id() {
        return info.id();
    }

    public boolean has(Layer layer) {
        return layers.contains(layer);
    }

    public int tokenCount() {
        int n = 0;
        for (Sentence s : sentences) {
            n += s.tokens().size();
        }
        return n;
    }

    /** New sentences; section marks, which index the old ones, are dropped. */
    public Document withSentences(List<Sentence> newSentences, boolean tokenized) {
        Set<Layer> l = with(Layer.SENTENCES);
        if (tokenized) {
            l.add(Layer.TOKENS);
        }
        return new Document(info, text, pageStarts, newSentences, entities, themes, l, cooperation, Map.of());
    }

    public Document withEntities(List<Entity> newEntities) {
        return new Document(info, text, pageStarts, sentences, newEntities, themes, with(Layer.ENTITIES), cooperation, sections);
    }

    public Document withThemes(List<ThemeResult> newThemes) {
        return new Document(info, text, pageStarts, sentences, entities, newThemes, with(Layer.THEMES), cooperation, sections);
    }

    /** A copy with the document's main cooperation pair(s); the layers are unchanged. */
    public Document withCooperation(List<CooperationPair> newCooperation) {
        return new Document(info, text, pageStarts, sentences, entities, themes, layers, newCooperation, sections);
    }

    public Document withInfo(DocumentInfo newInfo) {
        return new Document(newInfo, text, pageStarts, sentences, entities, themes, layers, cooperation, sections);
    }

    /** A copy with these section marks (see {@link #sections()}); the layers are unchanged. */
    public Document withSections(Map<Integer, String> newSections) {
        return new Document(info, text, pageStarts, sentences, entities, themes, layers, cooperation, newSections);
    }

    /** Whether sentence {@code index} belongs to the paper's argument (not an author box, reference or note). */
    public boolean isArgument(int index) {
        return !sections.containsKey(index);
    }

    private Set<Layer> with(Layer layer) {
        EnumSet<Layer> l = EnumSet.copyOf(layers);
        l.add(layer);
        return l;
    }
}
