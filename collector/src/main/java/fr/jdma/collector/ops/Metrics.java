package fr.jdma.collector.ops;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongSupplier;

/** Counters and gauges, written in the Prometheus text format at GET /metrics. */
public final class Metrics {

    private record Series(String name, String label, String value) {
    }

    private final Map<Series, LongAdder> counters = new ConcurrentHashMap<>();
    private final Map<String, LongSupplier> gauges = new ConcurrentHashMap<>();
    private final Map<String, LongSupplier> counterReadings = new ConcurrentHashMap<>();
    private final Map<String, String> help = new ConcurrentHashMap<>();

    public void describe(String name, String text) {
        help.put(name, text);
    }

    public void count(String name, String label, Object value) {
        counters.computeIfAbsent(new Series(name, label, String.valueOf(value)), s -> new LongAdder()).increment();
    }

    public void gauge(String name, String text, LongSupplier value) {
        help.put(name, text);
        gauges.put(name, value);
    }

    /** A counter kept elsewhere (e.g. by the writer), read when scraped. */
    public void counter(String name, String text, LongSupplier value) {
        help.put(name, text);
        counterReadings.put(name, value);
    }

    public String prometheusText() {
        StringBuilder out = new StringBuilder();
        Map<String, StringBuilder> byName = new TreeMap<>();
        counters.forEach((series, adder) -> byName.computeIfAbsent(series.name(), n -> new StringBuilder())
                .append(series.name()).append('{').append(series.label()).append("=\"").append(series.value())
                .append("\"} ").append(adder.sum()).append('\n'));
        byName.forEach((name, lines) -> out.append("# HELP ").append(name).append(' ')
                .append(help.getOrDefault(name, name)).append('\n')
                .append("# TYPE ").append(name).append(" counter\n").append(lines));
        readings(out, counterReadings, "counter");
        readings(out, gauges, "gauge");
        return out.toString();
    }

    private void readings(StringBuilder out, Map<String, LongSupplier> readings, String type) {
        new TreeMap<>(readings).forEach((name, value) -> out.append("# HELP ").append(name).append(' ')
                .append(help.getOrDefault(name, name)).append('\n')
                .append("# TYPE ").append(name).append(' ').append(type).append('\n')
                .append(name).append(' ').append(value.getAsLong()).append('\n'));
    }
}
