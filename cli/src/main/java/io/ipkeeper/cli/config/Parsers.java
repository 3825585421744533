package io.ipkeeper.cli.config;

import java.net.InetAddress;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** Parsers for setting values; each rejects bad text with a message that says what is expected. */
public final class Parsers {
    private static final Pattern SHORT_DURATION = Pattern.compile("(\\d{1,9})([smhd])");

    private Parsers() {}

    public static Function<String, Integer> intRange(int min, int max) {
        return text -> {
            int value;
            try {
                value = Integer.parseInt(text.trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("expected a whole number from " + min + " to " + max);
            }
            if (value < min || value > max) {
                throw new IllegalArgumentException("must be from " + min + " to " + max);
            }
            return value;
        };
    }

    /** {@code true} or {@code false} (case-insensitive). */
    public static Function<String, Boolean> bool() {
        return text -> switch (text.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalArgumentException("expected true or false");
        };
    }

    public static Function<String, Integer> port() {
        return intRange(0, 65535).andThen(p -> p);
    }

    /** An IP literal (v4 or v6), or {@code localhost}; never resolves other names (no DNS at start-up). */
    public static Function<String, String> bindAddress() {
        return text -> {
            String s = text.trim();
            if (s.equals("localhost")) {
                return "127.0.0.1";
            }
            boolean literal = s.matches("[0-9.]+") || s.contains(":");
            if (!literal) {
                throw new IllegalArgumentException("expected an IP address such as 127.0.0.1, 0.0.0.0 or ::1");
            }
            try {
                return InetAddress.ofLiteral(s).getHostAddress();
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("'" + s + "' is not a valid IP address; expected e.g. 127.0.0.1 or ::1");
            }
        };
    }

    /**
     * A positive duration from {@code min} to {@code max}: {@code 90s}, {@code 15m}, {@code 12h}, {@code 7d}, or
     * ISO-8601 such as {@code PT1H}.
     */
    public static Function<String, Duration> duration(Duration min, Duration max) {
        return text -> {
            String s = text.trim().toLowerCase(Locale.ROOT);
            Duration d;
            Matcher m = SHORT_DURATION.matcher(s);
            try {
                if (s.startsWith("p")) {
                    d = Duration.parse(s.toUpperCase(Locale.ROOT));
                } else if (m.matches() && m.group(2).equals("d")) {
                    d = Duration.ofDays(Long.parseLong(m.group(1)));
                } else {
                    // Go's form, as the gossip settings take it: 90s, 500ms, 1m30s
                    d = io.ipkeeper.cli.gossip.GoDuration.parse(s);
                }
            } catch (DateTimeParseException | IllegalArgumentException e) {
                throw new IllegalArgumentException("expected a duration such as 90s, 15m, 1m30s, 12h, 7d or PT1H");
            }
            if (d.compareTo(min) < 0 || d.compareTo(max) > 0) {
                throw new IllegalArgumentException("must be from " + Setting.display(min) + " to " + Setting.display(max)
                        + ", not " + text.trim());
            }
            return d;
        };
    }

    public static Function<String, Path> path() {
        return text -> {
            if (text.isBlank()) {
                throw new IllegalArgumentException("expected a directory path, got an empty value");
            }
            try {
                return Path.of(text.trim());
            } catch (InvalidPathException e) {
                throw new IllegalArgumentException("not a valid path: " + e.getReason());
            }
        };
    }

    public static Function<String, String> text() {
        return String::trim;
    }

    public static Function<String, String> jdbcUrl() {
        return text -> {
            String s = text.trim();
            if (!s.startsWith("jdbc:postgresql:") && !s.startsWith("jdbc:h2:")) {
                throw new IllegalArgumentException(
                        "expected a JDBC URL such as jdbc:postgresql://127.0.0.1:5432/ipkeeper?user=ipkeeper (or leave it unset for the embedded H2 database)");
            }
            return s;
        };
    }

    /** One of the constants of an enum, written in lower case; the message lists the choices. */
    public static <E extends Enum<E>> Function<String, E> oneOf(Class<E> type) {
        return text -> {
            String s = text.trim().toUpperCase(Locale.ROOT).replace('-', '_');
            for (E e : type.getEnumConstants()) {
                if (e.name().equals(s)) {
                    return e;
                }
            }
            throw new IllegalArgumentException("expected one of " + Arrays.stream(type.getEnumConstants())
                    .map(e -> e.name().toLowerCase(Locale.ROOT)).collect(Collectors.joining(", ")));
        };
    }

    /**
     * Names separated by commas (a repeated flag arrives joined the same way), e.g. {@code eth0,eth1}: each made of
     * letters, digits and {@code . - _ @ :}, no duplicates.
     */
    public static Function<String, List<String>> names() {
        return text -> {
            List<String> out = new java.util.ArrayList<>();
            for (String part : text.split(",")) {
                String n = part.strip();
                if (n.isEmpty()) {
                    continue;
                }
                if (!n.matches("[A-Za-z0-9._@:-]{1,64}")) {
                    throw new IllegalArgumentException("'" + n + "' is not a valid name (letters, digits, . - _ @ :)");
                }
                if (out.contains(n)) {
                    throw new IllegalArgumentException("'" + n + "' is given twice");
                }
                out.add(n);
            }
            if (out.isEmpty()) {
                throw new IllegalArgumentException("expected at least one name, e.g. eth0");
            }
            return List.copyOf(out);
        };
    }

    /** {@code host:port} to listen on, e.g. {@code 127.0.0.1:9180} ({@code [::1]:9180} for IPv6). */
    public static Function<String, java.net.InetSocketAddress> hostPort() {
        return text -> {
            String s = text.strip();
            int colon = s.lastIndexOf(':');
            if (colon <= 0) {
                throw new IllegalArgumentException("expected host:port such as 127.0.0.1:9180, not '" + s + "'");
            }
            String host = s.substring(0, colon);
            if (host.startsWith("[") && host.endsWith("]")) {
                host = host.substring(1, host.length() - 1);
            }
            int port = port().apply(s.substring(colon + 1));
            return new java.net.InetSocketAddress(bindAddress().apply(host), port);
        };
    }

    /** A file path (it need not exist yet). */
    public static Function<String, Path> file() {
        return text -> {
            if (text.isBlank()) {
                throw new IllegalArgumentException("expected a file path, got an empty value");
            }
            try {
                return Path.of(text.trim());
            } catch (InvalidPathException e) {
                throw new IllegalArgumentException("not a valid path: " + e.getReason());
            }
        };
    }

    /** An absolute http or https URL with a host, e.g. {@code http://127.0.0.1:8080}; a trailing slash is dropped. */
    public static Function<String, java.net.URI> httpUrl() {
        return text -> {
            String s = text.trim();
            while (s.endsWith("/")) {
                s = s.substring(0, s.length() - 1);
            }
            java.net.URI uri;
            try {
                uri = new java.net.URI(s);
            } catch (java.net.URISyntaxException e) {
                throw new IllegalArgumentException("not a valid URL (" + e.getReason() + "); expected e.g. http://127.0.0.1:8080");
            }
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
                throw new IllegalArgumentException("expected an http or https URL such as http://127.0.0.1:8080");
            }
            return uri;
        };
    }

