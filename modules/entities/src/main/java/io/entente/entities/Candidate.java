package io.entente.entities;

import io.entente.core.EntityType;

/**
 * A mention found in one sentence, before mentions merge into entities.
 *
 * @param key  a country's code, else null
 * @param form a country mention's kind of form (see {@link io.entente.core.Mention#form()}), else null
 */
record Candidate(EntityType type, int start, int end, String text, int sentence, String source, String key, String form) {
}
