package dev.bucketscope.source;

import java.util.List;
import java.util.Optional;

/**
 * A positioned value read from JSON or YAML. Every value knows its span and its JSON pointer
 * (RFC 6901), so any finding can point at the exact characters it is about.
 */
public sealed interface Node
        permits Node.ObjectNode, Node.ArrayNode, Node.StringNode, Node.NumberNode,
                Node.BooleanNode, Node.NullNode {

    Span span();

    String pointer();

    /** The JSON type name, as used in messages ("string", "array", ...). */
    String typeName();

    /** One member of an object, in document order; duplicates are kept (see {@link ObjectNode}). */
    record Member(String key, Span keySpan, Node value) {}

    /**
     * An object. Members keep document order and duplicates: servers disagree on which duplicate
     * wins (AWS keeps the last, serde rejects), so the model must not decide silently.
     */
    record ObjectNode(Span span, String pointer, List<Member> members) implements Node {
        public ObjectNode {
            members = FrozenList.copyOf(members);
        }

        /** The last member with this exact (case-sensitive) key, as a last-wins reader sees it. */
        public Optional<Member> member(String key) {
            for (int i = members.size() - 1; i >= 0; i--) {
                if (members.get(i).key().equals(key)) return Optional.of(members.get(i));
            }
            return Optional.empty();
        }

        public Optional<Node> get(String key) {
            Optional<Member> m = member(key); // no method reference: see InventoryContext.Linted#of
            return m.isPresent() ? Optional.of(m.get().value()) : Optional.empty();
        }

        @Override
        public String typeName() {
            return "object";
        }
    }

    record ArrayNode(Span span, String pointer, List<Node> items) implements Node {
        public ArrayNode {
            items = FrozenList.copyOf(items);
        }

        @Override
        public String typeName() {
            return "array";
        }
    }

    record StringNode(Span span, String pointer, String value) implements Node {
        @Override
        public String typeName() {
            return "string";
        }
    }

    /** A number kept as its source text, so that no precision or spelling is lost. */
    record NumberNode(Span span, String pointer, String text) implements Node {
        @Override
        public String typeName() {
            return "number";
        }
    }

    record BooleanNode(Span span, String pointer, boolean value) implements Node {
        @Override
        public String typeName() {
            return "boolean";
        }
    }

    record NullNode(Span span, String pointer) implements Node {
        @Override
        public String typeName() {
            return "null";
        }
    }

    /** Escapes one reference token of a JSON pointer (RFC 6901: '~' as "~0", '/' as "~1"). */
    static String escapeToken(String token) {
        if (token.indexOf('~') < 0 && token.indexOf('/') < 0) return token;
        return token.replace("~", "~0").replace("/", "~1");
    }
}
