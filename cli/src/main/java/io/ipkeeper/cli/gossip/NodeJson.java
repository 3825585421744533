package io.ipkeeper.cli.gossip;

import io.ipkeeper.gossip.Member;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** A member as the Go peer prints it: {@code node addr port state meta_hex vsn}. */
final class NodeJson {
    private NodeJson() {}

    static Map<String, Object> of(Member m) {
        Map<String, Object> f = new TreeMap<>();
        f.put("node", m.name());
        f.put("addr", m.address() == null ? "" : m.address().getHostAddress());
        f.put("port", m.port());
        f.put("state", m.state().name().toLowerCase(Locale.ROOT));
        f.put("meta_hex", HexFormat.of().formatHex(m.meta()));
        f.put("vsn", vsn(m.versions()));
        return f;
    }

    static List<Integer> vsn(Member.Versions v) {
        return List.of(v.protocolMin(), v.protocolMax(), v.protocolCurrent(), v.delegateMin(), v.delegateMax(),
                v.delegateCurrent());
    }

    static List<Integer> vsn(byte[] v) {
        return List.of(v[0] & 0xff, v[1] & 0xff, v[2] & 0xff, v[3] & 0xff, v[4] & 0xff, v[5] & 0xff);
    }
}
