package dev.bucketscope.report;

import dev.bucketscope.source.JsonText;

/**
 * A minimal pretty-printing JSON writer for reports: deterministic key order (the order written),
 * two-space indentation, RFC 8259 escaping. Reports need nothing more, and it keeps the JSON
 * path free of a serialisation framework's start-up cost.
 */
final class JsonWriter {
    private final StringBuilder sb = new StringBuilder();
    private int depth;
    private boolean first = true;

    JsonWriter beginObject() {
        value();
        sb.append('{');
        depth++;
        first = true;
        return this;
    }

    JsonWriter endObject() {
        close('}');
        return this;
    }

    JsonWriter beginArray() {
        value();
        sb.append('[');
        depth++;
        first = true;
        return this;
    }

    JsonWriter endArray() {
        close(']');
        return this;
    }

    JsonWriter name(String name) {
        comma();
        newline();
        string(name);
        sb.append(": ");
        pendingName = true;
        return this;
    }

    JsonWriter value(String s) {
        value();
        string(s);
        return this;
    }

    JsonWriter value(long n) {
        value();
        sb.append(n);
        return this;
    }

    JsonWriter value(boolean b) {
        value();
        sb.append(b);
        return this;
    }

    private boolean pendingName;

    private void value() {
        if (pendingName) {
            pendingName = false;
            return;
        }
        if (depth > 0) {
            comma();
            newline();
        }
    }

    private void comma() {
        if (!first) sb.append(',');
        first = false;
    }

    private void close(char c) {
        depth--;
        if (!first) newline();
        first = false;
        sb.append(c);
    }

    private void newline() {
        sb.append('\n');
        sb.append("  ".repeat(depth));
    }

    private void string(String s) {
        JsonText.quote(s, sb);
    }

    @Override
    public String toString() {
        return sb + "\n";
    }
}
