package io.ipkeeper.ipam.internal;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import io.ipkeeper.ipam.model.Allocation;
import java.time.Instant;

/**
 * An allocation as JSON, written by hand: the audit row of every allocation carries one, and Jackson's reflective
 * record serializer cost more CPU per allocation than the rest of the audit insert. The text is exactly what
 * {@link Json#write} produces for the record (component order, {@code null}s, the enum's name, addresses and instants
 * as their text forms), which {@code AllocationJsonTest} checks against Jackson for random rows, so stored audit
 * events read back the same whichever wrote them.
 */
final class AllocationJson {

    private AllocationJson() {}

    static String write(Allocation a) {
        if (a == null) {
            return null;
        }
        StringBuilder sb = new StringBuilder(384);
        sb.append("{\"id\":").append(a.id());
        sb.append(",\"spaceId\":").append(a.spaceId());
        sb.append(",\"subnetId\":").append(a.subnetId());
        sb.append(",\"rangeId\":").append(a.rangeId() == null ? "null" : a.rangeId().toString());
        string(sb.append(",\"address\":"), a.address() == null ? null : a.address().toString());
        string(sb.append(",\"state\":"), a.state() == null ? null : a.state().name());
        string(sb.append(",\"owner\":"), a.owner());
        string(sb.append(",\"hostname\":"), a.hostname());
        string(sb.append(",\"mac\":"), a.mac());
        string(sb.append(",\"purpose\":"), a.purpose());
        string(sb.append(",\"description\":"), a.description());
        instant(sb.append(",\"expiresAt\":"), a.expiresAt());
        instant(sb.append(",\"releasedAt\":"), a.releasedAt());
        instant(sb.append(",\"quarantineUntil\":"), a.quarantineUntil());
        string(sb.append(",\"idempotencyKey\":"), a.idempotencyKey());
        string(sb.append(",\"createdBy\":"), a.createdBy());
        instant(sb.append(",\"createdAt\":"), a.createdAt());
        return sb.append('}').toString();
    }

    private static void instant(StringBuilder sb, Instant t) {
        string(sb, t == null ? null : t.toString());
    }

    /** A JSON string, escaped by Jackson's own encoder (so exactly as {@link Json#write} escapes it). */
    private static void string(StringBuilder sb, String s) {
        if (s == null) {
            sb.append("null");
            return;
        }
        sb.append('"').append(JsonStringEncoder.getInstance().quoteAsString(s)).append('"');
    }
}
