package fr.jdma.collector.catalogue;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import fr.jdma.collector.storage.Database;
import fr.jdma.collector.storage.Schema.LocationNames;
import fr.jdma.collector.storage.Schema.Services;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;

import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.List;
import java.util.Optional;

/**
 * The services that may collect ratings. Reads on the rating path come from a Caffeine cache:
 * an update on this instance invalidates its entry at once; other instances sharing a
 * PostgreSQL database see it within the cache's short expiry.
 */
public final class ServiceCatalogue {

    /** Creating a service whose id is taken. */
    public static final class DuplicateServiceException extends RuntimeException {
        public DuplicateServiceException(String id) {
            super("a service with id '" + id + "' already exists");
        }
    }

    /** No service with that id. */
    public static final class UnknownServiceException extends RuntimeException {
        public UnknownServiceException(String id) {
            super("no service with id '" + id + "'");
        }
    }

    private final Database database;
    private final Clock clock;
    private final LoadingCache<String, Optional<Service>> cache;

    public ServiceCatalogue(Database database, Clock clock) {
        this.database = database;
        this.clock = clock;
        this.cache = Caffeine.newBuilder()
                .maximumSize(10_000)
                .expireAfterWrite(Duration.ofSeconds(30))
                .build(this::load);
    }

    public Optional<Service> find(String id) {
        return cache.get(id);
    }

    /** Every service's id: for a listing that needs nothing else (the stats API), without the location names. */
    public List<String> ids() {
        return database.dsl().select(Services.ID).from(Services.TABLE).fetch(Services.ID);
    }

    public List<Service> list() {
        DSLContext dsl = database.dsl();
        Map<String, Map<String, String>> names = new HashMap<>();
        dsl.selectFrom(LocationNames.TABLE).forEach(r -> names
                .computeIfAbsent(r.get(LocationNames.SERVICE), k -> new HashMap<>())
                .put(r.get(LocationNames.LOCATION), r.get(LocationNames.NAME)));
        return dsl.selectFrom(Services.TABLE).orderBy(Services.ID)
                .fetch(r -> toService(r, names.getOrDefault(r.get(Services.ID), Map.of())));
    }

    public Service create(Service service) {
        long now = clock.millis();
        database.dsl().transaction(tx -> {
            int inserted = tx.dsl().insertInto(Services.TABLE)
                    .set(Services.ID, service.id())
                    .set(editable(service))
                    .set(Services.CREATED_AT, now)
                    .set(Services.UPDATED_AT, now)
                    .onConflict(Services.ID).doNothing()
                    .execute();
            if (inserted == 0) throw new DuplicateServiceException(service.id());
            writeLocationNames(tx.dsl(), service);
        });
        cache.invalidate(service.id());
        return service;
    }

    public Service update(Service service) {
        try {
            database.dsl().transaction(tx -> {
                int updated = tx.dsl().update(Services.TABLE)
                        .set(editable(service))
                        .set(Services.UPDATED_AT, clock.millis())
                        .where(Services.ID.eq(service.id()))
                        .execute();
                if (updated == 0) throw new UnknownServiceException(service.id());
                writeLocationNames(tx.dsl(), service);
            });
        } finally {
            cache.invalidate(service.id());
        }
        return service;
    }

    /** Replaces the service's location names with its current ones, inside the caller's transaction. */
    private static void writeLocationNames(DSLContext tx, Service service) {
        tx.deleteFrom(LocationNames.TABLE).where(LocationNames.SERVICE.eq(service.id())).execute();
        if (service.locationNames().isEmpty()) return;
        var insert = tx.insertInto(LocationNames.TABLE, LocationNames.SERVICE, LocationNames.LOCATION, LocationNames.NAME);
        service.locationNames().forEach((code, name) -> insert.values(service.id(), code, name));
        insert.execute();
    }

    /** The columns an administrator sets, on creation and on update alike. */
    private static Map<Field<?>, Object> editable(Service service) {
        Map<Field<?>, Object> values = new LinkedHashMap<>();
        values.put(Services.NAME, service.name());
        values.put(Services.ORGANISATION, service.organisation());
        values.put(Services.ALLOWED_ORIGINS, String.join(" ", service.allowedOrigins()));
        values.put(Services.PUBLIC_RESULTS, service.isPublic());
        values.put(Services.HIDDEN_QUESTIONS, String.join(" ", service.hiddenQuestions()));
        values.put(Services.ENABLED, service.enabled());
        return values;
    }

    private Optional<Service> load(String id) {
        DSLContext dsl = database.dsl();
        return dsl.selectFrom(Services.TABLE).where(Services.ID.eq(id))
                .fetchOptional(r -> toService(r, dsl.select(LocationNames.LOCATION, LocationNames.NAME)
                        .from(LocationNames.TABLE).where(LocationNames.SERVICE.eq(id))
                        .fetchMap(LocationNames.LOCATION, LocationNames.NAME)));
    }

    private static Service toService(Record r, Map<String, String> locationNames) {
        return new Service(r.get(Services.ID), r.get(Services.NAME), r.get(Services.ORGANISATION),
                words(r.get(Services.ALLOWED_ORIGINS)), r.get(Services.PUBLIC_RESULTS),
                words(r.get(Services.HIDDEN_QUESTIONS)), r.get(Services.ENABLED), locationNames);
    }

    private static List<String> words(String joined) {
        return joined == null || joined.isBlank() ? List.of() : Arrays.asList(joined.trim().split(" +"));
    }
}
