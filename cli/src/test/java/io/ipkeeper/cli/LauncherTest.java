package io.ipkeeper.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The launcher scripts at the repository root: JDK detection, staleness, and one build for concurrent launches. */
class LauncherTest {
    /** Surefire runs in the module directory; the scripts live one level up. */
    private static final Path REPO = Path.of("").toAbsolutePath().getParent();

    @TempDir
    Path tmp;

    record Run(int exit, String out, String err) {}

    private Run bash(Map<String, String> env, String script, Path cwd) throws Exception {
        ProcessBuilder pb = new ProcessBuilder("bash", "-c", script).directory(cwd.toFile());
        pb.environment().remove("JAVA_HOME");
        pb.environment().putAll(env);
        Path out = Files.createTempFile(tmp, "out", ".txt");
        Path err = Files.createTempFile(tmp, "err", ".txt");
        pb.redirectOutput(out.toFile()).redirectError(err.toFile());
        Process p = pb.start();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        return new Run(p.exitValue(), Files.readString(out), Files.readString(err));
    }

    /** A directory that looks like a JDK of the given version to the launcher. */
    private Path fakeJdk(Path root, String name, String version) throws IOException {
        Path home = root.resolve(name);
        Files.createDirectories(home.resolve("bin"));
        Path java = home.resolve("bin/java");
        Files.writeString(java, "#!/bin/sh\necho 'openjdk version \"" + version + "\"' >&2\n");
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.writeString(home.resolve("release"), "IMPLEMENTOR=\"test\"\nJAVA_VERSION=\"" + version + "\"\n");
        return home;
    }

    private Run findJdk(Map<String, String> env) throws Exception {
        return bash(env, ". '" + REPO.resolve("scripts/lib/jdk.sh") + "' && ipk_find_jdk", tmp);
    }

    @Test
    void picksTheNewestJdk25OrLaterUnderTheJvmDirectory() throws Exception {
        Path jvm = tmp.resolve("jvm");
        fakeJdk(jvm, "java-17-openjdk-amd64", "17.0.15");
        fakeJdk(jvm, "temurin-25-jdk-amd64", "25.0.3");
        Path newest = fakeJdk(jvm, "jdk-26", "26");
        Files.createDirectories(jvm.resolve("not-a-jdk"));
        Run r = findJdk(Map.of("IPKEEPER_JVM_DIR", jvm.toString()));
        assertThat(r.exit()).isZero();
        assertThat(r.out().strip()).isEqualTo(newest.toString());
    }

    @Test
    void prefersJavaHomeWhenItIs25OrLater() throws Exception {
        Path jvm = tmp.resolve("jvm");
        fakeJdk(jvm, "jdk-26", "26");
        Path home = fakeJdk(tmp, "my-jdk", "25.0.1");
        Run r = findJdk(Map.of("IPKEEPER_JVM_DIR", jvm.toString(), "JAVA_HOME", home.toString()));
        assertThat(r.out().strip()).isEqualTo(home.toString());
    }

    @Test
    void ignoresAnOldJavaHomeAndReadsVersionsWithoutAReleaseFile() throws Exception {
        Path jvm = tmp.resolve("jvm");
        Path jdk25 = fakeJdk(jvm, "jdk25", "25");
        Files.delete(jdk25.resolve("release"));
        Path old = fakeJdk(tmp, "old", "17.0.2");
        Run r = findJdk(Map.of("IPKEEPER_JVM_DIR", jvm.toString(), "JAVA_HOME", old.toString()));
        assertThat(r.exit()).isZero();
        assertThat(r.out().strip()).isEqualTo(jdk25.toString());
    }

