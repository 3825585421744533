package io.ipkeeper.agent.arp;

import static org.assertj.core.api.Assertions.assertThat;

import io.ipkeeper.testkit.Prerequisites;
import io.ipkeeper.testkit.Prerequisites.Prerequisite;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * As root the check passes. The no-capability path is tested for real: a child JVM runs the check under
 * {@code setpriv} as user nobody with every capability dropped, and must report inventory-only mode with the how-to.
 */
@Tag("netns")
class RawSocketCapabilityTest {

    @Test
    void rootIsCapable() {
        Prerequisites.require(Prerequisite.NETNS, "root".equals(System.getProperty("user.name")), "raw sockets need CAP_NET_RAW", "Run the tests as root.");
        RawSocketCapability.Report report = RawSocketCapability.check();
        assertThat(report.capable()).as(report.message()).isTrue();
    }

    @Test
    void withoutCapNetRawTheReportSaysInventoryOnlyAndHowToFixIt() throws Exception {
        Path setpriv = Stream.of("/usr/bin/setpriv", "/bin/setpriv").map(Path::of).filter(Files::isExecutable).findFirst().orElse(null);
        Prerequisites.require(Prerequisite.NETNS, "root".equals(System.getProperty("user.name")) && setpriv != null,
                "dropping privileges needs root and setpriv", "Run as root with util-linux installed.");
        // Only this module's own classes: nobody cannot read the Maven repository under /root, and the check needs nothing else.
        String classPath = Stream.of(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(p -> p.contains("agent" + File.separator + "target"))
                .reduce((a, b) -> a + File.pathSeparator + b).orElseThrow();
        String java = ProcessHandle.current().info().command().orElseThrow();
        Process child = new ProcessBuilder(List.of(setpriv.toString(), "--reuid=65534", "--regid=65534", "--clear-groups",
                "--inh-caps=-all", "--bounding-set=-all", java, "-XX:-UsePerfData", "--enable-native-access=ALL-UNNAMED",
                "-cp", classPath, CapabilityCheckMain.class.getName()))
                .redirectErrorStream(true)
                .start();
        assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(child.exitValue()).as(output).isZero();
        assertThat(output).contains("capable=false")
                .contains("inventory-only mode")
                .contains("CAP_NET_RAW is required: run as root or `setcap cap_net_raw+ep`")
                .contains("EPERM");
    }
}
