package io.entente.core;

/** A model or knowledge file a stage uses, for the provenance block of reports. */
public record ModelInfo(String name, String version) {
}
