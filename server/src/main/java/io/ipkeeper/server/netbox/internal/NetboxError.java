package io.ipkeeper.server.netbox.internal;

import java.util.List;
import java.util.Map;

/**
 * A failure answered in NetBox's shape: {@code {"detail": "..."}}, or {@code {"field": ["message"]}} for a field 400,
 * which is what NetBox clients parse (pynetbox puts the body into RequestError, Ansible prints it).
 */
public final class NetboxError extends RuntimeException {
    /** NetBox's exact words for an exhausted prefix or range (pynetbox maps the 409 to AllocationError). */
    public static final String INSUFFICIENT = "Insufficient resources are available to satisfy the request";

    private final int status;
    private final transient Object body;

    public NetboxError(int status, Object body) {
        super(String.valueOf(body));
        this.status = status;
        this.body = body;
    }

    public static NetboxError detail(int status, String detail) {
        return new NetboxError(status, Map.of("detail", detail));
    }

    public static NetboxError field(String field, String message) {
        return new NetboxError(400, Map.of(field, List.of(message)));
    }

    public int status() {
        return status;
    }

    public Object body() {
        return body;
    }
}
