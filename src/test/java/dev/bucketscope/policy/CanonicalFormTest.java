package dev.bucketscope.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bucketscope.source.JsonReader;
import dev.bucketscope.source.YamlReader;
import org.junit.jupiter.api.Test;

class CanonicalFormTest {
    @Test
    void sameForPrettyAndMinifiedJson() {
        assertEquals(CanonicalForm.of(JsonReader.parse("{\"a\": [1, 2.5e3, true, null, \"x\\\"y\"]}").root()),
                CanonicalForm.of(JsonReader.parse("{\n  \"a\" : [ 1 ,2.5e3,true , null,\"x\\\"y\" ]\n}").root()));
    }

    @Test
    void yamlNumbersThatAreNotJsonNumbersBecomeStrings() {
        assertEquals("{\"h\":\"000000000000\",\"x\":\"0x1F\",\"n\":12,\"f\":1.5}",
                CanonicalForm.of(YamlReader.parse("h: 000000000000\nx: 0x1F\nn: 12\nf: 1.5\n").root()));
    }

    /** The hand-written JSON number test against the regular expression it replaced, on every string of up to five of its characters. */
    @Test
    void jsonNumbersAsTheRegularExpressionMatchedThem() {
        java.util.regex.Pattern json = java.util.regex.Pattern.compile("-?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][+-]?[0-9]+)?");
        int[] numbers = {0};
        dev.bucketscope.EveryString.upTo("-+0159.eEx ", 5, s -> {
            boolean expected = json.matcher(s).matches();
            assertEquals(expected, CanonicalForm.isJsonNumber(s), s);
            if (expected) numbers[0]++;
        });
        for (String s : java.util.List.of("12345678901234567890", "-0.000001e-99", "1.5E+308", "1e", "0.", ".5", "-", "00", "1e+", "\u0661")) {
            assertEquals(json.matcher(s).matches(), CanonicalForm.isJsonNumber(s), s);
        }
        assertTrue(numbers[0] > 1_000, "too few numbers among the strings: " + numbers[0]);
    }
}