    /** Comma-separated {@code host:port} seeds (host names are resolved now), e.g. {@code 198.18.0.1:7946,ipam-2:7946}. */
    public static Function<String, List<java.net.InetSocketAddress>> hostPorts() {
        return text -> {
            List<java.net.InetSocketAddress> out = new java.util.ArrayList<>();
            for (String part : text.split(",")) {
                String p = part.strip();
                if (p.isEmpty()) {
                    continue;
                }
                int colon = p.lastIndexOf(':');
                if (colon <= 0) {
                    throw new IllegalArgumentException("expected host:port such as 198.18.0.1:7946, not '" + p + "'");
                }
                String host = p.substring(0, colon).replace("[", "").replace("]", "");
                java.net.InetSocketAddress a = new java.net.InetSocketAddress(host, port().apply(p.substring(colon + 1)));
                if (a.isUnresolved()) {
                    throw new IllegalArgumentException("cannot resolve host '" + host + "'");
                }
                out.add(a);
            }
            if (out.isEmpty()) {
                throw new IllegalArgumentException("expected at least one host:port");
            }
            return List.copyOf(out);
        };
    }

    /** Comma-separated base64 AES keys of 16, 24 or 32 bytes (as {@code serf keygen} prints); the first encrypts. */
    public static Function<String, List<byte[]>> base64Keys() {
        return text -> {
            List<byte[]> out = new java.util.ArrayList<>();
            for (String part : text.split(",")) {
                String k = part.strip();
                if (k.isEmpty()) {
                    continue;
                }
                byte[] key;
                try {
                    key = java.util.Base64.getDecoder().decode(k);
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("a gossip key must be base64 (e.g. from 'openssl rand -base64 32')");
                }
                if (key.length != 16 && key.length != 24 && key.length != 32) {
                    throw new IllegalArgumentException("a gossip key must decode to 16, 24 or 32 bytes, not " + key.length);
                }
                out.add(key);
            }
            if (out.isEmpty()) {
                throw new IllegalArgumentException("expected at least one base64 key");
            }
            return List.copyOf(out);
        };
    }

    /** Comma-separated http(s) URLs, each as {@link #httpUrl()}. */
    public static Function<String, List<java.net.URI>> httpUrls() {
        return text -> {
            List<java.net.URI> out = new java.util.ArrayList<>();
            for (String part : text.split(",")) {
                if (!part.isBlank()) {
                    out.add(httpUrl().apply(part));
                }
            }
            if (out.isEmpty()) {
                throw new IllegalArgumentException("expected at least one URL");
            }
            return List.copyOf(out);
        };
    }

    /** One of {@code choices}, as written. */
    public static Function<String, String> choice(String... choices) {
        return text -> {
            String t = text.strip().toLowerCase(Locale.ROOT);
            if (!List.of(choices).contains(t)) {
                throw new IllegalArgumentException("expected one of " + String.join(", ", choices) + ", not '" + text + "'");
            }
            return t;
        };
    }
}
