package dev.bucketscope.source;

import java.util.List;

/**
 * The result of reading one document: the tree (null when the text could not be read at all) and
 * every problem found on the way. A duplicate key, for example, leaves a root and a problem.
 */
public record Parsed(Node root, List<Problem> problems) {

    public Parsed {
        problems = List.copyOf(problems);
    }

    /** An unreadable document: no tree, one problem. */
    public static Parsed failed(Problem problem) {
        return new Parsed(null, List.of(problem));
    }

    /** True when there is a tree and nothing at all was wrong with the text. */
    public boolean ok() {
        return root != null && problems.isEmpty();
    }
}
