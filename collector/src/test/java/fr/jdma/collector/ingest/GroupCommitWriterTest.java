package fr.jdma.collector.ingest;

import fr.jdma.collector.ingest.GroupCommitWriter.Outcome;
import fr.jdma.collector.support.ARating;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GroupCommitWriterTest {

    @Test
    void a_full_queue_refuses_at_once_instead_of_dropping() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        GroupCommitWriter writer = new GroupCommitWriter(batch -> {
            await(release);
            return created(batch.size());
        }, 2);
        List<CompletableFuture<Outcome>> futures = new ArrayList<>();
        for (int i = 0; i < 10; i++) futures.add(writer.submit(rating(UUID.randomUUID().toString())));

        long refused = futures.stream().filter(CompletableFuture::isCompletedExceptionally).count();
        release.countDown();
        writer.close();

        assertThat(refused).isGreaterThanOrEqualTo(6);  // at most one batch of 2 taken plus 2 queued
        assertThatThrownBy(() -> futures.get(9).get()).hasCauseInstanceOf(GroupCommitWriter.UnavailableException.class);
        assertThat(futures.get(0).get()).isEqualTo(Outcome.CREATED);
    }

    @Test
    void replays_of_one_id_in_a_batch_are_written_once() throws Exception {
        List<List<Rating>> batches = Collections.synchronizedList(new ArrayList<>());
        CountDownLatch release = new CountDownLatch(1);
        GroupCommitWriter writer = new GroupCommitWriter(batch -> {
            await(release);
            batches.add(batch);
            return created(batch.size());
        }, 100);
        writer.submit(rating(UUID.randomUUID().toString()));  // holds the writer while the replays queue up
        String id = UUID.randomUUID().toString();
        var first = writer.submit(rating(id));
        var second = writer.submit(rating(id));
        release.countDown();

        assertThat(first.get(5, TimeUnit.SECONDS)).isEqualTo(Outcome.CREATED);
        assertThat(second.get(5, TimeUnit.SECONDS)).isEqualTo(Outcome.REPLAYED);
        writer.close();
        assertThat(batches.stream().flatMap(List::stream).filter(r -> r.id().equals(id)).count()).isEqualTo(1);
    }

    @Test
    void a_completion_queued_behind_its_first_answer_goes_to_the_store_in_a_next_round() throws Exception {
        List<List<Rating>> batches = Collections.synchronizedList(new ArrayList<>());
        CountDownLatch release = new CountDownLatch(1);
        Set<String> stored = Collections.synchronizedSet(new HashSet<>());
        GroupCommitWriter writer = new GroupCommitWriter(batch -> {
            await(release);
            batches.add(batch);
            return batch.stream().map(r -> stored.add(r.id()) ? Outcome.CREATED : Outcome.COMPLETED).toArray(Outcome[]::new);
        }, 100);
        writer.submit(rating(UUID.randomUUID().toString()));  // holds the writer while both steps queue up
        String id = UUID.randomUUID().toString();
        var first = writer.submit(rating(id));
        Rating withClarity = rating(id);
        var completion = writer.submit(new Rating(id, withClarity.receivedAt(), "caf", "", "", Rating.Satisfaction.GOOD, 4,
                List.of(), null, null, null, Set.of(), null, null));
        release.countDown();

        assertThat(first.get(5, TimeUnit.SECONDS)).isEqualTo(Outcome.CREATED);
        assertThat(completion.get(5, TimeUnit.SECONDS)).isEqualTo(Outcome.COMPLETED);
        writer.close();
        assertThat(batches.stream().flatMap(List::stream).filter(r -> r.id().equals(id)).count()).isEqualTo(2);
    }

    @Test
    void a_rating_the_store_rejects_does_not_fail_its_neighbours() throws Exception {
        String poison = UUID.randomUUID().toString();
        CountDownLatch release = new CountDownLatch(1);
        GroupCommitWriter writer = new GroupCommitWriter(batch -> {
            await(release);
            if (batch.stream().anyMatch(r -> r.id().equals(poison))) throw new IllegalStateException("constraint");
            return created(batch.size());
        }, 100);
        writer.submit(rating(UUID.randomUUID().toString()));
        var good = writer.submit(rating(UUID.randomUUID().toString()));
        var bad = writer.submit(rating(poison));
        release.countDown();

        assertThat(good.get(5, TimeUnit.SECONDS)).isEqualTo(Outcome.CREATED);
        assertThatThrownBy(() -> bad.get(5, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class);
        writer.close();
    }

    @Test
    void closing_writes_everything_already_accepted_then_refuses() throws Exception {
        Set<String> written = Collections.synchronizedSet(new HashSet<>());
        GroupCommitWriter writer = new GroupCommitWriter(batch -> {
            batch.forEach(r -> written.add(r.id()));
            return created(batch.size());
        }, 10_000);
        List<CompletableFuture<Outcome>> futures = new ArrayList<>();
        for (int i = 0; i < 5000; i++) futures.add(writer.submit(rating(UUID.randomUUID().toString())));

        writer.close();

        for (var f : futures) assertThat(f.get()).isEqualTo(Outcome.CREATED);
        assertThat(written).hasSize(5000);
        assertThat(writer.submit(rating(UUID.randomUUID().toString()))).isCompletedExceptionally();
    }

    @Test
    void the_answers_of_a_batch_reach_the_http_threads_in_one_task_per_core() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2, r -> new Thread(r, "http"));
        AtomicInteger tasks = new AtomicInteger();
        GroupCommitWriter writer = new GroupCommitWriter(batch -> {
            await(release);
            return created(batch.size());
        }, 1000, task -> {
            tasks.incrementAndGet();
            pool.execute(task);
        });
        List<CompletableFuture<Outcome>> futures = new ArrayList<>();
        futures.add(writer.submit(rating(UUID.randomUUID().toString())));  // holds the writer while 300 more queue up
        for (int i = 0; i < 300; i++) futures.add(writer.submit(rating(UUID.randomUUID().toString())));
        release.countDown();

        for (var f : futures) assertThat(f.get(5, TimeUnit.SECONDS)).isEqualTo(Outcome.CREATED);
        writer.close();
        pool.shutdown();
        int cores = Runtime.getRuntime().availableProcessors();
        assertThat(tasks.get()).isBetween(2, 2 * cores);  // two batches (the first rating, then the 300), not 301 tasks
    }

    @Test
    void a_rating_committed_before_its_batch_fails_later_is_still_acknowledged() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        Set<String> stored = Collections.synchronizedSet(new HashSet<>());
        ScheduledExecutorService late = Executors.newSingleThreadScheduledExecutor();
        GroupCommitWriter writer = new GroupCommitWriter(batch -> {
            await(release);
            for (Rating r : batch) if (!stored.add(r.id())) throw new IllegalStateException("the completion cannot be stored");
            return created(batch.size());
        }, 100, task -> late.schedule(task, 200, TimeUnit.MILLISECONDS));  // answers are handed over after the failure
        writer.submit(rating(UUID.randomUUID().toString()));  // holds the writer while both steps queue up
        String id = UUID.randomUUID().toString();
        var first = writer.submit(rating(id));
        var completion = writer.submit(new Rating(id, Instant.now(), "caf", "", "", Rating.Satisfaction.GOOD, 4,
                List.of(), null, null, null, Set.of(), null, null));
        release.countDown();

        assertThat(first.get(5, TimeUnit.SECONDS)).isEqualTo(Outcome.CREATED);  // committed in the first round: a 201, not a 503
        assertThatThrownBy(() -> completion.get(5, TimeUnit.SECONDS)).hasCauseInstanceOf(GroupCommitWriter.UnavailableException.class);
        writer.close();
        late.shutdown();
    }

    static Rating rating(String id) {
        return ARating.aRating().with("id", id).at(Instant.now());
    }

    private static Outcome[] created(int n) {
        Outcome[] all = new Outcome[n];
        java.util.Arrays.fill(all, Outcome.CREATED);
        return all;
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
