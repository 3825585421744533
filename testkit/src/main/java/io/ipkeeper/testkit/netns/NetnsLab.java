package io.ipkeeper.testkit.netns;

import io.ipkeeper.testkit.Prerequisites;
import io.ipkeeper.testkit.Prerequisites.Prerequisite;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A set of network namespaces for one test, torn down together. Names are {@code ipk-<pid>-<random>-<label>}, so
 * concurrent runs never collide and a later run can tell a dead run's leftovers from a live run's namespaces.
 *
 * <pre>{@code
 * try (NetnsLab lab = NetnsLab.create()) {
 *     Namespace a = lab.namespace("a"), b = lab.namespace("b");
 *     lab.connect(a, "eth0", b, "eth0");
 *     a.addAddress("eth0", "198.18.0.1/24");
 *     b.addAddress("eth0", "198.18.0.2/24");
 *     NamespaceProcess p = b.startJava(SomeMain.class.getName(), "arg");
 * }
 * }</pre>
 *
 * <p>Nothing here touches the host's own namespace: veth pairs are created inside a lab namespace and their peer moved
 * straight into another, and only 198.18.0.0/15 addresses are assigned. Closing kills the lab's processes first, then
 * deletes its namespaces; a JVM shutdown hook does the same for labs a test forgot, and {@link #create()} removes
 * namespaces left by runs whose JVM is gone.
 */
public final class NetnsLab implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(NetnsLab.class);
    public static final String PREFIX = "ipk-";
    private static final Pattern OURS = Pattern.compile("ipk-(\\d+)-[0-9a-f]{4}(-.*)?");
    private static final Path NETNS_DIR = Path.of("/run/netns");
    private static final Set<NetnsLab> open = ConcurrentHashMap.newKeySet();
    private static volatile boolean started;

    private final String id;
    private final List<Namespace> namespaces = new ArrayList<>();
    private final List<NamespaceProcess> processes = new ArrayList<>();
    private boolean closed;

    private NetnsLab() {
        this.id = PREFIX + ProcessHandle.current().pid() + "-" + HexFormat.of().toHexDigits((short) ThreadLocalRandom.current().nextInt());
    }

    /**
     * A new, empty lab. Fails the calling test (per {@link Prerequisites}) unless this runs as root with {@code ip}
     * available and {@code ip netns} working.
     */
    public static NetnsLab create() {
        Optional<String> missing = whatIsMissing();
        Prerequisites.require(Prerequisite.NETNS, missing.isEmpty(), missing.orElse(""),
                "Run the tests as root on Linux with iproute2 installed (apt-get install iproute2).");
        startOnce();
        NetnsLab lab = new NetnsLab();
        open.add(lab);
        return lab;
    }

    /** Empty when this process can create namespaces; else what is missing. */
    public static Optional<String> whatIsMissing() {
        if (!System.getProperty("os.name", "").toLowerCase().contains("linux")) {
            return Optional.of("network namespaces exist only on Linux");
        }
        if (!"root".equals(System.getProperty("user.name"))) {
            return Optional.of("not running as root (user " + System.getProperty("user.name") + ")");
        }
        if (ipOrNull() == null) {
            return Optional.of("the ip command (iproute2) is not installed");
        }
        return Optional.empty();
    }

    /** A new namespace named {@code <lab id>-<label>}, loopback up. */
    public synchronized Namespace namespace(String label) {
        ensureOpen();
        if (!label.matches("[A-Za-z0-9_]{1,20}")) {
            throw new IllegalArgumentException("namespace label must be 1-20 letters, digits or _: '" + label + "'");
        }
        String name = id + "-" + label;
        Commands.run(List.of(ip(), "netns", "add", name)).orThrow();
        Namespace namespace = new Namespace(this, name);
        namespaces.add(namespace);
        namespace.ip("link", "set", "lo", "up");
        return namespace;
    }

    /** Joins {@code a} and {@code b} with a veth pair, ends named {@code ifA} in a and {@code ifB} in b, both up. */
    public NetnsLab connect(Namespace a, String ifA, Namespace b, String ifB) {
        ensureOpen();
        veth(a, ifA, b, ifB);
        return this;
    }

    /** A switch (bridge in a namespace of its own) to attach any number of hosts to. */
    public synchronized Bridge bridge(String label) {
        return new Bridge(namespace(label));
    }

    static void veth(Namespace a, String ifA, Namespace b, String ifB) {
        requireInterfaceName(ifA);
        requireInterfaceName(ifB);
        a.ip("link", "add", ifA, "type", "veth", "peer", "name", ifB, "netns", b.name());
        a.ip("link", "set", ifA, "up");
        b.ip("link", "set", ifB, "up");
    }

    synchronized void track(NamespaceProcess process) {
        processes.add(process);
    }

    /** The names of this lab's namespaces, in creation order. */
    public synchronized List<String> namespaceNames() {
        return namespaces.stream().map(Namespace::name).toList();
    }

    /** Kills the lab's processes, then deletes its namespaces (and with them every interface in them). */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        processes.forEach(NamespaceProcess::close);
        for (Namespace namespace : namespaces.reversed()) {
            CommandResult result = Commands.run(List.of(ip(), "netns", "del", namespace.name()));
            if (!result.succeeded()) {
                log.warn("cannot delete network namespace {}: {}", namespace.name(), result);
            }
        }
        open.remove(this);
    }

    private void ensureOpen() {
        if (closed) {
            throw new IllegalStateException("this netns lab is closed");
        }
    }

    private static void requireInterfaceName(String name) {
        if (!name.matches("[A-Za-z0-9_.-]{1,15}")) {
            throw new IllegalArgumentException("not a valid interface name (1-15 of A-Z a-z 0-9 _ . -): '" + name + "'");
        }
    }

    private static synchronized void startOnce() {
        if (started) {
            return;
        }
        started = true;
        Runtime.getRuntime().addShutdownHook(new Thread(() -> List.copyOf(open).forEach(NetnsLab::close), "netns-lab-teardown"));
        removeStale();
    }

    /**
     * Deletes {@code ipk-<pid>-…} namespaces whose creating JVM is gone (or whose pid now belongs to a process started
     * after the namespace was made); never another live run's.
     */
    static List<String> removeStale() {
        List<String> removed = new ArrayList<>();
        if (!Files.isDirectory(NETNS_DIR)) {
            return removed;
        }
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(NETNS_DIR, PREFIX + "*")) {
            for (Path entry : entries) {
                String name = entry.getFileName().toString();
                if (isStale(name, entry)) {
                    CommandResult result = Commands.run(List.of(ip(), "netns", "del", name));
                    if (result.succeeded()) {
                        removed.add(name);
                    }
                }
            }
        } catch (IOException e) {
            log.warn("cannot list {} to remove stale test namespaces: {}", NETNS_DIR, e.toString());
        }
        if (!removed.isEmpty()) {
            log.info("removed stale test network namespaces left by earlier runs: {}", removed);
        }
        return removed;
    }

    private static boolean isStale(String name, Path entry) throws IOException {
        Matcher m = OURS.matcher(name);
        if (!m.matches()) {
            return false;
        }
        long pid = Long.parseLong(m.group(1));
        Optional<ProcessHandle> creator = ProcessHandle.of(pid);
        if (creator.isEmpty()) {
            return true;
        }
        long createdMillis = Files.getLastModifiedTime(entry).toMillis();
        return creator.get().info().startInstant().map(s -> s.toEpochMilli() > createdMillis).orElse(false);
    }

    static String ip() {
        String ip = ipOrNull();
        if (ip == null) {
            throw new IllegalStateException("the ip command (iproute2) is not installed");
        }
        return ip;
    }

    private static String ipOrNull() {
        for (String candidate : List.of("/usr/sbin/ip", "/sbin/ip", "/usr/bin/ip", "/bin/ip")) {
            if (Files.isExecutable(Path.of(candidate))) {
                return candidate;
            }
        }
        return null;
    }
}
