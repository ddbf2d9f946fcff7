package io.entente.entities;

import io.entente.core.Document;
import io.entente.core.Entity;
import io.entente.core.Layer;
import io.entente.core.ModelInfo;
import io.entente.core.Resources;
import io.entente.core.Sentence;
import io.entente.core.Stage;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Finds countries, organizations and people and merges their mentions into entities. The CRF
 * model and the knowledge files load once, in the constructor; {@link #process} is thread-safe.
 */
public final class EntityStage implements Stage {
    private final NerTagger tagger;
    private final MentionFinder finder;
    private final EntityMerger merger;
    private final List<ModelInfo> models;

    public EntityStage(EntityConfig config) {
        Resources.Loaded countriesFile = Resources.load(config.countries(), CountryTable.COUNTRIES);
        Resources.Loaded regionsFile = Resources.load(config.regions(), CountryTable.REGIONS);
        CountryTable countries = CountryTable.load(countriesFile, regionsFile);
        NameKnowledge names = NameKnowledge.load(
                Resources.load(config.titles(), NameKnowledge.TITLES),
                Resources.load(config.functionWords(), NameKnowledge.FUNCTION_WORDS),
                Resources.load(config.orgHeads(), NameKnowledge.ORG_HEADS),
                Resources.load(config.organizations(), NameKnowledge.ORGANIZATIONS),
                Resources.load(config.nonEntities(), NameKnowledge.NON_ENTITIES));
        this.tagger = new NerTagger(config.nerModel(), names.titles.stream().filter(t -> t.endsWith(".")).collect(java.util.stream.Collectors.toSet()));
        this.finder = new MentionFinder(countries, names);
        this.merger = new EntityMerger(countries, names);
        this.models = List.of(
                new ModelInfo("corenlp-crf:" + config.nerModel().replaceAll(".*/", ""), "4.5.10"),
                new ModelInfo("gazetteer:countries+regions", countries.sha256().substring(0, 12)),
                new ModelInfo("lexicon:titles+function-words+org-heads+organizations+non-entities", names.sha256.substring(0, 12)));
    }

    @Override
    public String name() {
        return "entities";
    }

    @Override
    public Set<Layer> requires() {
        return Set.of(Layer.SENTENCES, Layer.TOKENS);
    }

    @Override
    public Set<Layer> provides() {
        return Set.of(Layer.ENTITIES);
    }

    @Override
    public List<ModelInfo> models() {
        return models;
    }

    @Override
    public Document process(Document document) {
        return document.withEntities(merge(document, findMentions(document, tag(document))));
    }

    // The stage's three steps, public so that benchmarks can time each one (process() is all three).

    /** Step 1: the CRF's tag per token, per sentence (empty sentences get an empty array). */
    public List<String[]> tag(Document document) {
        List<String[]> out = new ArrayList<>(document.sentences().size());
        for (Sentence s : document.sentences()) {
            out.add(s.tokens().isEmpty() ? new String[0] : tagger.tag(s.tokens()));
        }
        return out;
    }

    /** Mention candidates of a document, opaque outside this package. */
    public static final class Mentions {
        private final List<Candidate> candidates;

        private Mentions(List<Candidate> candidates) {
            this.candidates = List.copyOf(candidates);
        }

        public int size() {
            return candidates.size();
        }
    }

    /** Step 2: gazetteer, alias and pattern matching over the tagged sentences. */
    public Mentions findMentions(Document document, List<String[]> tags) {
        List<Candidate> candidates = new ArrayList<>();
        Set<String> locations = MentionFinder.locationNames(document.text(), document.sentences(), tags);
        Set<String> surnames = MentionFinder.personSurnames(document.sentences(), tags);
        for (Sentence s : document.sentences()) {
            if (!s.tokens().isEmpty()) {
                candidates.addAll(finder.find(document.text(), s, tags.get(s.index()), locations, surnames));
            }
        }
        return new Mentions(candidates);
    }

    /** Step 3: merging mentions into entities (countries by code, people by name, organizations by alias). */
    public List<Entity> merge(Document document, Mentions mentions) {
        int[] starts = new int[document.sentences().size()];
        for (Sentence s : document.sentences()) {
            starts[s.index()] = s.start();
        }
        return merger.merge(document.text(), mentions.candidates, starts);
    }
}
