package io.ipkeeper.gossip.internal.wire.serf;

import java.util.Arrays;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/** Serf's {@code Member} struct as sent in a conflict response; versions are uint8, status a Go int. */
public record SerfMember(String name, byte[] addr, int port, Map<String, String> tags, int status, int protocolMin,
        int protocolMax, int protocolCur, int delegateMin, int delegateMax, int delegateCur) {

    public SerfMember {
        name = Objects.requireNonNullElse(name, "");
        tags = tags == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(tags));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SerfMember m && name.equals(m.name) && Arrays.equals(addr, m.addr) && port == m.port
                && Objects.equals(tags, m.tags) && status == m.status && protocolMin == m.protocolMin
                && protocolMax == m.protocolMax && protocolCur == m.protocolCur && delegateMin == m.delegateMin
                && delegateMax == m.delegateMax && delegateCur == m.delegateCur;
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, Arrays.hashCode(addr), port, tags, status, protocolMin, protocolMax, protocolCur,
                delegateMin, delegateMax, delegateCur);
    }

    @Override
    public String toString() {
        return "SerfMember[name=" + name + ", addr=" + (addr == null ? "nil" : HexFormat.of().formatHex(addr))
                + ", port=" + port + ", tags=" + tags + ", status=" + status + ", vsn=" + protocolMin + "/"
                + protocolMax + "/" + protocolCur + "/" + delegateMin + "/" + delegateMax + "/" + delegateCur + "]";
    }
}
