package io.entente.core;

import java.util.Locale;

/** Whether a theme pushes states toward cooperation or holds them back. */
public enum Polarity {
    DRIVER, OBSTACLE;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Polarity parse(String label) {
        for (Polarity p : values()) {
            if (p.label().equals(label)) {
                return p;
            }
        }
        throw new IllegalArgumentException("polarity must be 'driver' or 'obstacle', not '" + label + "'");
    }
}
