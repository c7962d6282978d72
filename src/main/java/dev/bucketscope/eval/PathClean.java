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
        if (alreadyClean(path)) return path; // the usual case, and the evaluator asks per statement
        // "bucket/", the resource of every bucket-level request: clean once its trailing slashes
        // go (the general case split, queued and joined 60 MB over 10,000 policies)
        int end = path.length();
        while (end > 0 && path.charAt(end - 1) == '/') end--;
        if (end > 0) {
            String trimmed = path.substring(0, end);
            if (alreadyClean(trimmed)) return trimmed;
        }
        return lexicalClean(path);
    }

    static String lexicalClean(String path) {
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

    /** No empty, "." or ".." segment and no trailing slash (except "/" itself): clean returns it unchanged. */
    static boolean alreadyClean(String path) {
        if (path.equals("/")) return true;
        int n = path.length();
        if (path.charAt(n - 1) == '/') return false;
        int start = path.charAt(0) == '/' ? 1 : 0;
        for (int i = start; i <= n; i++) {
            if (i < n && path.charAt(i) != '/') continue;
            int len = i - start;
            if (len == 0) return false;
            if (path.charAt(start) == '.' && (len == 1 || len == 2 && path.charAt(start + 1) == '.')) return false;
            start = i + 1;
        }
        return true;
    }
}
