package io.ipkeeper.server.api;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The request and response schemas of the OpenAPI document, written compactly as {@code name:type} fields. */
final class Schemas {
    private Schemas() {}

    static final Map<String, Object> ALL = build();

    private static Map<String, Object> build() {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("Problem", obj("RFC 9457 problem document", "type:string", "title:string", "status:integer", "detail:string",
                "instance:string", "requested:integer", "available:integer", "suggestion:string", "currentEtag:string"));
        s.put("Health", obj("liveness", "status:string", "version:string", "database:string"));
        s.put("CreateSpace", obj("a new address space", "name:string!", "description:string",
                "probeBeforeAllocate:boolean"));
        s.put("Space", obj("an address space", "id:integer", "name:string", "description:string", "createdBy:string",
                "createdAt:date-time", "probeBeforeAllocate:boolean"));
        s.put("CreateSubnet", obj("a new subnet; space is the space's id or name", "space:idOrName!", "prefix:string!",
                "container:boolean", "gateway:string", "vlan:integer", "dnsServers:string[]", "description:string",
                "utilizationThreshold:integer"));
        s.put("Subnet", obj("a subnet; utilization only on single reads", "id:integer", "space:integer",
                "parent:integer", "prefix:string", "container:boolean", "gateway:string", "vlan:integer",
                "dnsServers:string[]", "description:string", "utilizationThreshold:integer", "createdBy:string",
                "createdAt:date-time", "utilization:Utilization"));
        s.put("Utilization", obj("usage from counters; counts beyond 2^53 are decimal strings", "size:count",
                "allocated:integer", "reserved:integer", "quarantined:integer", "free:count", "usedPercent:number",
                "thresholdPercent:integer"));
        s.put("ChildPrefix", obj("the next free child prefix of a container", "prefixLength:integer!", "gateway:string",
                "vlan:integer", "dnsServers:string[]", "description:string", "utilizationThreshold:integer"));
        s.put("CreateRange", obj("a new range of a leaf subnet", "start:string!", "end:string!", "purpose:string!",
                "owner:string", "description:string"));
        s.put("Range", obj("a range; with owner it is delegated to that owner", "id:integer", "subnet:integer",
                "start:string", "end:string", "size:count", "purpose:string", "owner:string", "description:string",
                "createdBy:string", "createdAt:date-time", "utilization:Utilization"));
        s.put("AllocateBody", obj("an allocation request; {} is the next free address. count 1..1024, all or none;"
                        + " hostname may contain {n} (1, 2, ... in address order); expiresIn (ISO-8601 duration) makes"
                        + " reservations that are freed when they expire", "count:integer", "address:string",
                "strategy:string", "hostname:string", "mac:string", "owner:string", "purpose:string",
                "description:string", "expiresIn:string", "idempotencyKey:string"));
        s.put("Allocation", obj("a live allocation", "id:integer", "address:string", "space:integer", "subnet:integer",
                "range:integer", "state:string", "owner:string", "hostname:string", "mac:string", "purpose:string",
                "description:string", "expiresAt:date-time", "releasedAt:date-time", "quarantineUntil:date-time",
                "idempotencyKey:string", "createdBy:string", "createdAt:date-time"));
        s.put("AllocationList", Map.of("type", "array", "items", OpenApiDocument.ref("Allocation")));
        s.put("SpacePatch", obj("merge patch: present fields change, null clears", "name:string", "description:string",
                "probeBeforeAllocate:boolean"));
        s.put("SubnetPatch", obj("merge patch: present fields change, null clears (the prefix never changes)",
                "gateway:string", "vlan:integer", "dnsServers:string[]", "description:string",
                "utilizationThreshold:integer"));
        s.put("RangePatch", obj("merge patch: present fields change, null clears owner/description; start and end"
                + " move together", "start:string", "end:string", "purpose:string", "owner:string", "description:string"));
        s.put("AllocationPatch", obj("merge patch: present fields change, null clears", "hostname:string", "mac:string",
                "description:string", "expiresAt:date-time"));
        s.put("AddressList", obj("free addresses in order", "count:integer", "results:string[]"));
        s.put("FreeExtent", obj("a run of free addresses; range is null outside every range", "start:string",
                "end:string", "size:count", "range:integer"));
        s.put("CreateToken", obj("a new API token; user (admin only) makes it that user's; grants are"
                + " [{scope, value}] as for /grants", "name:string!", "role:string!", "expiresIn:string", "user:string",
                "grants:object[]"));
        s.put("Token", obj("an API token (never its secret)", "id:integer", "name:string", "role:string", "hint:string",
                "createdBy:string", "createdAt:date-time", "expiresAt:date-time", "revokedAt:date-time",
                "revokedBy:string", "ownerUserId:integer"));
        s.put("CreatedToken", obj("a new token with its secret, shown once", "id:integer", "name:string", "role:string",
                "hint:string", "createdBy:string", "createdAt:date-time", "expiresAt:date-time", "token:string"));
        s.put("AuditEvent", obj("one change", "id:integer", "occurredAt:date-time", "actor:string", "action:string",
                "objectType:string", "objectId:integer", "space:integer", "requestId:string", "before:object", "after:object"));
        s.put("Conflict", obj("an address where hosts disagree with the records", "id:integer", "space:integer",
                "address:string", "kind:string", "macs:string[]", "firstSeen:date-time", "lastSeen:date-time",
                "state:string", "acknowledgedBy:string", "acknowledgedAt:date-time"));
        s.put("CreateWebhook", obj("a new webhook subscription; without secret one is generated", "url:string!",
                "events:string[]!", "secret:string", "description:string"));
        s.put("Webhook", obj("a webhook subscription (never its secret)", "id:integer", "url:string",
                "events:string[]", "description:string", "pendingDeliveries:integer", "createdBy:string",
                "createdAt:date-time"));
        s.put("CreatedWebhook", obj("a new webhook subscription with its signing secret, shown once", "id:integer",
                "url:string", "events:string[]", "description:string", "pendingDeliveries:integer",
                "createdBy:string", "createdAt:date-time", "secret:string"));
        s.put("Login", obj("username and password", "username:string!", "password:string!"));
        s.put("Session", obj("who is asking; csrfToken goes into X-CSRF-Token of every change made with the session"
                        + " cookie (null with a bearer token)", "principal:string", "name:string", "kind:string",
                "userId:integer", "role:string", "narrowedByGrants:boolean", "grants:object[]", "csrfToken:string",
                "expiresAt:date-time"));
        s.put("CreateUser", obj("a new local user; password at least 12 characters", "username:string!",
                "role:string!", "password:string!"));
        s.put("UserPatch", obj("present fields change; a new password or disabled=true ends the user's sessions",
                "role:string", "disabled:boolean", "password:string"));
        s.put("User", obj("a local user (never the password hash)", "id:integer", "username:string", "role:string",
                "disabled:boolean", "createdBy:string", "createdAt:date-time", "passwordChangedAt:date-time"));
        s.put("PasswordChange", obj("one's own new password; the current one proves it is really you",
                "currentPassword:string!", "newPassword:string!"));
        s.put("CreateGrant", obj("a grant for exactly one of user (name or id) and token (name or id); value is the"
                + " space (id or name), range id or owner name", "user:string", "token:string", "scope:string!",
                "value:string!"));
        s.put("Grant", obj("a grant; value is the space id, range id or owner name", "id:integer", "user:string",
                "userId:integer", "token:string", "tokenId:integer", "scope:string", "value:string",
                "createdBy:string", "createdAt:date-time"));
        s.put("AgentReport", obj("what a host agent reports; ages are milliseconds before the report was sent",
                "hostname:string", "version:string", "space:idOrName", "arpWatch:boolean",
                "reportIntervalSeconds:integer", "interfaces:ReportedInterface[]!", "observations:ReportedObservation[]"));
        s.put("ReportedInterface", obj("a host interface; addresses with prefix length, e.g. 198.18.0.10/24",
                "name:string!", "mac:string", "addresses:string[]", "watched:boolean"));
        s.put("ReportedObservation", obj("an ARP sighting coalesced by the agent; kind: request, reply,"
                        + " gratuitous_request, gratuitous_reply or probe (probes are not evidence of use)",
                "address:string!", "mac:string!", "interfaceName:string!", "kind:string!", "count:integer",
                "firstSeenAgoMillis:integer", "lastSeenAgoMillis:integer"));
        s.put("AgentReportReceipt", obj("what the server recorded", "agent:string", "recorded:integer",
                "receivedAt:date-time"));
        s.put("Agent", obj("a host agent; alive = reported within 3 report intervals", "name:string", "hostname:string",
                "version:string", "space:object", "alive:boolean", "arpWatch:boolean", "reportIntervalSeconds:integer",
                "firstReportAt:date-time", "lastReportAt:date-time", "coveredSubnets:object[]", "interfaces:object[]"));
        s.put("Observation", obj("evidence that a MAC uses an address, with server-stamped times", "id:integer",
                "space:integer", "address:string", "mac:string", "agent:string", "interface:string", "source:string",
                "firstSeen:date-time", "lastSeen:date-time", "count:integer"));
        s.put("ProbeRequests", obj("probe requests this agent claimed", "probes:object[]"));
        s.put("ProbeAnswer", obj("the MACs that answered the RFC 5227 probe (empty: nobody)", "answeringMacs:string[]!",
                "probesSent:integer"));
        s.put("ProbeReceipt", obj("the recorded answer", "id:integer", "state:string", "answeringMacs:string[]"));
        s.put("Metrics", Map.of("type", "string", "description", "Prometheus text exposition format"));
        s.put("BoshSubnet", obj("a BOSH cloud-config networks[].subnets[] entry (served as application/yaml unless"
                        + " JSON is asked for); address ranges as 'a - b'", "range:string", "gateway:string",
                "dns:string[]", "reserved:string[]", "static:string[]", "cloud_properties:object"));
        s.put("BoshInstances", Map.of("type", "object", "description", "the output of 'bosh instances --details"
                + " --json': Tables[].Rows[] with instance and ips (newline-separated)"));
        s.put("BoshImportEntry", obj("an address recorded for an instance", "address:string", "instance:string"));
        s.put("BoshConflict", obj("an address that was not recorded, and why", "address:string", "instance:string",
                "reason:string"));
        s.put("BoshImport", Map.of("type", "object", "description", "what an import did", "properties", Map.of(
                "owner", Map.of("type", "string"),
                "imported", Map.of("type", "array", "items", OpenApiDocument.ref("BoshImportEntry")),
                "unchanged", Map.of("type", "array", "items", OpenApiDocument.ref("BoshImportEntry")),
                "conflicts", Map.of("type", "array", "items", OpenApiDocument.ref("BoshConflict")))));
        for (String item : List.of("Space", "Subnet", "Range", "Allocation", "FreeExtent", "Token", "AuditEvent", "Conflict",
                "Webhook", "Agent", "Observation", "User", "Grant")) {
            s.put(item + "Page", page(item));
        }
        s.put("OpenApi", Map.of("type", "object", "description", "this document"));
        return s;
    }

