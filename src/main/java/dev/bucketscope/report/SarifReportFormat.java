package dev.bucketscope.report;

import com.contrastsecurity.sarif.ArtifactLocation;
import com.contrastsecurity.sarif.Invocation;
import com.contrastsecurity.sarif.Message;
import com.contrastsecurity.sarif.MultiformatMessageString;
import com.contrastsecurity.sarif.Notification;
import com.contrastsecurity.sarif.OriginalUriBaseIds;
import com.contrastsecurity.sarif.PartialFingerprints;
import com.contrastsecurity.sarif.PhysicalLocation;
import com.contrastsecurity.sarif.PropertyBag;
import com.contrastsecurity.sarif.Region;
import com.contrastsecurity.sarif.ReportingConfiguration;
import com.contrastsecurity.sarif.ReportingDescriptor;
import com.contrastsecurity.sarif.Result;
import com.contrastsecurity.sarif.Run;
import com.contrastsecurity.sarif.RunAutomationDetails;
import com.contrastsecurity.sarif.SarifSchema210;
import com.contrastsecurity.sarif.Suppression;
import com.contrastsecurity.sarif.Tool;
import com.contrastsecurity.sarif.ToolComponent;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import dev.bucketscope.core.Finding;
import dev.bucketscope.core.RuleMeta;
import dev.bucketscope.core.Severity;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * SARIF 2.1.0 as GitHub code scanning accepts it, built with java-sarif's model and written with
 * Jackson 3. Only this class touches java-sarif, so its classes load only for {@code --format sarif}.
 *
 * <p>What GitHub needs and java-sarif gets wrong by default: every {@code level} is written
 * explicitly (the model's {@code NON_DEFAULT} inclusion drops {@code warning}, which GitHub would
 * then read as the rule's default); {@code rules} keep catalogue order so {@code ruleIndex} points
 * at the right rule; {@code results} is present even when empty; dates are ISO 8601 strings.
 */
public final class SarifReportFormat {
    public static final String SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json";
    /** The partialFingerprints key of bucketscope's own identity (rule, file, statement, value). */
    public static final String FINGERPRINT_KEY = "bucketscope/v1";
    public static final String SRCROOT = "%SRCROOT%";

    /**
     * @param category    code-scanning category, written as {@code automationDetails.id} (ends with "/")
     * @param informationUri the tool's home page; rule docs are linked below it
     * @param sourceText  the text of a file by its display path, for {@code primaryLocationLineHash}; may answer empty
     * @param start       when the run started; {@code end} when it finished
     */
    public record Options(String category, String informationUri, Function<String, Optional<String>> sourceText,
                          Instant start, Instant end) {}

    /**
     * NON_NULL instead of java-sarif's NON_DEFAULT, so that default values (level warning) are
     * written; {@code rank} stays out (its "no rank" default of -1 would then be written too).
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonIgnoreProperties({"rank"})
    private interface WriteDefaults {}

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .addMixIn(Result.class, WriteDefaults.class)
            .addMixIn(ReportingConfiguration.class, WriteDefaults.class)
            .addMixIn(Notification.class, WriteDefaults.class)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .build();

    private SarifReportFormat() {}

    public static String render(LintReport report, Options options) {
        return MAPPER.writeValueAsString(log(report, options)) + "\n";
    }

    /** The SARIF log as java-sarif objects (for tests that inspect it). */
    static SarifSchema210 log(LintReport report, Options options) {
        Map<String, Integer> ruleIndex = new HashMap<>();
        Set<ReportingDescriptor> rules = new LinkedHashSet<>();
        for (LintReport.Rule r : report.rules()) {
            ruleIndex.put(r.meta().id(), rules.size());
            rules.add(rule(r, options.informationUri()));
        }
        ToolComponent driver = new ToolComponent()
                .withName("bucketscope")
                .withVersion(report.toolVersion())
                .withSemanticVersion(report.toolVersion())
                .withInformationUri(URI.create(options.informationUri()))
                .withRules(rules);

        Map<String, List<String>> lineHashes = new HashMap<>();
        List<Result> results = new ArrayList<>();
        for (Finding f : report.findings()) {
            results.add(result(f, ruleIndex.get(f.ruleId()), lineHash(f, options, lineHashes)));
        }

        List<Notification> notices = new ArrayList<>();
        for (String n : report.notices()) {
            notices.add(new Notification().withLevel(Notification.Level.WARNING).withMessage(new Message().withText(n)));
        }
        Invocation invocation = new Invocation()
                .withExecutionSuccessful(true)
                .withStartTimeUtc(Date.from(options.start()))
                .withEndTimeUtc(Date.from(options.end()));
        if (!notices.isEmpty()) invocation.withToolExecutionNotifications(notices);

        OriginalUriBaseIds bases = new OriginalUriBaseIds();
        bases.setAdditionalProperty(SRCROOT, new ArtifactLocation().withDescription(
                new Message().withText("The directory bucketscope ran in: the repository root when run from it.")));

        Run run = new Run()
                .withTool(new Tool().withDriver(driver))
                .withInvocations(List.of(invocation))
                .withOriginalUriBaseIds(bases)
                .withResults(results)
                .withAutomationDetails(new RunAutomationDetails().withId(options.category()))
                .withColumnKind(Run.ColumnKind.UTF_16_CODE_UNITS)
                .withProperties(new PropertyBag().withAdditionalProperty("dialect", report.dialect()));
        return new SarifSchema210()
                .with$schema(URI.create(SCHEMA_URI))
                .withVersion(SarifSchema210.Version._2_1_0)
                .withRuns(List.of(run));
    }

    private static ReportingDescriptor rule(LintReport.Rule r, String informationUri) {
        RuleMeta m = r.meta();
        PropertyBag props = new PropertyBag().withTags(new LinkedHashSet<>(m.tags()));
        props.setAdditionalProperty("precision", precision(m));
        if (m.securitySeverity().isPresent()) {
            props.setAdditionalProperty("security-severity", m.securitySeverity().get());
        } else {
            props.setAdditionalProperty("problem.severity", problemSeverity(r.level() == Severity.OFF ? m.severity() : r.level()));
        }
        ReportingConfiguration config = new ReportingConfiguration()
                .withLevel(configLevel(r.level() == Severity.OFF ? m.severity() : r.level()));
        if (r.level() == Severity.OFF) config.withEnabled(false);
        return new ReportingDescriptor()
                .withId(m.id())
                .withName(m.name())
                .withShortDescription(new MultiformatMessageString().withText(RuleHelp.shortDescription(m)))
                .withFullDescription(new MultiformatMessageString().withText(RuleHelp.fullDescription(m)))
                .withDefaultConfiguration(config)
                .withHelpUri(URI.create(RuleHelp.docUri(informationUri, m.id())))
                .withHelp(new MultiformatMessageString().withText(RuleHelp.plainText(m.body())).withMarkdown(m.body()))
                .withProperties(props);
    }

    private static Result result(Finding f, Integer index, Optional<String> lineHash) {
        PartialFingerprints fp = new PartialFingerprints();
        fp.setAdditionalProperty(FINGERPRINT_KEY, f.fingerprint());
        lineHash.ifPresent(h -> fp.setAdditionalProperty("primaryLocationLineHash", h));
        Result r = new Result()
                .withRuleId(f.ruleId())
                .withLevel(resultLevel(f.severity()))
                .withMessage(new Message().withText(sentence(f.message())))
                .withLocations(List.of(location(f.location(), null, null)))
                .withPartialFingerprints(fp);
        if (index != null) r.withRuleIndex(index);
        if (!f.related().isEmpty()) {
            Set<com.contrastsecurity.sarif.Location> related = new LinkedHashSet<>();
            int id = 1;
            for (Finding.Related rel : f.related()) related.add(location(rel.location(), id++, sentence(rel.message())));
            r.withRelatedLocations(related);
        }
        suppression(f).ifPresent(reason -> r.withSuppressions(Set.of(new Suppression()
                .withKind(Suppression.Kind.EXTERNAL)
                .withStatus(Suppression.Status.ACCEPTED)
                .withJustification(reason))));
        return r;
    }

    /**
     * The reason a finding is suppressed (an inventory exception or the baseline), if it is: the
     * result then carries a SARIF {@code suppressions} entry (kind external: the reason lives
     * outside the policy file).
     */
    static Optional<String> suppression(Finding f) {
        return f.suppression().map(dev.bucketscope.core.Suppression::reason);
    }

    private static com.contrastsecurity.sarif.Location location(dev.bucketscope.core.Location l, Integer id, String message) {
        var s = l.span();
        ArtifactLocation artifact = artifact(l.file());
        com.contrastsecurity.sarif.Location loc = new com.contrastsecurity.sarif.Location()
                .withPhysicalLocation(new PhysicalLocation()
                        .withArtifactLocation(artifact)
                        .withRegion(new Region()
                                .withStartLine(s.line()).withStartColumn(s.column())
                                .withEndLine(s.endLine()).withEndColumn(s.endColumn())));
        if (id != null) loc.withId(id);
        if (message != null) loc.withMessage(new Message().withText(message));
        return loc;
    }

    /** A relative display path becomes a repository-relative URI under %SRCROOT%; an absolute one a file: URI. */
    static ArtifactLocation artifact(String displayPath) {
        if (displayPath.startsWith("/")) return new ArtifactLocation().withUri("file://" + encodePath(displayPath));
        return new ArtifactLocation().withUri(encodePath(displayPath)).withUriBaseId(SRCROOT);
    }

    /** Percent-encodes everything but unreserved characters and '/', byte by byte in UTF-8. */
    static String encodePath(String path) {
        StringBuilder sb = new StringBuilder();
        for (byte b : path.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == '-' || c == '.' || c == '_' || c == '~' || c == '/') {
                sb.append((char) c);
            } else {
                sb.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return sb.toString();
    }

    private static Optional<String> lineHash(Finding f, Options options, Map<String, List<String>> cache) {
        String file = f.location().file();
        List<String> hashes = cache.computeIfAbsent(file, k -> options.sourceText().apply(k).map(LineHashes::of).orElse(List.of()));
        int line = f.location().span().line();
        return line >= 1 && line <= hashes.size() ? Optional.of(hashes.get(line - 1)) : Optional.empty();
    }

    /** GitHub shows the first sentence where space is short: make the message one sentence that ends. */
    static String sentence(String message) {
        String m = message.strip();
        if (m.isEmpty()) return "(no message)";
        char last = m.charAt(m.length() - 1);
        return last == '.' || last == '!' || last == '?' ? m : m + ".";
    }

    private static String precision(RuleMeta m) {
        // Syntax and dialect checks are decided by the parser and the server's catalogue: no judgement involved.
        return m.tags().contains("syntax") || m.tags().contains("dialect") ? "very-high" : "high";
    }

    private static String problemSeverity(Severity s) {
        return switch (s) {
            case ERROR -> "error";
            case WARNING -> "warning";
            default -> "recommendation";
        };
    }

    private static Result.Level resultLevel(Severity s) {
        return switch (s) {
            case ERROR -> Result.Level.ERROR;
            case WARNING -> Result.Level.WARNING;
            default -> Result.Level.NOTE;
        };
    }

    private static ReportingConfiguration.Level configLevel(Severity s) {
        return switch (s) {
            case ERROR -> ReportingConfiguration.Level.ERROR;
            case WARNING -> ReportingConfiguration.Level.WARNING;
            default -> ReportingConfiguration.Level.NOTE;
        };
    }
}
