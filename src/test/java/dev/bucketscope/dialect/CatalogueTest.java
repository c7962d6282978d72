package dev.bucketscope.dialect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CatalogueTest {

    private static Dialect d(String spec) {
        try {
            return Dialect.parse(spec);
        } catch (UnknownDialectException e) {
            throw new AssertionError(e);
        }
    }

    /**
     * A catalogue action's name, however it was made, is answered with the catalogue's own String
     * (the one string constants in code are too); any other spelling is given back as it came.
     */
    @Test
    void actionNamesAreMadeCanonical() {
        for (String spec : List.of("rustfs@alpha.78", "rustfs", "minio", "aws")) {
            Dialect d = d(spec);
            for (ActionInfo a : d.actions()) {
                String copy = new String(a.name().toCharArray());
                assertSame(a.name(), d.canonicalActionName(copy), spec + ": " + a.name());
                assertSame(a.name(), a.name().intern(), spec + ": " + a.name());
                assertEquals(a, d.action(copy).orElseThrow());
            }
            for (String other : List.of("s3:Get*", "s3:getobject", "s3:NoSuchAction", "", "*")) {
                String copy = new String(other.toCharArray());
                assertSame(copy, d.canonicalActionName(copy), spec + ": " + other);
            }
        }
    }

    @Test
    void familiesMatchPrefixesAndNamesAreUniquePerDialect() {
        for (String spec : List.of("rustfs@alpha.78", "rustfs@alpha.99", "rustfs", "minio", "aws")) {
            Set<String> seen = new HashSet<>();
            for (ActionInfo a : d(spec).actions()) {
                assertTrue(a.name().startsWith(a.family().prefix()), spec + ": " + a);
                assertTrue(a.name().indexOf('*') < 0 && a.name().indexOf('?') < 0, spec + ": " + a);
                // Unique ignoring case, so AWS's case-insensitive lookup is unambiguous.
                assertTrue(seen.add(a.name().toLowerCase(Locale.ROOT)), spec + ": duplicate " + a.name());
                assertTrue(a.family() == ActionFamily.S3 || a.capability() == Capability.ADMIN, spec + ": " + a);
            }
        }
    }

    @Test
    void alpha78HasExactlyTheReferenceS3List() {
        List<ActionInfo> s3 = d("rustfs@alpha.78").actions().stream().filter(a -> a.family() == ActionFamily.S3).toList();
        // The reference announces "62 strings" but its a.2 list spells out 60 (s3:* and 59 concrete
        // names); the catalogue holds exactly the names listed, no invented ones.
        assertEquals(59, s3.size());
        assertEquals("s3:AbortMultipartUpload", s3.get(0).name());
        assertEquals("s3:PutObjectFanOut", s3.get(58).name());
        assertTrue(s3.stream().noneMatch(a -> a.name().contains("Acl") || a.name().contains("Logging")
                || a.name().contains("PublicAccessBlock") || a.name().equals("s3:GetBucketQuota")));
        long admin = d("rustfs@alpha.78").actions().stream().filter(a -> a.family() == ActionFamily.ADMIN).count();
        // a.3 says "67 including admin:*" but names 67 concrete actions besides admin:*; the list wins.
        assertEquals(67, admin, "admin actions of a.3 at alpha.78");
        assertTrue(d("aws").actions().size() > 100, "AWS S3 catalogue");
    }

    @Test
    void capabilitiesAndLevelsOfKeyActions() {
        Dialect head = d("rustfs");
        assertEquals(Capability.LIST, head.action("s3:ListBucket").orElseThrow().capability());
        assertEquals(ActionLevel.BUCKET, head.action("s3:ListBucket").orElseThrow().level());
        assertEquals(Capability.READ, head.action("s3:GetObject").orElseThrow().capability());
        assertEquals(ActionLevel.OBJECT, head.action("s3:GetObject").orElseThrow().level());
        assertEquals(Capability.WRITE, head.action("s3:PutObject").orElseThrow().capability());
        assertEquals(Capability.DELETE, head.action("s3:DeleteObjectVersion").orElseThrow().capability());
        assertEquals(Capability.MANAGEMENT, head.action("s3:GetObjectRetention").orElseThrow().capability());
        assertEquals(ActionLevel.GLOBAL, head.action("s3:ListAllMyBuckets").orElseThrow().level());
        assertEquals(ActionLevel.GLOBAL, head.action("admin:ServerInfo").orElseThrow().level());
        assertEquals(ActionLevel.BUCKET, head.action("admin:GetTable").orElseThrow().level());
    }

    @Test
    void everyQuirkHasARowAndDescription() {
        EnumSet<Quirk> seen = EnumSet.noneOf(Quirk.class);
        DialectData.get().quirks.forEach(r -> seen.add(r.quirk()));
        assertEquals(EnumSet.allOf(Quirk.class), seen);
        for (Quirk q : Quirk.values()) {
            assertTrue(q.description().endsWith("."), q.name());
        }
    }

    @Test
    void malformedQuirkFileNamesTheLine() {
        String header = "# comment\nquirk\tdialect\trange\n";
        assertDataError(header + "STAR_ACTION_REJECTED\trustfs\t<alpha.79\nNO_SUCH_QUIRK\trustfs\t*\n",
                "quirks.tsv:4:", "NO_SUCH_QUIRK");
        assertDataError(header + "STAR_ACTION_REJECTED\trustfs\t<=alpha.79\n", "quirks.tsv:3:", "<=alpha.79");
        assertDataError(header + "STAR_ACTION_REJECTED\tminio\t<alpha.79\n", "quirks.tsv:3:", "not versioned");
        assertDataError(header + "STAR_ACTION_REJECTED\tceph\t*\n", "quirks.tsv:3:", "ceph");
        assertDataError(header + "STAR_ACTION_REJECTED\trustfs\n", "quirks.tsv:3:", "columns");
        assertDataError(header + "STAR_ACTION_REJECTED\trustfs\t>=beta.2 <alpha.3\n", "quirks.tsv:3:", "range");
    }

    @Test
    void malformedActionFileNamesTheLine() {
        String header = String.join("\t", DialectData.ACTION_HEADER) + "\n";
        DataFileException e = assertThrows(DataFileException.class, () -> DialectData.parseActions(
                TsvTable.read("actions.tsv", new StringReader(header + "admin:GetObject\tS3\tOBJECT\tREAD\t*\ty\ty\n"),
                        7, DialectData.ACTION_HEADER)));
        assertTrue(e.getMessage().startsWith("actions.tsv:2:") && e.getMessage().contains("s3:"), e.getMessage());
        e = assertThrows(DataFileException.class, () -> DialectData.parseActions(
                TsvTable.read("actions.tsv", new StringReader(header + "s3:A\tS3\tOBJECT\tREAD\t*\ty\ty\ns3:A\tS3\tOBJECT\tREAD\t*\ty\ty\n"),
                        7, DialectData.ACTION_HEADER)));
        assertTrue(e.getMessage().startsWith("actions.tsv:3:") && e.getMessage().contains("duplicate"), e.getMessage());
        e = assertThrows(DataFileException.class, () -> DialectData.parseActions(
                TsvTable.read("actions.tsv", new StringReader(header + "s3:A\tS3\tOBJECT\tREAD\t*\tyes\ty\n"),
                        7, DialectData.ACTION_HEADER)));
        assertTrue(e.getMessage().startsWith("actions.tsv:2:") && e.getMessage().contains("yes"), e.getMessage());
    }

    private static void assertDataError(String text, String where, String mention) {
        DataFileException e = assertThrows(DataFileException.class, () -> DialectData.parseQuirks(
                TsvTable.read("quirks.tsv", new StringReader(text), 3, DialectData.QUIRK_HEADER)));
        assertTrue(e.getMessage().startsWith(where) && e.getMessage().contains(mention), e.getMessage());
    }

    @Test
    void bundledDataLoadsQuickly() {
        long start = System.nanoTime();
        DialectData data = DialectData.load();
        long ms = (System.nanoTime() - start) / 1_000_000;
        assertTrue(data.actions.size() > 250, "rows: " + data.actions.size());
        assertTrue(ms < 200, "loading took " + ms + " ms");
    }
}
