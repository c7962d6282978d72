package dev.bucketscope.cli;

/** The process exit codes; part of the command-line contract (listed in --help). */
public enum ExitCode {
    OK(0, "nothing at or above --fail-on (simulate: the request is allowed)"),
    FINDINGS(1, "findings at or above --fail-on (simulate: the request is denied)"),
    USAGE(2, "usage or configuration error: unknown option or dialect, unreadable file, a policy the dialect rejects"),
    PROBE_FAILED(3, "the probe could not run: endpoint unreachable, no credentials");

    private final int code;
    private final String meaning;

    ExitCode(int code, String meaning) {
        this.code = code;
        this.meaning = meaning;
    }

    public int code() {
        return code;
    }

    public String meaning() {
        return meaning;
    }
}
