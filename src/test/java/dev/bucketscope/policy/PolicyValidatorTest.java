package dev.bucketscope.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bucketscope.dialect.Dialect;
import dev.bucketscope.policy.Violation.Category;
import dev.bucketscope.source.JsonReader;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * What each dialect accepts (section c and h of the semantics reference). Each row: dialect, a
 * statement body, and the expected violations as "category:rejected" (or "none").
 */
class PolicyValidatorTest {

    private static List<Violation> validate(String spec, String statement, String version) throws Exception {
        String json = "{" + version + "\"Statement\":[" + statement + "]}";
        var parsed = JsonReader.parse(json);
        assertTrue(parsed.problems().isEmpty(), () -> "bad test JSON: " + parsed.problems());
        return PolicyValidator.validate(parsed.root(), Dialect.parse(spec));
    }

    private static String summary(List<Violation> vs) {
        if (vs.isEmpty()) return "none";
        return vs.stream().map(v -> v.category() + ":" + (v.rejected() ? "rejected" : "misread"))
                .collect(Collectors.joining(" "));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', value = {
        "rustfs@1.0.0-alpha.78 | {'Effect':'Allow','Action':['s3:GetObject'],'Resource':['arn:aws:s3:::b/*']} | none",
        "rustfs@1.0.0-alpha.78 | {'Effect':'Allow','Action':'s3:GetObject','Resource':['arn:aws:s3:::b/*']} | STRUCTURE:rejected",
        "rustfs@1.0.0-alpha.79 | {'Effect':'Allow','Action':'s3:GetObject','Resource':'arn:aws:s3:::b/*'} | none",
        "rustfs@1.0.0-alpha.78 | {'Effect':'Allow','Action':['s3:GetObject'],'Resource':'arn:aws:s3:::b/*'} | STRUCTURE:rejected",
        "rustfs                | {'Effect':'Allow','Action':['s3:Get*'],'Resource':['arn:aws:s3:::b/*']} | UNSUPPORTED_WILDCARD:rejected",
        "minio                 | {'Effect':'Allow','Action':['s3:Get*'],'Resource':['arn:aws:s3:::b/*']} | none",
        "rustfs                | {'Effect':'Allow','Action':['s3:PutLifecycleConfiguration'],'Resource':['arn:aws:s3:::b']} | UNKNOWN_ACTION:rejected",
        "rustfs                | {'Effect':'Allow','Action':['s3:GetObject'],'Resource':['*']} | INVALID_RESOURCE:rejected",
        "minio                 | {'Effect':'Allow','Action':['s3:GetObject'],'Resource':['*']} | none",
        "rustfs                | {'Effect':'Allow','Action':['s3:GetObject'],'Resource':['arn:aws:s3:::']} | INVALID_RESOURCE:rejected",
        "rustfs                | {'Effect':'Allow','Action':['s3:GetObject'],'Resource':['arn:aws:s3:us-east-1::b/*']} | INVALID_RESOURCE:rejected",
        "rustfs                | {'Effect':'allow','Action':['s3:GetObject'],'Resource':['arn:aws:s3:::b/*']} | STRUCTURE:rejected",
        "rustfs                | {'Action':['s3:GetObject'],'Resource':['arn:aws:s3:::b/*']} | STRUCTURE:rejected",
        "rustfs@1.0.0-alpha.78 | {'Effect':'Allow','Action':['s3:GetObject'],'Resource':['arn:aws:s3:::b/*'],'Condtion':{}} | STRUCTURE:misread",
        "rustfs                | {'Effect':'Allow','Action':['s3:GetObject'],'Resource':['arn:aws:s3:::b/*'],'Condtion':{}} | STRUCTURE:rejected",
        "rustfs@1.0.0-alpha.78 | {'Effect':'Allow','Action':['s3:GetObject','admin:ListUsers'],'Resource':['arn:aws:s3:::b/*']} | MIXED_ACTION_FAMILIES:misread",
        "rustfs                | {'Effect':'Allow','Action':['s3:GetObject','admin:ListUsers'],'Resource':['arn:aws:s3:::b/*']} | MIXED_ACTION_FAMILIES:rejected",
        "rustfs@1.0.0-alpha.78 | {'Effect':'Allow','Action':['admin:ListUsers']} | STRUCTURE:rejected",
        "rustfs                | {'Effect':'Allow','Action':['admin:ListUsers']} | none",
        "rustfs@1.0.0-alpha.78 | {'Effect':'Allow','NotAction':['s3:DeleteObject'],'Resource':['arn:aws:s3:::b/*']} | STRUCTURE:rejected",
        "rustfs@1.0.0-alpha.78 | {'Effect':'Allow','Action':[],'NotAction':['s3:DeleteObject'],'Resource':['arn:aws:s3:::b/*']} | none",
        "rustfs                | {'Effect':'Allow','Action':['s3:GetObject'],'NotAction':['s3:DeleteObject'],'Resource':['arn:aws:s3:::b/*']} | STRUCTURE:rejected",
        "rustfs@1.0.0-alpha.78 | {'Effect':'Allow','Action':['s3:GetObject'],'NotResource':['arn:aws:s3:::b/*']} | STRUCTURE:rejected",
        "rustfs                | {'Effect':'Allow','Action':['s3:GetObject'],'NotResource':['arn:aws:s3:::b/*']} | none",
        "rustfs                | {'Effect':'Allow','Action':['s3:GetObject'],'Resource':['arn:aws:s3:::a/*'],'NotResource':['arn:aws:s3:::b/*']} | STRUCTURE:rejected",
        "rustfs@1.0.0-alpha.78 | {'Effect':'Allow','Action':['s3:GetObject'],'Resource':['arn:aws:s3:::a/*'],'NotResource':['arn:aws:s3:::b/*']} | STRUCTURE:misread",
        "rustfs@1.0.0-alpha.78 | {'Effect':'Allow','Action':['*'],'Resource':['arn:aws:s3:::b/*']} | UNKNOWN_ACTION:rejected",
        "rustfs@1.0.0-alpha.78 | {'Effect':'Allow','Action':['s3:GetObject'],'Resource':['arn:aws:s3:::b/*'],'Condition':{'StringNotEquals':{'aws:username':['x']}}} | UNSUPPORTED_CONDITION:misread",
        "rustfs@1.0.0-alpha.78 | {'Effect':'Allow','Action':['s3:GetObject'],'Resource':['arn:aws:s3:::b/*'],'Condition':{'DateLessThan':{'aws:CurrentTime':'2026-01-01T00:00:00Z'}}} | UNSUPPORTED_CONDITION:rejected",
        "rustfs                | {'Effect':'Allow','Action':['s3:GetObject'],'Resource':['arn:aws:s3:::b/*'],'Condition':{'StringEquals':{'aws:PrincipalArn':['x']}}} | UNSUPPORTED_CONDITION:rejected",
        "minio                 | {'Effect':'Allow','Action':['s3:GetObject'],'Resource':['arn:aws:s3:::b/*'],'Condition':{}} | UNSUPPORTED_CONDITION:rejected",
        "rustfs@1.0.0-alpha.78 | {'Effect':'Allow','Action':['s3:ListBucket'],'Resource':['arn:aws:s3:::b'],'Condition':{'StringLike':{'s3:prefix':['home/*']}}} | UNSUPPORTED_CONDITION:misread",
        "aws                   | {'Effect':'Allow','Action':['s3:getobject'],'Resource':['arn:aws:s3:::b/*']} | none",
    })
    void acceptance(String spec, String statement, String expected) throws Exception {
        assertEquals(expected, summary(validate(spec, statement.replace('\'', '"'), "\"Version\":\"2012-10-17\",")));
    }

    @ParameterizedTest(name = "{0}: version {1}")
    @CsvSource(delimiter = '|', value = {
        "rustfs | \"Version\":\"2012-10-17\", | none",
        "rustfs | '' | STRUCTURE:rejected",
        "rustfs | \"Version\":\"2008-10-17\", | STRUCTURE:rejected",
        "aws    | \"Version\":\"2008-10-17\", | none",
        "aws    | '' | STRUCTURE:misread",
        "minio  | '' | none",
        "rustfs | \"Version\":2012, | STRUCTURE:rejected",
    })
    void version(String spec, String version, String expected) throws Exception {
        String st = "{\"Effect\":\"Allow\",\"Action\":[\"s3:GetObject\"],\"Resource\":[\"arn:aws:s3:::b/*\"]}";
        assertEquals(expected, summary(validate(spec, st, version)));
    }

    @org.junit.jupiter.api.Test
    void violationsPointAtTheValue() throws Exception {
        String json = "{\n  \"Version\": \"2012-10-17\",\n  \"Statement\": [{\n    \"Effect\": \"Allow\",\n"
                + "    \"Action\": [\"s3:GetObject\", \"s3:Get*\"],\n    \"Resource\": [\"arn:aws:s3:::b/*\"]\n  }]\n}";
        var vs = PolicyValidator.validate(JsonReader.parse(json).root(), Dialect.parse("rustfs"));
        assertEquals(1, vs.size());
        Violation v = vs.get(0);
        assertEquals(Category.UNSUPPORTED_WILDCARD, v.category());
        assertEquals(5, v.span().line());
        assertEquals(32, v.span().column());
        assertEquals(41, v.span().endColumn());
        assertEquals("/Statement/0/Action/1", v.pointer());
        assertEquals("unsupported-wildcard", v.category().ruleId());
    }
}