    private static Map<String, Object> page(String item) {
        return Map.of("type", "object", "properties", Map.of("count", Map.of("type", "integer"),
                "next", Map.of("type", List.of("string", "null")),
                "results", Map.of("type", "array", "items", OpenApiDocument.ref(item))));
    }

    /** Fields as {@code name:type}, {@code !} marks required. */
    private static Map<String, Object> obj(String description, String... fields) {
        Map<String, Object> props = new LinkedHashMap<>();
        List<String> required = new java.util.ArrayList<>();
        for (String f : fields) {
            String[] p = f.split(":");
            String type = p[1];
            if (type.endsWith("!")) {
                type = type.substring(0, type.length() - 1);
                required.add(p[0]);
            }
            props.put(p[0], type(type));
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("type", "object");
        m.put("description", description);
        m.put("properties", props);
        if (!required.isEmpty()) {
            m.put("required", required);
        }
        return m;
    }

    private static Object type(String t) {
        return switch (t) {
            case "string", "integer", "boolean", "number", "object" -> Map.of("type", t);
            case "date-time" -> Map.of("type", "string", "format", "date-time");
            case "string[]" -> Map.of("type", "array", "items", Map.of("type", "string"));
            case "object[]" -> Map.of("type", "array", "items", Map.of("type", "object"));
            case "idOrName" -> Map.of("oneOf", List.of(Map.of("type", "integer"), Map.of("type", "string")));
            case "count" -> Map.of("oneOf", List.of(Map.of("type", "integer"), Map.of("type", "string")));
            default -> t.endsWith("[]") ? Map.of("type", "array", "items", OpenApiDocument.ref(t.substring(0, t.length() - 2)))
                    : OpenApiDocument.ref(t);
        };
    }
}
