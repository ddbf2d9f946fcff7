package io.entente.core.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RegistryTest {
    record Thing(String name, String description, Map<String, String> options) implements NamedComponent {
    }

    private final Thing plain = new Thing("plain", "no options", Map.of());
    private final Thing tuned = new Thing("tuned", "two options", Map.of("depth", "how deep", "width", "how wide"));
    private final Registry<Thing> registry = Registry.of("widget", List.of(plain, tuned));

    @Test
    void findsByNameWhateverTheCase() {
        assertSame(tuned, registry.get("TUNED"));
        assertEquals(List.of("plain", "tuned"), registry.names());
    }

    @Test
    void unknownNameListsWhatIsInstalled() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> registry.get("fancy"));
        assertEquals("no widget named 'fancy' is installed; available: plain, tuned", e.getMessage());
    }

    @Test
    void refusesOptionsTheComponentDoesNotTake() {
        assertSame(tuned, registry.forName("tuned", Map.of("depth", "3")));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> registry.forName("tuned", Map.of("dept", "3")));
        assertTrue(e.getMessage().contains("takes no option dept; it takes: depth, width"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> registry.forName("plain", Map.of("x", "1")));
        assertTrue(e.getMessage().endsWith("(it takes none)"), e.getMessage());
    }

    @Test
    void refusesTwoComponentsOfOneName() {
        record Other(String name, String description) implements NamedComponent {
        }
        assertThrows(IllegalStateException.class,
                () -> Registry.<NamedComponent>of("widget", List.of(plain, new Other("plain", "another"))));
        assertThrows(IllegalStateException.class, () -> Registry.of("widget", List.of(new Thing("Upper", "x", Map.of()))));
    }

    @Test
    void describesEveryComponentAndOption() {
        String text = registry.describe();
        assertTrue(text.contains("plain: no options\n"));
        assertTrue(text.contains("    depth: how deep\n"));
    }
}
