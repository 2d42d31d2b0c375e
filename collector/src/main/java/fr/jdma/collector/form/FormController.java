package fr.jdma.collector.form;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.jdma.collector.catalogue.Service;
import fr.jdma.collector.catalogue.ServiceCatalogue;
import fr.jdma.collector.form.FormPage.Answers;
import fr.jdma.collector.ingest.GroupCommitWriter;
import fr.jdma.collector.ingest.RateLimiter;
import fr.jdma.collector.ingest.Rating;
import fr.jdma.collector.ingest.RatingParser;
import fr.jdma.collector.input.Codes;
import fr.jdma.collector.input.FieldError;
import fr.jdma.collector.input.InvalidInputException;
import fr.jdma.collector.web.ClientAddress;
import fr.jdma.collector.web.Page;
import fr.jdma.collector.web.Origins;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The same questions as the widget, as a plain HTML form that works without JavaScript:
 * for e-mail links ("source=email") and pages that cannot run the script.
 */
public final class FormController {

    private static final int MAX_FORM = 64 * 1024;
    private static final Set<String> ADMINISTRATION = Set.of("counter", "phone", "email");

    private final ServiceCatalogue catalogue;
    private final RatingParser parser;
    private final GroupCommitWriter writer;
    private final RateLimiter rateLimiter;
    private final ClientAddress clients;
    private final Clock clock;

    public FormController(ServiceCatalogue catalogue, RatingParser parser, GroupCommitWriter writer,
                          RateLimiter rateLimiter, ClientAddress clients, Clock clock) {
        this.catalogue = catalogue;
        this.parser = parser;
        this.writer = writer;
        this.rateLimiter = rateLimiter;
        this.clients = clients;
        this.clock = clock;
    }

    public void routes(JavalinConfig config) {
        config.routes.get("/avis/{service}", this::show);
        config.routes.post("/avis/{service}", this::submit);
        config.routes.get("/avis/{service}/merci", ctx -> service(ctx).ifPresent(s -> page(ctx, 200, FormPage.thanks(s))));
    }

    private void show(Context ctx) {
        service(ctx).ifPresent(service -> {
            String location = Codes.validOrNull(Codes.CODE, ctx.queryParam("location"));
            String source = Codes.validOrNull(Codes.SOURCE, ctx.queryParam("source"));
            String referer = ctx.header("Referer");
            String page = referer != null && referer.matches("(?i)https?://.*") ? referer : null;
            page(ctx, 200, FormPage.form(service, Answers.empty(UUID.randomUUID().toString(), location, source, page), Map.of()));
        });
    }

    private void submit(Context ctx) {
        Optional<Service> found = service(ctx);
        if (found.isEmpty()) return;
        Service service = found.get();
        String type = ctx.contentType() == null ? "" : ctx.contentType().toLowerCase(Locale.ROOT);
        if (!type.startsWith("application/x-www-form-urlencoded")) {
            page(ctx, 415, FormPage.message("Envoi impossible", "Ce formulaire s'envoie depuis la page du formulaire."));
            return;
        }
        if (ctx.contentLength() > MAX_FORM) {
            page(ctx, 413, FormPage.message("Envoi impossible", "Votre réponse est trop longue."));
            return;
        }
        String origin = ctx.header("Origin");
        // Browsers send Origin with a form POST; a foreign one is another site posting in the citizen's name.
        if (origin != null && !service.allowsOrigin(origin) && !Origins.isCollectorItself(ctx, origin)) {
            page(ctx, 403, FormPage.message("Envoi refusé", "Ce formulaire ne peut être envoyé que depuis le site du service."));
            return;
        }
        Answers answers = answers(ctx);
        Rating rating;
        try {
            rating = parser.parse(toJson(service, answers), Set.copyOf(service.hiddenQuestions()), clock.instant());
        } catch (InvalidInputException e) {
            page(ctx, 400, FormPage.form(service, answers, frenchErrors(e.errors())));
            return;
        }
        long wait = rateLimiter.secondsToWait(clients.of(ctx), service.id());
        if (wait > 0) {
            ctx.header("Retry-After", Long.toString(wait));
            page(ctx, 429, FormPage.message("Trop d'envois", "Merci de réessayer dans une minute."));
            return;
        }
        ctx.future(() -> writer.submit(rating).handle((outcome, failure) -> {
            if (failure != null) {
                ctx.header("Retry-After", "2");
                page(ctx, 503, FormPage.form(service, answers, Map.of("satisfaction",
                        "votre avis n'a pas pu être enregistré pour le moment ; merci de renvoyer le formulaire dans quelques secondes.")));
            } else if (outcome.kind() == GroupCommitWriter.Outcome.Kind.CONFLICT) {
                // the same form sent again with another first answer (back button): the first one stands
                page(ctx, 409, FormPage.message("Avis déjà enregistré",
                        "Votre avis a déjà été enregistré avec une autre réponse à la première question ; il n'a pas été modifié."));
            } else {
                ctx.redirect("/avis/" + service.id() + "/merci", io.javalin.http.HttpStatus.SEE_OTHER);
            }
            return null;
        }));
    }

