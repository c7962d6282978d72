package dev.bucketscope.dialect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class VersionRangeTest {
    private static RustfsVersion v(String s) {
        return RustfsVersion.parse(s).orElseThrow();
    }

    @Test
    void boundsAreSeparatedByAnyRunOfSpaces() {
        VersionRange r = VersionRange.parse("  >=alpha.78    <beta.1 ").orElseThrow();
        assertEquals(v("alpha.78"), r.from());
        assertEquals(v("beta.1"), r.until());
        assertTrue(r.contains(v("alpha.90")));
        assertFalse(r.contains(v("beta.1")));
        assertEquals(v("rc.1"), VersionRange.parse("<rc.1").orElseThrow().until());
        assertTrue(VersionRange.parse("*").orElseThrow().contains(v("1.0.0")));
        assertFalse(VersionRange.parse("-").orElseThrow().contains(v("1.0.0")));
    }

    @Test
    void rejectsWhatTheDataFilesNeverSay() {
        for (String bad : List.of("", " ", ">=alpha.78\t<beta.1", "<beta.1 >=alpha.78", ">=beta.1 <alpha.78", ">=alpha.78 >=beta.1",
                "<beta.1 <rc.1", ">=", "alpha.78", ">=alpha.78 junk")) {
            assertTrue(VersionRange.parse(bad).isEmpty(), "'" + bad + "'");
        }
    }
}
