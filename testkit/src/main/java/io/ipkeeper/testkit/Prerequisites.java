package io.ipkeeper.testkit;

import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * The one skip policy for the whole suite.
 *
 * <p>A test whose prerequisite is missing <b>fails</b>, naming what is missing and how to get it. A developer may opt
 * out explicitly, per prerequisite, with {@code IPKEEPER_TEST_SKIP=pg,go,serf,browser,netns} (or the system property
 * {@code ipkeeper.test.skip}); the test is then reported as skipped. CI never opts out: under {@code CI=true} the
 * opt-out is ignored, so a green CI run always means every suite really ran.
 */
public final class Prerequisites {

    /** What a test can depend on, by the short name used in {@code IPKEEPER_TEST_SKIP}. */
    public enum Prerequisite {
        PG("pg", "PostgreSQL"),
        GO("go", "Go toolchain with Debian's memberlist sources"),
        SERF("serf", "Serf agent"),
        BROWSER("browser", "headless Chromium with chromedriver"),
        NETNS("netns", "root and iproute2 for network namespaces"),
        PYNETBOX("pynetbox", "Debian's python3-pynetbox for the system python3"),
        ANSIBLE("ansible", "Debian's ansible (ships the netbox.netbox collection)");

        private final String key;
        private final String label;

        Prerequisite(String key, String label) {
            this.key = key;
            this.label = label;
        }

        public String key() {
            return key;
        }

        public String label() {
            return label;
        }
    }

    private Prerequisites() {}

    /**
     * Passes when {@code present}; otherwise fails the test (or aborts it when the user opted out of {@code what}).
     *
     * @param howToGet one sentence that tells the reader how to make the prerequisite available
     */
    public static void require(Prerequisite what, boolean present, String detail, String howToGet) {
        if (present) {
            return;
        }
        String message = "Prerequisite missing: " + what.label() + (detail == null || detail.isBlank() ? "" : " (" + detail + ")")
                + ". " + howToGet + " The test command ./ipkeeper-test installs and starts it when run as root;"
                + " to skip these tests on purpose set IPKEEPER_TEST_SKIP=" + what.key() + ".";
        if (optedOut(what)) {
            Assumptions.abort("skipped by IPKEEPER_TEST_SKIP: " + message);
        }
        Assertions.fail(message);
    }

    /** True when the user explicitly opted out of tests that need {@code what} (never under CI). */
    public static boolean optedOut(Prerequisite what) {
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            return false;
        }
        return skipList().contains(what.key());
    }

    static Set<String> skipList() {
        String raw = System.getProperty("ipkeeper.test.skip", System.getenv("IPKEEPER_TEST_SKIP"));
        if (raw == null || raw.isBlank()) {
            return Set.of();
        }
        return Arrays.stream(raw.split("[,\\s]+"))
                .map(s -> s.trim().toLowerCase(Locale.ROOT))
                .filter(s -> !s.isEmpty())
                .collect(Collectors.toUnmodifiableSet());
    }
}
