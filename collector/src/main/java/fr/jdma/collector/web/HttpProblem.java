package fr.jdma.collector.web;

import fr.jdma.collector.input.FieldError;

import java.util.List;
import java.util.Map;

/**
 * An error answer of the HTTP layer, sent as RFC 9457 problem+json by {@link Problems}.
 * Thrown by handlers; the domain below never sees status codes.
 */
public final class HttpProblem extends RuntimeException {

    private final int status;
    private final String title;
    private final List<FieldError> errors;
    private final Map<String, String> headers;

    public HttpProblem(int status, String title, String detail, List<FieldError> errors, Map<String, String> headers) {
        super(detail);
        this.status = status;
        this.title = title;
        this.errors = List.copyOf(errors);
        this.headers = Map.copyOf(headers);
    }

    public HttpProblem(int status, String title, String detail) {
        this(status, title, detail, List.of(), Map.of());
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    public String detail() {
        return getMessage();
    }

    public List<FieldError> errors() {
        return errors;
    }

    public Map<String, String> headers() {
        return headers;
    }

    public static HttpProblem unauthorized(String detail) {
        return new HttpProblem(401, "Unauthorized", detail, List.of(), Map.of("WWW-Authenticate", "Bearer"));
    }

    public static HttpProblem forbidden(String detail) {
        return new HttpProblem(403, "Forbidden", detail);
    }

    public static HttpProblem notFound(String detail) {
        return new HttpProblem(404, "Not Found", detail);
    }

    public static HttpProblem retryLater(int status, String title, String detail, long seconds) {
        return new HttpProblem(status, title, detail, List.of(), Map.of("Retry-After", Long.toString(seconds)));
    }
}
