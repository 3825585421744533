package io.ipkeeper.server.netbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.ipkeeper.testkit.Prerequisites;
import io.ipkeeper.testkit.Prerequisites.Prerequisite;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs the real NetBox clients from Debian (system python3 with pynetbox, ansible-playbook) as child processes. */
final class Clients {
    /** Debian's python, not a pyenv one first on PATH: python3-pynetbox is installed for this one. */
    static final Path PYTHON = Path.of("/usr/bin/python3");
    static final Path ANSIBLE_PLAYBOOK = Path.of("/usr/bin/ansible-playbook");
    /** A bound against a hung client, far above the few seconds a run takes; not a speed assertion. */
    private static final long BOUND_MINUTES = 5;

    private Clients() {}

    record Run(int exit, String out, String err) {
        Run ok() {
            assertThat(exit).as("exit code; stdout:%n%s%nstderr:%n%s", out, err).isZero();
            return this;
        }
    }

    static void requirePynetbox() {
        Prerequisites.require(Prerequisite.PYNETBOX, Files.isExecutable(PYTHON)
                        && Files.isDirectory(Path.of("/usr/lib/python3/dist-packages/pynetbox")),
                "/usr/bin/python3 cannot import pynetbox", "Install it with: apt-get install python3-pynetbox.");
    }

    static void requireAnsible() {
        requirePynetbox();
        Prerequisites.require(Prerequisite.ANSIBLE, Files.isExecutable(ANSIBLE_PLAYBOOK) && Files.isDirectory(
                        Path.of("/usr/lib/python3/dist-packages/ansible_collections/netbox/netbox")),
                "no ansible-playbook with the netbox.netbox collection", "Install it with: apt-get install ansible.");
    }

    /** A file kept under src/test/resources/netbox. */
    static Path resource(String name) {
        try {
            return Path.of(Clients.class.getResource("/netbox/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static Process start(List<String> command, Map<String, String> env, Path dir) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile());
        // keep the clients to what Debian installed: no user site-packages or pyenv paths leaking in
        pb.environment().remove("PYTHONPATH");
        pb.environment().remove("PYTHONHOME");
        pb.environment().put("PYTHONNOUSERSITE", "1");
        pb.environment().putAll(env);
        return pb.start();
    }

    static Run finish(Process p) throws InterruptedException {
        // both streams are drained in the background, so a chatty client cannot block on a full pipe
        StringBuilder out = new StringBuilder();
        StringBuilder err = new StringBuilder();
        Thread outReader = drain(p.getInputStream(), out);
        Thread errReader = drain(p.getErrorStream(), err);
        if (!p.waitFor(BOUND_MINUTES, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new AssertionError("client still running after " + BOUND_MINUTES + " minutes");
        }
        outReader.join();
        errReader.join();
        return new Run(p.exitValue(), out.toString(), err.toString());
    }

    private static Thread drain(java.io.InputStream in, StringBuilder into) {
        return Thread.ofVirtual().start(() -> {
            try {
                into.append(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                into.append(e);
            }
        });
    }

    static Run run(List<String> command, Map<String, String> env, Path dir) throws IOException, InterruptedException {
        return finish(start(command, env, dir));
    }
}
