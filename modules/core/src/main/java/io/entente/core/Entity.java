package io.entente.core;

import java.util.List;
import java.util.Objects;

/**
 * A country, organization or person with every mention of it in one document.
 *
 * @param canonical the fullest name the document uses (countries: their short English name)
 * @param code      ISO 3166-1 alpha-3 for countries, {@code null} otherwise
 * @param kind      for a country {@code state}, {@code territory} or {@code former} (a state that no longer
 *                  exists, ISO 3166-3); {@code null} for other entities
 * @param sovereign for a territory, the alpha-3 code of its sovereign state ({@code HKG} → {@code CHN}), else {@code null}
 */
public record Entity(EntityType type, String canonical, String code, List<Mention> mentions, String kind, String sovereign) {
    public Entity {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(canonical, "canonical");
        if (type == EntityType.COUNTRY && code == null) {
            throw new IllegalArgumentException("a country needs its ISO alpha-3 code: " + canonical);
        }
        if (type == EntityType.COUNTRY && kind == null) {
            kind = "state";
        }
        mentions = List.copyOf(mentions);
    }

    public Entity(EntityType type, String canonical, String code, List<Mention> mentions) {
        this(type, canonical, code, mentions, null, null);
    }

    /** The code analyses count this country under: its sovereign's when {@code foldTerritories} and it has one. */
    public String code(boolean foldTerritories) {
        return foldTerritories && sovereign != null ? sovereign : code;
    }

    public int count() {
        return mentions.size();
    }
}
