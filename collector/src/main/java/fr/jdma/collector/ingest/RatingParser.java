package fr.jdma.collector.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.jdma.collector.ingest.Rating.Help;
import fr.jdma.collector.ingest.Rating.Satisfaction;
import fr.jdma.collector.input.Codes;
import fr.jdma.collector.input.FieldError;
import fr.jdma.collector.input.InvalidInputException;
import fr.jdma.collector.input.JsonMapping;

import java.net.URI;
import java.net.URISyntaxException;
import java.text.Normalizer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Turns a submitted JSON object into a {@link Rating}, naming every bad field at once.
 * The same rules serve the widget's JSON and the no-JavaScript form.
 */
public final class RatingParser {

    private static final Pattern UUID_TEXT =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    /** Control characters but new lines and tabs: dropped from comments. */
    private static final Pattern CONTROLS = Pattern.compile("[\\p{Cc}&&[^\\n\\t]]");
    public static final int MAX_COMMENT = 2000;
    /** The length of the stored page column (VARCHAR(2000), the same on every database). */
    public static final int MAX_PAGE = 2000;
    private static final Set<String> FIELDS = Set.of("id", "service", "location", "source", "satisfaction",
            "clarity", "help", "helpReached", "helpQuality", "comment", "page", "lang",
            "hp", "elapsed"); // abuse signals (product.md): accepted and checked here, acted upon by moderation
    /** The optional questions a service may hide, by the name used in the catalogue. */
    public static final Set<String> HIDEABLE = Questions.OFFICIAL.hideableSet();

    private final Scrubber scrubber = new Scrubber();

    /** The service a rating is for, checked before anything else so that it can be looked up. */
    public String serviceOf(ObjectNode body) {
        JsonNode node = body.get("service");
        if (node == null || node.isNull()) throw invalid("service", "is required");
        if (!node.isTextual() || !Codes.CODE.matcher(node.asText()).matches()) {
            throw invalid("service", "must be a service id of 1 to 64 characters among A-Z a-z 0-9 . _ -");
        }
        return node.asText();
    }

    public Rating parse(ObjectNode body, Set<String> hiddenQuestions, Instant receivedAt) {
        List<FieldError> errors = new ArrayList<>();
        body.fieldNames().forEachRemaining(name -> {
            if (!FIELDS.contains(name)) errors.add(new FieldError(name, "is not a field of a rating"));
        });

        String id = text(body, "id", errors);
        if (id == null) {
            id = RatingIds.next();
        } else if (!UUID_TEXT.matcher(id).matches()) {
            errors.add(new FieldError("id", "must be a UUID such as 3f2b8c1e-5d4a-4e8b-9c1a-2b3c4d5e6f70"));
        } else {
            id = id.toLowerCase(Locale.ROOT);
        }
        String service = text(body, "service", errors);
        String location = code(body, "location", Codes.CODE, "1 to 64", errors);
        String source = code(body, "source", Codes.SOURCE, "1 to 32", errors);

        Satisfaction satisfaction = null;
        String satisfactionText = text(body, "satisfaction", errors);
        if (satisfactionText == null) {
            if (!body.has("satisfaction") || body.get("satisfaction").isNull()) {
                errors.add(new FieldError("satisfaction", "is required: one of good, average, bad"));
            }
        } else {
            satisfaction = switch (satisfactionText) {
                case "good" -> Satisfaction.GOOD;
                case "average" -> Satisfaction.AVERAGE;
                case "bad" -> Satisfaction.BAD;
                default -> {
                    errors.add(new FieldError("satisfaction", "must be one of good, average, bad"));
                    yield null;
                }
            };
        }

        Integer clarity = oneToFive(body, "clarity", errors);
        List<Help> help = help(body, errors);
        Boolean helpReached = bool(body, "helpReached", errors);
        Integer helpQuality = oneToFive(body, "helpQuality", errors);
        boolean triedAdministration = help.stream().anyMatch(Help::isAdministrationChannel);
        if (!triedAdministration) {
            String why = "is only asked when help includes counter, phone or email";
            if (helpReached != null) errors.add(new FieldError("helpReached", why));
            if (helpQuality != null) errors.add(new FieldError("helpQuality", why));
        }

        String comment = comment(body, errors);
        String page = page(body, errors);
        String lang = text(body, "lang", errors);
        if (lang != null && !lang.equals("fr") && !lang.equals("en")) {
            errors.add(new FieldError("lang", "must be fr or en"));
        }

        text(body, "hp", errors);
        JsonNode elapsed = body.get("elapsed");
        if (elapsed != null && !elapsed.isNull() && !(elapsed.isIntegralNumber() && elapsed.canConvertToLong() && elapsed.longValue() >= 0)) {
            errors.add(new FieldError("elapsed", "must be a whole number of milliseconds, 0 or more, got " + elapsed));
        }

        if (!errors.isEmpty()) throw new InvalidInputException(errors);

        // Hidden questions are not asked: an answer to one (from a stale page) is not kept.
        if (hiddenQuestions.contains("clarity")) clarity = null;
        if (hiddenQuestions.contains("help")) {
            help = List.of();
            helpReached = null;
            helpQuality = null;
        }
        if (hiddenQuestions.contains("comment")) comment = null;

        Set<String> flags = new LinkedHashSet<>();
        if (comment != null) comment = scrubber.scrubComment(comment, flags);
        if (page != null) page = fitted(scrubber.scrubPage(page, flags));
        return new Rating(id, receivedAt, service, location == null ? "" : location,
                source == null ? "" : source, satisfaction, clarity, help, helpReached, helpQuality,
                comment, Set.copyOf(flags), page, lang);
    }

