package fr.jdma.collector.backoffice;

import fr.jdma.collector.stats.Indicators;
import fr.jdma.collector.web.Scores;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Numbers, scores and times the French way, as every back-office page shows them. */
final class Formats {

    /** Staff read times in the time of mainland France. */
    static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("d MMM uuuu 'à' HH'h'mm", Locale.FRENCH).withZone(PARIS);

    private Formats() {
    }

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM uuuu", Locale.FRENCH);

    static String day(java.time.LocalDate day) {
        return DAY.format(day);
    }

    static String dateTime(Instant instant) {
        return DATE_TIME.format(instant);
    }

    /** 8,2 as every page writes it ({@link Scores}), or a dash without a score. */
    static String score(BigDecimal score) {
        return score == null ? "–" : Scores.score(score);
    }

    /** "7,5 sur 10 – Insuffisant", or a dash without answers. Staff see the score even under 100 answers. */
    static String satisfaction(Indicators group) {
        if (group.answers() == 0) return "–";
        return score(group.satisfaction().score()) + " sur 10 – " + group.satisfaction().level().label();
    }
}
