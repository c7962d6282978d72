package dev.bucketscope.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bucketscope.dialect.Dialect;
import dev.bucketscope.source.JsonReader;
import dev.bucketscope.source.Node;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * A statement's elements are read in one pass over its keys ({@code PolicyReader.statementMembers});
 * each must be the member {@code PolicyReader.member} finds asking for it alone: the same key
 * matching, exact or ignoring case as {@code equalsIgnoreCase} does, and the last duplicate winning.
 */
class PolicyReaderElementsTest {
    // Spellings, case variants, look-alikes that equalsIgnoreCase and lower-casing judge apart
    // ('ſ' upper-cases to 'S'; the Kelvin sign lower-cases to 'k'), top-level names and others.
    private static final List<String> KEYS = List.of("Sid", "sid", "SID", "\u017fid", "Effect", "effect", "EFFECT", "Principal",
            "principal", "NotPrincipal", "Action", "action", "ACTION", "NotAction", "notaction", "Resource", "resource",
            "NotResource", "Condition", "condition", "Version", "Statement", "Id", "ID", "Condtion", "Actions", "",
            "\u212aey", "Effec\u0074");

    @Test
    void everyStatementElementIsTheMemberAskedForAlone() throws Exception {
        Random random = new Random(42);
        int checked = 0;
        for (String spec : List.of("rustfs", "rustfs@1.0.0-alpha.78", "minio", "aws")) {
            Dialect d = Dialect.parse(spec);
            for (int round = 0; round < 3_000; round++) {
                Node.ObjectNode statement = statement(random);
                Node.Member[] read = PolicyReader.statementMembers(statement, d);
                assertEquals(PolicyElement.COUNT, read.length);
                for (PolicyElement e : PolicyElement.values()) {
                    if (e.topLevel()) {
                        assertEquals(null, read[e.ordinal()], e.name());
                        continue;
                    }
                    Optional<Node.Member> alone = PolicyReader.member(statement, e, d);
                    if (alone.isPresent()) {
                        assertSame(alone.get(), read[e.ordinal()], spec + " " + e + " in " + statement.members());
                        checked++;
                    } else {
                        assertEquals(null, read[e.ordinal()], spec + " " + e + " in " + statement.members());
                    }
                }
            }
        }
        assertTrue(checked > 10_000, "too few elements present to compare: " + checked);
    }

    /** Action and NotAction values are read as the catalogue's own Strings, everything else as written. */
    @Test
    void actionValuesAreTheCataloguesStrings() throws Exception {
        Dialect d = Dialect.parse("rustfs");
        String json = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":[\"s3:GetObject\",\"s3:Get*\"],"
                + "\"NotAction\":\"s3:PutObject\",\"Resource\":[\"arn:aws:s3:::b/*\"]}]}";
        var parsed = JsonReader.parse(json);
        Policy p = PolicyReader.read("p.json", (Node.ObjectNode) parsed.root(), d);
        Statement st = p.statements().get(0);
        assertSame(d.action("s3:GetObject").orElseThrow().name(), st.actions().get(0).text());
        assertEquals("s3:Get*", st.actions().get(1).text());
        assertSame(d.action("s3:PutObject").orElseThrow().name(), st.notActions().get(0).text());
        assertEquals(new dev.bucketscope.source.Span(1, 66, 1, 80), st.actions().get(0).span());
        assertEquals("/Statement/0/Action/0", st.actions().get(0).pointer());
        assertEquals("arn:aws:s3:::b/*", st.resources().get(0).text());
    }

    /** A statement object of up to eight keys drawn from {@link #KEYS}, duplicates included. */
    private static Node.ObjectNode statement(Random random) {
        StringBuilder json = new StringBuilder("{");
        int n = random.nextInt(9);
        for (int i = 0; i < n; i++) {
            if (i > 0) json.append(',');
            json.append('"').append(KEYS.get(random.nextInt(KEYS.size()))).append("\":\"v").append(i).append('"');
        }
        var parsed = JsonReader.parse(json.append('}').toString());
        // Duplicate keys are reported, and the tree keeps every member, as servers read it.
        assertTrue(parsed.root() instanceof Node.ObjectNode, () -> "bad test JSON: " + parsed.problems());
        return (Node.ObjectNode) parsed.root();
    }
}