    private Optional<Service> service(Context ctx) {
        Optional<Service> service = catalogue.find(ctx.pathParam("service")).filter(Service::enabled);
        if (service.isEmpty()) {
            page(ctx, 404, FormPage.message("Page introuvable", "Ce service ne recueille pas d'avis à cette adresse."));
        }
        return service;
    }

    private static Answers answers(Context ctx) {
        return new Answers(ctx.formParam("id"), Codes.validOrNull(Codes.CODE, ctx.formParam("location")),
                Codes.validOrNull(Codes.SOURCE, ctx.formParam("source")),
                ctx.formParam("page"), ctx.formParam("satisfaction"), ctx.formParam("clarity"), ctx.formParams("help"),
                ctx.formParam("helpReached"), ctx.formParam("helpQuality"), ctx.formParam("comment"));
    }

    /** The form's strings become the JSON the widget would send, so one parser judges both. */
    private static ObjectNode toJson(Service service, Answers a) {
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        putText(json, "id", a.id());
        json.put("service", service.id());
        putText(json, "location", a.location());
        putText(json, "source", a.source());
        putText(json, "page", a.page());
        putText(json, "satisfaction", a.satisfaction());
        putNumber(json, "clarity", a.clarity());
        if (!a.help().isEmpty()) a.help().forEach(json.putArray("help")::add);
        // Without JavaScript the follow-up questions are always shown: keep them only when they apply.
        if (a.help().stream().anyMatch(ADMINISTRATION::contains)) {
            if ("true".equals(a.helpReached()) || "false".equals(a.helpReached())) {
                json.put("helpReached", Boolean.parseBoolean(a.helpReached()));
            } else {
                putText(json, "helpReached", a.helpReached());
            }
            putNumber(json, "helpQuality", a.helpQuality());
        }
        putText(json, "comment", a.comment());
        json.put("lang", "fr");
        return json;
    }

    private static void putText(ObjectNode json, String field, String value) {
        if (value != null && !value.isEmpty()) json.put(field, value);
    }

    private static void putNumber(ObjectNode json, String field, String value) {
        if (value == null || value.isEmpty()) return;
        if (value.matches("\\d{1,2}")) json.put(field, Integer.parseInt(value));
        else json.put(field, value);
    }

    private static Map<String, String> frenchErrors(List<FieldError> errors) {
        Map<String, String> messages = new LinkedHashMap<>();
        for (FieldError error : errors) {
            messages.putIfAbsent(error.field(), switch (error.field()) {
                case "satisfaction" -> "choisissez une réponse : Très bien, Moyen ou Pas bien.";
                case "clarity", "helpQuality" -> "choisissez une note de 1 à 5.";
                case "help" -> "« Je n'ai pas eu besoin d'aide » ne peut pas être coché avec une autre réponse.";
                case "helpReached" -> "répondez par Oui ou Non.";
                case "comment" -> "votre message doit faire au plus " + RatingParser.MAX_COMMENT + " caractères.";
                default -> "valeur invalide, rechargez la page du formulaire.";
            });
        }
        return messages;
    }

    private static void page(Context ctx, int status, Page page) {
        page.send(ctx, status);
    }
}
