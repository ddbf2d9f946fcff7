package io.entente.report.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks the report records run in their constructors. Messages start with the field's path relative
 * to the record ("sentences[3].index is -1"); {@link ReportJson} puts the record's own path in front.
 */
final class Fields {
    private Fields() {
    }

    static <T> T required(T value, String field) {
        if (value == null) {
            throw new IllegalArgumentException(field + " is missing or null");
        }
        return value;
    }

    static String nonEmpty(String value, String field) {
        if (required(value, field).isEmpty()) {
            throw new IllegalArgumentException(field + " is empty");
        }
        return value;
    }

    static int count(int value, String field) {
        if (value < 0) {
            throw new IllegalArgumentException(field + " is " + value + ", not a count (0 or more)");
        }
        return value;
    }

    static Integer count(Integer value, String field) {
        return value == null ? null : count(value.intValue(), field);
    }

    static double finite(double value, String field) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException(field + " is " + value + ", not a finite number");
        }
        return value;
    }

    static Double finite(Double value, String field) {
        return value == null ? null : finite(value.doubleValue(), field);
    }

    /** An immutable copy of a list the report must have; no element may be null. */
    static <T> List<T> list(List<T> values, String field) {
        required(values, field);
        List<T> out = new ArrayList<>(values.size());
        for (int i = 0; i < values.size(); i++) {
            out.add(required(values.get(i), field + "[" + i + "]"));
        }
        return Collections.unmodifiableList(out);
    }

    /** {@link #list} for an optional list: absent stays null. */
    static <T> List<T> optionalList(List<T> values, String field) {
        return values == null ? null : list(values, field);
    }

    /** An immutable copy that keeps the order of the entries (the order they are written in). */
    static Map<String, String> map(Map<String, String> values, String field) {
        required(values, field);
        Map<String, String> out = new LinkedHashMap<>();
        values.forEach((k, v) -> out.put(k, required(v, field + "." + k)));
        return Collections.unmodifiableMap(out);
    }
}
