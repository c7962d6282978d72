package dev.bucketscope.source;

import java.util.Optional;

/** Resolves RFC 6901 JSON pointers against a positioned tree. */
public final class Pointers {
    private Pointers() {}

    public static Optional<Node> find(Node root, String pointer) {
        if (pointer.isEmpty()) return Optional.of(root);
        if (!pointer.startsWith("/")) return Optional.empty();
        Node cur = root;
        for (String raw : pointer.substring(1).split("/", -1)) {
            String token = raw.replace("~1", "/").replace("~0", "~");
            if (cur instanceof Node.ObjectNode o) {
                Optional<Node> next = o.get(token);
                if (next.isEmpty()) return Optional.empty();
                cur = next.get();
            } else if (cur instanceof Node.ArrayNode a) {
                int i;
                try {
                    i = Integer.parseInt(token);
                } catch (NumberFormatException e) {
                    return Optional.empty();
                }
                if (i < 0 || i >= a.items().size()) return Optional.empty();
                cur = a.items().get(i);
            } else {
                return Optional.empty();
            }
        }
        return Optional.of(cur);
    }
}
