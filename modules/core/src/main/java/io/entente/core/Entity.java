package io.entente.core;

import java.util.List;
import java.util.Objects;

/**
 * A country, organization or person with every mention of it in one document.
 *
 * @param canonical the fullest name the document uses (countries: their short English name)
 * @param code      ISO 3166-1 alpha-3 for countries, {@code null} otherwise
 */
public record Entity(EntityType type, String canonical, String code, List<Mention> mentions) {
    public Entity {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(canonical, "canonical");
        if (type == EntityType.COUNTRY && code == null) {
            throw new IllegalArgumentException("a country needs its ISO alpha-3 code: " + canonical);
        }
        mentions = List.copyOf(mentions);
    }

    public int count() {
        return mentions.size();
    }
}
