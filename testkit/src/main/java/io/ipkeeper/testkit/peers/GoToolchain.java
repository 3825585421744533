package io.ipkeeper.testkit.peers;

import io.ipkeeper.testkit.Prerequisites;
import io.ipkeeper.testkit.Prerequisites.Prerequisite;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Builds the project's Go test peer ({@code src/main/go/testpeer/testpeer.go}, shipped in this jar) once per JVM,
 * offline, against Debian's memberlist 0.2.2 sources in GOPATH mode.
 *
 * <p>The binary is cached under {@link #workDir()} in a folder named after the source's hash, so test JVMs of every
 * module share one build and a changed source builds anew; a file lock keeps parallel JVMs from building at once.
 * Go's build cache lives there too ({@code GOCACHE}), not in the user's home.
 */
public final class GoToolchain {

    static final String SOURCE_RESOURCE = "/io/ipkeeper/testkit/peers/go/testpeer/testpeer.go";
    /** Where Debian's {@code golang-*-dev} packages put Go sources; the second GOPATH entry. */
    static final Path DEBIAN_GOPATH = Path.of("/usr/share/gocode");
    static final Path MEMBERLIST_SOURCES = DEBIAN_GOPATH.resolve("src/github.com/hashicorp/memberlist");
    private static final String HOW_TO_GET =
            "Install Go and the memberlist sources: apt-get install -y golang-go golang-github-hashicorp-memberlist-dev.";

    private static Path testPeer;

    private GoToolchain() {}

    /** The {@code go} command: on PATH, or where Debian's golang-go puts it. */
    public static Optional<Path> findGo() {
        return Processes.findExecutable("go", "/usr/lib/go/bin/go", "/usr/local/go/bin/go");
    }

    /**
     * The built test peer, building it first if needed. A missing Go, missing memberlist sources or a failed build
     * fails the calling test through {@link Prerequisites} (or skips it under {@code IPKEEPER_TEST_SKIP=go}).
     */
    public static synchronized Path testPeerBinary() {
        if (testPeer != null && Files.isExecutable(testPeer)) {
            return testPeer;
        }
        Optional<Path> go = findGo();
        Prerequisites.require(Prerequisite.GO, go.isPresent(), "no go command on PATH", HOW_TO_GET);
        Prerequisites.require(Prerequisite.GO, Files.isDirectory(MEMBERLIST_SOURCES),
                "no memberlist sources in " + MEMBERLIST_SOURCES, HOW_TO_GET);
        byte[] source = testPeerSource();
        Path dir = workDir().resolve("testpeer-" + sha256(source).substring(0, 16));
        Path binary = dir.resolve("testpeer");
        try {
            Files.createDirectories(dir);
            try (FileChannel lockFile = FileChannel.open(workDir().resolve("build.lock"),
                            StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                    FileLock ignored = lockFile.lock()) {
                if (!Files.isExecutable(binary)) {
                    build(go.get(), source, dir, binary);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot build the Go test peer in " + dir, e);
        }
        testPeer = binary;
        return binary;
    }

    /** The test peer's Go source as shipped in this jar. */
    public static byte[] testPeerSource() {
        try (InputStream in = GoToolchain.class.getResourceAsStream(SOURCE_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("resource " + SOURCE_RESOURCE + " is missing from the testkit jar");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Where builds and Go's cache live: the system property {@code ipkeeper.go.workdir}, else a per-user folder in the
     * temp directory (shared by all modules' test JVMs, and surviving {@code mvn clean}).
     */
    public static Path workDir() {
        String configured = System.getProperty("ipkeeper.go.workdir");
        Path dir = configured != null && !configured.isBlank()
                ? Path.of(configured)
                : Path.of(System.getProperty("java.io.tmpdir"), "ipkeeper-go-" + System.getProperty("user.name", "user"));
        try {
            return Files.createDirectories(dir).toAbsolutePath();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + dir, e);
        }
    }

    private static void build(Path go, byte[] source, Path dir, Path binary) throws IOException {
        Path srcFile = dir.resolve("src/testpeer/testpeer.go");
        Files.createDirectories(srcFile.getParent());
        Files.write(srcFile, source);
        Path work = workDir();
        Path partial = dir.resolve("testpeer.partial");
        Path log = dir.resolve("build.log");
        ProcessBuilder pb = new ProcessBuilder(List.of(go.toString(), "build", "-o", partial.toString(), srcFile.toString()))
                .directory(srcFile.getParent().toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        Map<String, String> env = pb.environment();
        env.put("GO111MODULE", "off");
        env.put("GOPATH", work.resolve("gopath") + ":" + DEBIAN_GOPATH);
        env.put("GOCACHE", work.resolve("gocache").toString());
        env.put("GOFLAGS", "");
        env.put("CGO_ENABLED", "0"); // no C compiler needed, and a static binary
        env.putIfAbsent("HOME", work.toString());
        Process process = pb.start();
        boolean finished;
        try {
            finished = process.waitFor(5, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while building the Go test peer", e);
        }
        if (!finished) {
            process.destroyForcibly();
        }
        boolean built = finished && process.exitValue() == 0 && Files.isRegularFile(partial);
        Prerequisites.require(Prerequisite.GO, built,
                "go build of the test peer failed (" + (finished ? "exit " + process.exitValue() : "timed out") + "): "
                        + Processes.tail(log, 3000),
                HOW_TO_GET);
        Files.move(partial, binary, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
