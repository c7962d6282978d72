package dev.bucketscope.eval;

import dev.bucketscope.dialect.ActionInfo;
import dev.bucketscope.dialect.ActionLevel;
import dev.bucketscope.dialect.Dialect;

/**
 * One request as the server sees it: the action, and the bucket and key it is checked against.
 * Which of bucket/key is used depends on the action's level (a ListBucket request carries no key),
 * exactly as the server's access hooks decide.
 */
public record Request(ActionInfo action, String bucket, String key) {
    private static final String S3_ARN = "arn:aws:s3:::";

    public Request {
        bucket = bucket == null ? "" : bucket;
        key = key == null ? "" : key;
    }

    /**
     * Builds a request from an action name and a resource ARN, checking that they fit together.
     *
     * @throws IllegalArgumentException with a message for the user when they do not
     */
    public static Request of(Dialect dialect, String actionName, String arn) {
        ActionInfo action = dialect.action(actionName).orElseThrow(() -> new IllegalArgumentException(
                "unknown action '" + actionName + "' for " + dialect.displayName()
                        + dialect.checkAction(actionName).suggestion().map(s -> " (" + s + ")").orElse("")));
        if (action.level() == ActionLevel.GLOBAL) {
            return new Request(action, "", "");
        }
        if (arn == null || !arn.startsWith(S3_ARN) || arn.length() == S3_ARN.length()) {
            throw new IllegalArgumentException("resource must be an S3 ARN such as arn:aws:s3:::bucket"
                    + (action.level() == ActionLevel.OBJECT ? "/key" : "") + ", not '" + arn + "'");
        }
        String rest = arn.substring(S3_ARN.length());
        int slash = rest.indexOf('/');
        String bucket = slash < 0 ? rest : rest.substring(0, slash);
        String key = slash < 0 ? "" : rest.substring(slash + 1);
        if (bucket.isEmpty() || bucket.contains("*") || bucket.contains("?")) {
            throw new IllegalArgumentException("resource '" + arn + "' must name one bucket, without wildcards");
        }
        if (action.level() == ActionLevel.OBJECT && key.isEmpty()) {
            throw new IllegalArgumentException(action.name() + " is an object-level action: give arn:aws:s3:::"
                    + bucket + "/KEY");
        }
        if (action.level() == ActionLevel.BUCKET && !key.isEmpty()) {
            throw new IllegalArgumentException(action.name() + " is a bucket-level action: give arn:aws:s3:::"
                    + bucket + " without a key");
        }
        return new Request(action, bucket, key);
    }

    /**
     * The resource string RustFS and MinIO match patterns against: "bucket/key" for object calls,
     * "bucket/" (trailing slash) for bucket calls, "/" when there is no bucket.
     */
    public String serverResource() {
        if (bucket.isEmpty()) return "/";
        if (key.isEmpty()) return bucket + "/";
        return key.startsWith("/") ? bucket + key : bucket + "/" + key;
    }

    /** The resource as AWS matches it: the full ARN, "arn:aws:s3:::*" for calls on no bucket. */
    public String awsResource() {
        if (bucket.isEmpty()) return S3_ARN + "*";
        return key.isEmpty() ? S3_ARN + bucket : S3_ARN + bucket + "/" + key;
    }
}
