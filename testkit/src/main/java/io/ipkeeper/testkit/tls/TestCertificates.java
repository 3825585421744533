package io.ipkeeper.testkit.tls;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A private CA and server certificates signed by it, generated at test time with the JDK's {@code keytool} (no
 * private key is ever committed). Every file is PEM, as an operator would hand them to {@code ipkeeper server}.
 *
 * <pre>{@code
 * TestCertificates ca = TestCertificates.create(tempDir);
 * TestCertificates.Server s = ca.server("rsa", "ip:127.0.0.1");   // s.chain(), s.key(), ca.caFile()
 * }</pre>
 */
public final class TestCertificates {
    private static final String PASSWORD = "test-only";

    private final AtomicInteger serial = new AtomicInteger();
    private final Path dir;
    private final Path caStore;
    private final Path caFile;

    /** A server certificate (chain: server, then CA) and its unencrypted PKCS#8 key. */
    public record Server(Path chain, Path key) {}

    private TestCertificates(Path dir, Path caStore, Path caFile) {
        this.dir = dir;
        this.caStore = caStore;
        this.caFile = caFile;
    }

    /** A new CA (EC P-256, valid for 2 days) in {@code dir}. */
    public static TestCertificates create(Path dir) {
        Path store = dir.resolve("ca.p12");
        Path pem = dir.resolve("ca.pem");
        keytool("-genkeypair", "-alias", "ca", "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=ipkeeper test CA",
                "-ext", "bc:c", "-validity", "2", "-keystore", store.toString(), "-storetype", "PKCS12",
                "-storepass", PASSWORD);
        keytool("-exportcert", "-rfc", "-alias", "ca", "-keystore", store.toString(), "-storepass", PASSWORD,
                "-file", pem.toString());
        return new TestCertificates(dir, store, pem);
    }

    /** The CA certificate (PEM): what a client passes as {@code --ca-file}. */
    public Path caFile() {
        return caFile;
    }

    /** A valid server certificate; {@code keyAlg} is {@code rsa} or {@code ec}, {@code san} e.g. {@code ip:127.0.0.1}. */
    public Server server(String keyAlg, String san) {
        return server(keyAlg, san, "0d", 2);
    }

    /**
     * A server certificate valid from {@code startDate} (keytool syntax, e.g. {@code -10d}) for {@code validityDays}:
     * {@code server("rsa", "ip:127.0.0.1", "-10d", 1)} is one that expired nine days ago.
     */
    public Server server(String keyAlg, String san, String startDate, int validityDays) {
        String name = "server-" + serial.incrementAndGet() + "-" + keyAlg;
        Path store = dir.resolve(name + ".p12");
        Path csr = dir.resolve(name + ".csr");
        Path leaf = dir.resolve(name + ".leaf.pem");
        List<String> gen = new ArrayList<>(List.of("-genkeypair", "-alias", "server", "-dname", "CN=" + san.replaceFirst("^\\w+:", ""),
                "-keystore", store.toString(), "-storetype", "PKCS12", "-storepass", PASSWORD));
        gen.addAll(keyAlg.equals("ec") ? List.of("-keyalg", "EC", "-groupname", "secp256r1")
                : List.of("-keyalg", "RSA", "-keysize", "2048"));
        keytool(gen.toArray(String[]::new));
        keytool("-certreq", "-alias", "server", "-keystore", store.toString(), "-storepass", PASSWORD,
                "-file", csr.toString());
        keytool("-gencert", "-rfc", "-alias", "ca", "-keystore", caStore.toString(), "-storepass", PASSWORD,
                "-infile", csr.toString(), "-outfile", leaf.toString(), "-ext", "san=" + san, "-ext", "eku=serverAuth",
                "-startdate", startDate.equals("0d") ? "+0d" : startDate, "-validity", String.valueOf(validityDays));
        try {
            Path chain = dir.resolve(name + ".chain.pem");
            Files.writeString(chain, Files.readString(leaf) + Files.readString(caFile));
            Path key = dir.resolve(name + ".key.pem");
            Files.writeString(key, pem("PRIVATE KEY", privateKey(store).getEncoded()));
            return new Server(chain, key);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static PrivateKey privateKey(Path store) {
        try (InputStream in = Files.newInputStream(store)) {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(in, PASSWORD.toCharArray());
            return (PrivateKey) ks.getKey("server", PASSWORD.toCharArray());
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot read the generated key from " + store, e);
        }
    }

    /** {@code -----BEGIN label-----}, base64 in 64-column lines, {@code -----END label-----}. */
    public static String pem(String label, byte[] der) {
        return "-----BEGIN " + label + "-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
                + "\n-----END " + label + "-----\n";
    }

    private static void keytool(String... args) {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        cmd.addAll(List.of(args));
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                p.destroyForcibly();
                throw new IllegalStateException("keytool " + String.join(" ", args) + " failed: " + out);
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot run keytool from " + cmd.get(0), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
