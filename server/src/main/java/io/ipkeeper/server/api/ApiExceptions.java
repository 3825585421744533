package io.ipkeeper.server.api;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.ipkeeper.ipam.error.AddressNotAvailable;
import io.ipkeeper.ipam.error.AllocationInContainer;
import io.ipkeeper.ipam.error.IdempotencyConflict;
import io.ipkeeper.ipam.error.IpamException;
import io.ipkeeper.ipam.error.MalformedPrefix;
import io.ipkeeper.ipam.error.NotFound;
import io.ipkeeper.ipam.error.OverlappingRange;
import io.ipkeeper.ipam.error.OverlappingSubnet;
import io.ipkeeper.ipam.error.OwnerNotPermitted;
import io.ipkeeper.ipam.error.PoolExhausted;
import io.ipkeeper.ipam.error.SubnetNotEmpty;
import io.ipkeeper.ipam.error.VettingFailed;
import io.ipkeeper.ipam.internal.Rows;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Problem documents for the API's own failures, on top of {@link ApiErrors}: typed IPAM errors, JSON bodies with
 * unknown or mistyped fields, and concurrent-change conflicts. Each says what to fix. Javalin picks the most specific
 * handler, so these take precedence over the generic ones in {@link ApiErrors}.
 */
public final class ApiExceptions {
    private static final Logger log = LoggerFactory.getLogger(ApiExceptions.class);

    private ApiExceptions() {}

    public static void register(RoutesConfig routes) {
        routes.exception(ApiProblem.class, (e, ctx) -> send(ctx, e.problem()));
        routes.exception(IpamException.class, (e, ctx) -> send(ctx, ipam(e)));
        routes.exception(UnrecognizedPropertyException.class, (e, ctx) -> {
            String known = e.getKnownPropertyIds() == null ? "" : e.getKnownPropertyIds().stream().map(String::valueOf)
                    .sorted().collect(Collectors.joining(", "));
            send(ctx, Problem.of(400, "unknown-field", "Unknown field", "the body has an unknown field '"
                    + path(e) + "'; remove it" + (known.isEmpty() ? "" : " (known fields: " + known + ")"), null));
        });
        routes.exception(MismatchedInputException.class, (e, ctx) -> send(ctx, Problem.of(400, "bad-field",
                "Wrong type of field", e.getPath().isEmpty() ? "the body has the wrong shape: " + e.getOriginalMessage()
                        : "field '" + path(e) + "' has the wrong type or format: " + e.getOriginalMessage(), null)));
        routes.exception(UnableToExecuteStatementException.class, (e, ctx) -> {
            if (!Rows.isUniqueViolation(e)) {
                String id = UUID.randomUUID().toString();
                log.error("unexpected error {} on {} {}", id, ctx.method(), ctx.path(), e);
                send(ctx, Problem.of(500, "internal-error", "Internal server error",
                        "an unexpected error occurred; the server log has details under error id " + id, null));
                return;
            }
            send(ctx, Problem.of(409, "concurrent-change", "Conflict",
                    "a concurrent request created the same thing first; read it again and retry if still needed", null));
        });
    }

    private static String path(JsonMappingException e) {
        return e.getPath().stream().map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                .collect(Collectors.joining("."));
    }

    static void send(Context ctx, Problem p) {
        Problem withInstance = p.instance() == null
                ? new Problem(p.type(), p.title(), p.status(), p.detail(), ctx.path(), p.extensions()) : p;
        ApiErrors.send(ctx, withInstance);
    }

    /** Status by what the caller can do about it: 404 missing, 409 state conflicts, 422 bad values. */
    static Problem ipam(IpamException e) {
        String kind = e.code().replace('_', '-');
        return switch (e) {
            case NotFound n -> Problem.of(404, kind, "Not found", e.getMessage(), null);
            case PoolExhausted p -> Problem.of(409, kind, "Not enough free addresses", e.getMessage(), null)
                    .with(Map.of("requested", p.requested(), "available", p.available()));
            case OverlappingSubnet o -> Problem.of(409, kind, "Overlapping subnet", e.getMessage(), null);
            case OverlappingRange o -> Problem.of(409, kind, "Overlapping range", e.getMessage(), null);
            case SubnetNotEmpty s -> Problem.of(409, kind, "Not empty", e.getMessage(), null);
            case AddressNotAvailable a -> Problem.of(409, kind, "Address not available", e.getMessage(), null);
            case AllocationInContainer a -> Problem.of(409, kind, "Subnet is a container", e.getMessage(), null);
            case IdempotencyConflict i -> Problem.of(422, kind, "Idempotency key reused", e.getMessage()
                    + "; send a new key for a different request", null);
            case OwnerNotPermitted o -> Problem.of(403, kind, "Owner not permitted", e.getMessage(), null);
            case VettingFailed v -> Problem.of(503, kind, "Vetting failed", e.getMessage() + "; retry later", null);
            case MalformedPrefix m -> {
                Map<String, Object> ext = new LinkedHashMap<>();
                m.suggestion().ifPresent(s -> ext.put("suggestion", s));
                yield Problem.of(422, kind, "Malformed prefix", e.getMessage(), null).with(ext);
            }
            default -> Problem.of(422, kind, "Invalid request", e.getMessage(), null);
        };
    }
}
