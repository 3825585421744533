package io.ipkeeper.cli;

import io.ipkeeper.cli.config.Config;
import io.ipkeeper.cli.config.ConfigException;
import io.ipkeeper.cli.config.ConfigFile;
import io.ipkeeper.cli.config.Setting;
import io.ipkeeper.cli.config.Settings;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Spec;

/**
 * A command whose settings come from the one configuration mechanism: {@code --config FILE} (TOML), environment
 * variables {@code IPKEEPER_*} and flags, with precedence flag &gt; environment &gt; file &gt; default. Subclasses list
 * their {@link Setting}s; the flags and their help are generated from them, so {@code --help} documents every setting.
 */
public abstract class ConfiguredCommand implements Callable<Integer> {
    static final String CONFIG_FLAG = "--config";
    static final String CONFIG_ENV = "IPKEEPER_CONFIG";

    @Spec
    protected CommandSpec spec;

    private Map<String, String> environment = System.getenv();

    /** The settings this command reads (log settings are added to every command). */
    protected abstract List<Setting<?>> settings();

    /** Runs with a validated configuration; returns the exit code. */
    protected abstract int run(Config config) throws Exception;

    /** For tests: resolve against this environment instead of the process's. */
    public void environment(Map<String, String> env) {
        this.environment = Map.copyOf(env);
    }

    /** The environment settings are resolved against (the process's, or a test's). */
    protected final Map<String, String> environment() {
        return environment;
    }

    final List<Setting<?>> allSettings() {
        List<Setting<?>> all = new java.util.ArrayList<>(List.of(Settings.LOG_FORMAT, Settings.LOG_LEVEL));
        for (Setting<?> s : settings()) {
            if (!all.contains(s)) {
                all.add(s);
            }
        }
        return all;
    }

    /** Adds {@code --config} and one option per setting to this command's spec (called once, at wiring time). */
    final void addSettingOptions(CommandSpec commandSpec) {
        commandSpec.addOption(OptionSpec.builder(CONFIG_FLAG)
                .paramLabel("FILE")
                .type(String.class)
                .description("TOML config file (env " + CONFIG_ENV + "); flags and environment override it")
                .build());
        for (Setting<?> s : allSettings()) {
            OptionSpec.Builder option = OptionSpec.builder(s.flag()).paramLabel(paramLabel(s)).description(s.description());
            if (Settings.REPEATABLE.contains(s)) {
                option.type(List.class).auxiliaryTypes(String.class);
            } else {
                option.type(String.class);
            }
            commandSpec.addOption(option.build());
        }
    }

    private static String paramLabel(Setting<?> s) {
        String name = s.key().substring(s.key().lastIndexOf('.') + 1);
        return name.toUpperCase(java.util.Locale.ROOT).replace('-', '_');
    }

    /** Resolves this invocation's configuration (exposed for tests). */
    final Config loadConfig() {
        Map<String, String> flags = new HashMap<>();
        for (Setting<?> s : allSettings()) {
            Object v = spec.findOption(s.flag()).getValue();
            if (v instanceof List<?> repeated) {
                if (!repeated.isEmpty()) {
                    flags.put(s.key(), repeated.stream().map(String::valueOf).collect(java.util.stream.Collectors.joining(",")));
                }
            } else if (v != null) {
                flags.put(s.key(), v.toString());
            }
        }
        Object configFlag = spec.findOption(CONFIG_FLAG).getValue();
        String configPath = configFlag != null ? configFlag.toString() : environment.get(CONFIG_ENV);
        ConfigFile file = configPath == null || configPath.isBlank()
                ? ConfigFile.none()
                : ConfigFile.read(Path.of(configPath), Settings.ALL);
        return Config.resolve(allSettings(), flags, environment, file);
    }

    @Override
    public final Integer call() throws Exception {
        Config config;
        try {
            config = loadConfig();
        } catch (ConfigException e) {
            spec.commandLine().getErr().println("ipkeeper " + spec.name() + ": " + e.getMessage());
            spec.commandLine().getErr().println("See 'ipkeeper " + spec.name() + " --help' for every setting.");
            return CommandLine.ExitCode.USAGE;
        }
        Logging.configure(config.get(Settings.LOG_FORMAT), config.get(Settings.LOG_LEVEL));
        return run(config);
    }
}
