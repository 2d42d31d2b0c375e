package fr.jdma.collector.moderation;

import fr.jdma.collector.ingest.Flag;
import fr.jdma.collector.storage.Database;
import fr.jdma.collector.storage.Schema.ModerationAudit;
import fr.jdma.collector.storage.Schema.Ratings;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.TreeSet;
import java.util.UUID;

/**
 * The comments of a service as moderators see them: listed with filters, newest first, marked
 * reviewed, or redacted (the text erased for good, the answers and so the indicators kept).
 * Every action is written to the audit in the same transaction as the change it records.
 */
public final class Moderation {

    /** What a redacted comment reads as, everywhere (moderation list, exports). */
    public static final String REDACTED_TEXT = "[supprimé]";

    public enum Action {
        REVIEWED, REDACT;

        public String wire() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** Which comments of one service to list: any of the flags (none: all); null filters select everything. Pages start at 1. */
    public record Filter(String service, List<String> flags, Boolean reviewed, String keyword, int page, int limit) {
    }

    public record Comment(String id, String receivedAt, String service, String location, String source,
                          String satisfaction, String comment, List<String> flags, boolean reviewed, String reviewedAt) {
    }

    public record CommentPage(String service, int page, int limit, long total, List<Comment> comments) {
    }

    public record AuditEntry(String at, String actor, String action, String ratingId, String service) {
    }

    public record AuditPage(String service, int page, int limit, List<AuditEntry> entries) {
    }

    /** A redaction asked of a rating that has no comment: there is nothing to erase. */
    public static final class NoCommentException extends RuntimeException {
        public NoCommentException(String ratingId) {
            super("rating " + ratingId + " has no comment to moderate");
        }
    }

    private final Database database;
    private final Clock clock;

    public Moderation(Database database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    public CommentPage list(Filter filter) {
        List<Condition> where = new ArrayList<>();
        where.add(Ratings.SERVICE.eq(filter.service()));
        where.add(Ratings.COMMENT.isNotNull());
        if (!filter.flags().isEmpty()) where.add(Ratings.hasAnyFlag(filter.flags()));
        if (filter.reviewed() != null) where.add(filter.reviewed() ? Ratings.REVIEWED_AT.isNotNull() : Ratings.REVIEWED_AT.isNull());
        if (filter.keyword() != null) where.add(Ratings.COMMENT.containsIgnoreCase(filter.keyword()));
        DSLContext dsl = database.dsl();
        long total = dsl.fetchCount(Ratings.TABLE, where);
        List<Comment> comments = dsl.select(Ratings.ID, Ratings.RECEIVED_AT, Ratings.SERVICE, Ratings.LOCATION,
                        Ratings.SOURCE, Ratings.SATISFACTION, Ratings.COMMENT, Ratings.FLAGS, Ratings.REVIEWED_AT)
                .from(Ratings.TABLE)
                .where(where)
                .orderBy(Ratings.RECEIVED_AT.desc(), Ratings.ID.desc())
                .limit(filter.limit())
                .offset((long) (filter.page() - 1) * filter.limit())
                .fetch(Moderation::comment);
        return new CommentPage(filter.service(), filter.page(), filter.limit(), total, comments);
    }

    /** The service a rating belongs to, to check who may moderate it; empty when no rating has that id. */
    public Optional<String> serviceOf(String ratingId) {
        return database.dsl().select(Ratings.SERVICE).from(Ratings.TABLE).where(Ratings.ID.eq(ratingId))
                .fetchOptional(Ratings.SERVICE);
    }

    /**
     * Applies the action as {@code actor} and audits it, in one transaction; empty when no rating
     * has that id. Redacting also marks the comment reviewed; doing either twice changes nothing
     * more but is audited again (someone did ask).
     */
    public Optional<Comment> apply(String ratingId, Action action, String actor) {
        return database.dsl().transactionResult(configuration -> {
            DSLContext tx = configuration.dsl();
            Record current = tx.select(Ratings.COMMENT, Ratings.FLAGS, Ratings.SERVICE, Ratings.REVIEWED_AT)
                    .from(Ratings.TABLE).where(Ratings.ID.eq(ratingId)).fetchOne();
            if (current == null) return Optional.<Comment>empty();
            if (current.get(Ratings.COMMENT) == null) throw new NoCommentException(ratingId);
            long now = clock.millis();
            var update = tx.update(Ratings.TABLE)
                    .set(Ratings.REVIEWED_AT, current.get(Ratings.REVIEWED_AT) == null ? now : current.get(Ratings.REVIEWED_AT));
            if (action == Action.REDACT) {
                TreeSet<String> flags = new TreeSet<>(split(current.get(Ratings.FLAGS)));
                flags.add(Flag.REDACTED.wire());
                update = update.set(Ratings.COMMENT, REDACTED_TEXT).set(Ratings.FLAGS, String.join("|", flags));
            }
            update.where(Ratings.ID.eq(ratingId)).execute();
            tx.insertInto(ModerationAudit.TABLE)
                    .set(ModerationAudit.ID, UUID.randomUUID().toString())
                    .set(ModerationAudit.AT, now)
                    .set(ModerationAudit.ACTOR, actor)
                    .set(ModerationAudit.ACTION, action.wire())
                    .set(ModerationAudit.RATING_ID, ratingId)
                    .set(ModerationAudit.SERVICE, current.get(Ratings.SERVICE))
                    .execute();
            return Optional.of(tx.select(Ratings.ID, Ratings.RECEIVED_AT, Ratings.SERVICE, Ratings.LOCATION,
                            Ratings.SOURCE, Ratings.SATISFACTION, Ratings.COMMENT, Ratings.FLAGS, Ratings.REVIEWED_AT)
                    .from(Ratings.TABLE).where(Ratings.ID.eq(ratingId)).fetchOne(Moderation::comment));
        });
    }

    /** The audit trail, newest first; {@code service} null means every service. */
    public AuditPage audit(String service, int page, int limit) {
        List<AuditEntry> entries = database.dsl().select(ModerationAudit.AT, ModerationAudit.ACTOR, ModerationAudit.ACTION,
                        ModerationAudit.RATING_ID, ModerationAudit.SERVICE)
                .from(ModerationAudit.TABLE)
                .where(service == null ? org.jooq.impl.DSL.noCondition() : ModerationAudit.SERVICE.eq(service))
                .orderBy(ModerationAudit.AT.desc(), ModerationAudit.ID.desc())
                .limit(limit)
                .offset((long) (page - 1) * limit)
                .fetch(r -> new AuditEntry(Instant.ofEpochMilli(r.get(ModerationAudit.AT)).toString(),
                        r.get(ModerationAudit.ACTOR), r.get(ModerationAudit.ACTION), r.get(ModerationAudit.RATING_ID),
                        r.get(ModerationAudit.SERVICE)));
        return new AuditPage(service, page, limit, entries);
    }

    private static Comment comment(Record r) {
        Long reviewedAt = r.get(Ratings.REVIEWED_AT);
        return new Comment(r.get(Ratings.ID), Instant.ofEpochMilli(r.get(Ratings.RECEIVED_AT)).toString(),
                r.get(Ratings.SERVICE), r.get(Ratings.LOCATION), r.get(Ratings.SOURCE), r.get(Ratings.SATISFACTION),
                r.get(Ratings.COMMENT), split(r.get(Ratings.FLAGS)), reviewedAt != null,
                reviewedAt == null ? null : Instant.ofEpochMilli(reviewedAt).toString());
    }

    private static List<String> split(String joined) {
        return joined == null || joined.isEmpty() ? List.of() : Arrays.asList(joined.split("\\|"));
    }
}
