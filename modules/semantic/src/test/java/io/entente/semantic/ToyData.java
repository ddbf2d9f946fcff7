package io.entente.semantic;

import io.entente.themes.Codebook;
import io.entente.themes.CodebookLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** A two-theme codebook and a small gold folder of invented sentences, written into a temporary folder. */
final class ToyData {
    private ToyData() {
    }

    static final String CODEBOOK = """
            {"id": "toy", "version": "0.1.0", "name": "Toy codebook",
             "themes": [
              {"id": "maritime.dispute", "polarity": "obstacle", "name": "Maritime disputes", "definition": "Quarrels over islands and waters.",
               "cues": [{"pattern": "island|islands|islets", "weight": 1.0}],
               "examples": ["The two states both claim the small islands between them."]},
              {"id": "disaster.relief", "polarity": "driver", "name": "Disaster relief", "definition": "Joint help after disasters.",
               "cues": [{"pattern": "earthquake", "weight": 1.0}],
               "examples": ["Both militaries delivered aid after the earthquake."]}
             ]}
            """;

    private static final String[] DISPUTE = {
        "Fishing boats from both countries clashed near the contested islets again this spring.",
        "Each government insists that the rocky islands have always belonged to it.",
        "A survey vessel entered the disputed waters and triggered a tense standoff.",
        "Lawmakers landed on the island to underline their national claim.",
        "The quarrel over who owns the reef keeps resurfacing in the press.",
        "Coast guards shadowed each other around the contested shoal for days."};
    private static final String[] RELIEF = {
        "After the earthquake, army engineers from both sides rebuilt the bridges together.",
        "Navy ships carried food and water to the flooded coastal towns.",
        "Helicopters from the two air forces evacuated villagers cut off by the typhoon.",
        "Field hospitals were set up jointly in the days after the tsunami.",
        "Relief teams shared supplies and maps to reach the landslide victims.",
        "The disaster response drill prepared both armies for the next storm."};
    private static final String[] NEITHER = {
        "The conference took place in a large hotel near the airport.",
        "She studied economics before joining the ministry.",
        "The report has four chapters and an appendix.",
        "Tickets for the concert sold out within an hour.",
        "The weather was mild for most of the week.",
        "He later became a professor of literature."};

    static Codebook codebook(Path dir) throws IOException {
        Path f = dir.resolve("toy.codebook.json");
        Files.writeString(f, CODEBOOK);
        return CodebookLoader.load(f);
    }

    /** Six documents of six sentences: two of each kind, rotated. */
    static Path gold(Path dir) throws IOException {
        Path g = Files.createDirectories(dir.resolve("gold"));
        for (int d = 0; d < 6; d++) {
            StringBuilder text = new StringBuilder();
            List<String> sents = new ArrayList<>();
            String[][] kinds = {DISPUTE, RELIEF, NEITHER};
            String[] labels = {"[\"maritime.dispute\"]", "[\"disaster.relief\"]", "[]"};
            for (int k = 0; k < 6; k++) {
                int kind = (k + d) % 3;
                String s = kinds[kind][(d + k / 3 * 3) % 6];
                int start = text.length();
                text.append(s);
                sents.add("{\"start\": " + start + ", \"end\": " + text.length() + ", \"themes\": " + labels[kind] + "}");
                text.append('\n');
            }
            Files.writeString(g.resolve("doc" + d + ".txt"), text.toString());
            Files.writeString(g.resolve("doc" + d + ".gold.json"),
                    "{\"id\": \"doc" + d + "\", \"sentences\": [" + String.join(",", sents) + "]}");
        }
        return g;
    }
}
