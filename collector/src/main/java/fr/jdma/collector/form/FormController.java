package fr.jdma.collector.form;

import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.jdma.collector.catalogue.Service;
import fr.jdma.collector.catalogue.ServiceCatalogue;
import fr.jdma.collector.form.FormPage.Answers;
import fr.jdma.collector.ingest.RatingIds;
import fr.jdma.collector.ingest.RatingIntake;
import fr.jdma.collector.ingest.RatingIntake.Outcome;
import fr.jdma.collector.ingest.RatingParser;
import fr.jdma.collector.input.Codes;
import fr.jdma.collector.input.FieldError;
import fr.jdma.collector.web.Forwarded;
import fr.jdma.collector.web.Page;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;

import java.util.LinkedHashMap;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The same questions as the widget, as a plain HTML form that works without JavaScript:
 * for e-mail links ("source=email") and pages that cannot run the script. A sent form goes
 * through {@link RatingIntake} like the widget's JSON; this class only shows pages.
 */
public final class FormController {

    private final ServiceCatalogue catalogue;
    private final RatingIntake intake;
    private final Forwarded forwarded;
    private final FormTiming timing;

    public FormController(ServiceCatalogue catalogue, RatingIntake intake, Forwarded forwarded, Clock clock) {
        this.catalogue = catalogue;
        this.intake = intake;
        this.forwarded = forwarded;
        this.timing = new FormTiming(clock);
    }

    public void routes(JavalinConfig config) {
        config.routes.get("/avis/{service}", this::show);
        config.routes.post("/avis/{service}", this::submit);
        config.routes.get("/avis/{service}/merci", ctx -> service(ctx).ifPresent(s -> FormPage.thanks(s).send(ctx, 200)));
    }

    private void show(Context ctx) {
        service(ctx).ifPresent(service -> {
            String location = Codes.validOrNull(Codes.CODE, ctx.queryParam("location"));
            String source = Codes.validOrNull(Codes.SOURCE, ctx.queryParam("source"));
            String referer = ctx.header("Referer");
            String page = referer != null && referer.matches("(?i)https?://.*") ? referer : null;
            FormPage.form(service, Answers.empty(RatingIds.next(), location, source, page), Map.of(),
                    timing.stamp()).send(ctx, 200);
        });
    }

    private void submit(Context ctx) {
        FormDoor door = new FormDoor(ctx.pathParam("service"), timing);
        String origin = ctx.header("Origin");
        var submission = new RatingIntake.Submission(ctx.header("Content-Type"), ctx.req().getContentLengthLong(), ctx.bodyInputStream(),
                origin, forwarded.isCollectorItself(ctx, origin), forwarded.client(ctx));
        ctx.future(() -> intake.take(door, submission).thenAccept(outcome -> outcome.renderWith(new Answer(ctx, door))));
    }

    private Optional<Service> service(Context ctx) {
        Optional<Service> service = catalogue.find(ctx.pathParam("service")).filter(Service::enabled);
        if (service.isEmpty()) notFound().send(ctx, 404);
        return service;
    }

    private static Page notFound() {
        return FormPage.message("Page introuvable", "Ce service ne recueille pas d'avis à cette adresse.");
    }

    /** Each outcome of the intake as a French page. */
    private record Answer(Context ctx, FormDoor door) implements RatingIntake.Renderer {

        @Override
        public void stored(Outcome.Stored stored) {
            ctx.redirect("/avis/" + stored.service().id() + "/merci", HttpStatus.SEE_OTHER);
        }

        /** The same thanks as a stored answer: a robot must not learn that it was recognised. */
        @Override
        public void discarded(Outcome.Discarded discarded) {
            ctx.redirect("/avis/" + discarded.service().id() + "/merci", HttpStatus.SEE_OTHER);
        }

        @Override
        public void conflict(Outcome.Conflict conflict) {
            // the same form sent again with another first answer (back button): the first one stands
            FormPage.message("Avis déjà enregistré",
                    "Votre avis a déjà été enregistré avec une autre réponse à la première question ; il n'a pas été modifié.")
                    .send(ctx, 409);
        }

        @Override
        public void bodyRefused(Outcome.BodyRefused refused) {
            switch (refused.reason()) {
                case UNSUPPORTED_MEDIA_TYPE ->
                        FormPage.message("Envoi impossible", "Ce formulaire s'envoie depuis la page du formulaire.").send(ctx, 415);
                case TOO_LARGE -> FormPage.message("Envoi impossible", "Votre réponse est trop longue.").send(ctx, 413);
                case MALFORMED, CLIENT_GONE -> FormPage.message("Envoi impossible",
                        "Votre réponse n'a pas pu être lue. Merci de renvoyer le formulaire.").send(ctx, 400);
            }
        }

        @Override
        public void invalid(Outcome.Invalid invalid) {
            if (invalid.service() == null) {
                notFound().send(ctx, 404); // the path names no possible service
            } else {
                FormPage.form(invalid.service(), door.answers(), frenchErrors(invalid.errors()), door.stamp()).send(ctx, 400);
            }
        }

        @Override
        public void unknownService(Outcome.UnknownService unknown) {
            notFound().send(ctx, 404);
        }

        @Override
        public void originRefused(Outcome.OriginRefused refused) {
            // Browsers send Origin with a form POST; a foreign one is another site posting in the citizen's name.
            FormPage.message("Envoi refusé", "Ce formulaire ne peut être envoyé que depuis le site du service.").send(ctx, 403);
        }

        @Override
        public void rateLimited(Outcome.RateLimited limited) {
            ctx.header("Retry-After", Long.toString(limited.retryAfterSeconds()));
            FormPage.message("Trop d'envois", "Merci de réessayer dans une minute.").send(ctx, 429);
        }

        @Override
        public void unavailable(Outcome.Unavailable unavailable) {
            ctx.header("Retry-After", Long.toString(unavailable.retryAfterSeconds()));
            FormPage.form(unavailable.service(), door.answers(), Map.of("satisfaction",
                    "votre avis n'a pas pu être enregistré pour le moment ; merci de renvoyer le formulaire dans quelques secondes."),
                    door.stamp())
                    .send(ctx, 503);
        }
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
}
