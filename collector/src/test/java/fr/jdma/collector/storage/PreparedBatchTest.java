package fr.jdma.collector.storage;

import fr.jdma.collector.ingest.RatingStore;
import fr.jdma.collector.storage.Schema.Ratings;
import fr.jdma.collector.storage.Schema.RollupVersions;
import fr.jdma.collector.support.TestDatabases;
import org.jooq.Record;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The statements jOOQ writes once and plain JDBC binds, on the three databases. */
class PreparedBatchTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"h2", "sqlite", "postgres"})
    void every_column_is_bound_with_its_type_nulls_included_and_a_known_id_is_left_alone(String kind) {
        try (Database database = Database.open(TestDatabases.of(kind, dir), "", "")) {
            PreparedBatch insert = PreparedBatch.of(database.dsl(), RatingStore.COLUMNS,
                    values -> DSL.insertInto(Ratings.TABLE, RatingStore.COLUMNS).values(values).onConflict(Ratings.ID).doNothing());
            Object[] full = {"0193a6f0-0000-7000-8000-000000000001", 1_764_000_000_123L, "caf", "94028", "button", "good",
                    (short) 4, "phone|email", true, (short) 3, "Très bien 😀 <script>", "capitals", "https://caf.fr/fin", "fr"};
            Object[] bare = {"0193a6f0-0000-7000-8000-000000000002", 1_764_000_000_456L, "caf", "", "form", "bad",
                    null, null, null, null, null, null, null, "en"};
            Object[] again = full.clone();
            again[5] = "bad";

            int[] counts = database.dsl().transactionResult(c -> insert.execute(c.dsl(), List.of(full, bare, again)));

            assertThat(counts).containsExactly(1, 1, 0);
            List<Record> rows = database.dsl().select(RatingStore.COLUMNS).from(Ratings.TABLE).orderBy(Ratings.ID).fetch();
            assertThat(rows).hasSize(2);
            assertThat(rows.get(0).intoArray()).containsExactly(full);
            assertThat(rows.get(1).intoArray()).containsExactly(bare);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "sqlite", "postgres"})
    void a_value_the_statement_uses_twice_is_bound_at_both_places(String kind) {
        try (Database database = Database.open(TestDatabases.of(kind, dir), "", "")) {
            // the version column's parameter is both the inserted value and the value an existing row is set to
            PreparedBatch upsert = PreparedBatch.of(database.dsl(), List.of(RollupVersions.SERVICE, RollupVersions.VERSION),
                    values -> DSL.insertInto(RollupVersions.TABLE, RollupVersions.SERVICE, RollupVersions.VERSION).values(values)
                            .onConflict(RollupVersions.SERVICE).doUpdate()
                            .set(RollupVersions.VERSION, RollupVersions.VERSION.plus(values.get(1).coerce(Long.class))));

            database.dsl().transaction(c -> upsert.execute(c.dsl(), List.of(new Object[] {"caf", 5L}, new Object[] {"msa", 1L})));
            database.dsl().transaction(c -> upsert.execute(c.dsl(), List.<Object[]>of(new Object[] {"caf", 3L})));

            assertThat(database.dsl().selectFrom(RollupVersions.TABLE).orderBy(RollupVersions.SERVICE)
                    .fetch(r -> r.get(RollupVersions.SERVICE) + "=" + r.get(RollupVersions.VERSION))).containsExactly("caf=8", "msa=1");
        }
    }

    @Test
    void a_statement_that_binds_a_value_of_its_own_or_leaves_a_column_out_is_refused_when_made() {
        try (Database database = Database.open(TestDatabases.h2(dir), "", "")) {
            assertThatThrownBy(() -> PreparedBatch.of(database.dsl(), List.of(RollupVersions.SERVICE, RollupVersions.VERSION),
                    values -> DSL.insertInto(RollupVersions.TABLE, RollupVersions.SERVICE, RollupVersions.VERSION)
                            .values(values.get(0).coerce(String.class), DSL.val(1L))))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("does not bind exactly its columns");
        }
    }

    @Test
    void a_row_with_too_few_values_is_refused_before_anything_is_written() {
        try (Database database = Database.open(TestDatabases.h2(dir), "", "")) {
            PreparedBatch upsert = PreparedBatch.of(database.dsl(), List.of(RollupVersions.SERVICE, RollupVersions.VERSION),
                    values -> DSL.insertInto(RollupVersions.TABLE, RollupVersions.SERVICE, RollupVersions.VERSION).values(values));
            assertThatThrownBy(() -> database.dsl().transaction(c ->
                    upsert.execute(c.dsl(), List.of(new Object[] {"caf", 1L}, new Object[] {"msa"}))))
                    .hasMessageContaining("1 values for 2 columns");
            assertThat(database.dsl().fetchCount(RollupVersions.TABLE)).isZero();
        }
    }
}
