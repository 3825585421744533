package io.ipkeeper.cli.config;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The resolved configuration of one command: for every setting the value and where it came from. Resolution is
 * all-or-nothing: every problem in every source is collected into one {@link ConfigException}, so a user fixes them in
 * one go.
 */
public final class Config {

    /** Where a value came from; shown in error messages and {@code ipkeeper config}-style diagnostics. */
    public record Source(String description) {
        static Source flag(Setting<?> s) {
            return new Source("flag " + s.flag());
        }

        static Source env(Setting<?> s) {
            return new Source("environment variable " + s.envName());
        }

        static Source file(Setting<?> s, ConfigFile f) {
            return new Source("config file " + f.path().map(Object::toString).orElse("?") + " " + s.fileName());
        }

        static final Source DEFAULT = new Source("default");
    }

    /** A setting's value and its source. */
    public record Value<T>(T value, Source source) {}

    private final Map<Setting<?>, Value<?>> values;

    private Config(Map<Setting<?>, Value<?>> values) {
        this.values = values;
    }

    /**
     * Resolves {@code settings} with precedence flag &gt; environment &gt; file &gt; default.
     *
     * @param flags raw flag text by setting key (only flags the user gave)
     * @param env the process environment (or a test's map)
     */
    public static Config resolve(Collection<Setting<?>> settings, Map<String, String> flags, Map<String, String> env,
            ConfigFile file) {
        Map<Setting<?>, Value<?>> values = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        for (Setting<?> s : settings) {
            resolveOne(s, flags, env, file, values, problems);
        }
        if (!problems.isEmpty()) {
            throw new ConfigException(problems);
        }
        return new Config(values);
    }

    private static <T> void resolveOne(Setting<T> s, Map<String, String> flags, Map<String, String> env,
            ConfigFile file, Map<Setting<?>, Value<?>> out, List<String> problems) {
        String raw;
        Source source;
        if (flags.containsKey(s.key())) {
            raw = flags.get(s.key());
            source = Source.flag(s);
        } else if (env.containsKey(s.envName())) {
            raw = env.get(s.envName());
            source = Source.env(s);
        } else if (file.value(s.key()).isPresent()) {
            Object v = file.value(s.key()).get();
            if (v instanceof List<?> list && Settings.REPEATABLE.contains(s)) {
                // a TOML array for a repeatable setting, e.g. interfaces = ["eth0", "eth1"]
                raw = list.stream().map(String::valueOf).collect(java.util.stream.Collectors.joining(","));
            } else if (v instanceof Map<?, ?> || v instanceof List<?>) {
                problems.add(s.key() + " (" + Source.file(s, file).description() + "): expected a single value, got a "
                        + (v instanceof List<?> ? "list" : "table"));
                return;
            } else {
                raw = String.valueOf(v);
            }
            source = Source.file(s, file);
        } else {
            out.put(s, new Value<>(s.defaultValue(), Source.DEFAULT));
            return;
        }
        try {
            out.put(s, new Value<>(s.parser().apply(raw), source));
        } catch (IllegalArgumentException e) {
            problems.add(s.key() + " = '" + raw + "' (from " + source.description() + "): " + e.getMessage());
        }
    }

    /** The value of a setting this config was resolved for (null when it is unset and has no default). */
    @SuppressWarnings("unchecked")
    public <T> T get(Setting<T> setting) {
        Value<?> v = values.get(setting);
        if (v == null) {
            throw new IllegalArgumentException("setting " + setting.key() + " was not resolved for this command");
        }
        return (T) v.value();
    }

    /** The value as an Optional, for settings without a default. */
    public <T> Optional<T> find(Setting<T> setting) {
        return Optional.ofNullable(get(setting));
    }

    /** Where a setting's value came from. */
    public Source sourceOf(Setting<?> setting) {
        return values.get(setting).source();
    }
}
