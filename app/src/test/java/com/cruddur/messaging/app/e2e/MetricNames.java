package com.cruddur.messaging.app.e2e;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.yaml.snakeyaml.Yaml;

/**
 * The metric names the alerting rules and the dashboard use, read from their files, and the names a service exports
 * on {@code /prometheus}. A PromQL expression's names are what is left once strings, label matchers, grouping
 * clauses, ranges, functions and operators are taken out; recording rules' names (with a colon) are the rules' own.
 */
final class MetricNames {
    private static final Pattern STRINGS = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"");
    private static final Pattern MATCHERS = Pattern.compile("\\{[^}]*}");
    private static final Pattern GROUPING = Pattern.compile("\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)");
    private static final Pattern RANGES = Pattern.compile("\\[[^]]*]");
    private static final Pattern IDENTIFIERS = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");
    private static final Set<String> PROMQL = Set.of("sum", "min", "max", "avg", "count", "rate", "irate", "increase",
            "changes", "resets", "delta", "deriv", "scalar", "vector", "abs", "clamp_min", "clamp_max", "time", "offset",
            "histogram_quantile", "and", "or", "unless", "bool", "by", "without", "on", "ignoring", "group_left",
            "group_right");

    private MetricNames() {
    }

    /** The metric names one expression reads. */
    static Set<String> in(String expression) {
        String rest = STRINGS.matcher(expression).replaceAll(" ");
        rest = MATCHERS.matcher(rest).replaceAll(" ");
        rest = GROUPING.matcher(rest).replaceAll(" ");
        rest = RANGES.matcher(rest).replaceAll(" ");
        Set<String> names = new TreeSet<>();
        Matcher identifier = IDENTIFIERS.matcher(rest);
        while (identifier.find()) {
            String name = identifier.group();
            if (!PROMQL.contains(name) && !name.contains(":")) {
                names.add(name);
            }
        }
        return names;
    }

    /** Every expression of a Prometheus rules file (alerts and recording rules). */
    static List<String> ofRules(Path rules) throws IOException {
        return expressions(rules, "groups", "rules", "expr");
    }

    /** Every query of a Grafana dashboard's panels. */
    static List<String> ofDashboard(Path dashboard) throws IOException {
        return expressions(dashboard, "panels", "targets", "expr");
    }

    /** The {@code field} of each item of each entry's {@code items} list, under {@code entries} (YAML or JSON). */
    @SuppressWarnings("unchecked")
    private static List<String> expressions(Path file, String entries, String items, String field) throws IOException {
        List<String> expressions = new ArrayList<>();
        try (Reader reader = Files.newBufferedReader(file)) {
            Map<String, Object> document = new Yaml().load(reader);
            for (Map<String, Object> entry : (List<Map<String, Object>>) document.get(entries)) {
                for (Map<String, Object> item : (List<Map<String, Object>>) entry.get(items)) {
                    expressions.add(String.valueOf(item.get(field)));
                }
            }
        }
        return expressions;
    }

    /** The names of the samples in a {@code /prometheus} answer. */
    static Set<String> exported(String exposition) {
        Set<String> names = new TreeSet<>();
        exposition.lines().filter(line -> !line.isBlank() && !line.startsWith("#"))
                .forEach(line -> names.add(line.split("[{ ]", 2)[0]));
        return names;
    }

    /** A file of the repository's {@code deploy} directory, from the module's directory or the repository's. */
    static Path deployed(String file) {
        return Stream.of(Path.of("deploy"), Path.of("..", "deploy")).map(dir -> dir.resolve(file))
                .filter(Files::exists).findFirst()
                .orElseThrow(() -> new AssertionError("deploy/" + file + " is not in the repository"));
    }
}
