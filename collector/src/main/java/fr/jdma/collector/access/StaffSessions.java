package fr.jdma.collector.access;

import fr.jdma.collector.storage.Database;
import fr.jdma.collector.storage.Schema;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * Back-office sessions, kept in the database so every collector sharing it knows them. The
 * session id is the value of the staff's cookie; only its SHA-256 is stored. A session ends on
 * sign-out, after {@link #IDLE} without a request, after {@link #ABSOLUTE} in any case, when its
 * token is revoked, and (for the administrator) when JDMA_ADMIN_TOKEN changes.
 */
public final class StaffSessions {

    public static final Duration IDLE = Duration.ofMinutes(30);
    public static final Duration ABSOLUTE = Duration.ofHours(12);
    /** last_seen_at is written at most this often: viewing a page is not a database write each time. */
    static final Duration TOUCH_EVERY = Duration.ofMinutes(1);

    private static final String ADMIN = "admin:";
    private static final String TOKEN = "token:";

    private final Database database;
    private final Clock clock;
    private final AdminAccess admin;
    private final AnalystTokens tokens;

    public StaffSessions(Database database, Clock clock, AdminAccess admin, AnalystTokens tokens) {
        this.database = database;
        this.clock = clock;
        this.admin = admin;
        this.tokens = tokens;
    }

    /** A new session for the holder of this token (admin, owner or analyst): its id, or empty for an unknown or revoked token. */
    public Optional<String> signIn(String token) {
        if (token == null || token.isBlank()) return Optional.empty();
        String typed = token.strip();
        Optional<String> subject = admin.isAdminToken(typed)
                ? Optional.of(ADMIN + admin.fingerprint())
                : tokens.idOf(typed).map(id -> TOKEN + id);
        if (subject.isEmpty()) return Optional.empty();
        long now = clock.millis();
        purgeExpired(now);
        String id = Tokens.newToken("");
        database.dsl().insertInto(Schema.StaffSessions.TABLE)
                .set(Schema.StaffSessions.ID_HASH, Tokens.hash(id))
                .set(Schema.StaffSessions.SUBJECT, subject.get())
                .set(Schema.StaffSessions.CREATED_AT, now)
                .set(Schema.StaffSessions.LAST_SEEN_AT, now)
                .execute();
        return Optional.of(id);
    }

    /** Who holds this live session; an expired one is deleted. */
    public Optional<Analyst> find(String sessionId) {
        if (sessionId == null || sessionId.isBlank() || sessionId.length() > 100) return Optional.empty();
        String hash = Tokens.hash(sessionId);
        var row = database.dsl().select(Schema.StaffSessions.SUBJECT, Schema.StaffSessions.CREATED_AT, Schema.StaffSessions.LAST_SEEN_AT)
                .from(Schema.StaffSessions.TABLE).where(Schema.StaffSessions.ID_HASH.eq(hash)).fetchOne();
        if (row == null) return Optional.empty();
        long now = clock.millis();
        long lastSeen = row.get(Schema.StaffSessions.LAST_SEEN_AT);
        if (now - lastSeen >= IDLE.toMillis() || now - row.get(Schema.StaffSessions.CREATED_AT) >= ABSOLUTE.toMillis()) {
            delete(hash);
            return Optional.empty();
        }
        Optional<Analyst> who = holder(row.get(Schema.StaffSessions.SUBJECT));
        if (who.isEmpty()) {
            delete(hash);
            return who;
        }
        if (now - lastSeen >= TOUCH_EVERY.toMillis()) {
            database.dsl().update(Schema.StaffSessions.TABLE).set(Schema.StaffSessions.LAST_SEEN_AT, now)
                    .where(Schema.StaffSessions.ID_HASH.eq(hash)).execute();
        }
        return who;
    }

    public void signOut(String sessionId) {
        if (sessionId != null && !sessionId.isBlank()) delete(Tokens.hash(sessionId));
    }

    private Optional<Analyst> holder(String subject) {
        if (subject.startsWith(ADMIN)) {
            return subject.equals(ADMIN + admin.fingerprint()) ? Optional.of(Analyst.administrator()) : Optional.empty();
        }
        return subject.startsWith(TOKEN) ? tokens.byId(subject.substring(TOKEN.length())) : Optional.empty();
    }

    private void delete(String hash) {
        database.dsl().deleteFrom(Schema.StaffSessions.TABLE).where(Schema.StaffSessions.ID_HASH.eq(hash)).execute();
    }

    private void purgeExpired(long now) {
        database.dsl().deleteFrom(Schema.StaffSessions.TABLE)
                .where(Schema.StaffSessions.LAST_SEEN_AT.le(now - IDLE.toMillis())
                        .or(Schema.StaffSessions.CREATED_AT.le(now - ABSOLUTE.toMillis())))
                .execute();
    }
}
