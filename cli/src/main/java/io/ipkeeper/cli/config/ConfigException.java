package io.ipkeeper.cli.config;

import java.util.List;

/** The configuration is invalid; {@link #problems()} lists every problem found, each naming the setting and its source. */
public final class ConfigException extends RuntimeException {
    private final List<String> problems;

    public ConfigException(List<String> problems) {
        super(problems.size() == 1
                ? "invalid configuration: " + problems.getFirst()
                : "invalid configuration:\n  - " + String.join("\n  - ", problems));
        this.problems = List.copyOf(problems);
    }

    public ConfigException(String problem) {
        this(List.of(problem));
    }

    public List<String> problems() {
        return problems;
    }
}
