package fr.jdma.collector.form;

import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.jdma.collector.form.FormPage.Answers;
import fr.jdma.collector.ingest.Rating;
import fr.jdma.collector.ingest.RatingIntake;
import fr.jdma.collector.input.Codes;
import fr.jdma.collector.input.FormFields;
import fr.jdma.collector.input.JsonMapping;

import java.util.Set;

/**
 * The hosted form's door to {@link RatingIntake}: an urlencoded body of at most 64 KiB (a comment of
 * 2,000 accented characters takes 12 KB once escaped), turned into the JSON the widget would send,
 * so one parser judges both. One per request: it keeps the answers to show the form again.
 */
final class FormDoor implements RatingIntake.Door {

    static final int MAX_FORM = 64 * 1024;

    private final String serviceId;
    private final FormTiming timing;
    private Answers answers = Answers.empty(null, null, null, null);
    private String stamp;
    private String honeypot;

    FormDoor(String serviceId, FormTiming timing) {
        this.serviceId = serviceId;
        this.timing = timing;
    }

    /** The stamp the form carried (when the questions were first shown), or a new one: for showing the form again. */
    String stamp() {
        return timing.elapsedSince(stamp).isPresent() ? stamp : timing.stamp();
    }

    /** What the citizen sent, once read. */
    Answers answers() {
        return answers;
    }

    @Override
    public Set<String> mediaTypes() {
        return Set.of("application/x-www-form-urlencoded");
    }

    @Override
    public String expectedType() {
        return "application/x-www-form-urlencoded";
    }

    @Override
    public int maxBytes() {
        return MAX_FORM;
    }

    /** Some browsers and privacy settings send no Origin with a form; a foreign or "null" one is still refused. */
    @Override
    public boolean requiresOrigin() {
        return false;
    }

    @Override
    public ObjectNode read(String text) {
        FormFields form = FormFields.parse(text);
        answers = new Answers(form.first("id"), Codes.validOrNull(Codes.CODE, form.first("location")),
                Codes.validOrNull(Codes.SOURCE, form.first("source")), form.first("page"), form.first("satisfaction"),
                form.first("clarity"), form.all("help"), form.first("helpReached"), form.first("helpQuality"),
                form.first("comment"));
        stamp = form.first(FormTiming.FIELD);
        honeypot = form.first("hp");
        return toJson(answers);
    }

    private ObjectNode toJson(Answers a) {
        ObjectNode json = JsonMapping.MAPPER.createObjectNode();
        putText(json, "id", a.id());
        json.put("service", serviceId);
        putText(json, "location", a.location());
        putText(json, "source", a.source());
        putText(json, "page", a.page());
        putText(json, "satisfaction", a.satisfaction());
        putNumber(json, "clarity", a.clarity());
        if (!a.help().isEmpty()) a.help().forEach(json.putArray("help")::add);
        // Without JavaScript the follow-up questions are always shown: keep them only when they apply.
        if (a.help().stream().anyMatch(FormDoor::isAdministrationChannel)) {
            if ("true".equals(a.helpReached()) || "false".equals(a.helpReached())) {
                json.put("helpReached", Boolean.parseBoolean(a.helpReached()));
            } else {
                putText(json, "helpReached", a.helpReached());
            }
            putNumber(json, "helpQuality", a.helpQuality());
        }
        putText(json, "comment", a.comment());
        json.put("lang", "fr");
        // The abuse signals the widget sends too: the honeypot as typed, the time since the page was shown.
        putText(json, "hp", honeypot);
        timing.elapsedSince(stamp).ifPresent(elapsed -> json.put("elapsed", elapsed));
        return json;
    }

    private static boolean isAdministrationChannel(String help) {
        Rating.Help value = Rating.Help.fromWire(help);
        return value != null && value.isAdministrationChannel();
    }

    private static void putText(ObjectNode json, String field, String value) {
        if (value != null && !value.isEmpty()) json.put(field, value);
    }

    private static void putNumber(ObjectNode json, String field, String value) {
        if (value == null || value.isEmpty()) return;
        if (value.matches("\\d{1,2}")) json.put(field, Integer.parseInt(value));
        else json.put(field, value);
    }
}
