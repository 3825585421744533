package io.ipkeeper.server.ui;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The web UI's static files, read once from the classpath ({@code ui/}). All assets share one version: the first 12 hex
 * digits of a SHA-256 over every file. Assets are served under {@code /ui/v/<version>/…} and may be cached for a year,
 * because a changed file changes the version and therefore every URL; {@code index.html} is rendered with that version
 * and is never cached. One version for all files keeps relative ES-module imports ({@code ./api.js}) working without a
 * build step.
 */
public final class UiAssets {
    /** Where the files live on the classpath; {@code manifest.txt} lists them, one path per line. */
    static final String ROOT = "ui/";

    /** A file ready to send. */
    public record Asset(String path, String contentType, byte[] body) {}

    private final Map<String, Asset> assets;
    private final String version;
    private final byte[] index;

    private UiAssets(Map<String, Asset> assets, String version, byte[] index) {
        this.assets = assets;
        this.version = version;
        this.index = index;
    }

    /** Loads every file named in {@code ui/manifest.txt}; a missing file is a build mistake, so it fails loudly. */
    public static UiAssets load() {
        ClassLoader loader = UiAssets.class.getClassLoader();
        List<String> names = new String(read(loader, ROOT + "manifest.txt"), StandardCharsets.UTF_8).lines()
                .map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
        MessageDigest sha = sha256();
        Map<String, Asset> assets = new LinkedHashMap<>();
        for (String name : names) {
            byte[] body = read(loader, ROOT + name);
            sha.update(name.getBytes(StandardCharsets.UTF_8));
            sha.update(body);
            assets.put(name, new Asset(name, contentType(name), body));
        }
        String version = HexFormat.of().formatHex(sha.digest()).substring(0, 12);
        String html = new String(read(loader, ROOT + "index.html"), StandardCharsets.UTF_8)
                .replace("{{version}}", version);
        return new UiAssets(Map.copyOf(assets), version, html.getBytes(StandardCharsets.UTF_8));
    }

    public String version() {
        return version;
    }

    /** The page that loads the app, with the current asset version filled in. */
    public byte[] index() {
        return index.clone();
    }

    /** The asset at {@code path} (relative to the version prefix), if it exists; no path can escape the manifest. */
    public Optional<Asset> asset(String path) {
        return Optional.ofNullable(assets.get(path));
    }

    static String contentType(String name) {
        int dot = name.lastIndexOf('.');
        String ext = dot < 0 ? "" : name.substring(dot + 1);
        return switch (ext) {
            case "js" -> "text/javascript; charset=utf-8";
            case "css" -> "text/css; charset=utf-8";
            case "svg" -> "image/svg+xml";
            case "png" -> "image/png";
            case "html" -> "text/html; charset=utf-8";
            default -> "application/octet-stream";
        };
    }

    private static byte[] read(ClassLoader loader, String resource) {
        try (InputStream in = loader.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("web UI resource missing from the jar: " + resource);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read web UI resource " + resource, e);
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
