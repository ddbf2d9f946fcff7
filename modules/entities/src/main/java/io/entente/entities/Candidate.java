package io.entente.entities;

import io.entente.core.EntityType;

/** A mention found in one sentence, before mentions merge into entities. */
record Candidate(EntityType type, int start, int end, String text, int sentence, String source, String key) {
}
