package dev.bucketscope.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * The baselines bucketscope is measured against, using the libraries it ships (picocli, Jackson 3):
 * <ul>
 * <li>{@code FILE…}: a picocli command that parses each policy with Jackson databind, walks its
 * statements, prints one summary line per file and one line per Allow of a wildcard action on
 * {@code *} (the pre-commit baseline: the least a Java tool with these libraries does);</li>
 * <li>{@code --parallel DIR}: the parallel Jackson tree parse of every {@code *.json} under DIR
 * (the whole-repository baseline: reading and parsing, nothing else).</li>
 * </ul>
 */
@Command(name = "jackson-baseline", mixinStandardHelpOptions = true)
public final class JacksonBaseline implements Callable<Integer> {
    @Parameters(arity = "0..*")
    List<Path> files = new ArrayList<>();

    @Option(names = "--parallel", paramLabel = "DIR")
    Path parallel;

    @Override
    public Integer call() throws IOException {
        ObjectMapper mapper = JsonMapper.builder().build();
        if (parallel != null) {
            List<Path> all;
            try (Stream<Path> s = Files.walk(parallel)) {
                all = s.filter(p -> p.toString().endsWith(".json") && Files.isRegularFile(p)).toList();
            }
            long statements = all.parallelStream().mapToLong(p -> {
                try {
                    JsonNode st = mapper.readTree(Files.readAllBytes(p)).get("Statement");
                    return st == null ? 0 : st.isArray() ? st.size() : 1;
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).sum();
            System.out.println(all.size() + " files, " + statements + " statements");
            return 0;
        }
        int findings = 0;
        for (Path f : files) {
            JsonNode root = mapper.readTree(Files.readAllBytes(f));
            JsonNode st = root.get("Statement");
            List<JsonNode> statements = new ArrayList<>();
            if (st != null && st.isArray()) st.forEach(statements::add);
            else if (st != null) statements.add(st);
            int allow = 0, actions = 0;
            for (int i = 0; i < statements.size(); i++) {
                JsonNode s = statements.get(i);
                boolean isAllow = "Allow".equals(s.path("Effect").asString(""));
                if (isAllow) allow++;
                List<String> acts = strings(s.get("Action"));
                List<String> res = strings(s.get("Resource"));
                actions += acts.size();
                if (isAllow && res.contains("*") && acts.stream().anyMatch(a -> a.equals("*") || a.endsWith(":*"))) {
                    findings++;
                    System.out.println(f + ": statement " + i + " allows " + acts + " on *");
                }
            }
            System.out.println(f + ": statements=" + statements.size() + " allow=" + allow + " actions=" + actions);
        }
        return findings == 0 ? 0 : 1;
    }

    private static List<String> strings(JsonNode n) {
        List<String> out = new ArrayList<>();
        if (n == null) return out;
        if (n.isArray()) n.forEach(x -> out.add(x.asString("")));
        else out.add(n.asString(""));
        return out;
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new JacksonBaseline()).execute(args));
    }
}
