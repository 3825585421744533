package io.ipkeeper.server.netbox;

import io.ipkeeper.server.IpkeeperServer;
import io.ipkeeper.server.api.Api;
import java.util.LinkedHashMap;
import java.util.Map;

/** Test client for the NetBox adapter: NetBox's {@code Authorization: Token <t>} (or any header) over {@link Api}. */
final class Netbox {
    private final Api http;
    private final String authorization;

    private Netbox(Api http, String authorization) {
        this.http = http;
        this.authorization = authorization;
    }

    static Netbox token(IpkeeperServer server, String token) {
        return new Netbox(Api.anonymous(server), "Token " + token);
    }

    static Netbox authorization(IpkeeperServer server, String header) {
        return new Netbox(Api.anonymous(server), header);
    }

    static Netbox admin(IpkeeperServer server) {
        return token(server, Api.ADMIN_TOKEN);
    }

    Api.Res get(String path) {
        return send("GET", path, null);
    }

    Api.Res post(String path, Object body) {
        return send("POST", path, body);
    }

    Api.Res send(String method, String path, Object body) {
        return send(method, path, body, Map.of());
    }

    Api.Res send(String method, String path, Object body, Map<String, String> extra) {
        Map<String, String> headers = new LinkedHashMap<>(extra);
        if (authorization != null) {
            headers.put("Authorization", authorization);
        }
        return http.send(method, path, body, headers);
    }
}
