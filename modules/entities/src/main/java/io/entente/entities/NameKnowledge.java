package io.entente.entities;

import io.entente.core.KnowledgeFileException;
import io.entente.core.Resources;
import io.entente.core.Tsv;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/** Titles, organization head words and organization aliases, loaded from {@code models/}. */
final class NameKnowledge {
    static final String TITLES = "models/entities/titles.tsv";
    static final String ORG_HEADS = "models/entities/org-heads.tsv";
    static final String ORGANIZATIONS = "models/gazetteers/organizations.tsv";
    static final String FUNCTION_WORDS = "models/entities/function-words.tsv";

    final Set<String> titles;
    final Set<String> functionWords;
    final Map<String, Boolean> orgHeads; // word -> takes "in" + place
    final Gazetteer<String> orgAliases; // form -> alias group
    final String sha256;

    private NameKnowledge(Set<String> titles, Set<String> functionWords, Map<String, Boolean> orgHeads,
                          Gazetteer<String> orgAliases, String sha256) {
        this.titles = Set.copyOf(titles);
        this.functionWords = Set.copyOf(functionWords);
        this.orgHeads = Map.copyOf(orgHeads);
        this.orgAliases = orgAliases;
        this.sha256 = sha256;
    }

    static NameKnowledge load(Resources.Loaded titlesFile, Resources.Loaded functionWordsFile,
                              Resources.Loaded headsFile, Resources.Loaded orgsFile) {
        Set<String> titles = new HashSet<>();
        for (Tsv.Row row : Tsv.parse(titlesFile, "title")) {
            titles.add(row.get(0));
        }
        Set<String> functionWords = new HashSet<>();
        for (Tsv.Row row : Tsv.parse(functionWordsFile, "word")) {
            functionWords.add(row.get(0));
        }
        Map<String, Boolean> heads = new HashMap<>();
        for (Tsv.Row row : Tsv.parse(headsFile, "word", "kind")) {
            if (!row.get(1).equals("head") && !row.get(1).equals("post")) {
                throw new KnowledgeFileException(headsFile.origin(), row.line(), "kind must be 'head' or 'post', not '" + row.get(1) + "'");
            }
            heads.put(row.get(0), row.get(1).equals("post"));
        }
        Gazetteer.Builder<String> aliases = new Gazetteer.Builder<>();
        for (Tsv.Row row : Tsv.parse(orgsFile, "group", "form")) {
            String previous = aliases.add(row.get(1), row.get(0), false);
            if (previous != null && !previous.equals(row.get(0))) {
                throw new KnowledgeFileException(orgsFile.origin(), row.line(), "form '" + row.get(1)
                        + "' is in groups '" + previous + "' and '" + row.get(0) + "'");
            }
        }
        String hash = Resources.sha256(titlesFile.sha256() + functionWordsFile.sha256() + headsFile.sha256()
                + orgsFile.sha256());
        return new NameKnowledge(titles, functionWords, heads, aliases.build(), hash);
    }
}
