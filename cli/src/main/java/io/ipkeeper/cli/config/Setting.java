package io.ipkeeper.cli.config;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Function;

/**
 * One configuration setting, known to every source: the config file ({@code [section] name = value}), the environment
 * ({@code IPKEEPER_SECTION_NAME}) and a command-line flag. Precedence: flag &gt; environment &gt; file &gt; default.
 *
 * @param key dotted key, e.g. {@code server.port}; its first part is the TOML table (none for top-level keys)
 * @param flag the command-line flag, e.g. {@code --port}
 * @param defaultValue used when no source sets it; may be null (the setting is then optional)
 * @param parser turns text (from any source) into a value, throwing {@link IllegalArgumentException} with a message
 *     that says what is expected
 * @param help one line for {@code --help}
 */
public record Setting<T>(String key, String flag, T defaultValue, Function<String, T> parser, String help) {

    public Setting {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(flag, "flag");
        Objects.requireNonNull(parser, "parser");
        Objects.requireNonNull(help, "help");
    }

    /** The environment variable: {@code IPKEEPER_} + key with dots and dashes as underscores, upper case. */
    public String envName() {
        return "IPKEEPER_" + key.replace('.', '_').replace('-', '_').toUpperCase(Locale.ROOT);
    }

    /** How the setting is written in the TOML file, e.g. {@code [server] port}. */
    public String fileName() {
        int dot = key.lastIndexOf('.');
        return dot < 0 ? key : "[" + key.substring(0, dot) + "] " + key.substring(dot + 1);
    }

    /** The description picocli shows: what it does, then where else it can be set and the default. */
    public String description() {
        return help + " (env " + envName() + ", file " + fileName()
                + (defaultValue == null ? "" : "; default: " + display(defaultValue)) + ")";
    }

    /** How a value is written by users: enum constants in lower case, like the parsers accept them. */
    public static String display(Object value) {
        return switch (value) {
            case Enum<?> e -> e.name().toLowerCase(Locale.ROOT).replace('_', '-');
            case java.net.InetSocketAddress a -> a.getHostString() + ":" + a.getPort();
            // PT1M30S → 1m30s, the form the duration parser takes
            case java.time.Duration d -> d.toString().substring(2).toLowerCase(Locale.ROOT);
            case List<?> l -> l.stream().map(String::valueOf).collect(java.util.stream.Collectors.joining(","));
            default -> String.valueOf(value);
        };
    }
}
