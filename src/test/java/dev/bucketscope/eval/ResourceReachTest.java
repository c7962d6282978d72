package dev.bucketscope.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.lists;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * {@link ResourceReach#accepts} against enumeration: a pattern reaches a shape when some string of
 * that shape, over a small alphabet, matches it. 'a' stands for every byte but '/', which all
 * behave alike here, so names over {a, /} up to the pattern's length plus three decide exactly
 * (a shortest matching name has one byte per non-star token, plus at most three bytes stars add:
 * a bucket byte, a '/' and a key byte).
 */
class ResourceReachTest {
    @Test
    void agreesWithEnumerationOnEveryShape() {
        Gen<String> patterns = lists().of(Generate.pick(List.of('a', 'b', '/', '*', '?'))).ofSizeBetween(1, 7)
                .map(cs -> cs.stream().map(String::valueOf).collect(Collectors.joining()));
        List<String> names = names(10);
        qt().withFixedSeed(11).withExamples(3_000).forAll(patterns).checkAssert(p -> {
            // The shapes tell only '/' from other bytes, so 'b' may stand in for 'a' in the oracle.
            dev.bucketscope.glob.Glob g = dev.bucketscope.glob.Glob.of(p.replace('b', 'a'));
            for (ResourceReach.Shape shape : ResourceReach.Shape.values()) {
                boolean expected = names.stream().filter(n -> n.length() <= p.length() + 3)
                        .anyMatch(n -> ofShape(n, shape) && g.matches(n));
                assertEquals(expected, ResourceReach.accepts(p, shape), () -> p + " " + shape);
            }
        });
    }

    /** The one-pass reach of a Resource value against the separate passes it replaced, in every kind of dialect. */
    @Test
    void onePassAgreesWithTheSeparatePasses() throws Exception {
        List<dev.bucketscope.dialect.Dialect> dialects = new ArrayList<>();
        for (String spec : List.of("rustfs@1.0.0-alpha.78", "rustfs", "minio", "aws")) dialects.add(dev.bucketscope.dialect.Dialect.parse(spec));
        Gen<String> patterns = lists().of(Generate.pick(List.of("a", "b", "/", "*", "?", "\u00e9", "\ud83d\ude00"))).ofSizeBetween(0, 8)
                .map(cs -> String.join("", cs));
        Gen<String> prefixes = Generate.pick(List.of("arn:aws:s3:::", "arn:aws:s3:::", "arn:aws:s3::", "", "*", "arn:aws:s3:us-east-1::"));
        qt().withFixedSeed(14).withExamples(20_000).forAll(prefixes, patterns).checkAssert((prefix, p) -> {
            for (dev.bucketscope.dialect.Dialect d : dialects) {
                String v = prefix + p;
                assertEquals(composed(v, d), ResourceReach.of(v, d), () -> "'" + v + "' " + d.displayName());
            }
        });
    }

    /**
     * {@link ResourceReach#of} as it was, in separate passes: the substring, the wildcard
     * searches, a pass per shape (the oracle of the one-pass test above).
     */
    private static ResourceReach composed(String value, dev.bucketscope.dialect.Dialect dialect) {
        String arn = "arn:aws:s3:::";
        String pattern;
        if (value.equals("*")) {
            return new ResourceReach(true, true, true);
        } else if (value.startsWith(arn)) {
            pattern = value.substring(arn.length());
        } else {
            return new ResourceReach(false, false, false);
        }
        if (pattern.isEmpty()) return new ResourceReach(false, false, false);
        boolean raw = dialect.has(dev.bucketscope.dialect.Quirk.RAW_WILDCARD_RESOURCE_MATCH)
                && dialect.kind() != dev.bucketscope.dialect.DialectKind.AWS;
        boolean literal = pattern.indexOf('*') < 0 && pattern.indexOf('?') < 0;
        boolean bucket = literal ? ResourceReach.accepts(pattern, ResourceReach.Shape.BUCKET)
                : raw ? ResourceReach.accepts(pattern, ResourceReach.Shape.BUCKET_SLASH) : ResourceReach.accepts(pattern, ResourceReach.Shape.BUCKET);
        boolean object = ResourceReach.accepts(pattern, ResourceReach.Shape.OBJECT);
        boolean none = dialect.kind() == dev.bucketscope.dialect.DialectKind.AWS ? pattern.equals("*") : ResourceReach.matchesSlashAlone(pattern);
        return new ResourceReach(bucket, object, none);
    }

    @Test
    void matchesSlashAloneAgreesWithTheMatcher() {
        Gen<String> patterns = lists().of(Generate.pick(List.of('a', '/', '*', '?', 'é'))).ofSizeBetween(0, 6)
                .map(cs -> cs.stream().map(String::valueOf).collect(Collectors.joining()));
        qt().withFixedSeed(12).withExamples(5_000).forAll(patterns).checkAssert(p ->
                assertEquals(dev.bucketscope.glob.Glob.of(p).matches("/"), ResourceReach.matchesSlashAlone(p), () -> p));
    }

    /**
     * The table walk by chars against the walk it replaced, by UTF-8 bytes with {@link ResourceReach#step}
     * per byte, on patterns with non-ASCII chars (two and four bytes) beside the others.
     */
    @Test
    void readingCharsAgreesWithReadingUtf8Bytes() {
        Gen<String> patterns = lists().of(Generate.pick(List.of("a", "/", "*", "?", "\u00e9", "\ud83d\ude00"))).ofSizeBetween(0, 8)
                .map(cs -> String.join("", cs));
        qt().withFixedSeed(13).withExamples(5_000).forAll(patterns).checkAssert(p -> {
            for (ResourceReach.Shape shape : ResourceReach.Shape.values()) {
                assertEquals(byteWise(p, shape), ResourceReach.accepts(p, shape), () -> p + " " + shape);
            }
        });
    }

    private static boolean byteWise(String pattern, ResourceReach.Shape shape) {
        int mask = 1;
        for (byte b : pattern.getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
            if (b == '*') {
                int closed = mask;
                do {
                    mask = closed;
                    closed = mask | ResourceReach.step(mask, shape, true, true);
                } while (closed != mask);
            } else {
                mask = b == '?' ? ResourceReach.step(mask, shape, true, true) : ResourceReach.step(mask, shape, b == '/', b != '/');
            }
            if (mask == 0) return false;
        }
        int accepting = switch (shape) {
            case BUCKET -> 1;
            case BUCKET_SLASH -> 2;
            case OBJECT -> 3;
        };
        return (mask & 1 << accepting) != 0;
    }

    private static boolean ofShape(String n, ResourceReach.Shape shape) {
        int slash = n.indexOf('/');
        return switch (shape) {
            case BUCKET -> !n.isEmpty() && slash < 0;
            case BUCKET_SLASH -> slash > 0 && slash == n.length() - 1;
            case OBJECT -> slash > 0 && slash < n.length() - 1;
        };
    }

    private static List<String> names(int maxLength) {
        List<String> out = new ArrayList<>(List.of(""));
        for (int i = 0; i < out.size(); i++) {
            String s = out.get(i);
            if (s.length() < maxLength) {
                out.add(s + "a");
                out.add(s + "/");
            }
        }
        return out;
    }
}
