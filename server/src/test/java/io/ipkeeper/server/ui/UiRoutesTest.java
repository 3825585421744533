package io.ipkeeper.server.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.ipkeeper.server.IpkeeperServer;
import io.ipkeeper.server.api.Api;
import io.ipkeeper.testkit.DatabaseKind;
import io.ipkeeper.testkit.TestDatabase;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The static asset handler over real HTTP: redirects, security headers, versioned long-cached assets, 304, 404. */
class UiRoutesTest {
    static TestDatabase db;
    static IpkeeperServer server;
    static final HttpClient http = HttpClient.newHttpClient(); // does not follow redirects by default

    @BeforeAll
    static void start() {
        db = TestDatabase.create(DatabaseKind.H2, "ui-routes");
        server = Api.start(db, 2);
    }

    @AfterAll
    static void stop() {
        server.close();
        db.close();
    }

    static HttpResponse<String> get(String path, String... headers) throws IOException, InterruptedException {
        HttpRequest.Builder r = HttpRequest.newBuilder(URI.create(server.url() + path)).GET();
        if (headers.length > 0) {
            r.headers(headers);
        }
        return http.send(r.build(), HttpResponse.BodyHandlers.ofString());
    }

    static String version() throws Exception {
        Matcher m = Pattern.compile("/ui/v/([0-9a-f]{12})/app\\.js").matcher(get("/ui/").body());
        assertThat(m.find()).as("index.html names the versioned app.js").isTrue();
        return m.group(1);
    }

    @Test
    void rootRedirectsToTheUi() throws Exception {
        HttpResponse<String> r = get("/");
        assertThat(r.statusCode()).isIn(301, 302, 303, 307, 308);
        assertThat(r.headers().firstValue("Location")).hasValue("/ui/");
        assertThat(get("/ui").statusCode()).isEqualTo(200);
    }

    @Test
    void pageCarriesAStrictContentSecurityPolicy() throws Exception {
        HttpResponse<String> r = get("/ui/");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
        String csp = r.headers().firstValue("Content-Security-Policy").orElseThrow();
        assertThat(csp).contains("default-src 'self'", "script-src 'self'", "style-src 'self'", "frame-ancestors 'none'",
                "object-src 'none'").doesNotContain("unsafe-inline", "unsafe-eval");
        assertThat(r.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(r.headers().firstValue("X-Frame-Options")).hasValue("DENY");
        assertThat(r.headers().firstValue("Cache-Control")).hasValue("no-cache");
        assertThat(r.body()).doesNotContain("{{version}}").doesNotContain("<script>").doesNotContain("style=");
    }

    @Test
    void assetsAreVersionedAndCachedForAYear() throws Exception {
        String v = version();
        HttpResponse<String> js = get("/ui/v/" + v + "/pages/subnet.js");
        assertThat(js.statusCode()).isEqualTo(200);
        assertThat(js.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/javascript");
        assertThat(js.headers().firstValue("Cache-Control").orElseThrow()).contains("max-age=31536000", "immutable");
        assertThat(js.headers().firstValue("Content-Security-Policy")).isPresent();
        String etag = js.headers().firstValue("ETag").orElseThrow();
        assertThat(get("/ui/v/" + v + "/pages/subnet.js", "If-None-Match", etag).statusCode()).isEqualTo(304);
        assertThat(get("/ui/v/" + v + "/app.css").headers().firstValue("Content-Type").orElseThrow())
                .startsWith("text/css");
        // an old page asking with an old version gets today's file, but not cached under the old URL
        HttpResponse<String> stale = get("/ui/v/000000000000/app.js");
        assertThat(stale.statusCode()).isEqualTo(200);
        assertThat(stale.headers().firstValue("Cache-Control")).hasValue("no-cache");
    }

    @Test
    void onlyManifestFilesAreServed() throws Exception {
        String v = version();
        assertThat(get("/ui/v/" + v + "/nope.js").statusCode()).isEqualTo(404);
        assertThat(get("/ui/v/" + v + "/../../api/v1/health").statusCode()).isNotEqualTo(200);
        assertThat(get("/ui/v/" + v + "/manifest.txt").statusCode()).isEqualTo(404);
        assertThat(get("/ui/v/" + v + "/index.html").statusCode()).isEqualTo(404);
    }

    @Test
    void manifestListsEveryUiFile() throws IOException {
        // A file added to src/main/resources/ui but not to the manifest would 404 in the browser.
        Path root = Path.of("src/main/resources/ui");
        Set<String> onDisk;
        try (Stream<Path> files = Files.walk(root)) {
            onDisk = files.filter(Files::isRegularFile).map(p -> root.relativize(p).toString().replace('\\', '/'))
                    .filter(p -> !p.equals("manifest.txt") && !p.equals("index.html")).collect(Collectors.toSet());
        }
        Set<String> listed = Files.readAllLines(root.resolve("manifest.txt")).stream().map(String::strip)
                .filter(l -> !l.isEmpty() && !l.startsWith("#")).collect(Collectors.toSet());
        assertThat(listed).isEqualTo(onDisk);
    }

    @Test
    void versionChangesWithContent() {
        UiAssets a = UiAssets.load();
        assertThat(a.version()).matches("[0-9a-f]{12}");
        assertThat(UiAssets.load().version()).isEqualTo(a.version());
        assertThat(UiAssets.contentType("x/y.js")).startsWith("text/javascript");
        assertThat(UiAssets.contentType("y.svg")).isEqualTo("image/svg+xml");
        assertThat(UiAssets.contentType("z.bin")).isEqualTo("application/octet-stream");
    }
}
