package io.entente.core;

/** What a document has been enriched with; stages declare the layers they need and add. */
public enum Layer {
    TEXT, SENTENCES, TOKENS, ENTITIES, THEMES
}
