package fr.jdma.collector.support;

import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A strict reader of the Prometheus text exposition format 0.0.4: every line must be a HELP,
 * a TYPE or a sample; names, labels, escapes and values must be well formed; a family's TYPE
 * comes once and before its samples, its samples are together, no series repeats, counters are
 * not negative, and the text ends with a newline. Anything else throws, naming the line.
 */
public final class PrometheusText {

    private static final String NAME = "[a-zA-Z_:][a-zA-Z0-9_:]*";
    private static final Pattern HELP = Pattern.compile("# HELP (" + NAME + ") ((?:[^\\\\\\n]|\\\\\\\\|\\\\n)*)");
    private static final Pattern TYPE = Pattern.compile("# TYPE (" + NAME + ") (counter|gauge|histogram|summary|untyped)");
    private static final Pattern SAMPLE = Pattern.compile("(" + NAME + ")(\\{(.*)})? (\\S+)( -?[0-9]+)?");
    private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\\\n]|\\\\[\\\\\"n])*)\"(,|$)");
    private static final Pattern VALUE = Pattern.compile("[+-]?(?:[0-9]+(?:\\.[0-9]*)?|\\.[0-9]+)(?:[eE][+-]?[0-9]+)?|NaN|[+-]Inf");

    private final Map<String, Double> samples = new LinkedHashMap<>();
    private final Map<String, String> types = new HashMap<>();
    private final Map<String, String> help = new HashMap<>();

    private PrometheusText() {
    }

    /** The samples by series ({@code name} or {@code name{a="b"}} as written), or an exception naming the first fault. */
    public static PrometheusText parse(String text) {
        if (!text.isEmpty() && !text.endsWith("\n")) throw new IllegalArgumentException("the text does not end with a newline");
        PrometheusText parsed = new PrometheusText();
        Set<String> closedFamilies = new HashSet<>();
        String currentFamily = null;
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length - 1; i++) {
            String line = lines[i];
            String where = "line " + (i + 1) + " '" + line + "': ";
            Matcher m;
            String family;
            if ((m = HELP.matcher(line)).matches()) {
                family = m.group(1);
                if (parsed.help.put(family, m.group(2)) != null) throw new IllegalArgumentException(where + "second HELP for " + family);
            } else if ((m = TYPE.matcher(line)).matches()) {
                family = m.group(1);
                if (parsed.types.put(family, m.group(2)) != null) throw new IllegalArgumentException(where + "second TYPE for " + family);
                String typed = family;
                if (parsed.samples.keySet().stream().anyMatch(s -> familyOf(s, parsed.types).equals(typed))) {
                    throw new IllegalArgumentException(where + "TYPE after samples of " + family);
                }
            } else if (line.startsWith("#")) {
                if (line.startsWith("# HELP") || line.startsWith("# TYPE")) throw new IllegalArgumentException(where + "malformed HELP or TYPE");
                continue;  // a plain comment
            } else if ((m = SAMPLE.matcher(line)).matches()) {
                String name = m.group(1);
                family = familyOf(name, parsed.types);
                StringBuilder series = new StringBuilder(name);
                if (m.group(2) != null) {
                    series.append('{').append(labels(m.group(3), where)).append('}');
                }
                if (!VALUE.matcher(m.group(4)).matches()) throw new IllegalArgumentException(where + "value is not a number");
                double value = m.group(4).endsWith("Inf") ? (m.group(4).startsWith("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY)
                        : Double.parseDouble(m.group(4));
                if ("counter".equals(parsed.types.get(family)) && value < 0) throw new IllegalArgumentException(where + "negative counter");
                if (parsed.samples.put(series.toString(), value) != null) throw new IllegalArgumentException(where + "series repeated");
            } else {
                throw new IllegalArgumentException(where + "neither HELP, TYPE nor a sample");
            }
            if (!family.equals(currentFamily)) {
                if (closedFamilies.contains(family)) throw new IllegalArgumentException(where + "lines of " + family + " are not together");
                if (currentFamily != null) closedFamilies.add(currentFamily);
                currentFamily = family;
            }
        }
        return parsed;
    }

    public Map<String, Double> samples() {
        return samples;
    }

    public double value(String series) {
        Double value = samples.get(series);
        if (value == null) throw new AssertionError("no series " + series + " in " + samples.keySet());
        return value;
    }

    public String type(String family) {
        return types.get(family);
    }

    public String help(String family) {
        return help.get(family);
    }

    private static String labels(String text, String where) {
        if (text.isEmpty()) return "";
        Matcher label = LABEL.matcher(text);
        Set<String> names = new HashSet<>();
        int at = 0;
        while (at < text.length()) {
            if (!label.find(at) || label.start() != at) throw new IllegalArgumentException(where + "malformed labels");
            if (!names.add(label.group(1))) throw new IllegalArgumentException(where + "label " + label.group(1) + " repeated");
            at = label.end();
        }
        return text;
    }

    /** A histogram's or summary's _bucket, _sum and _count samples belong to its family. */
    private static String familyOf(String name, Map<String, String> types) {
        for (String suffix : new String[]{"_bucket", "_sum", "_count"}) {
            if (name.endsWith(suffix)) {
                String base = name.substring(0, name.length() - suffix.length());
                String type = types.get(base);
                if ("histogram".equals(type) || "summary".equals(type)) return base;
            }
        }
        return name;
    }
}
