package io.ipkeeper.cli.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A TOML config file, flattened to dotted keys ({@code [server] port = 8080} becomes {@code server.port}). Unknown
 * keys are errors (with a suggestion), so a typo never silently falls back to a default.
 */
public final class ConfigFile {
    private static final ConfigFile NONE = new ConfigFile(null, Map.of());

    private final Path path;
    private final Map<String, Object> values;

    private ConfigFile(Path path, Map<String, Object> values) {
        this.path = path;
        this.values = values;
    }

    /** No file: every setting comes from the environment, flags or defaults. */
    public static ConfigFile none() {
        return NONE;
    }

    /** Reads and checks a TOML file against the known settings. */
    public static ConfigFile read(Path path, Collection<Setting<?>> known) {
        String text;
        try {
            text = Files.readString(path);
        } catch (NoSuchFileException e) {
            throw new ConfigException("config file " + path + " does not exist");
        } catch (IOException e) {
            throw new ConfigException("cannot read config file " + path + ": " + e.getMessage());
        }
        return parse(path, text, known);
    }

    static ConfigFile parse(Path path, String text, Collection<Setting<?>> known) {
        Map<String, Object> tree;
        try {
            tree = new TomlMapper().readValue(text, new TypeReference<LinkedHashMap<String, Object>>() {});
        } catch (JsonProcessingException e) {
            throw new ConfigException("config file " + path + " is not valid TOML: " + e.getOriginalMessage()
                    + (e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ")"));
        }
        Map<String, Object> flat = new LinkedHashMap<>();
        flatten("", tree == null ? Map.of() : tree, flat);
        List<String> problems = new ArrayList<>();
        for (String key : flat.keySet()) {
            if (known.stream().noneMatch(s -> s.key().equals(key))) {
                problems.add("unknown setting '" + key + "' in config file " + path + suggestion(key, known));
            }
        }
        if (!problems.isEmpty()) {
            throw new ConfigException(problems);
        }
        return new ConfigFile(path, flat);
    }

    @SuppressWarnings("unchecked")
    private static void flatten(String prefix, Map<String, Object> tree, Map<String, Object> out) {
        for (Map.Entry<String, Object> e : tree.entrySet()) {
            String key = prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey();
            if (e.getValue() instanceof Map<?, ?> table) {
                flatten(key, (Map<String, Object>) table, out);
            } else {
                out.put(key, e.getValue());
            }
        }
    }

    private static String suggestion(String key, Collection<Setting<?>> known) {
        return Suggestions.closest(key, known.stream().map(Setting::key).toList())
                .map(k -> " (did you mean '" + k + "'?)").orElse("");
    }

    public Optional<Path> path() {
        return Optional.ofNullable(path);
    }

    /** The raw value for a dotted key: a String, Number, Boolean, list… as TOML typed it. */
    public Optional<Object> value(String key) {
        return Optional.ofNullable(values.get(key));
    }
}
