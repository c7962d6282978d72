package dev.bucketscope.dialect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class DialectParseTest {

    @Test
    void canonicalIdsAndNames() throws Exception {
        assertEquals("rustfs@1.0.0-rc.3", Dialect.parse("rustfs").id());
        assertEquals("rustfs@1.0.0-alpha.78", Dialect.parse("RustFS@alpha.78").id());
        assertEquals("RustFS 1.0.0-alpha.78", Dialect.parse("rustfs@1.0.0-alpha.78").displayName());
        assertEquals("minio", Dialect.parse("MinIO").id());
        assertEquals("AWS S3", Dialect.parse("aws").displayName());
        assertEquals(DialectKind.AWS, Dialect.parse("aws").kind());
        assertTrue(Dialect.parse("minio").version().isEmpty());
        assertEquals(Dialect.defaultDialect().id(), Dialect.parse("rustfs").id());
        assertSame(Dialect.parse("rustfs@alpha.78"), Dialect.parse("rustfs@1.0.0-alpha.78"));
    }

    @Test
    void unknownDialectListsValidForms() {
        UnknownDialectException e = assertThrows(UnknownDialectException.class, () -> Dialect.parse("ceph"));
        assertTrue(e.getMessage().contains("\"ceph\""), e.getMessage());
        for (String form : new String[] {"rustfs", "rustfs@<version>", "rustfs@1.0.0-alpha.78", "minio", "aws"}) {
            assertTrue(e.getMessage().contains(form), e.getMessage());
        }
    }

    @Test
    void badVersionFails() {
        UnknownDialectException e = assertThrows(UnknownDialectException.class, () -> Dialect.parse("rustfs@banana"));
        assertTrue(e.getMessage().contains("banana") && e.getMessage().contains("valid forms"), e.getMessage());
        assertThrows(UnknownDialectException.class, () -> Dialect.parse("rustfs@"));
        assertThrows(UnknownDialectException.class, () -> Dialect.parse(""));
    }

    @Test
    void versionsOutsideTheDescribedOnesWarn() throws Exception {
        Dialect newer = Dialect.parse("rustfs@1.0.0");
        assertEquals("rustfs@1.0.0", newer.id());
        assertTrue(newer.warning().orElseThrow().contains("assuming the rules of 1.0.0-rc.3"), newer.warning().get());
        assertEquals(Dialect.parse("rustfs").has(Quirk.DATE_OPERANDS_REVERSED), newer.has(Quirk.DATE_OPERANDS_REVERSED));

        Dialect older = Dialect.parse("rustfs@alpha.50");
        assertTrue(older.warning().orElseThrow().contains("assuming the rules of 1.0.0-alpha.78"), older.warning().get());
        assertTrue(older.has(Quirk.STAR_ACTION_REJECTED));

        assertTrue(Dialect.parse("rustfs@alpha.78").warning().isEmpty());
        assertTrue(Dialect.parse("rustfs").warning().isEmpty());
    }
}
