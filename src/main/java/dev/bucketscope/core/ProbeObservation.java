package dev.bucketscope.core;

import dev.bucketscope.dialect.Capability;
import java.util.Comparator;
import java.util.Locale;
import java.util.Set;

/**
 * One probe of the live server, as data: which component's credentials asked for which
 * capability on which bucket, and what the server answered.
 *
 * @param status the HTTP status (0 when no answer came)
 * @param errorCode the S3 error code of the answer ("" when it had none)
 * @param technique how the capability was probed (e.g. {@code put-bad-content-md5}), kept as evidence
 */
public record ProbeObservation(String component, String bucket, Capability capability, Outcome outcome, int status,
                               String errorCode, String technique) {

    /** What the probe concluded. */
    public enum Outcome { ALLOWED, DENIED, INCONCLUSIVE }

    /** Error codes that mean the server refused the credentials themselves, not the request. */
    public static final Set<String> AUTH_CODES = Set.of("InvalidAccessKeyId", "SignatureDoesNotMatch",
            "UnauthorizedAccess", "AccessKeyDisabled", "InvalidToken", "ExpiredToken", "InvalidClientTokenId");

    /** The capabilities the probe tries, in report order. */
    public static final java.util.List<Capability> PROBED = java.util.List.of(
            Capability.LIST, Capability.READ, Capability.WRITE, Capability.DELETE);

    public ProbeObservation {
        errorCode = errorCode == null ? "" : errorCode;
        technique = technique == null ? "" : technique;
    }

    public boolean authRefused() {
        return AUTH_CODES.contains(errorCode) || status == 401;
    }

    /** "403 AccessDenied" / "404 NoSuchKey" / "no answer": the evidence as reports show it. */
    public String evidence() {
        String s = status == 0 ? "no answer" : Integer.toString(status);
        return errorCode.isEmpty() ? s : s + " " + errorCode;
    }

    public static String name(Capability c) {
        return c.name().toLowerCase(Locale.ROOT);
    }

    public static final Comparator<ProbeObservation> ORDER = Comparator.comparing(ProbeObservation::component)
            .thenComparing(ProbeObservation::bucket).thenComparing(ProbeObservation::capability);
}
