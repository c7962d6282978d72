package dev.bucketscope.core;

/** Converts between rule ids (kebab-case) and rule class names (PascalCase + "Rule"). */
public final class RuleIds {
    private RuleIds() {}

    public static String fromClassName(String simpleName) {
        String base = simpleName.endsWith("Rule") ? simpleName.substring(0, simpleName.length() - 4) : simpleName;
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < base.length(); i++) {
            char c = base.charAt(i);
            if (Character.isUpperCase(c)) {
                if (i > 0) sb.append('-');
                sb.append(Character.toLowerCase(c));
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    public static String toClassName(String id) {
        StringBuilder sb = new StringBuilder();
        for (String part : id.split("-")) {
            if (!part.isEmpty()) sb.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
        }
        return sb.append("Rule").toString();
    }
}
