package dev.bucketscope.dialect;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The three bundled data files, parsed and validated once per JVM (on first use, through the holder
 * idiom) so that commands that never touch dialects pay nothing.
 */
final class DialectData {

    /** A row of actions.tsv; {@code info} level and capability are null for family wildcards. */
    record ActionRow(String name, ActionFamily family, ActionLevel level, Capability capability,
                     VersionRange rustfs, boolean minio, boolean aws, List<String> same, String note) {
        boolean isWildcard() {
            return name.endsWith(":*");
        }

        ActionInfo info() {
            return new ActionInfo(name, family, level, capability);
        }

        boolean in(DialectKind kind, RustfsVersion v) {
            return switch (kind) {
                case RUSTFS -> rustfs.contains(v);
                case MINIO -> minio;
                case AWS -> aws;
            };
        }
    }

    record QuirkRow(Quirk quirk, DialectKind dialect, VersionRange range) {}

    enum ConditionKind { OPERATOR, QUALIFIER, SUFFIX, KEY, KEY_PREFIX }

    record ConditionRow(ConditionKind kind, String name, VersionRange rustfs, boolean minio, boolean aws) {
        boolean in(DialectKind kind, RustfsVersion v) {
            return switch (kind) {
                case RUSTFS -> rustfs.contains(v);
                case MINIO -> minio;
                case AWS -> aws;
            };
        }
    }

    final List<ActionRow> actions;
    final List<QuirkRow> quirks;
    final List<ConditionRow> conditions;

    DialectData(List<ActionRow> actions, List<QuirkRow> quirks, List<ConditionRow> conditions) {
        this.actions = actions;
        this.quirks = quirks;
        this.conditions = conditions;
    }

    private static final class Holder {
        static final DialectData INSTANCE = load();
    }

    /** Reads and validates the bundled files; {@link #get()} does this once per JVM. */
    static DialectData load() {
        return new DialectData(
                parseActions(TsvTable.resource("actions.tsv", 7, ACTION_HEADER)),
                parseQuirks(TsvTable.resource("quirks.tsv", 3, QUIRK_HEADER)),
                parseConditions(TsvTable.resource("conditions.tsv", 5, CONDITION_HEADER)));
    }

    static final String[] ACTION_HEADER = {"name", "family", "level", "capability", "rustfs", "minio", "aws", "same", "note"};
    static final String[] QUIRK_HEADER = {"quirk", "dialect", "range"};
    static final String[] CONDITION_HEADER = {"kind", "name", "rustfs", "minio", "aws", "note"};

    static DialectData get() {
        return Holder.INSTANCE;
    }

    static List<ActionRow> parseActions(TsvTable table) {
        List<ActionRow> rows = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (TsvTable.Row row : table.rows()) {
            // Interned: the rules name catalogue actions in string constants ("s3:GetObject"),
            // which are the same String, so looking them up compares no characters.
            String name = row.cell(0).intern();
            ActionFamily family = enumCell(table, row, ActionFamily.class, row.cell(1), "family");
            if (!name.startsWith(family.prefix()) || name.length() == family.prefix().length()) {
                throw table.error(row, "action \"" + name + "\" does not start with " + family.prefix());
            }
            if (!seen.add(name)) {
                throw table.error(row, "duplicate action \"" + name + "\"");
            }
            boolean wildcard = name.endsWith(":*");
            ActionLevel level = null;
            Capability capability = null;
            if (wildcard) {
                if (!row.cell(2).equals("-") || !row.cell(3).equals("-")) {
                    throw table.error(row, "a family wildcard has \"-\" as level and capability");
                }
            } else {
                if (name.indexOf('*') >= 0 || name.indexOf('?') >= 0) {
                    throw table.error(row, "only family wildcards such as s3:* may contain '*'");
                }
                level = enumCell(table, row, ActionLevel.class, row.cell(2), "level");
                capability = enumCell(table, row, Capability.class, row.cell(3), "capability");
            }
            VersionRange rustfs = rangeCell(table, row, row.cell(4));
            List<String> same = new ArrayList<>();
            for (String part : row.cell(7).split(",")) {
                if (!part.isBlank()) {
                    same.add(part.strip());
                }
            }
            rows.add(new ActionRow(name, family, level, capability, rustfs,
                    yesNo(table, row, row.cell(5)), yesNo(table, row, row.cell(6)), List.copyOf(same), row.cell(8)));
        }
        return List.copyOf(rows);
    }

    static List<QuirkRow> parseQuirks(TsvTable table) {
        List<QuirkRow> rows = new ArrayList<>();
        for (TsvTable.Row row : table.rows()) {
            Quirk quirk = enumCell(table, row, Quirk.class, row.cell(0), "quirk");
            DialectKind dialect = switch (row.cell(1)) {
                case "rustfs" -> DialectKind.RUSTFS;
                case "minio" -> DialectKind.MINIO;
                case "aws" -> DialectKind.AWS;
                default -> throw table.error(row, "unknown dialect \"" + row.cell(1) + "\" (use rustfs, minio or aws)");
            };
            VersionRange range = rangeCell(table, row, row.cell(2));
            if (dialect != DialectKind.RUSTFS && range != VersionRange.ALL) {
                throw table.error(row, row.cell(1) + " is not versioned; its range must be \"*\"");
            }
            if (range.empty()) {
                throw table.error(row, "a quirk row with range \"-\" says nothing; delete the row");
            }
            rows.add(new QuirkRow(quirk, dialect, range));
        }
        return List.copyOf(rows);
    }

    static List<ConditionRow> parseConditions(TsvTable table) {
        List<ConditionRow> rows = new ArrayList<>();
        for (TsvTable.Row row : table.rows()) {
            ConditionKind kind = enumCell(table, row, ConditionKind.class,
                    row.cell(0).toUpperCase(Locale.ROOT).replace('-', '_'), "kind");
            String name = row.cell(1);
            if (name.isEmpty()) {
                throw table.error(row, "empty name");
            }
            rows.add(new ConditionRow(kind, name, rangeCell(table, row, row.cell(2)),
                    yesNo(table, row, row.cell(3)), yesNo(table, row, row.cell(4))));
        }
        return List.copyOf(rows);
    }

    private static <E extends Enum<E>> E enumCell(TsvTable table, TsvTable.Row row, Class<E> type, String text, String column) {
        try {
            return Enum.valueOf(type, text);
        } catch (IllegalArgumentException e) {
            throw table.error(row, "unknown " + column + " \"" + text + "\"");
        }
    }

    private static final java.util.Map<String, Optional<VersionRange>> RANGES = new java.util.concurrent.ConcurrentHashMap<>();

    private static VersionRange rangeCell(TsvTable table, TsvTable.Row row, String text) {
        // Few distinct ranges occur; memoising keeps the regex-based version parser off the per-row path.
        Optional<VersionRange> range = RANGES.get(text);
        if (range == null) {
            range = VersionRange.parse(text);
            RANGES.putIfAbsent(text, range);
        }
        if (range.isEmpty()) {
            throw table.error(row, "invalid version range \"" + text + "\" (use *, -, <X, >=X or >=X <Y with X like alpha.84)");
        }
        return range.get();
    }

    private static boolean yesNo(TsvTable table, TsvTable.Row row, String text) {
        return switch (text) {
            case "y" -> true;
            case "n" -> false;
            default -> throw table.error(row, "expected y or n, found \"" + text + "\"");
        };
    }
}
