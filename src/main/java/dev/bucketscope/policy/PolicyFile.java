package dev.bucketscope.policy;

import dev.bucketscope.dialect.Dialect;
import dev.bucketscope.source.JsonReader;
import dev.bucketscope.source.Node;
import dev.bucketscope.source.Parsed;
import dev.bucketscope.source.Problem;
import dev.bucketscope.source.SourceText;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One policy document read from disk and checked against a dialect: the syntax problems, the
 * grammar violations, and the model the server would evaluate (absent when the text does not parse).
 */
public record PolicyFile(String file, List<Problem> problems, List<Violation> violations, Optional<Policy> policy) {

    public PolicyFile {
        problems = List.copyOf(problems);
        violations = List.copyOf(violations);
    }

    public static PolicyFile load(Path path, String displayPath, Dialect dialect) {
        SourceText.Decoded decoded = SourceText.read(path);
        if (decoded.text() == null) {
            return new PolicyFile(displayPath, decoded.problems(), List.of(), Optional.empty());
        }
        return fromText(decoded.text(), displayPath, dialect, decoded.problems());
    }

    public static PolicyFile fromText(String text, String displayPath, Dialect dialect, List<Problem> earlier) {
        Parsed parsed = JsonReader.parse(text);
        List<Problem> problems = new ArrayList<>(earlier);
        problems.addAll(parsed.problems());
        if (parsed.root() == null) return new PolicyFile(displayPath, problems, List.of(), Optional.empty());
        return fromNode(parsed.root(), displayPath, dialect, problems);
    }

    public static PolicyFile fromNode(Node root, String displayPath, Dialect dialect, List<Problem> problems) {
        List<Violation> violations = PolicyValidator.validate(root, dialect);
        Optional<Policy> policy = root instanceof Node.ObjectNode o
                ? Optional.of(PolicyReader.read(displayPath, o, dialect)) : Optional.empty();
        return new PolicyFile(displayPath, problems, violations, policy);
    }

    /** The first reason the server would refuse this document, if any. */
    public Optional<String> rejection() {
        for (Problem p : problems) {
            return Optional.of(file + ":" + p.span().line() + ":" + p.span().column() + ": " + p.message());
        }
        for (Violation v : violations) {
            if (v.rejected()) {
                return Optional.of(file + ":" + v.span().line() + ":" + v.span().column() + ": " + v.message());
            }
        }
        return Optional.empty();
    }
}
