package io.ipkeeper.agent.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ipkeeper.agent.tls.ServerTrust;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;

/**
 * Sends reports to {@code POST /api/v1/agents/report} with the agent's token. The token goes only to the configured
 * server URL, over https verified with {@code sslContext} (a private CA) or the JDK's trust store.
 */
public final class HttpReportSender implements ReportSender {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final HttpClient http;
    private final URI endpoint;
    private final String token;

    public HttpReportSender(URI server, String token, Optional<SSLContext> sslContext) {
        HttpClient.Builder b = HttpClient.newBuilder().connectTimeout(TIMEOUT).version(HttpClient.Version.HTTP_1_1);
        sslContext.ifPresent(b::sslContext);
        this.http = b.build();
        String base = server.toString().endsWith("/") ? server.toString() : server + "/";
        this.endpoint = URI.create(base).resolve("api/v1/agents/report");
        this.token = token;
    }

    @Override
    public void send(Map<String, Object> report) throws ReportRejected, ReportFailed {
        String body;
        try {
            body = JSON.writeValueAsString(report);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a report must be JSON-serializable", e);
        }
        HttpRequest request = HttpRequest.newBuilder(endpoint).timeout(TIMEOUT)
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (SSLException e) {
            throw new ReportFailed(ServerTrust.explain(e, endpoint, "--ca-file"), e);
        } catch (IOException e) {
            throw new ReportFailed("cannot reach " + endpoint + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ReportFailed("interrupted", e);
        }
        int status = response.statusCode();
        if (status / 100 == 2) {
            return;
        }
        String detail = detail(response.body());
        if (status / 100 == 4) {
            throw new ReportRejected(status, "the server refused the report (" + status + "): " + detail);
        }
        throw new ReportFailed("the server failed (" + status + "): " + detail, null);
    }

    /** The problem document's detail, or the start of the body. */
    private static String detail(String body) {
        try {
            JsonNode n = JSON.readTree(body);
            if (n != null && n.hasNonNull("detail")) {
                return n.get("detail").asText();
            }
        } catch (JsonProcessingException ignored) {
            // not JSON: fall through to the raw text
        }
        return body.length() > 200 ? body.substring(0, 200) + "…" : body;
    }
}
