package fr.jdma.collector.input;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads the query string of an analyst request, collecting one error per bad parameter so a
 * single 400 names them all. An empty parameter counts as absent, as forms send them.
 */
public final class QueryParams {

    private static final Pattern ISO_DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    private final Map<String, List<String>> params;
    private final List<FieldError> errors = new ArrayList<>();

    public QueryParams(Map<String, List<String>> params) {
        this.params = params;
    }

    private String raw(String name) {
        List<String> values = params.get(name);
        if (values == null || values.isEmpty()) return null;
        if (values.size() > 1) {
            errors.add(new FieldError(name, "must be given once"));
            return null;
        }
        String value = values.get(0).strip();
        return value.isEmpty() ? null : value;
    }

    public String required(String name, Pattern pattern) {
        String value = optional(name, pattern);
        if (value == null && errors.stream().noneMatch(e -> e.field().equals(name))) {
            errors.add(new FieldError(name, "is required"));
        }
        return value;
    }

    public String optional(String name, Pattern pattern) {
        String value = raw(name);
        if (value != null && !pattern.matcher(value).matches()) {
            errors.add(new FieldError(name, "must match " + pattern.pattern()));
            return null;
        }
        return value;
    }

    /**
     * A calendar date written YYYY-MM-DD. Four digits only: ISO's expanded years
     * (+999999999-01-01) would overflow the epoch milliseconds and days we compare with.
     */
    public LocalDate date(String name) {
        String value = raw(name);
        if (value == null) return null;
        if (!ISO_DATE.matcher(value).matches()) {
            errors.add(new FieldError(name, "must be an ISO date YYYY-MM-DD like 2026-03-31, got '" + value + "'"));
            return null;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            errors.add(new FieldError(name, "is not a calendar date: '" + value + "'"));
            return null;
        }
    }

    /** from/to as whole UTC days, to inclusive; from after to names {@code to}. */
    public Period period() {
        LocalDate from = date("from");
        LocalDate to = date("to");
        if (from != null && to != null && from.isAfter(to)) {
            errors.add(new FieldError("to", "must not be before from (" + from + ")"));
        }
        return new Period(from, to);
    }

    public boolean flag(String name) {
        Boolean value = bool(name);
        return value != null && value;
    }

    /** true, false, or null when absent. */
    public Boolean bool(String name) {
        String value = raw(name);
        if (value == null) return null;
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "true", "1", "yes" -> true;
            case "false", "0", "no" -> false;
            default -> {
                errors.add(new FieldError(name, "must be true or false"));
                yield null;
            }
        };
    }

    /** A whole number within [min, max], or the fallback when absent. */
    public int integer(String name, int min, int max, int fallback) {
        String value = raw(name);
        if (value == null) return fallback;
        try {
            int number = Integer.parseInt(value);
            if (number >= min && number <= max) return number;
        } catch (NumberFormatException e) {
            // named below
        }
        errors.add(new FieldError(name, "must be a whole number from " + min + " to " + max + ", got '" + value + "'"));
        return fallback;
    }

    /** Words separated by commas (or '|', as the export joins them), each among the allowed; empty when absent. */
    public List<String> words(String name, List<String> allowed) {
        String value = raw(name);
        if (value == null) return List.of();
        List<String> words = new ArrayList<>();
        for (String word : value.split("[,|]")) {
            String w = word.strip();
            if (w.isEmpty()) continue;
            if (!allowed.contains(w)) {
                errors.add(new FieldError(name, "'" + w + "' is not one of " + String.join(", ", allowed)));
                return List.of();
            }
            if (!words.contains(w)) words.add(w);
        }
        return List.copyOf(words);
    }

    /** One of the allowed lower-case words, or the fallback when absent. */
    public String choice(String name, List<String> allowed, String fallback) {
        String value = raw(name);
        if (value == null) return fallback;
        if (!allowed.contains(value)) {
            errors.add(new FieldError(name, "must be one of " + String.join(", ", allowed)));
            return fallback;
        }
        return value;
    }

    /** Records a rule between parameters that the readers above cannot see (named like theirs). */
    public void reject(String name, String message) {
        errors.add(new FieldError(name, message));
    }

    /** Throws the collected errors, if any. Call once everything is read. */
    public void check() {
        if (!errors.isEmpty()) throw new InvalidInputException(errors);
    }
}
