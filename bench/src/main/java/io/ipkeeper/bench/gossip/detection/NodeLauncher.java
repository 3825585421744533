package io.ipkeeper.bench.gossip.detection;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * How to start one node of a cluster. The Go test peer and {@code ipkeeper gossip} take the same flags, so only the
 * program in front differs.
 */
record NodeLauncher(String label, List<String> program, String profile) {

    /** The project's Go test peer (memberlist 0.2.2). */
    static NodeLauncher go(Path binary, String profile) {
        return new NodeLauncher("Go", List.of(binary.toString()), profile);
    }

    /** {@code java FLAGS -jar ipkeeper.jar gossip}. */
    static NodeLauncher java(String label, Path javaBinary, List<String> jvmFlags, Path jar, String profile) {
        List<String> program = new ArrayList<>();
        program.add(javaBinary.toString());
        program.addAll(jvmFlags);
        program.addAll(List.of("-jar", jar.toString(), "gossip"));
        return new NodeLauncher(label, List.copyOf(program), profile);
    }

    /**
     * The command for node {@code name} on {@code port}. A members snapshot every 500 ms lets the harness see when the
     * cluster is whole again and catch suspicions; {@code -exit-on-eof} ends the node if the harness itself dies.
     */
    List<String> command(String name, int port, List<String> seeds) {
        List<String> cmd = new ArrayList<>(program);
        cmd.addAll(List.of("-name", name, "-bind", "127.0.0.1", "-port", Integer.toString(port), "-profile", profile,
                "-members-every", "500ms", "-exit-on-eof"));
        if (!seeds.isEmpty()) {
            cmd.addAll(List.of("-join", String.join(",", seeds)));
        }
        return cmd;
    }
}