    @Test
    void failsWithAClearMessageWhenNoJdk25Exists() throws Exception {
        Path jvm = tmp.resolve("jvm");
        fakeJdk(jvm, "java-17", "17.0.15");
        fakeJdk(jvm, "java-8", "1.8.0_392");
        Run r = findJdk(Map.of("IPKEEPER_JVM_DIR", jvm.toString()));
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).contains("no JDK 25 or newer found").contains("Looked in JAVA_HOME and under " + jvm)
                .contains("set JAVA_HOME");
    }

    @Test
    void findsTheRealJdk25OnThisMachine() throws Exception {
        Run r = findJdk(Map.of());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(Path.of(r.out().strip(), "bin", "java")).isExecutable();
    }

    /**
     * Two launches at once on a fresh checkout: the first builds, the second waits on the lock and then runs the fresh
     * jar; the build runs once, and build output never reaches stdout. Maven is replaced by a stub that writes a tiny
     * runnable jar, so the test exercises the launcher, not Maven.
     */
    @Test
    void concurrentLaunchesBuildOnceAndKeepStdoutClean() throws Exception {
        Path repo = tmp.resolve("repo");
        Files.createDirectories(repo.resolve("scripts/lib"));
        Files.copy(REPO.resolve("ipkeeper"), repo.resolve("ipkeeper"));
        Files.copy(REPO.resolve("scripts/lib/jdk.sh"), repo.resolve("scripts/lib/jdk.sh"));
        Files.writeString(repo.resolve("pom.xml"), "<project/>");
        Path hello = helloJar(tmp.resolve("hello.jar"));
        Path mvnw = repo.resolve("mvnw");
        Files.writeString(mvnw, """
                #!/bin/sh
                echo "[INFO] Building ipkeeper cli 0.1.0"
                echo build >> "%s"
                sleep 2
                mkdir -p cli/target && cp "%s" cli/target/ipkeeper.jar
                """.formatted(tmp.resolve("builds.txt"), hello));
        Files.setPosixFilePermissions(mvnw, PosixFilePermissions.fromString("rwxr-xr-x"));

        String launch = "./ipkeeper one two";
        List<Process> launches = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            ProcessBuilder pb = new ProcessBuilder("bash", "-c", launch).directory(repo.toFile())
                    .redirectOutput(tmp.resolve("out" + i).toFile()).redirectError(tmp.resolve("err" + i).toFile());
            pb.environment().remove("JAVA_HOME");
            launches.add(pb.start());
        }
        for (int i = 0; i < 2; i++) {
            assertThat(launches.get(i).waitFor(120, TimeUnit.SECONDS)).isTrue();
            String err = Files.readString(tmp.resolve("err" + i));
            assertThat(launches.get(i).exitValue()).as(err).isZero();
            assertThat(Files.readString(tmp.resolve("out" + i))).isEqualTo("hello [one, two]\n");
        }
        assertThat(Files.readAllLines(tmp.resolve("builds.txt"))).hasSize(1);
        String allErr = Files.readString(tmp.resolve("err0")) + Files.readString(tmp.resolve("err1"));
        assertThat(allErr).contains("building the runnable jar").contains("another launch is building the jar");

        // Fresh now: a third launch runs without building.
        Run third = bash(Map.of(), launch, repo);
        assertThat(third.out()).isEqualTo("hello [one, two]\n");
        assertThat(third.err()).doesNotContain("building");
        assertThat(Files.readAllLines(tmp.resolve("builds.txt"))).hasSize(1);

        // A source change makes the jar stale again.
        Path src = repo.resolve("cli/src/main/java/X.java");
        Files.createDirectories(src.getParent());
        Thread.sleep(1100); // file times have 1 s granularity on some filesystems
        Files.writeString(src, "class X {}");
        Run fourth = bash(Map.of(), launch, repo);
        assertThat(fourth.err()).contains("building the runnable jar");
        assertThat(Files.readAllLines(tmp.resolve("builds.txt"))).hasSize(2);
    }

    /** Compiles a one-class jar whose main prints its arguments. */
    private Path helloJar(Path jar) throws Exception {
        Path src = tmp.resolve("hello/Hello.java");
        Files.createDirectories(src.getParent());
        Files.writeString(src, "public class Hello { public static void main(String[] a) {"
                + " System.out.println(\"hello \" + java.util.Arrays.toString(a)); } }");
        int rc = ToolProvider.getSystemJavaCompiler().run(null, null, null, "-d", src.getParent().toString(), src.toString());
        assertThat(rc).isZero();
        Manifest mf = new Manifest();
        mf.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        mf.getMainAttributes().put(Attributes.Name.MAIN_CLASS, "Hello");
        try (OutputStream os = Files.newOutputStream(jar); JarOutputStream jos = new JarOutputStream(os, mf)) {
            jos.putNextEntry(new java.util.jar.JarEntry("Hello.class"));
            jos.write(Files.readAllBytes(src.getParent().resolve("Hello.class")));
            jos.closeEntry();
        }
        assertThat(new String(Files.readAllBytes(jar), StandardCharsets.ISO_8859_1)).isNotEmpty();
        return jar;
    }
}
