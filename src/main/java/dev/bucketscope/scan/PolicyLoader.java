package dev.bucketscope.scan;

import dev.bucketscope.dialect.Dialect;
import dev.bucketscope.policy.PolicyFile;
import dev.bucketscope.policy.PolicyReader;
import dev.bucketscope.source.JsonReader;
import dev.bucketscope.source.MarkdownBlocks;
import dev.bucketscope.source.Parsed;
import dev.bucketscope.source.Problem;
import dev.bucketscope.source.SourceText;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns found files into policy documents. A JSON file is a policy when it is an object with a
 * Statement member; a file that does not parse is reported when it was named explicitly or
 * mentions "Statement" (so a broken policy is never skipped, and a broken package.json is not
 * ours to judge). Markdown files contribute each ```json block that is a policy, positioned in
 * the Markdown file itself.
 */
public final class PolicyLoader {
    private PolicyLoader() {}

    public static List<PolicyFile> load(PolicySources.Source source, Dialect dialect) {
        SourceText.Decoded decoded = SourceText.read(source.path(), source.sizeWhenFound());
        if (decoded.text() == null) {
            return List.of(new PolicyFile(source.displayPath(), decoded.problems(), List.of(), java.util.Optional.empty()));
        }
        if (source.markdown()) return markdown(source, decoded.text(), dialect);
        Parsed parsed = JsonReader.parse(decoded.text());
        return document(source.displayPath(), parsed, decoded.text(), source.explicit(), dialect, decoded.problems());
    }

    private static List<PolicyFile> markdown(PolicySources.Source source, String text, Dialect dialect) {
        List<PolicyFile> out = new ArrayList<>();
        for (MarkdownBlocks.Block block : MarkdownBlocks.extract(text)) {
            Parsed parsed = block.parse();
            List<Problem> extra = new ArrayList<>();
            if (block.unclosed()) {
                extra.add(new Problem(Problem.Kind.SYNTAX, "this ```json fence is never closed, so the block runs to the end of the file",
                        block.fence(), ""));
            }
            out.addAll(document(source.displayPath(), parsed, block.content(), false, dialect, extra));
        }
        return out;
    }

    private static List<PolicyFile> document(String display, Parsed parsed, String text, boolean explicit,
                                             Dialect dialect, List<Problem> earlier) {
        List<Problem> problems = new ArrayList<>(earlier);
        problems.addAll(parsed.problems());
        if (parsed.root() != null) {
            if (!PolicyReader.looksLikePolicy(parsed.root()) && !explicit) return List.of();
            return List.of(PolicyFile.fromNode(parsed.root(), display, dialect, problems));
        }
        if (explicit || text.contains("\"Statement\"")) {
            return List.of(new PolicyFile(display, problems, List.of(), java.util.Optional.empty()));
        }
        return List.of();
    }
}
