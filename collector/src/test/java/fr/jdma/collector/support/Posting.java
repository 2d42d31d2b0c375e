package fr.jdma.collector.support;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Posts ratings through HTTP at chosen instants (the server stamps received_at from its clock). */
public final class Posting {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final TestCollector collector;
    private final TestClock clock;

    public Posting(TestCollector collector, TestClock clock) {
        this.collector = collector;
        this.clock = clock;
    }

    /** A rating of service "caf", satisfied, with a fresh id, received at {@code at}; {@code fields} override or add. */
    public String post(String at, Map<String, Object> fields) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", UUID.randomUUID().toString());
        body.put("service", "caf");
        body.put("satisfaction", "good");
        body.putAll(fields);
        clock.set(at);
        try {
            var response = collector.postRating(JSON.writeValueAsString(body));
            assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
        return (String) body.get("id");
    }
}
