package fr.jdma.collector.ingest;

import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.jdma.collector.catalogue.Service;
import fr.jdma.collector.catalogue.ServiceCatalogue;
import fr.jdma.collector.input.FieldError;
import fr.jdma.collector.input.InvalidInputException;
import fr.jdma.collector.input.StrictBody;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.InputStream;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The one path a rating takes in, whatever the door: the widget's JSON ({@code POST /api/v1/ratings},
 * answered as problem+json by {@code IngestController}) or the hosted form ({@code POST /avis/{service}},
 * answered as French HTML by {@code FormController}). The steps, in this order:
 * <ol>
 *   <li>the media type and charset, then the body read and decoded by {@link StrictBody} (415, 413, 400, client gone);</li>
 *   <li>the door turns the text into the JSON object the parser judges ({@link Door#read});</li>
 *   <li>the service, which must exist and be enabled (404);</li>
 *   <li>the origin policy: the service's allowed origins or the collector's own pages (403);</li>
 *   <li>{@link RatingParser#parse}: every field checked and scrubbed (400);</li>
 *   <li>robots ({@link Bot}: honeypot filled, sent too fast): answered as stored, never stored ({@link Outcome.Discarded});</li>
 *   <li>the rate limit per client and service (429);</li>
 *   <li>{@link DuplicateComments}: the same comment again from the same client is flagged {@code duplicate};</li>
 *   <li>the group-commit writer, whose answer comes once the rating is on disk (or 503).</li>
 * </ol>
 * It returns an {@link Outcome} that each controller only renders; no HTTP status is decided here.
 *
 * <p>Seams for what comes next:
 * <ul>
 *   <li><b>New outcomes</b> (completion of a stored rating, 409 on a different satisfaction): add a record
 *   to {@link Outcome} and a method to {@link Renderer}; the doors stop compiling until each renders it.</li>
 *   <li><b>Watching refusals</b> (the back office's refused origins per service, metrics by reason):
 *   register an observer with {@link #onOutcome}; it sees every outcome, refusals included, with the
 *   service when it is known.</li>
 *   <li><b>Writer answers</b>: {@link Outcome.Stored#written} carries the writer's own outcome, so a new
 *   {@link GroupCommitWriter.Outcome} kind (such as a completion) reaches the doors without a new step.</li>
 * </ul>
 */
public final class RatingIntake {

    private static final Logger log = LoggerFactory.getLogger(RatingIntake.class);
    /** Seconds a client is asked to wait when the writer cannot take the rating now. */
    static final long RETRY_WHEN_UNAVAILABLE = 2;

    /** How one entrance reads its body; everything after {@link #read} is the same for every door. */
    public interface Door {
        /** The media types taken (lower case) and how an error message names them. */
        Set<String> mediaTypes();

        String expectedType();

        /** At most this many bytes are read. */
        int maxBytes();

        /** Whether a request without an Origin header is refused (the widget always sends one; old browsers' forms may not). */
        boolean requiresOrigin();

        /** The strictly decoded text as the JSON object a rating is judged from; an {@link InvalidInputException} otherwise. */
        ObjectNode read(String text);
    }

    /** A request at a door, with what the HTTP layer already knows: body, origin, and who is asking. */
    public record Submission(String contentType, long declaredLength, InputStream body,
                             String origin, boolean fromCollectorItself, String client) {
    }

    /**
     * What became of a submission. Each door renders every case through a {@link Renderer}: a new case
     * is a new record here plus a new method there, and the compiler then points at every door.
     */
    public sealed interface Outcome {

        void renderWith(Renderer renderer);

        /** The rating is on disk: {@code written} says whether it is new, a replay of a stored id, or a completion of it. */
        record Stored(Service service, Rating rating, GroupCommitWriter.Outcome written) implements Outcome {
            @Override
            public void renderWith(Renderer renderer) {
                renderer.stored(this);
            }
        }

        /**
         * The id is stored already with other answers that this one may not complete (another satisfaction,
         * or past the completion window): nothing changed.
         */
        record Conflict(Service service, Rating rating, String detail) implements Outcome {
            @Override
            public void renderWith(Renderer renderer) {
                renderer.conflict(this);
            }
        }

        /**
         * A robot's answer ({@link Bot}): answered like a stored one, so the robot learns nothing,
         * but nothing was stored. Counted by reason in the metrics.
         */
        record Discarded(Service service, Rating rating, Bot reason) implements Outcome {
            @Override
            public void renderWith(Renderer renderer) {
                renderer.discarded(this);
            }
        }

        /** The body was refused before it was read as a rating (type, size, encoding, client gone). */
        record BodyRefused(StrictBody.Reason reason, String detail) implements Outcome {
            @Override
            public void renderWith(Renderer renderer) {
                renderer.bodyRefused(this);
            }
        }

        /** Fields are wrong; {@code service} and {@code body} are null when not known yet. */
        record Invalid(Service service, ObjectNode body, List<FieldError> errors) implements Outcome {
            @Override
            public void renderWith(Renderer renderer) {
                renderer.invalid(this);
            }
        }

        record UnknownService(String serviceId) implements Outcome {
            @Override
            public void renderWith(Renderer renderer) {
                renderer.unknownService(this);
            }
        }

        /** {@code origin} is null when the header was missing (or said {@code null}). */
        record OriginRefused(Service service, String origin) implements Outcome {
            @Override
            public void renderWith(Renderer renderer) {
                renderer.originRefused(this);
            }
        }

        record RateLimited(Service service, long retryAfterSeconds) implements Outcome {
            @Override
            public void renderWith(Renderer renderer) {
                renderer.rateLimited(this);
            }
        }

        /** The writer cannot take the rating now (queue full, database failing): nothing was stored. */
        record Unavailable(Service service, String reason, long retryAfterSeconds) implements Outcome {
            @Override
            public void renderWith(Renderer renderer) {
                renderer.unavailable(this);
            }
        }
    }

    /** How a door answers each outcome (problem+json for the API, French HTML for the hosted form). */
    public interface Renderer {
        void stored(Outcome.Stored stored);

        void discarded(Outcome.Discarded discarded);

        void conflict(Outcome.Conflict conflict);

        void bodyRefused(Outcome.BodyRefused refused);

        void invalid(Outcome.Invalid invalid);

        void unknownService(Outcome.UnknownService unknown);

        void originRefused(Outcome.OriginRefused refused);

        void rateLimited(Outcome.RateLimited limited);

        void unavailable(Outcome.Unavailable unavailable);
    }

    private final ServiceCatalogue catalogue;
    private final RatingParser parser;
    private final GroupCommitWriter writer;
    private final RateLimiter rateLimiter;
    private final DuplicateComments duplicates;
    private final Clock clock;
    private final List<Consumer<Outcome>> observers = new CopyOnWriteArrayList<>();

    public RatingIntake(ServiceCatalogue catalogue, RatingParser parser, GroupCommitWriter writer,
                        RateLimiter rateLimiter, DuplicateComments duplicates, Clock clock) {
        this.catalogue = catalogue;
        this.parser = parser;
        this.writer = writer;
        this.rateLimiter = rateLimiter;
        this.duplicates = duplicates;
        this.clock = clock;
    }

    /** Called with every outcome once it is known (wired at start; observers must be quick and never throw). */
    public void onOutcome(Consumer<Outcome> observer) {
        observers.add(observer);
    }

    /** Takes a submission through every step; the future completes with the outcome (never exceptionally). */
    public CompletableFuture<Outcome> take(Door door, Submission submission) {
        ObjectNode body = null;
        Service service = null;
        Rating rating;
        try {
            StrictBody.requireType(submission.contentType(), door.mediaTypes(), door.expectedType());
            body = door.read(StrictBody.read(submission.body(), submission.declaredLength(), door.maxBytes()));
            String serviceId = parser.serviceOf(body);
            Optional<Service> found = catalogue.find(serviceId).filter(Service::enabled);
            if (found.isEmpty()) return done(new Outcome.UnknownService(serviceId));
            service = found.get();
            if (!originAllowed(door, service, submission)) {
                String origin = submission.origin();
                return done(new Outcome.OriginRefused(service, origin == null || origin.isBlank() ? null : origin));
            }
            rating = parser.parse(body, Set.copyOf(service.hiddenQuestions()), clock.instant());
        } catch (StrictBody.Refused e) {
            if (e.reason() == StrictBody.Reason.CLIENT_GONE) log.info("a client went away while sending a rating; nothing stored");
            return done(new Outcome.BodyRefused(e.reason(), e.detail()));
        } catch (InvalidInputException e) {
            return done(new Outcome.Invalid(service, body, e.errors()));
        }
        // Robots are answered before the rate limit: a limited robot would learn it was noticed.
        Optional<Bot> bot = Bot.of(body);
        if (bot.isPresent()) return done(new Outcome.Discarded(service, rating, bot.get()));
        long wait = rateLimiter.secondsToWait(submission.client(), service.id());
        if (wait > 0) return done(new Outcome.RateLimited(service, wait));
        // After the rate limit: only a rating that goes on to be written is remembered for the duplicate check.
        return write(service, duplicates.check(submission.client(), rating));
    }

    private CompletableFuture<Outcome> write(Service service, Rating rating) {
        return writer.submit(rating).handle((written, failure) -> observed(
                failure != null ? new Outcome.Unavailable(service, rootMessage(failure), RETRY_WHEN_UNAVAILABLE)
                        : written.kind() == GroupCommitWriter.Outcome.Kind.CONFLICT ? new Outcome.Conflict(service, rating, written.conflict())
                        : new Outcome.Stored(service, rating, written)));
    }

    /**
     * The service's own sites, or the collector's own pages. {@code Origin: null} (sandboxed frames,
     * privacy settings, any case) counts as no origin: it names no site that could be allowed.
     */
    private static boolean originAllowed(Door door, Service service, Submission submission) {
        String origin = submission.origin();
        if (origin == null || origin.isBlank() || origin.strip().equalsIgnoreCase("null")) {
            return !door.requiresOrigin() && (origin == null || origin.isBlank());
        }
        return service.allowsOrigin(origin) || submission.fromCollectorItself();
    }

    private CompletableFuture<Outcome> done(Outcome outcome) {
        return CompletableFuture.completedFuture(observed(outcome));
    }

    private Outcome observed(Outcome outcome) {
        for (Consumer<Outcome> observer : observers) observer.accept(outcome);
        return outcome;
    }

    private static String rootMessage(Throwable failure) {
        Throwable t = failure;
        while (t.getCause() != null && !(t instanceof GroupCommitWriter.UnavailableException)) t = t.getCause();
        return t.getMessage();
    }
}
