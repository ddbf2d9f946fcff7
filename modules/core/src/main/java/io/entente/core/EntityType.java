package io.entente.core;

/** The entity types Entente reports. */
public enum EntityType {
    COUNTRY, ORGANIZATION, PERSON
}
