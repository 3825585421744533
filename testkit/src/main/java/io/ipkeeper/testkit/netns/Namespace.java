package io.ipkeeper.testkit.netns;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * One network namespace of a {@link NetnsLab}: its own interfaces, addresses, routes and loopback. Created with
 * {@code lo} up. The lab deletes it (and so every interface in it) when it closes.
 */
public final class Namespace {

    private final NetnsLab lab;
    private final String name;

    Namespace(NetnsLab lab, String name) {
        this.lab = lab;
        this.name = name;
    }

    /** The name {@code ip netns} knows it by, e.g. {@code ipk-4711-a1b2-hostA}. */
    public String name() {
        return name;
    }

    /** Assigns {@code cidr} to {@code interfaceName}; only 198.18.0.0/15 is accepted (see {@link TestNet}). */
    public Namespace addAddress(String interfaceName, String cidr) {
        String checked = TestNet.requireTestNetCidr(cidr);
        ip("addr", "add", checked, "dev", interfaceName);
        return this;
    }

    /** Runs {@code ip -n NAME args…} and fails with its output unless it succeeded. */
    public CommandResult ip(String... args) {
        List<String> command = new ArrayList<>(List.of(NetnsLab.ip(), "-n", name));
        command.addAll(List.of(args));
        return Commands.run(command).orThrow();
    }

    /** Runs a command inside the namespace ({@code ip netns exec}) to completion (30 s at most). */
    public CommandResult exec(String... command) {
        List<String> full = new ArrayList<>(List.of(NetnsLab.ip(), "netns", "exec", name));
        full.addAll(List.of(command));
        return Commands.run(full);
    }

    /** Writes a per-namespace sysctl, e.g. {@code net.ipv4.icmp_echo_ignore_all} = {@code 1}. */
    public Namespace sysctl(String key, String value) {
        if (!key.matches("net\\.[A-Za-z0-9_.-]+")) {
            throw new IllegalArgumentException("only per-namespace net.* sysctls may be set, not '" + key + "'");
        }
        if (!value.matches("[A-Za-z0-9 ._:-]{1,64}")) {
            throw new IllegalArgumentException("not a plain sysctl value: '" + value + "'");
        }
        exec("sh", "-c", "echo " + value + " > /proc/sys/" + key.replace('.', '/')).orThrow();
        return this;
    }

    /** Starts {@code command} inside the namespace; the lab kills it when it closes. */
    public NamespaceProcess start(String... command) {
        List<String> full = new ArrayList<>(List.of(NetnsLab.ip(), "netns", "exec", name));
        full.addAll(List.of(command));
        try {
            Process process = new ProcessBuilder(full).redirectInput(ProcessBuilder.Redirect.PIPE).start();
            NamespaceProcess started = new NamespaceProcess(String.join(" ", command) + " in " + name, process);
            lab.track(started);
            return started;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + String.join(" ", full), e);
        }
    }

    /**
     * Starts a JVM inside the namespace running {@code mainClass} with this JVM's java binary and class path, and
     * native access enabled (so it may use FFM, e.g. raw sockets).
     */
    public NamespaceProcess startJava(String mainClass, String... args) {
        List<String> command = new ArrayList<>(List.of(
                javaBinary(), "-cp", System.getProperty("java.class.path"),
                "--enable-native-access=ALL-UNNAMED", "-Xshare:auto", "-XX:TieredStopAtLevel=1", mainClass));
        command.addAll(List.of(args));
        return start(command.toArray(String[]::new));
    }

    static String javaBinary() {
        return ProcessHandle.current().info().command()
                .orElse(System.getProperty("java.home") + "/bin/java");
    }

    @Override
    public String toString() {
        return name;
    }
}
