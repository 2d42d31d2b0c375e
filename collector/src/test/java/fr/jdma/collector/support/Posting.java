package fr.jdma.collector.support;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Posts ratings through HTTP at chosen instants (the server stamps received_at from its clock). */
public final class Posting {

    private final TestCollector collector;
    private final TestClock clock;

    public Posting(TestCollector collector, TestClock clock) {
        this.collector = collector;
        this.clock = clock;
    }

    /** A rating of service "caf", satisfied, with a fresh id, received at {@code at}; {@code fields} override or add. */
    public String post(String at, Map<String, Object> fields) {
        ARating rating = ARating.aRating().with(fields);
        clock.set(at);
        var response = collector.postRating(rating.json());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return rating.id();
    }
}
