package io.ipkeeper.server.netbox.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.ipkeeper.ipam.error.MalformedAddress;
import io.ipkeeper.ipam.model.AddressSpace;
import io.ipkeeper.ipam.net.IpAddress;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The writable fields of a NetBox IP address as ipkeeper understands them. Unknown keys are ignored (NetBox ignores
 * them too, and Ansible sends its whole {@code data}, {@code prefix} included). Relations ipkeeper does not model are
 * accepted when empty ({@code null}, {@code ""}, {@code 0}, {@code []}, {@code {}}) and rejected with a field 400 when
 * they carry a real value, so nothing a client asked for is silently dropped.
 *
 * @param address  the address and mask ({@code null} when absent; the mask is null when the client gave none)
 * @param spaceId  the space named by {@code vrf} (null when {@code vrf} was absent)
 * @param status   {@code active} or {@code reserved}, null when absent
 * @param dnsName  the hostname ("" clears it), null when absent
 */
public record AddressFields(IpAddress address, Integer mask, Long spaceId, String status, String dnsName,
                            String description, Integer prefixLength) {

    static final List<String> UNSUPPORTED = List.of("tenant", "role", "assigned_object_type", "assigned_object_id",
            "nat_inside", "nat_outside", "owner", "comments", "tags", "custom_fields");
    public static final List<String> STATUSES = List.of("active", "reserved");

    /** Parses one object; every problem found is reported at once, as NetBox does. */
    public static AddressFields parse(JsonNode body, Catalog catalog) {
        if (body == null || !body.isObject()) {
            throw NetboxError.detail(400, "Invalid data. Expected a dictionary, but got " + kind(body) + ".");
        }
        Map<String, List<String>> errors = new LinkedHashMap<>();
        IpAddress address = null;
        Integer mask = null;
        JsonNode a = body.get("address");
        if (a != null && !a.isNull()) {
            String[] parts = a.asText().strip().split("/", 2);
            try {
                address = IpAddress.parse(parts[0]);
                if (parts.length == 2) {
                    mask = Integer.parseInt(parts[1]);
                    if (mask < 0 || mask > (address.isV4() ? 32 : 128)) {
                        throw new NumberFormatException();
                    }
                }
            } catch (MalformedAddress | NumberFormatException e) {
                errors.put("address", List.of("Enter a valid IPv4 or IPv6 address with optional mask, e.g."
                        + " 198.18.0.5/24; not '" + a.asText() + "'."));
            }
        }
        Long spaceId = null;
        if (body.has("vrf")) {
            try {
                spaceId = vrf(body.get("vrf"), catalog);
            } catch (NetboxError e) {
                errors.put("vrf", List.of(e.getMessage()));
            }
        }
        String status = null;
        JsonNode s = body.get("status");
        if (s != null && !s.isNull() && !(s.isTextual() && s.asText().isEmpty())) {
            if (!s.isTextual() || !STATUSES.contains(s.asText())) {
                errors.put("status", List.of((s.isTextual() ? "\"" + s.asText() + "\"" : s.toString())
                        + " is not a valid choice. ipkeeper supports " + String.join(", ", STATUSES) + "."));
            } else {
                status = s.asText();
            }
        }
        String dns = text(body, "dns_name", 255, errors);
        String description = text(body, "description", 200, errors);
        Integer prefixLength = null;
        JsonNode pl = body.get("prefix_length");
        if (pl != null && !pl.isNull()) {
            if (!pl.canConvertToInt() || !pl.isIntegralNumber()) {
                errors.put("prefix_length", List.of("A valid integer is required."));
            } else {
                prefixLength = pl.asInt();
            }
        }
        for (String f : UNSUPPORTED) {
            JsonNode v = body.get(f);
            if (v != null && !empty(v)) {
                errors.put(f, List.of("ipkeeper does not model '" + f + "'; send null (or leave it out)."));
            }
        }
        if (!errors.isEmpty()) {
            throw new NetboxError(400, errors);
        }
        return new AddressFields(address, mask, spaceId, status, dns, description, prefixLength);
    }

    /** {@code vrf} as a PK, {@code {"id": n}} or {@code {"name": s}}; null, "" or 0 is the global table. */
    private static Long vrf(JsonNode v, Catalog catalog) {
        if (empty(v) || v.isObject() && (v.path("id").asLong(0) == 0) && (v.path("name").isMissingNode()
                || v.path("name").isNull())) {
            return defaultSpace(catalog);
        }
        Optional<AddressSpace> s;
        if (v.isIntegralNumber()) {
            s = catalog.spaceOrEmpty(v.asLong());
        } else if (v.isObject() && v.path("id").asLong(0) != 0) {
            s = catalog.spaceOrEmpty(v.path("id").asLong());
        } else if (v.isObject() && v.path("name").isTextual()) {
            s = catalog.spaceNamed(v.path("name").asText());
        } else {
            throw new NetboxError(400, "Related objects must be referenced by numeric ID or by dictionary of attributes.");
        }
        return s.orElseThrow(() -> new NetboxError(400, "Related object not found using the provided attributes: " + v))
                .id();
    }

    private static long defaultSpace(Catalog catalog) {
        AddressSpace d = catalog.defaultSpace();
        if (d == null) {
            throw new NetboxError(400, "ipkeeper has no address space yet; create one (named 'default') first.");
        }
        return d.id();
    }

    private static String text(JsonNode body, String field, int max, Map<String, List<String>> errors) {
        JsonNode v = body.get(field);
        if (v == null) {
            return null;
        }
        if (v.isNull()) {
            return "";
        }
        if (!v.isTextual()) {
            errors.put(field, List.of("Not a valid string."));
            return null;
        }
        if (v.asText().length() > max) {
            errors.put(field, List.of("Ensure this field has no more than " + max + " characters."));
            return null;
        }
        return v.asText();
    }

    static boolean empty(JsonNode v) {
        return v.isNull() || v.isTextual() && v.asText().isEmpty() || v.isNumber() && v.asLong() == 0
                || (v.isArray() || v.isObject()) && v.isEmpty();
    }

    private static String kind(JsonNode n) {
        return n == null ? "nothing" : n.isArray() ? "list" : n.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
    }

    /** "" (a cleared field) as null, for ipkeeper, where absent and empty are the same. */
    public static String blankToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }
}
