package io.entente.gold;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The gold documents of a folder, read where they lie: every {@code NAME.gold.json} that has its
 * {@code NAME.txt} beside it ({@link GoldDocument#read}), sorted by file name. Texts stay in memory only.
 */
public record GoldCorpus(List<GoldDocument> documents) {

    public GoldCorpus {
        documents = List.copyOf(documents);
    }

    /**
     * Every gold document of the folder; a {@code NAME.gold.json} without its {@code NAME.txt} is not one.
     *
     * @throws GoldFileException naming the file when one is malformed
     */
    public static GoldCorpus read(Path dir) throws IOException {
        List<GoldDocument> docs = new ArrayList<>();
        for (Path g : goldFiles(dir)) {
            docs.add(GoldDocument.read(g));
        }
        return new GoldCorpus(docs);
    }

    /** The {@code NAME.gold.json} files of a folder that have a {@code NAME.txt} beside them, sorted. */
    public static List<Path> goldFiles(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().endsWith(GoldDocument.SUFFIX))
                    .filter(p -> Files.isRegularFile(GoldDocument.textFile(p))).sorted().toList();
        }
    }

    public List<String> ids() {
        return documents.stream().map(GoldDocument::id).toList();
    }

    /** This corpus without the documents whose ids are in {@code ids}. */
    public GoldCorpus without(Collection<String> ids) {
        return new GoldCorpus(documents.stream().filter(d -> !ids.contains(d.id())).toList());
    }

    /**
     * A seeded sample of {@code fraction} of the documents (at least one), for learning curves: the ids,
     * sorted, shuffled with {@code java.util.Random(seed)}; the first ones kept, in corpus order.
     */
    public GoldCorpus sample(double fraction, long seed) {
        List<String> ids = new ArrayList<>(documents.stream().map(GoldDocument::id).sorted().toList());
        Collections.shuffle(ids, new Random(seed));
        Set<String> keep = new HashSet<>(ids.subList(0, Math.max(1, (int) Math.round(fraction * ids.size()))));
        return new GoldCorpus(documents.stream().filter(d -> keep.contains(d.id())).toList());
    }

    public int sentenceCount() {
        return documents.stream().mapToInt(d -> d.sentences().size()).sum();
    }
}
