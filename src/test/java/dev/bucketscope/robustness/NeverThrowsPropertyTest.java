package dev.bucketscope.robustness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import dev.bucketscope.core.Finding;
import dev.bucketscope.core.Linter;
import dev.bucketscope.core.RuleCatalog;
import dev.bucketscope.dialect.Dialect;
import dev.bucketscope.eval.Evaluator;
import dev.bucketscope.policy.PolicyFile;
import dev.bucketscope.rules.BuiltinRules;
import dev.bucketscope.source.SourceText;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/**
 * Whatever a pull request contains, reading and linting never throws, and the findings depend on
 * the content only: pretty-printed and minified forms of the same policy give the same findings.
 */
class NeverThrowsPropertyTest {
    private static final Linter LINTER = new Linter(new RuleCatalog(BuiltinRules.all()), Map.of());
    private static final String[] DIALECTS = {"rustfs@1.0.0-alpha.78", "rustfs", "minio", "aws"};

    private static List<Finding> lint(String text, Dialect d) {
        PolicyFile f = PolicyFile.fromText(text, "p.json", d, List.of());
        return LINTER.lint(f, d, new Evaluator(d));
    }

    private static Dialect dialect(int i) {
        try {
            return Dialect.parse(DIALECTS[i]);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void arbitraryBytesNeverThrow() {
        Gen<byte[]> bytes = lists().of(integers().between(0, 255)).ofSizeBetween(0, 300).map(l -> {
            byte[] b = new byte[l.size()];
            for (int i = 0; i < b.length; i++) b[i] = (byte) (int) l.get(i);
            return b;
        });
        qt().withExamples(1500).forAll(bytes, integers().between(0, DIALECTS.length - 1)).checkAssert((b, d) -> {
            SourceText.Decoded decoded = SourceText.decode(b);
            if (decoded.text() != null) lint(decoded.text(), dialect(d));
        });
    }

    /** Random trees shaped like policies: valid and invalid elements, wrong types, wildcards. */

    @Test
    void policyShapedTreesNeverThrowAndFindingsIgnoreFormatting() {
        qt().withExamples(400).forAll(integers().all(), integers().between(0, DIALECTS.length - 1)).checkAssert((seed, d) -> {
            String pretty = render(new Random(seed), true);
            String minified = render(new Random(seed), false);
            Dialect dialect = dialect(d);
            assertEquals(summary(lint(minified, dialect)), summary(lint(pretty, dialect)), pretty);
        });
    }

    /**
     * What must not change with formatting: rule, pointer, identity and message. Spans differ by
     * definition, and so do positions a message quotes ("first at 3:3"), so those are masked.
     */
    private static List<String> summary(List<Finding> findings) {
        List<String> out = new ArrayList<>();
        for (Finding f : findings) {
            out.add(f.ruleId() + " " + f.location().pointer() + " " + f.message().replaceAll("\\d+:\\d+", "L:C") + " " + f.fingerprint());
        }
        return out;
    }

    private static final String[] KEYS = {"Version", "Statement", "Sid", "Effect", "Action", "NotAction", "Resource",
            "NotResource", "Condition", "Principal", "version", "Id", "ID", "Condtion"};
    private static final String[] ACTIONS = {"s3:GetObject", "s3:*", "*", "s3:Get*", "s3:getobject", "admin:*", "kms:Decrypt",
            "s3:PutLifecycleConfiguration", "sts:AssumeRole", "s3:ListBucket", "s3:ListAllMyBuckets", "s3:DeleteBucket", "x"};
    private static final String[] RESOURCES = {"arn:aws:s3:::b", "arn:aws:s3:::b/*", "arn:aws:s3:::*", "*", "arn:aws:s3:::",
            "arn:aws:s3:::b*", "arn:aws:s3:::*/*", "arn:aws:s3:::?x*", "arn:aws:s3:us-east-1::b", "b/*", "arn:aws:s3:::b/*/k?"};
    private static final String[] OPERATORS = {"StringEquals", "StringNotEquals", "StringLike", "DateLessThan", "Bool",
            "IpAddress", "ForAllValues:StringLike", "NumericGreaterThanIfExists", "Nope"};
    private static final String[] CONDITION_KEYS = {"aws:SourceIp", "s3:prefix", "aws:username", "aws:PrincipalArn", "aws:SecureTransport"};

    /** A policy-like document; {@code pretty} only changes whitespace, never content or order. */
    static String render(Random r, boolean pretty) {
        StringBuilder sb = new StringBuilder();
        String nl = pretty ? "\n" : "";
        String sp = pretty ? "  " : "";
        sb.append('{').append(nl);
        List<String> members = new ArrayList<>();
        if (r.nextInt(5) > 0) members.add(sp + "\"Version\":" + (pretty ? " " : "") + pick(r, "\"2012-10-17\"", "\"2008-10-17\"", "2012", "\"\""));
        int statements = r.nextInt(4);
        StringBuilder st = new StringBuilder(sp + "\"Statement\":" + (pretty ? " " : "") + "[" + nl);
        for (int i = 0; i < statements; i++) {
            if (i > 0) st.append(',').append(nl);
            st.append(sp).append(sp).append(statement(r, pretty));
        }
        st.append(nl).append(sp).append(']');
        if (r.nextInt(6) > 0) members.add(st.toString());
        if (r.nextInt(8) == 0) members.add(sp + "\"" + KEYS[r.nextInt(KEYS.length)] + "\":" + value(r));
        sb.append(String.join("," + nl, members)).append(nl).append('}');
        return sb.toString();
    }

    private static String statement(Random r, boolean pretty) {
        List<String> m = new ArrayList<>();
        String sp = pretty ? " " : "";
        if (r.nextInt(6) > 0) m.add("\"Effect\":" + sp + pick(r, "\"Allow\"", "\"Deny\"", "\"allow\"", "true"));
        if (r.nextInt(3) > 0) m.add("\"" + pick(r, "Action", "Action", "NotAction", "action") + "\":" + sp + list(r, ACTIONS, pretty));
        if (r.nextInt(3) > 0) m.add("\"" + pick(r, "Resource", "Resource", "NotResource") + "\":" + sp + list(r, RESOURCES, pretty));
        if (r.nextInt(4) == 0) {
            m.add("\"Condition\":" + sp + "{\"" + OPERATORS[r.nextInt(OPERATORS.length)] + "\":" + sp + "{\""
                    + CONDITION_KEYS[r.nextInt(CONDITION_KEYS.length)] + "\":" + sp + pick(r, "\"x*\"", "[\"10.0.0.0/8\",\"a\"]", "5", "\"true\"") + "}}");
        }
        if (r.nextInt(10) == 0) m.add("\"Principal\":" + sp + pick(r, "\"*\"", "{\"AWS\":[\"*\"]}"));
        if (r.nextInt(8) == 0) m.add("\"Sid\":" + sp + pick(r, "\"A\"", "\"\"", "7"));
        return "{" + String.join("," + sp, m) + "}";
    }

    private static String list(Random r, String[] values, boolean pretty) {
        if (r.nextInt(5) == 0) return "\"" + values[r.nextInt(values.length)] + "\"";
        if (r.nextInt(12) == 0) return pick(r, "5", "null", "{}");
        int n = r.nextInt(4);
        List<String> items = new ArrayList<>();
        for (int i = 0; i < n; i++) items.add(r.nextInt(15) == 0 ? "1" : "\"" + values[r.nextInt(values.length)] + "\"");
        return "[" + String.join(pretty ? ", " : ",", items) + "]";
    }

    private static String value(Random r) {
        return pick(r, "\"x\"", "1", "[]", "{}", "null");
    }

    private static String pick(Random r, String... options) {
        return options[r.nextInt(options.length)];
    }
}
