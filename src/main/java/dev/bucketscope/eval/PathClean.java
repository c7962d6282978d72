package dev.bucketscope.eval;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Go's {@code path.Clean}, which RustFS and MinIO apply to the request resource: collapses
 * repeated slashes, removes "." and resolves ".." lexically, drops a trailing slash; "" → ".".
 */
public final class PathClean {
    private PathClean() {}

    public static String clean(String path) {
        if (path.isEmpty()) return ".";
        boolean rooted = path.charAt(0) == '/';
        Deque<String> parts = new ArrayDeque<>();
        for (String part : path.split("/", -1)) {
            if (part.isEmpty() || part.equals(".")) continue;
            if (part.equals("..")) {
                if (!parts.isEmpty() && !parts.peekLast().equals("..")) {
                    parts.removeLast();
                } else if (!rooted) {
                    parts.addLast("..");
                }
                continue;
            }
            parts.addLast(part);
        }
        String joined = String.join("/", parts);
        if (rooted) return "/" + joined;
        return joined.isEmpty() ? "." : joined;
    }
}
