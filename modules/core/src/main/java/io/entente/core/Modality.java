package io.entente.core;

import java.util.Locale;

/**
 * How an evidence sentence puts its theme forward. When several apply, the strongest wins, in the
 * order of the constants: {@code NEGATED > HYPOTHETICAL > RECOMMENDED > STATED} ("we should not
 * expect a dispute" is negated; "if the allies should disagree" is hypothetical).
 */
public enum Modality {
    /** The factor is denied: every cue of the theme in the sentence is negated. */
    NEGATED,
    /** A conditional or a question: if, unless, would, could, might, may, whether, a final '?'. */
    HYPOTHETICAL,
    /** The text prescribes: should, must, ought to, need to, we recommend, calls for, urge. */
    RECOMMENDED,
    /** Asserted or reported: the default. */
    STATED;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Modality parse(String label) {
        for (Modality m : values()) {
            if (m.label().equals(label)) {
                return m;
            }
        }
        throw new IllegalArgumentException("modality must be one of stated, recommended, hypothetical, negated, not '"
                + label + "'");
    }

    /** The stronger of two modalities under the precedence negated > hypothetical > recommended > stated. */
    public static Modality strongest(Modality a, Modality b) {
        return a.ordinal() <= b.ordinal() ? a : b;
    }
}
