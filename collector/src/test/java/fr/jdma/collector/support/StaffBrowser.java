package fr.jdma.collector.support;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A person using the back office through HTTP, as a browser would: keeps the jdma_session
 * cookie it is given, sends it back under /admin, and posts forms with the anti-forgery token
 * of the last page it read. Never follows redirects, so tests see each 303.
 */
public final class StaffBrowser {

    private static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");

    private final TestCollector collector;
    private String cookie;
    private String csrf;

    public StaffBrowser(TestCollector collector) {
        this.collector = collector;
    }

    /** Opens the sign-in page and signs in with this token; asserts the 303 to the services. */
    public StaffBrowser signIn(String token) {
        HttpResponse<String> response = trySignIn(token);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(303);
        assertThat(response.headers().firstValue("Location")).hasValue("/admin/services");
        return this;
    }

    public HttpResponse<String> trySignIn(String token) {
        get("/admin/connexion");
        return post("/admin/connexion", Map.of("token", token));
    }

    public HttpResponse<String> get(String path) {
        HttpResponse<String> response = collector.send(withCookie(HttpRequest.newBuilder(URI.create(collector.url(path)))).GET());
        remember(response);
        return response;
    }

    public HttpResponse<byte[]> download(String path) {
        return collector.send(withCookie(HttpRequest.newBuilder(URI.create(collector.url(path)))).GET(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    /** Posts the fields with the anti-forgery token of the last page read. */
    public HttpResponse<String> post(String path, Map<String, String> fields) {
        Map<String, String> all = new LinkedHashMap<>(fields);
        if (csrf != null) all.putIfAbsent("csrf", csrf);
        return postRaw(path, all);
    }

    /** Posts exactly these fields (no token added). */
    public HttpResponse<String> postRaw(String path, Map<String, String> fields) {
        String body = fields.entrySet().stream()
                .map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
                .collect(Collectors.joining("&"));
        HttpResponse<String> response = collector.send(withCookie(HttpRequest.newBuilder(URI.create(collector.url(path))))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Origin", collector.url("").replaceAll("/$", ""))
                .POST(HttpRequest.BodyPublishers.ofString(body)));
        remember(response);
        return response;
    }

    public String cookie() {
        return cookie;
    }

    public void cookie(String value) {
        this.cookie = value;
    }

    public String csrf() {
        return csrf;
    }

    private HttpRequest.Builder withCookie(HttpRequest.Builder request) {
        if (cookie != null) request.header("Cookie", "jdma_session=" + cookie);
        return request;
    }

    private void remember(HttpResponse<String> response) {
        response.headers().allValues("Set-Cookie").forEach(header -> {
            if (!header.startsWith("jdma_session=")) return;
            String value = header.substring("jdma_session=".length()).split(";", 2)[0];
            cookie = header.contains("Max-Age=0") || value.isEmpty() ? null : value;
        });
        Matcher m = CSRF.matcher(response.body() == null ? "" : response.body());
        if (m.find()) csrf = m.group(1);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
