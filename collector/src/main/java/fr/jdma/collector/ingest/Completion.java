package fr.jdma.collector.ingest;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * The completion rule (answers saved step by step): a POST of an id already stored either
 * replays it, completes it, or conflicts with it. A completion keeps the same service and
 * satisfaction and only adds optional answers the stored rating lacked; it is allowed once,
 * within an hour of the rating's reception. Pure: the store applies the verdict.
 */
public final class Completion {

    public static final Duration WINDOW = Duration.ofHours(1);

    /** What a POST of a stored id does. */
    public sealed interface Verdict {
    }

    /** Nothing new: the stored rating stands as it is. */
    public record Replay() implements Verdict {
    }

    /** The stored rating with the answers it lacked added (its id, reception time, place kept). */
    public record Complete(Rating completed) implements Verdict {
    }

    /** The POST contradicts the stored rating or comes too late; {@code detail} says why, in the API's words. */
    public record Conflict(String detail) implements Verdict {
    }

    private Completion() {
    }

    /**
     * Judges {@code incoming} (parsed, received now) against {@code stored}, which was
     * completed before when {@code alreadyCompleted}.
     */
    public static Verdict judge(Rating stored, boolean alreadyCompleted, Rating incoming) {
        String id = stored.id();
        if (!stored.service().equals(incoming.service())) {
            return new Conflict("id " + id + " is already used by a rating of another service");
        }
        if (stored.satisfaction() != incoming.satisfaction()) {
            return new Conflict("rating " + id + " was stored with satisfaction '" + stored.satisfaction().wire()
                    + "'; a completion must repeat it, got '" + incoming.satisfaction().wire() + "'");
        }
        List<String> added = new ArrayList<>();
        List<String> changed = new ArrayList<>();
        // a comment erased by moderation stays erased: what a replay carries is not looked at
        boolean redacted = stored.flags().contains(Flag.REDACTED.wire());
        compare("clarity", stored.clarity(), incoming.clarity(), added, changed);
        compare("help", stored.help().isEmpty() ? null : stored.help(),
                incoming.help().isEmpty() ? null : incoming.help(), added, changed);
        compare("helpReached", stored.helpReached(), incoming.helpReached(), added, changed);
        compare("helpQuality", stored.helpQuality(), incoming.helpQuality(), added, changed);
        if (!redacted) compare("comment", stored.comment(), incoming.comment(), added, changed);
        if (!changed.isEmpty()) {
            return new Conflict("rating " + id + " already has an answer to " + String.join(", ", changed)
                    + "; a completion only adds the answers it lacked");
        }
        if (added.isEmpty()) return new Replay();
        if (alreadyCompleted) {
            return new Conflict("rating " + id + " was already completed once; it cannot be completed again");
        }
        if (incoming.receivedAt().isAfter(stored.receivedAt().plus(WINDOW))) {
            return new Conflict("rating " + id + " can only be completed within one hour of its reception");
        }
        Set<String> flags = new TreeSet<>(stored.flags());
        if (added.contains("comment")) flags.addAll(incoming.flags());
        boolean help = added.contains("help");
        return new Complete(new Rating(stored.id(), stored.receivedAt(), stored.service(), stored.location(),
                stored.source(), stored.satisfaction(),
                or(stored.clarity(), incoming.clarity()),
                help ? incoming.help() : stored.help(),
                or(stored.helpReached(), incoming.helpReached()),
                or(stored.helpQuality(), incoming.helpQuality()),
                or(stored.comment(), added.contains("comment") ? incoming.comment() : null),
                Set.copyOf(flags), stored.page(), stored.lang()));
    }

    /** An answer given now is added when none was stored, and must match the stored one otherwise. */
    private static void compare(String field, Object stored, Object incoming, List<String> added, List<String> changed) {
        if (incoming == null) return;
        if (stored == null) added.add(field);
        else if (!Objects.equals(stored, incoming)) changed.add(field);
    }

    private static <T> T or(T stored, T incoming) {
        return stored != null ? stored : incoming;
    }
}
