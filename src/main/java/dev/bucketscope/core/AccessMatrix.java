package dev.bucketscope.core;

import dev.bucketscope.dialect.Capability;
import dev.bucketscope.eval.AccessMap;
import dev.bucketscope.inventory.BucketGrant;
import dev.bucketscope.inventory.Component;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Who can do what on which bucket: for every component and every bucket the inventory declares,
 * the capabilities declared and those the component's policy actually grants (computed by the
 * evaluator, dialect quirks and Deny statements included). The reviewer's view of the inventory.
 */
public record AccessMatrix(String dialect, List<String> components, List<String> buckets, Map<String, Map<String, Cell>> cells,
                           Map<String, String> unreadable) {

    /** The matrix letters: list, read, write, delete, management. */
    public enum Letter {
        L, R, W, D, M;

        static Letter of(Capability c) {
            return switch (c) {
                case LIST -> L;
                case READ -> R;
                case WRITE -> W;
                case DELETE -> D;
                default -> M;
            };
        }
    }

    /** Declared and granted capabilities of one component on one bucket. */
    public record Cell(Set<Letter> declared, Set<Letter> granted) {
        public Cell {
            declared = declared.isEmpty() ? EnumSet.noneOf(Letter.class) : EnumSet.copyOf(declared);
            granted = granted.isEmpty() ? EnumSet.noneOf(Letter.class) : EnumSet.copyOf(granted);
        }

        /** Granted but not declared. */
        public Set<Letter> over() {
            Set<Letter> s = granted.isEmpty() ? EnumSet.noneOf(Letter.class) : EnumSet.copyOf(granted);
            s.removeAll(declared);
            return s;
        }

        /** Declared but not granted: the application will get AccessDenied. */
        public Set<Letter> under() {
            Set<Letter> s = declared.isEmpty() ? EnumSet.noneOf(Letter.class) : EnumSet.copyOf(declared);
            s.removeAll(granted);
            return s;
        }

        public boolean empty() {
            return declared.isEmpty() && granted.isEmpty();
        }
    }

    public static AccessMatrix of(Workspace ws) {
        Set<String> buckets = new LinkedHashSet<>();
        for (Component c : ws.inventory().components()) {
            for (BucketGrant b : c.buckets()) buckets.add(b.name());
        }
        List<String> components = new ArrayList<>();
        Map<String, Map<String, Cell>> cells = new LinkedHashMap<>();
        Map<String, String> unreadable = new LinkedHashMap<>();
        for (Component c : ws.inventory().components()) {
            components.add(c.id());
            Optional<AccessMap> access = ws.access(c);
            if (access.isEmpty()) {
                unreadable.put(c.id(), ws.fileProblems().getOrDefault(c.id(),
                        c.policy().isEmpty() ? "names no policy" : "policy could not be read"));
            }
            Map<String, Cell> row = new LinkedHashMap<>();
            for (String bucket : buckets) {
                Set<Letter> declared = EnumSet.noneOf(Letter.class);
                for (BucketGrant b : c.buckets()) {
                    if (!b.name().equals(bucket)) continue;
                    for (Capability cap : b.capabilities()) declared.add(Letter.of(cap));
                    if (!c.actions().isEmpty()) declared.add(Letter.M);
                }
                Set<Letter> granted = EnumSet.noneOf(Letter.class);
                if (access.isPresent()) {
                    for (Capability cap : AccessMap.PRIMARY.keySet()) {
                        if (access.get().granted(bucket, cap).isPresent()) granted.add(Letter.of(cap));
                    }
                    if (!access.get().management(bucket).isEmpty()) granted.add(Letter.M);
                }
                row.put(bucket, new Cell(declared, granted));
            }
            cells.put(c.id(), row);
        }
        return new AccessMatrix(ws.dialect().id(), components, new ArrayList<>(buckets), cells, unreadable);
    }
}
