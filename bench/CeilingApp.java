import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;

import java.util.Map;

/**
 * The HTTP ceiling for bench/run.sh: a minimal Javalin app that reads and parses the same JSON
 * body as POST /api/v1/ratings and answers 201 {"id"} without storing anything.
 * Run with the collector's jar on the class path and the same JVM flags as the collector:
 * java -cp collector/target/jdma-collector.jar bench/CeilingApp.java PORT
 */
public class CeilingApp {
    public static void main(String[] args) {
        ObjectMapper json = new ObjectMapper();
        Javalin.create(c -> {
            c.startup.showJavalinBanner = false;
            c.jetty.port = Integer.parseInt(args[0]);
            c.routes.post("/api/v1/ratings", ctx -> {
                JsonNode body = json.readTree(ctx.bodyAsBytes());
                if (body == null || !body.hasNonNull("satisfaction")) {
                    ctx.status(400);
                    return;
                }
                ctx.status(201).contentType("application/json")
                        .result(json.writeValueAsBytes(Map.of("id", body.path("id").asText())));
            });
            c.routes.get("/health", ctx -> ctx.result("up"));
        }).start();
    }
}
