package fr.jdma.collector.ingest;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * One answer to the "Je donne mon avis" form, validated and scrubbed, as it is stored.
 * Optional answers are null (or empty for lists) when not given or hidden for the service.
 */
public record Rating(
        String id,
        Instant receivedAt,
        String service,
        String location,
        String source,
        Satisfaction satisfaction,
        Integer clarity,
        List<Help> help,
        Boolean helpReached,
        Integer helpQuality,
        String comment,
        Set<String> flags,
        String page,
        String lang) {

    public enum Satisfaction {
        GOOD, AVERAGE, BAD;

        public String wire() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** Answers to question 3; NONE ("Je n'ai pas eu besoin d'aide") is exclusive. */
    public enum Help {
        COUNTER, PHONE, EMAIL, RELATIVE, ASSOCIATION, WEBSITES, OTHER, NONE;

        public String wire() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** The answer a wire value names, or null. */
        public static Help fromWire(String text) {
            for (Help help : values()) {
                if (help.wire().equals(text)) return help;
            }
            return null;
        }

        /** The administration's own channels: trying one asks whether it was reached, and how well. */
        public boolean isAdministrationChannel() {
            return this == COUNTER || this == PHONE || this == EMAIL;
        }
    }

    /** The same rating with one more flag (flags are a set: adding one twice changes nothing). */
    public Rating withFlag(Flag flag) {
        var more = new java.util.TreeSet<>(flags);
        more.add(flag.wire());
        return new Rating(id, receivedAt, service, location, source, satisfaction, clarity, help, helpReached,
                helpQuality, comment, Set.copyOf(more), page, lang);
    }

    /** Same service and answers (not place nor time): posting it again would change nothing. */
    public boolean sameAnswers(Rating other) {
        return service.equals(other.service) && satisfaction == other.satisfaction
                && java.util.Objects.equals(clarity, other.clarity) && help.equals(other.help)
                && java.util.Objects.equals(helpReached, other.helpReached)
                && java.util.Objects.equals(helpQuality, other.helpQuality)
                && java.util.Objects.equals(comment, other.comment);
    }

    public boolean triedAdministration() {
        return help.stream().anyMatch(Help::isAdministrationChannel);
    }
}
