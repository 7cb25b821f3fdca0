package org.vertebra.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * A browser without a browser: keeps the cookies a {@link TestServer} sets, posts forms, never
 * follows redirects. Each instance is one visitor.
 */
public final class WebClient {

    private final java.util.function.Function<String, java.net.URI> address;
    private final HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private final Map<String, String> cookies = new LinkedHashMap<>();

    public WebClient(TestServer server) {
        this.address = server::uri;
    }

    /** A visitor of a server running elsewhere, such as another node's process. */
    public WebClient(java.net.URI base) {
        this.address = base::resolve;
    }

    public HttpResponse<String> get(String path) {
        return send(request(path).GET(), Map.of());
    }

    /** POSTs the form as application/x-www-form-urlencoded. */
    public HttpResponse<String> post(String path, Map<String, String> form) {
        return post(path, form, Map.of());
    }

    public HttpResponse<String> post(String path, Map<String, String> form, Map<String, String> headers) {
        return post(path, List.copyOf(form.entrySet()), headers);
    }

    /** POSTs fields that may repeat a name, as a form's ticked checkboxes do. */
    public HttpResponse<String> post(String path, List<Map.Entry<String, String>> form) {
        return post(path, form, Map.of());
    }

    private HttpResponse<String> post(String path, List<Map.Entry<String, String>> form, Map<String, String> headers) {
        String body = form.stream()
                .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
        return send(request(path).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)), headers);
    }

    /** POSTs a JSON body, as the admin's scripts do (they send the CSRF token as a header). */
    public HttpResponse<String> postJson(String path, String json, Map<String, String> headers) {
        return send(request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)), headers);
    }

    /** POSTs a multipart/form-data body, as a form with a file input sends it. */
    public HttpResponse<String> post(String path, Multipart form) {
        return send(request(path).header("Content-Type", form.contentType()).POST(form.publisher()), Map.of());
    }

    /** The page at this path, which must answer 200, parsed. */
    public Document page(String path) {
        HttpResponse<String> response = get(path);
        if (response.statusCode() != 200) {
            throw new AssertionError("GET " + path + " answered " + response.statusCode());
        }
        return Jsoup.parse(response.body(), address.apply(path).toString());
    }

    /** The CSRF token of the first form on the page at this path. */
    public String csrfToken(String path) {
        Element field = page(path).selectFirst("input[name=_csrf]");
        if (field == null) {
            throw new AssertionError("no _csrf field on " + path);
        }
        return field.attr("value");
    }

    /** Signs in through the form; fails the test unless it works. */
    public WebClient signIn(String email, String password) {
        HttpResponse<String> response = trySignIn(email, password);
        if (response.statusCode() != 303) {
            throw new AssertionError("sign-in as " + email + " answered " + response.statusCode());
        }
        return this;
    }

    public HttpResponse<String> trySignIn(String email, String password) {
        return post("/admin/sign-in/", Map.of("_csrf", csrfToken("/admin/sign-in/"), "email", email, "password", password));
    }

    public String cookie(String name) {
        return cookies.get(name);
    }

    public void setCookie(String name, String value) {
        cookies.put(name, value);
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(address.apply(path));
    }

    private HttpResponse<String> send(HttpRequest.Builder request, Map<String, String> headers) {
        if (!cookies.isEmpty()) {
            request.header("Cookie", cookies.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                    .collect(Collectors.joining("; ")));
        }
        headers.forEach(request::header);
        try {
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            keepCookies(response.headers().allValues("Set-Cookie"));
            return response;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void keepCookies(List<String> setCookies) {
        for (String header : setCookies) {
            String pair = header.split(";", 2)[0];
            String name = pair.substring(0, pair.indexOf('=')).trim();
            String value = pair.substring(pair.indexOf('=') + 1).trim();
            boolean expired = header.toLowerCase(java.util.Locale.ROOT).contains("max-age=0") || value.isEmpty();
            if (expired) {
                cookies.remove(name);
            } else {
                cookies.put(name, value);
            }
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
