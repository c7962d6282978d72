package dev.bucketscope.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
}
