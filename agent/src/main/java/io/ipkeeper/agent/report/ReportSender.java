package io.ipkeeper.agent.report;

import java.util.Map;

/** Delivers one report body to a server. {@link HttpReportSender} is the real one; tests may use their own. */
@FunctionalInterface
public interface ReportSender {

    /**
     * Sends {@code report} (the JSON object of {@code POST /api/v1/agents/report}).
     *
     * @throws ReportRejected when the server refused it for good (bad token, bad report): retrying cannot help
     * @throws ReportFailed when it may succeed later (server down, 5xx, timeout)
     */
    void send(Map<String, Object> report) throws ReportRejected, ReportFailed;

    /** The server answered, and said no (4xx). */
    final class ReportRejected extends Exception {
        private final int status;

        public ReportRejected(int status, String message) {
            super(message);
            this.status = status;
        }

        public int status() {
            return status;
        }
    }

    /** No answer, or a server-side failure (5xx). */
    final class ReportFailed extends Exception {
        public ReportFailed(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
