package dev.bucketscope.dialect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class RustfsVersionTest {

    private static RustfsVersion v(String s) {
        return RustfsVersion.parse(s).orElseThrow(() -> new AssertionError("does not parse: " + s));
    }

    @Test
    void ordersStagesThenNumbersNumerically() {
        List<String> ascending = List.of("alpha.9", "alpha.78", "alpha.100", "beta.1", "beta.10", "rc.1", "1.0.0", "1.0.1-alpha.1");
        for (int i = 0; i + 1 < ascending.size(); i++) {
            assertTrue(v(ascending.get(i)).compareTo(v(ascending.get(i + 1))) < 0,
                    ascending.get(i) + " < " + ascending.get(i + 1));
        }
    }

    @Test
    void shortAndFullFormsAreTheSameVersion() {
        assertEquals(v("1.0.0-alpha.78"), v("alpha.78"));
        assertEquals(v("1.0.0-beta.1"), v("v1.0.0-beta.1"));
        assertEquals(v("1.0.0-RC.3"), RustfsVersion.NEWEST_KNOWN);
    }

    @Test
    void canonicalText() {
        assertEquals("1.0.0-alpha.78", v("alpha.78").toString());
        assertEquals("1.0.0-rc.3", RustfsVersion.NEWEST_KNOWN.toString());
        assertEquals("1.0.0", v("1.0.0").toString());
    }

    @Test
    void rejectsNonsense() {
        for (String bad : List.of("", "banana", "alpha", "alpha.", "1.0", "1.0.0-gamma.1", "1.0.0alpha.78", "alpha.-1")) {
            assertTrue(RustfsVersion.parse(bad).isEmpty(), bad);
        }
    }
}
