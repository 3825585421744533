package io.ipkeeper.server.api;

import io.ipkeeper.server.Version;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The OpenAPI 3.1 document, built from the registered routes (so every route is in it) plus the schemas below. A
 * test checks that every schema a route names exists here.
 */
public final class OpenApiDocument {
    private static final Pattern PATH_PARAM = Pattern.compile("\\{([^}]+)}");

    private OpenApiDocument() {}

    public static Map<String, Object> build(List<RouteDoc> routes) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("openapi", "3.1.0");
        doc.put("info", Map.of("title", "ipkeeper API", "version", Version.current(),
                "description", "Self-service IP address management. Authenticate with 'Authorization: Bearer <token>'."
                        + " Errors are RFC 9457 problem documents. See docs/api.md."));
        doc.put("servers", List.of(Map.of("url", "/")));
        Map<String, Object> paths = new LinkedHashMap<>();
        for (RouteDoc r : routes) {
            @SuppressWarnings("unchecked")
            Map<String, Object> item = (Map<String, Object>) paths.computeIfAbsent(r.path(), k -> new LinkedHashMap<>());
            item.put(r.method().toLowerCase(java.util.Locale.ROOT), operation(r));
        }
        doc.put("paths", paths);
        Map<String, Object> components = new LinkedHashMap<>();
        components.put("securitySchemes", Map.of("bearer", Map.of("type", "http", "scheme", "bearer",
                "description", "An API token (ipk_...), created by an admin or printed at first start")));
        components.put("schemas", Schemas.ALL);
        doc.put("components", components);
        return doc;
    }

    private static Map<String, Object> operation(RouteDoc r) {
        Map<String, Object> op = new LinkedHashMap<>();
        op.put("summary", r.summary());
        op.put("tags", List.of(r.tag()));
        op.put("operationId", operationId(r));
        if (r.permission() != null) {
            op.put("security", List.of(Map.of("bearer", List.of())));
            op.put("x-permission", r.permission().name().toLowerCase(java.util.Locale.ROOT));
        } else {
            op.put("security", List.of());
        }
        List<Object> params = new ArrayList<>();
        Matcher m = PATH_PARAM.matcher(r.path());
        while (m.find()) {
            params.add(Map.of("name", m.group(1), "in", "path", "required", true,
                    "schema", Map.of("type", "string"), "description", m.group(1).equals("space") ? "id or name" : "id"));
        }
        r.queryParams().forEach((name, desc) -> params.add(Map.of("name", name, "in", "query", "required", false,
                "schema", Map.of("type", "string"), "description", desc)));
        for (String h : r.headers()) {
            params.add(Map.of("name", h, "in", "header", "required", false, "schema", Map.of("type", "string")));
        }
        if (!params.isEmpty()) {
            op.put("parameters", params);
        }
        if (r.requestSchema() != null) {
            op.put("requestBody", Map.of("required", !r.requestSchema().equals("AllocateBody"),
                    "content", Map.of("application/json", Map.of("schema", ref(r.requestSchema())))));
        }
        Map<String, Object> responses = new LinkedHashMap<>();
        Map<String, Object> ok = new LinkedHashMap<>();
        ok.put("description", "success");
        if (r.responseSchema() != null) {
            ok.put("content", Map.of("application/json", Map.of("schema", ref(r.responseSchema()))));
        }
        responses.put(String.valueOf(r.successStatus()), ok);
        responses.put("default", Map.of("description", "an error (400, 401, 403, 404, 409, 412, 413, 422, 5xx)",
                "content", Map.of("application/problem+json", Map.of("schema", ref("Problem")))));
        op.put("responses", responses);
        return op;
    }

    private static String operationId(RouteDoc r) {
        StringBuilder sb = new StringBuilder(r.method().toLowerCase(java.util.Locale.ROOT));
        for (String part : r.path().replace("/api/v1/", "").split("/")) {
            String p = part.startsWith("{") ? "By" + part.substring(1, part.length() - 1) : part;
            for (String w : p.split("-")) {
                if (!w.isEmpty()) {
                    sb.append(Character.toUpperCase(w.charAt(0))).append(w.substring(1));
                }
            }
        }
        return sb.toString();
    }

    static Map<String, Object> ref(String schema) {
        return Map.of("$ref", "#/components/schemas/" + schema);
    }
}
