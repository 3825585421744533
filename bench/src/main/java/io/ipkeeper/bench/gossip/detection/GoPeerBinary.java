package io.ipkeeper.bench.gossip.detection;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Finds or builds the project's Go test peer. The bench jar does not ship the testkit (a test dependency), so this
 * repeats {@code io.ipkeeper.testkit.peers.GoToolchain}'s cache layout ({@code $TMPDIR/ipkeeper-go-$USER/testpeer-<sha>})
 * and build (GOPATH mode against Debian's memberlist 0.2.2 sources): a binary the interop tests built is reused as is.
 */
final class GoPeerBinary {
    static final Path SOURCE = Path.of("testkit/src/main/go/testpeer/testpeer.go");
    private static final String DEBIAN_GOPATH = "/usr/share/gocode";

    private GoPeerBinary() {}

    static Path locate() throws IOException, InterruptedException {
        if (!Files.isRegularFile(SOURCE)) {
            throw new IllegalStateException("run from the repository root (no " + SOURCE + "), or pass --go-peer PATH");
        }
        byte[] source = Files.readAllBytes(SOURCE);
        Path work = Path.of(System.getProperty("java.io.tmpdir"), "ipkeeper-go-" + System.getProperty("user.name", "user"));
        Path dir = work.resolve("testpeer-" + sha256(source).substring(0, 16));
        Path binary = dir.resolve("testpeer");
        if (Files.isExecutable(binary)) {
            return binary;
        }
        Path src = dir.resolve("src/testpeer/testpeer.go");
        Files.createDirectories(src.getParent());
        Files.write(src, source);
        Path partial = dir.resolve("testpeer.bench-partial");
        ProcessBuilder pb = new ProcessBuilder(List.of(goCommand(), "build", "-o", partial.toString(), src.toString()))
                .directory(src.getParent().toFile()).redirectErrorStream(true).redirectOutput(dir.resolve("build.log").toFile());
        pb.environment().put("GO111MODULE", "off");
        pb.environment().put("GOPATH", work.resolve("gopath") + ":" + DEBIAN_GOPATH);
        pb.environment().put("GOCACHE", work.resolve("gocache").toString());
        pb.environment().put("CGO_ENABLED", "0");
        Process p = pb.start();
        if (!p.waitFor(5, TimeUnit.MINUTES) || p.exitValue() != 0) {
            p.destroyForcibly();
            throw new IllegalStateException("go build of the test peer failed; see " + dir.resolve("build.log"));
        }
        Files.move(partial, binary, StandardCopyOption.REPLACE_EXISTING);
        return binary;
    }

    private static String goCommand() {
        for (String candidate : List.of("/usr/lib/go/bin/go", "/usr/local/go/bin/go", "/usr/bin/go")) {
            if (Files.isExecutable(Path.of(candidate))) {
                return candidate;
            }
        }
        return "go";
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
