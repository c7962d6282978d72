package dev.bucketscope;

import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Validates documents against the project's schemas/ (draft 2020-12) with networknt; returns readable errors. */
public final class SchemaCheck {
    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
    private static final Map<String, Schema> CACHE = new ConcurrentHashMap<>();

    private SchemaCheck() {}

    public static List<String> errors(String schemaFile, String instance, InputFormat format) {
        Schema schema = CACHE.computeIfAbsent(schemaFile, f -> {
            try {
                return REGISTRY.getSchema(Files.readString(Path.of("schemas", f)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        return schema.validate(instance, format).stream()
                .map(e -> e.getInstanceLocation() + ": " + e.getMessage())
                .toList();
    }
}
