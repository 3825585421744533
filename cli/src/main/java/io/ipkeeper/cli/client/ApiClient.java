package io.ipkeeper.cli.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.ipkeeper.agent.tls.ServerTrust;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.StringJoiner;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;

/**
 * The REST API over {@link HttpClient}: JSON in and out, Bearer token. Every failure becomes a {@link ClientException}
 * with the documented exit code; a problem document is shown as {@code title: detail}.
 */
public final class ApiClient {
    static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(60);

    private final HttpClient http;
    private final URI server;
    private final String token;

    /**
     * @param sslContext trust for https servers, or null for the system trust store
     * @param token the API token, or null for the open routes
     */
    public ApiClient(URI server, String token, SSLContext sslContext) {
        HttpClient.Builder b = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT);
        if (sslContext != null) {
            b.sslContext(sslContext);
        }
        this.http = b.build();
        this.server = server;
        this.token = token;
    }

    public URI server() {
        return server;
    }

    public ApiResponse get(String path) {
        return send("GET", path, null, Map.of());
    }

    /**
     * A GET whose answer is text in another format (e.g. {@code application/yaml}); errors are still problem
     * documents and become {@link ClientException}s as usual.
     */
    public String getText(String path, String accept) {
        return send("GET", path, null, Map.of("Accept", accept)).body().asText();
    }

    public ApiResponse post(String path, Object body) {
        return send("POST", path, body, Map.of());
    }

    public ApiResponse post(String path, Object body, Map<String, String> headers) {
        return send("POST", path, body, headers);
    }

    public ApiResponse patch(String path, Object body, Map<String, String> headers) {
        return send("PATCH", path, body, headers);
    }

    public ApiResponse delete(String path) {
        return send("DELETE", path, null, Map.of());
    }

    /** {@code path?k=v&…} with the non-null values, URL-encoded. */
    public static String query(String path, Map<String, ?> params) {
        StringJoiner q = new StringJoiner("&");
        params.forEach((k, v) -> {
            if (v != null) {
                q.add(k + "=" + URLEncoder.encode(v.toString(), StandardCharsets.UTF_8));
            }
        });
        return q.length() == 0 ? path : path + "?" + q;
    }

    private ApiResponse send(String method, String path, Object body, Map<String, String> headers) {
        URI uri = URI.create(server + path);
        HttpRequest.Builder rb = HttpRequest.newBuilder(uri).timeout(REQUEST_TIMEOUT).header("Accept", "application/json");
        if (token != null) {
            rb.header("Authorization", "Bearer " + token);
        }
        headers.forEach(rb::setHeader);
        if (body != null) {
            try {
                rb.header("Content-Type", "application/json")
                        .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("cannot encode request body", e);
            }
        } else {
            rb.method(method, HttpRequest.BodyPublishers.noBody());
        }
        HttpResponse<String> res;
        try {
            res = http.send(rb.build(), HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ClientException(ExitCodes.UNEXPECTED, "interrupted", e);
        } catch (HttpConnectTimeoutException e) {
            throw unreachable("no answer within " + CONNECT_TIMEOUT.toSeconds() + " s", e);
        } catch (HttpTimeoutException e) {
            throw unreachable("no answer within " + REQUEST_TIMEOUT.toSeconds() + " s", e);
        } catch (ConnectException e) {
            throw unreachable("connection refused", e);
        } catch (SSLException e) {
            throw new ClientException(ExitCodes.UNREACHABLE, "cannot connect securely to the server at " + server + ": "
                    + ServerTrust.explain(e, server, "--ca-file"), e);
        } catch (IOException e) {
            String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            // A server with --tls-cert answers plain HTTP with TLS bytes or nothing: say so instead of a parser error.
            throw unreachable("http".equals(server.getScheme())
                    ? why + "; if the server uses TLS, use an https:// URL" : why, e);
        }
        return answer(method, path, res);
    }

    private ClientException unreachable(String why, Exception cause) {
        return new ClientException(ExitCodes.UNREACHABLE, "cannot reach the server at " + server + ": " + why
                + " (is it running? check --server / IPKEEPER_SERVER)", cause);
    }

    private static ApiResponse answer(String method, String path, HttpResponse<String> res) {
        int status = res.statusCode();
        JsonNode json = MissingNode.getInstance();
        String text = res.body() == null ? "" : res.body();
        boolean success = status >= 200 && status < 300;
        if (success && !res.headers().firstValue("Content-Type").orElse("application/json").contains("json")) {
            return new ApiResponse(status, TextNode.valueOf(text), res.headers().firstValue("ETag"));
        }
        if (!text.isBlank()) {
            try {
                json = JSON.readTree(text);
            } catch (JsonProcessingException e) {
                throw new ClientException(ExitCodes.UNEXPECTED, method + " " + path + " answered " + status
                        + " with a body that is not JSON; is --server an ipkeeper server?");
            }
        }
        if (status >= 200 && status < 300) {
            return new ApiResponse(status, json, res.headers().firstValue("ETag"));
        }
        throw new ClientException(ExitCodes.forStatus(status), problemText(status, json));
    }

    /** {@code title: detail} of a problem document, or the status when the body is something else. */
    static String problemText(int status, JsonNode json) {
        String title = json.path("title").asText("");
        String detail = json.path("detail").asText("");
        if (title.isEmpty() && detail.isEmpty()) {
            return "the server answered HTTP " + status;
        }
        return detail.isEmpty() ? title : title.isEmpty() ? detail : title + ": " + detail;
    }
}