    private static String text(ObjectNode body, String field, List<FieldError> errors) {
        JsonNode node = body.get(field);
        if (node == null || node.isNull()) return null;
        if (!node.isTextual()) {
            errors.add(new FieldError(field, "must be a string, got " + JsonMapping.kind(node)));
            return null;
        }
        return node.textValue();
    }

    private static String code(ObjectNode body, String field, Pattern pattern, String length, List<FieldError> errors) {
        String value = text(body, field, errors);
        if (value == null || value.isEmpty()) return value;
        if (!pattern.matcher(value).matches()) {
            errors.add(new FieldError(field, "must be " + length + " characters among A-Z a-z 0-9 . _ -"));
            return null;
        }
        return value;
    }

    private static Integer oneToFive(ObjectNode body, String field, List<FieldError> errors) {
        JsonNode node = body.get(field);
        if (node == null || node.isNull()) return null;
        if (!node.isIntegralNumber() || !node.canConvertToInt() || node.intValue() < 1 || node.intValue() > 5) {
            errors.add(new FieldError(field, "must be a whole number from 1 to 5, got " + node));
            return null;
        }
        return node.intValue();
    }

    private static Boolean bool(ObjectNode body, String field, List<FieldError> errors) {
        JsonNode node = body.get(field);
        if (node == null || node.isNull()) return null;
        if (!node.isBoolean()) {
            errors.add(new FieldError(field, "must be true or false, got " + node));
            return null;
        }
        return node.booleanValue();
    }

    private static List<Help> help(ObjectNode body, List<FieldError> errors) {
        JsonNode node = body.get("help");
        if (node == null || node.isNull()) return List.of();
        String expected = "must be an array of counter, phone, email, relative, association, websites, other, or [\"none\"]";
        if (!node.isArray()) {
            errors.add(new FieldError("help", expected));
            return List.of();
        }
        EnumSet<Help> values = EnumSet.noneOf(Help.class);
        for (JsonNode item : node) {
            Help value = item.isTextual() ? Help.fromWire(item.textValue()) : null;
            if (value == null) {
                errors.add(new FieldError("help", expected + "; got " + item));
                return List.of();
            }
            values.add(value);
        }
        if (values.contains(Help.NONE) && values.size() > 1) {
            errors.add(new FieldError("help", "\"none\" (no help needed) cannot be combined with other answers"));
            return List.of();
        }
        return List.copyOf(values);
    }

    private static String comment(ObjectNode body, List<FieldError> errors) {
        String raw = text(body, "comment", errors);
        if (raw == null) return null;
        // A browser may cut an emoji in half at the length limit: the half becomes U+FFFD
        // rather than costing the citizen the whole answer (PostgreSQL would refuse it).
        String comment = Normalizer.normalize(withoutLoneSurrogates(raw), Normalizer.Form.NFC)
                .replace("\r\n", "\n")
                .transform(text -> CONTROLS.matcher(text).replaceAll(""))
                .strip();
        int length = comment.codePointCount(0, comment.length());
        if (length > MAX_COMMENT) {
            errors.add(new FieldError("comment", "must be at most " + MAX_COMMENT + " characters, got " + length));
            return null;
        }
        return comment.isEmpty() ? null : comment;
    }

    private static String page(ObjectNode body, List<FieldError> errors) {
        String raw = text(body, "page", errors);
        if (raw == null || raw.isBlank()) return null;
        // like a comment, a page cut in the middle of an emoji keeps its other characters
        raw = withoutLoneSurrogates(raw);
        String expected = "must be an absolute http(s) URL of at most " + MAX_PAGE + " characters";
        if (raw.length() > MAX_PAGE * 4) {
            errors.add(new FieldError("page", expected));
            return null;
        }
        try {
            URI uri = new URI(raw.strip());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
                errors.add(new FieldError("page", expected));
                return null;
            }
            // Query and fragment often carry personal data (file numbers, e-mails): never kept.
            String port = uri.getPort() == -1 ? "" : ":" + uri.getPort();
            String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
            String page = scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + port + path;
            if (page.length() > MAX_PAGE) {
                errors.add(new FieldError("page", expected));
                return null;
            }
            return page;
        } catch (URISyntaxException e) {
            errors.add(new FieldError("page", expected));
            return null;
        }
    }

    /**
     * Masking can lengthen a page ({@code /1234567} becomes {@code /[number]}): a page that no longer fits
     * its column keeps its site and loses its path, the same on every database, rather than costing the
     * citizen the answer or being cut anywhere.
     */
    static String fitted(String page) {
        if (page.length() <= MAX_PAGE) return page;
        int path = page.indexOf('/', page.indexOf("://") + 3);
        return path < 0 ? page : page.substring(0, path + 1);
    }

    private static String withoutLoneSurrogates(String text) {
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean paired = Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1));
            if (paired) {
                if (out != null) out.append(c).append(text.charAt(i + 1));
                i++;
            } else if (Character.isSurrogate(c)) {
                if (out == null) out = new StringBuilder(text.substring(0, i));
                out.append('\uFFFD');
            } else if (out != null) {
                out.append(c);
            }
        }
        return out == null ? text : out.toString();
    }

    private static InvalidInputException invalid(String field, String detail) {
        return new InvalidInputException(List.of(new FieldError(field, detail)));
    }
}
