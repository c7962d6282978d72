package dev.bucketscope.dialect;

/**
 * A way a server (version) departs from AWS IAM or from other versions. Which dialects and versions
 * show a quirk is data, in {@code dialects/quirks.tsv}; ask {@link Dialect#has(Quirk)}.
 */
public enum Quirk {
    SINGLE_STRING_ACTION_RESOURCE_REJECTED("Action and Resource must be JSON arrays; a single string fails to parse (\"expected a sequence\")."),
    STAR_ACTION_REJECTED("\"Action\": \"*\" is not an action name and the whole policy is rejected."),
    STAR_ACTION_IS_S3_ONLY("\"Action\": \"*\" is mapped to s3:* only, so it grants no admin:, kms: or sts: action."),
    NOT_RESOURCE_IGNORED("NotResource in identity policies is parsed but never evaluated, so Allow and Deny statements reach every resource."),
    NOT_RESOURCE_REQUIRES_RESOURCE("NotResource does not satisfy the requirement for a non-empty Resource, so NotResource-only statements are rejected."),
    RESOURCE_WITH_NOT_RESOURCE_REJECTED("A statement with both Resource and NotResource is rejected."),
    ACTION_KEY_REQUIRED("The Action key is required in every statement, even when NotAction is used."),
    ACTION_WITH_NOT_ACTION_REJECTED("A statement with both Action and NotAction is rejected."),
    NOT_ACTION_ONLY_NEEDS_EMPTY_ACTION("A NotAction-only statement must also carry \"Action\": [] to parse."),
    STRING_NOT_EQUALS_INVERTED("StringNotEquals and StringNotEqualsIgnoreCase are negated twice and behave exactly like StringEquals and StringEqualsIgnoreCase."),
    DATE_OPERANDS_REVERSED("Date* operators compare policy value against request time in reverse, so DateGreaterThan X holds when the request is before X."),
    NUMERIC_GREATER_THAN_IF_EXISTS_IS_GTE("NumericGreaterThanIfExists is implemented as >= rather than >."),
    BINARY_EQUALS_PANICS("BinaryEquals is a todo!() at evaluation time, so a request that reaches it crashes the handler."),
    PREFIX_CONDITION_KEYS_UNPOPULATED("s3:prefix, s3:delimiter and s3:max-keys are never filled in from ListBucket requests, so conditions on them never match."),
    TAG_CONDITION_KEYS_UNPOPULATED("The object-tag condition keys (s3:ExistingObjectTag and friends) are never populated."),
    SOURCE_IP_SOCKET_BROKEN("aws:SourceIp comes only from forwarding headers, not the socket address, and is often empty."),
    SECURE_TRANSPORT_FALSE_ON_TLS("aws:SecureTransport is false for requests that reach the server over direct TLS."),
    RAW_WILDCARD_RESOURCE_MATCH("Wildcard resources are matched against the raw request resource \"bucket/\", so bucket/* and bucket? match bucket-level requests and \"..\" in keys is not cleaned."),
    MIXED_ACTION_FAMILIES_REJECTED("A statement that mixes s3: with admin:, kms: or sts: actions is rejected."),
    MIXED_STATEMENT_SKIPS_RESOURCE("Any admin: action in a statement makes the server skip its Resource for every action of the statement, S3 ones included."),
    ADMIN_STATEMENT_NEEDS_RESOURCE("Statements with only admin: actions still need a non-empty Resource, although it is ignored."),
    ADMIN_RESOURCE_BY_REQUESTED_ACTION("The Resource of an admin statement is checked only when the requested admin action is a table-catalog one."),
    UNKNOWN_ELEMENTS_IGNORED("Unknown or mis-cased element names (Id, Principal in IAM policies, \"condition\") are silently ignored."),
    UNKNOWN_ELEMENTS_REJECTED("Unknown or mis-cased element names are rejected (deny_unknown_fields)."),
    ELEMENT_NAMES_CASE_INSENSITIVE("Element names are matched ignoring case (Go encoding/json), so \"effect\" means Effect."),
    VERSION_KEY_REQUIRED("The Version key is required."),
    STATEMENT_KEY_REQUIRED("The Statement key is required."),
    EMPTY_CONDITION_REJECTED("\"Condition\": {} is rejected (\"condition must not be empty\")."),
    BARE_STAR_RESOURCE_ACCEPTED("\"Resource\": \"*\" is accepted and matches every resource."),
    EMPTY_ARN_ACCEPTED("The bare ARN arn:aws:s3::: is accepted and matches nothing."),
    BUCKET_POLICY_PRINCIPAL_STAR_REJECTED("A bucket-policy Principal must be {\"AWS\":[...]}; \"*\" and {\"AWS\":\"*\"} fail to parse."),
    BUCKET_POLICY_IGNORED_FOR_AUTHENTICATED("Bucket policies are consulted only for anonymous requests, so they neither allow nor deny anything for signed requests."),
    GET_OBJECT_VERSION_IMPLIES_GET_OBJECT("A grant of s3:GetObjectVersion also grants s3:GetObject."),
    ACTION_WILDCARDS_ACCEPTED("Action values may be wildcard patterns such as s3:Get*, valid when they match at least one known action."),
    ACTION_NAMES_CASE_INSENSITIVE("Action names are matched ignoring ASCII case."),
    DUPLICATE_CONDITION_OPERATOR_REJECTED("A Condition object with the same operator twice is rejected (AWS keeps the last one)."),
    VERSION_2008_REJECTED("Only \"2012-10-17\" (or an empty Version) is accepted; \"2008-10-17\" is rejected."),
    STS_ACTIONS_UNSUPPORTED("There are no sts: actions; sts:AssumeRole and sts:* are rejected."),
    KMS_ONLY_STAR("The only kms: action is kms:*; specific kms: actions are rejected.");

    private final String description;

    Quirk(String description) {
        this.description = description;
    }

    /** One sentence saying what the server does. */
    public String description() {
        return description;
    }
}
