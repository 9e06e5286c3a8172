package io.flipside.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.flipside.FlipsideException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the YAML configuration of SPEC §8. Strict on purpose: an unknown key or a value of the wrong
 * type is a usage error (exit 2) naming the key, because a misspelt key silently falling back to a
 * default is how a scheduled job reports the wrong numbers for a year.
 */
public final class ConfigLoader {
    private static final Map<String, Set<String>> KEYS = Map.of(
            "privacy", Set.of("min_group_size"),
            "quality", Set.of("max_reject_ratio"),
            "learning", Set.of("mentee_learns", "mentor_learns", "comparison_source"),
            "engagement", Set.of("inactive_after_days"),
            "retention", Set.of("event", "horizons_days"),
            "reports", Set.of("organisation"));

    private ConfigLoader() {
    }

    public static FlipsideConfig load(Path file) {
        if (!Files.isRegularFile(file)) {
            throw FlipsideException.usage("config file " + file + " does not exist or is not a file");
        }
        JsonNode root;
        try {
            root = new ObjectMapper(new YAMLFactory()).readTree(file.toFile());
        } catch (IOException e) {
            throw FlipsideException.usage("config file " + file + " is not valid YAML: "
                    + e.getMessage().lines().findFirst().orElse(""));
        }
        FlipsideConfig c = FlipsideConfig.defaults();
        if (root == null || root.isMissingNode() || root.isNull()) {
            return c;
        }
        if (!root.isObject()) {
            throw FlipsideException.usage("config file " + file + " must be a mapping of keys, like as_of: 2026-09-30");
        }
        for (Iterator<String> it = root.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (!key.equals("as_of") && !KEYS.containsKey(key)) {
                throw FlipsideException.usage("config " + file + ": unknown key '" + key + "'; known keys: as_of, "
                        + String.join(", ", KEYS.keySet().stream().sorted().toList()));
            }
            if (KEYS.containsKey(key)) {
                JsonNode section = root.get(key);
                if (!section.isObject()) {
                    throw FlipsideException.usage("config " + file + ": '" + key + "' must be a mapping");
                }
                for (Iterator<String> f = section.fieldNames(); f.hasNext(); ) {
                    String sub = f.next();
                    if (!KEYS.get(key).contains(sub)) {
                        throw FlipsideException.usage("config " + file + ": unknown key '" + key + "." + sub
                                + "'; known keys of " + key + ": " + String.join(", ", KEYS.get(key)));
                    }
                }
            }
        }
        LocalDate asOf = root.has("as_of") ? date(file, "as_of", root.get("as_of")) : null;
        int minGroup = intValue(file, "privacy.min_group_size", root.at("/privacy/min_group_size"), c.minGroupSize(), 1);
        double maxReject = doubleValue(file, "quality.max_reject_ratio", root.at("/quality/max_reject_ratio"),
                c.maxRejectRatio());
        Set<String> menteeLearns = strings(file, "learning.mentee_learns", root.at("/learning/mentee_learns"),
                c.menteeLearns());
        Set<String> mentorLearns = strings(file, "learning.mentor_learns", root.at("/learning/mentor_learns"),
                c.mentorLearns());
        String source = oneOf(file, "learning.comparison_source", root.at("/learning/comparison_source"),
                c.comparisonSource(), Set.of("self", "manager", "test"));
        int inactive = intValue(file, "engagement.inactive_after_days", root.at("/engagement/inactive_after_days"),
                c.inactiveAfterDays(), 1);
        String event = oneOf(file, "retention.event", root.at("/retention/event"), c.retentionEvent(),
                Set.of("voluntary", "any"));
        List<Integer> horizons = horizons(file, root.at("/retention/horizons_days"), c.horizonsDays());
        String organisation = text(file, "reports.organisation", root.at("/reports/organisation"), c.organisation());
        return new FlipsideConfig(asOf, minGroup, maxReject, menteeLearns, mentorLearns, source, inactive, event,
                horizons, organisation);
    }

    private static LocalDate date(Path file, String key, JsonNode node) {
        try {
            return LocalDate.parse(node.asText());
        } catch (DateTimeParseException e) {
            throw wrongType(file, key, "a date YYYY-MM-DD", node);
        }
    }

    private static int intValue(Path file, String key, JsonNode node, int dflt, int min) {
        if (node.isMissingNode()) {
            return dflt;
        }
        if (!node.isIntegralNumber() || node.asLong() < min || node.asLong() > Integer.MAX_VALUE) {
            throw wrongType(file, key, "a whole number >= " + min, node);
        }
        return node.asInt();
    }

    private static double doubleValue(Path file, String key, JsonNode node, double dflt) {
        if (node.isMissingNode()) {
            return dflt;
        }
        if (!node.isNumber() || node.asDouble() < 0 || node.asDouble() > 1) {
            throw wrongType(file, key, "a number between 0 and 1", node);
        }
        return node.asDouble();
    }

    private static Set<String> strings(Path file, String key, JsonNode node, Set<String> dflt) {
        if (node.isMissingNode()) {
            return dflt;
        }
        if (!node.isArray()) {
            throw wrongType(file, key, "a list of domain names, like [digital, culture]", node);
        }
        Set<String> out = new LinkedHashSet<>();
        for (JsonNode n : node) {
            if (!n.isTextual()) {
                throw wrongType(file, key, "a list of domain names", node);
            }
            out.add(n.asText());
        }
        return out;
    }

    private static String oneOf(Path file, String key, JsonNode node, String dflt, Set<String> allowed) {
        if (node.isMissingNode()) {
            return dflt;
        }
        if (!node.isTextual() || !allowed.contains(node.asText())) {
            throw wrongType(file, key, "one of " + allowed.stream().sorted().toList(), node);
        }
        return node.asText();
    }

    private static String text(Path file, String key, JsonNode node, String dflt) {
        if (node.isMissingNode()) {
            return dflt;
        }
        if (!node.isTextual()) {
            throw wrongType(file, key, "text", node);
        }
        return node.asText();
    }

    private static List<Integer> horizons(Path file, JsonNode node, List<Integer> dflt) {
        if (node.isMissingNode()) {
            return dflt;
        }
        List<Integer> out = new ArrayList<>();
        if (node.isArray()) {
            for (JsonNode n : node) {
                if (!n.isIntegralNumber() || n.asInt() < 1) {
                    throw wrongType(file, "retention.horizons_days", "a list of whole numbers of days", node);
                }
                out.add(n.asInt());
            }
        }
        if (!node.isArray() || out.isEmpty()) {
            throw wrongType(file, "retention.horizons_days", "a list of whole numbers of days", node);
        }
        return out;
    }

    private static FlipsideException wrongType(Path file, String key, String expected, JsonNode got) {
        return FlipsideException.usage("config " + file + ": '" + key + "' must be " + expected + ", got " + got);
    }
}
