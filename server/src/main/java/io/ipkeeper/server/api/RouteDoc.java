package io.ipkeeper.server.api;

import io.ipkeeper.server.auth.Permission;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One API route as registered: method, path, the permission it needs, and what the OpenAPI document says about it.
 * Filled in fluently right after registration ({@code api.get(...).summary(...).query(...)}).
 */
public final class RouteDoc {
    private final String method;
    private final String path;
    private final Permission permission;
    private String summary;
    private String tag;
    private String requestSchema;
    private int successStatus = 200;
    private String responseSchema;
    private final Map<String, String> queryParams = new LinkedHashMap<>();
    private final List<String> headers = new ArrayList<>();

    RouteDoc(String method, String path, Permission permission) {
        this.method = method;
        this.path = path;
        this.permission = permission;
    }

    public RouteDoc summary(String tag, String text) {
        this.tag = tag;
        this.summary = text;
        return this;
    }

    public RouteDoc body(String schema) {
        this.requestSchema = schema;
        return this;
    }

    public RouteDoc returns(int status, String schema) {
        this.successStatus = status;
        this.responseSchema = schema;
        return this;
    }

    public RouteDoc query(String name, String description) {
        queryParams.put(name, description);
        return this;
    }

    public RouteDoc paged() {
        query("limit", "page size, 1..1000 (default 100)");
        return query("offset", "items to skip (default 0)");
    }

    /** A request header this route reads, e.g. {@code Idempotency-Key} or {@code If-Match}. */
    public RouteDoc header(String name) {
        headers.add(name);
        return this;
    }

    public String method() {
        return method;
    }

    public String path() {
        return path;
    }

    /** Null for open routes (health, OpenAPI document). */
    public Permission permission() {
        return permission;
    }

    public String summary() {
        return summary;
    }

    public String tag() {
        return tag;
    }

    public String requestSchema() {
        return requestSchema;
    }

    public int successStatus() {
        return successStatus;
    }

    public String responseSchema() {
        return responseSchema;
    }

    public Map<String, String> queryParams() {
        return queryParams;
    }

    public List<String> headers() {
        return headers;
    }

    @Override
    public String toString() {
        return method + " " + path;
    }
}
