package io.entente.core.registry;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeSet;

/**
 * The components of one kind that are installed: the built-in ones first, then those registered on
 * the class path through {@code META-INF/services/<kind's class name>} ({@link ServiceLoader}). A
 * module that is not on the class path simply is not listed, so the core never depends on it.
 * Immutable once built, safe to share; building one again sees class-path changes.
 *
 * @param <C> the kind
 */
public final class Registry<C extends NamedComponent> {
    private final String kind;
    private final Map<String, C> byName;

    private Registry(String kind, Map<String, C> byName) {
        this.kind = kind;
        this.byName = byName;
    }

    /**
     * The built-in components and every provider of {@code type} on its class loader's class path.
     *
     * @param kind what users call these ("theme classifier", "codebook format"), for messages
     * @throws IllegalStateException when two components share a name, or a name is not lower case
     */
    public static <C extends NamedComponent> Registry<C> load(String kind, Class<C> type, List<? extends C> builtIn) {
        List<C> all = new ArrayList<>(builtIn);
        for (C c : ServiceLoader.load(type, type.getClassLoader())) {
            all.add(c);
        }
        return of(kind, all);
    }

    /** A registry of exactly these components (tests, and kinds with no service file). */
    public static <C extends NamedComponent> Registry<C> of(String kind, List<? extends C> components) {
        Map<String, C> byName = new LinkedHashMap<>();
        for (C c : components) {
            String name = c.name();
            if (name == null || name.isBlank() || !name.equals(name.toLowerCase(Locale.ROOT))) {
                throw new IllegalStateException(kind + " " + c.getClass().getName() + " has no lower-case name: " + name);
            }
            if (byName.containsKey(name) && byName.get(name).getClass() != c.getClass()) {
                throw new IllegalStateException("two " + kind + "s are named '" + name + "': "
                        + byName.get(name).getClass().getName() + " and " + c.getClass().getName());
            }
            byName.putIfAbsent(name, c);
        }
        return new Registry<>(kind, java.util.Collections.unmodifiableMap(byName));
    }

    /** What users call these components. */
    public String kind() {
        return kind;
    }

    /** Every installed component, built-in ones first. */
    public List<C> available() {
        return List.copyOf(byName.values());
    }

    /** The names of every installed component, in {@link #available()} order. */
    public List<String> names() {
        return List.copyOf(byName.keySet());
    }

    /**
     * The component of that name (case does not matter).
     *
     * @throws IllegalArgumentException naming what is installed when none is called so
     */
    public C get(String name) {
        C c = name == null ? null : byName.get(name.toLowerCase(Locale.ROOT));
        if (c == null) {
            throw new IllegalArgumentException("no " + kind + " named '" + name + "' is installed; available: "
                    + String.join(", ", byName.keySet()));
        }
        return c;
    }

    /**
     * The component of that name, with its options checked: an option it does not take is refused,
     * naming the options it does take, rather than silently ignored (a misspelt option would otherwise
     * change nothing and look as if it had).
     *
     * @return the component; {@code options} are valid for it
     */
    public C forName(String name, Map<String, String> options) {
        C c = get(name);
        checkOptions(c, options);
        return c;
    }

    /** Refuses any option {@code component} does not declare in {@link NamedComponent#options()}. */
    public void checkOptions(C component, Map<String, String> options) {
        TreeSet<String> unknown = new TreeSet<>(options.keySet());
        unknown.removeAll(component.options().keySet());
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("the " + kind + " '" + component.name() + "' takes no option "
                    + String.join(", ", unknown) + (component.options().isEmpty() ? " (it takes none)"
                    : "; it takes: " + String.join(", ", new TreeSet<>(component.options().keySet()))));
        }
    }

    /** "name: description" lines of every component, for {@code --help} and listing commands. */
    public String describe() {
        StringBuilder b = new StringBuilder();
        for (C c : byName.values()) {
            b.append(c.name()).append(": ").append(c.description()).append('\n');
            c.options().forEach((k, v) -> b.append("    ").append(k).append(": ").append(v).append('\n'));
        }
        return b.toString();
    }
}
