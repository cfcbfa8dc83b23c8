package dev.locksmith.web;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** A cookie-keeping HTTP client for one browser session, without redirects followed. Not thread-safe. */
final class HttpClientSession {
    private static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");
    private final HttpClient http = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(10))
            .build();
    private final URI base;
    String cookie;
    String lastBody = "";

    HttpClientSession(URI base) {
        this.base = base;
    }

    HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(base.resolve(path.substring(1))).GET());
    }

    HttpResponse<String> post(String path, Map<String, String> form) {
        String body = form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(base.resolve(path.substring(1)))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /** POSTs with the CSRF token of the last page read. */
    HttpResponse<String> submit(String path, Map<String, String> form) {
        Map<String, String> withToken = new LinkedHashMap<>(form);
        withToken.put("csrf", csrf());
        return post(path, withToken);
    }

    String csrf() {
        Matcher m = CSRF.matcher(lastBody);
        if (!m.find()) {
            throw new AssertionError("no CSRF token on the last page");
        }
        return m.group(1);
    }

    /** Signs in and returns the answer to the sign-in POST. */
    HttpResponse<String> signIn(String username, String password) {
        get("/login");
        return submit("/login", Map.of("username", username, "password", password));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        if (cookie != null) {
            request.header("Cookie", LocksmithConsole.COOKIE + "=" + cookie);
        }
        try {
            HttpResponse<String> response =
                    http.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
            sessionCookie(response).ifPresent(value -> cookie = value.isEmpty() ? null : value);
            lastBody = response.body();
            return response;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static Optional<String> sessionCookie(HttpResponse<?> response) {
        return response.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith(LocksmithConsole.COOKIE + "="))
                .map(c -> c.substring(LocksmithConsole.COOKIE.length() + 1, c.indexOf(';')))
                .reduce((first, second) -> second);
    }
}
