package io.ipkeeper.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.ipkeeper.ipam.Ipam;
import io.ipkeeper.ipam.model.AddressSpace;
import io.javalin.http.Context;

/** Resolving references in requests: path ids, and a space given by id or by name. */
public final class Lookups {
    private Lookups() {}

    /** A numeric path parameter, or 404 (an id that is not a number names nothing). */
    public static long id(Context ctx, String name) {
        String v = ctx.pathParam(name);
        try {
            long id = Long.parseLong(v);
            if (id > 0) {
                return id;
            }
        } catch (NumberFormatException ignored) {
            // falls through to the problem below
        }
        throw ApiProblem.notFound("'" + v + "' is not a valid id; ids are positive whole numbers");
    }

    /** A space by id (number, or digits) or by name; 422 when there is none, since the reference is in the request. */
    public static AddressSpace space(Ipam ipam, String ref) {
        if (ref == null || ref.isBlank()) {
            throw ApiProblem.invalid("'space' is required: give the space's id or name");
        }
        String r = ref.strip();
        for (AddressSpace s : ipam.spaces().list()) {
            if (s.name().equals(r) || (r.chars().allMatch(Character::isDigit) && String.valueOf(s.id()).equals(r))) {
                return s;
            }
        }
        throw ApiProblem.invalid("no address space has the id or name '" + r + "'; list them with GET /api/v1/spaces");
    }

    public static AddressSpace space(Ipam ipam, JsonNode ref) {
        if (ref == null || ref.isNull()) {
            return space(ipam, (String) null);
        }
        if (!ref.isTextual() && !ref.isIntegralNumber()) {
            throw ApiProblem.badRequest("'space' must be the space's id (a number) or name (a string)");
        }
        return space(ipam, ref.asText());
    }
}
