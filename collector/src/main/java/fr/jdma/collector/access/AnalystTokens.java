package fr.jdma.collector.access;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import fr.jdma.collector.storage.Database;
import fr.jdma.collector.storage.Schema.ApiTokens;
import org.jooq.Record;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Analyst tokens, stored as SHA-256 hashes. Lookups are cached briefly because every export
 * and stats request makes one; a revocation on this instance empties the cache at once, other
 * instances sharing a PostgreSQL database see it within the expiry.
 */
public final class AnalystTokens {

    static final Duration CACHE_EXPIRY = Duration.ofSeconds(30);

    private final Database database;
    private final Clock clock;
    private final Cache<String, Optional<Analyst>> byHash = Caffeine.newBuilder()
            .maximumSize(10_000)
            .expireAfterWrite(CACHE_EXPIRY)
            .build();

    public AnalystTokens(Database database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    public AnalystToken.Created create(AnalystToken.Request request) {
        String id = UUID.randomUUID().toString();
        String token = Tokens.newToken("jdma_");
        database.dsl().insertInto(ApiTokens.TABLE)
                .set(ApiTokens.ID, id)
                .set(ApiTokens.NAME, request.name())
                .set(ApiTokens.TOKEN_HASH, Tokens.hash(token))
                .set(ApiTokens.SERVICES, String.join(" ", request.services()))
                .set(ApiTokens.ROLE, request.role().code())
                .set(ApiTokens.CREATED_AT, clock.millis())
                .execute();
        return new AnalystToken.Created(id, request.name(), request.role(), request.services(), token);
    }

    public List<AnalystToken> list() {
        return database.dsl().select(ApiTokens.ID, ApiTokens.NAME, ApiTokens.ROLE, ApiTokens.SERVICES, ApiTokens.CREATED_AT, ApiTokens.REVOKED_AT)
                .from(ApiTokens.TABLE)
                .orderBy(ApiTokens.CREATED_AT, ApiTokens.ID)
                .fetch(r -> new AnalystToken(r.get(ApiTokens.ID), r.get(ApiTokens.NAME), role(r),
                        words(r.get(ApiTokens.SERVICES)), iso(r.get(ApiTokens.CREATED_AT)), iso(r.get(ApiTokens.REVOKED_AT))));
    }

    /** Revokes the token; false when no token has that id. Revoking twice keeps the first date. */
    public boolean revoke(String id) {
        int known = database.dsl().fetchCount(ApiTokens.TABLE, ApiTokens.ID.eq(id));
        database.dsl().update(ApiTokens.TABLE)
                .set(ApiTokens.REVOKED_AT, clock.millis())
                .where(ApiTokens.ID.eq(id).and(ApiTokens.REVOKED_AT.isNull()))
                .execute();
        // The cache is keyed by hash, which we do not keep in memory: emptying it is simplest and always right.
        byHash.invalidateAll();
        return known > 0;
    }

    /** The analyst holding this token, unless it is unknown or revoked. */
    public Optional<Analyst> find(String token) {
        return byHash.get(Tokens.hash(token), hash -> load(ApiTokens.TOKEN_HASH.eq(hash)));
    }

    /** The id of this token, unless it is unknown or revoked: what a back-office session remembers. */
    public Optional<String> idOf(String token) {
        return database.dsl().select(ApiTokens.ID).from(ApiTokens.TABLE)
                .where(ApiTokens.TOKEN_HASH.eq(Tokens.hash(token)).and(ApiTokens.REVOKED_AT.isNull()))
                .fetchOptional(ApiTokens.ID);
    }

    /** The analyst of the token with this id, unless it is unknown or revoked (read afresh: revocation ends sessions at once). */
    public Optional<Analyst> byId(String id) {
        return load(ApiTokens.ID.eq(id));
    }

    private Optional<Analyst> load(org.jooq.Condition which) {
        return database.dsl().select(ApiTokens.NAME, ApiTokens.SERVICES, ApiTokens.ROLE)
                .from(ApiTokens.TABLE)
                .where(which.and(ApiTokens.REVOKED_AT.isNull()))
                .fetchOptional(AnalystTokens::toAnalyst);
    }

    private static Analyst toAnalyst(Record r) {
        return new Analyst(r.get(ApiTokens.NAME), new LinkedHashSet<>(words(r.get(ApiTokens.SERVICES))), role(r));
    }

    private static Role role(Record r) {
        return Role.ofToken(r.get(ApiTokens.ROLE)).orElse(Role.ANALYST);
    }

    private static List<String> words(String joined) {
        return joined == null || joined.isBlank() ? List.of() : Arrays.asList(joined.trim().split(" +"));
    }

    private static String iso(Long millis) {
        return millis == null ? null : Instant.ofEpochMilli(millis).toString();
    }
}
