package dev.bucketscope.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.bucketscope.dialect.Dialect;
import dev.bucketscope.eval.Evaluator;
import dev.bucketscope.policy.PolicyFile;
import dev.bucketscope.rules.BuiltinRules;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Finding identities survive reformatting and moving statements, and tell identical findings apart. */
class FingerprintsTest {
    private static final String A = "{\"Effect\":\"Allow\",\"Action\":[\"s3:Get*\",\"s3:GetObjekt\"],\"Resource\":[\"*\"]}";
    private static final String B = "{\"Effect\":\"Allow\",\"Action\":[\"s3:Put*\"],\"Resource\":[\"arn:aws:s3:::b/*\"]}";

    private static List<String> fingerprints(String json) throws Exception {
        Dialect d = Dialect.parse("rustfs");
        Linter linter = new Linter(new RuleCatalog(BuiltinRules.all()), Map.of());
        PolicyFile f = PolicyFile.fromText(json, "p.json", d, List.of());
        return linter.lint(f, d, new Evaluator(d)).stream().map(x -> x.ruleId() + " " + x.fingerprint()).sorted().toList();
    }

    @Test
    void sameUnderReformattingAndStatementMoves() throws Exception {
        List<String> minified = fingerprints("{\"Version\":\"2012-10-17\",\"Statement\":[" + A + "," + B + "]}");
        String pretty = """
                {
                  "Version": "2012-10-17",
                  "Statement": [
                    {
                      "Effect": "Allow",
                      "Action": [ "s3:Get*", "s3:GetObjekt" ],
                      "Resource": [ "*" ]
                    },
                    { "Effect": "Allow", "Action": ["s3:Put*"],
                      "Resource": ["arn:aws:s3:::b/*"] }
                  ]
                }
                """;
        assertEquals(minified, fingerprints(pretty));
        assertEquals(minified, fingerprints("{\"Version\":\"2012-10-17\",\"Statement\":[" + B + "," + A + "]}"));
        assertEquals(4, minified.size());
    }

    @Test
    void identicalFindingsGetDistinctIdentities() throws Exception {
        List<String> fps = fingerprints("{\"Version\":\"2012-10-17\",\"Statement\":[" + B + "," + B + "]}");
        assertEquals(2, fps.size());
        assertNotEquals(fps.get(0), fps.get(1));
    }

    @Test
    void unparseableFilesIgnorePositionsInMessages() {
        Fingerprints one = new Fingerprints();
        Fingerprints two = new Fingerprints();
        assertEquals(one.of("invalid-json", "p.json", java.util.Optional.empty(), "", "unclosed array opened at 3:16"),
                two.of("invalid-json", "p.json", java.util.Optional.empty(), "", "unclosed array opened at 7:2"));
    }

    @Test
    void findingsBelongToTheTopLevelArrayElementTheyAreIn() {
        assertEquals("/Statement/3", Fingerprints.statementPointer("/Statement/3/Action/0"));
        assertEquals("/Statement/12", Fingerprints.statementPointer("/Statement/12"));
        assertEquals("/components/2", Fingerprints.statementPointer("/components/2/scope"));
        for (String whole : new String[] {"", "/", "/Statement", "/Statement/", "/Statement//Action", "/Version/x", "/Statement/3a/Action"}) {
            assertEquals("", Fingerprints.statementPointer(whole), whole);
        }
    }

    @Test
    void digestsAreSha256() {
        assertEquals("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", Fingerprints.sha256(""));
        assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", Fingerprints.sha256("abc"));
    }
}
