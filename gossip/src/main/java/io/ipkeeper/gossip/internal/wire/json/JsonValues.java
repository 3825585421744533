package io.ipkeeper.gossip.internal.wire.json;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/** Shared renderings of wire values (byte strings, IP addresses, unsigned 64-bit numbers). */
final class JsonValues {
    private static final HexFormat HEX = HexFormat.of();

    private JsonValues() {
    }

    static Map<String, Object> object() {
        return new LinkedHashMap<>();
    }

    static String hex(byte[] b) {
        return HEX.formatHex(b);
    }

    /** {@code {"$bytes": hex}} or null for nil. */
    static Object bytes(byte[] b) {
        if (b == null) {
            return null;
        }
        Map<String, Object> m = object();
        m.put("$bytes", hex(b));
        return m;
    }

    /** {@code {"$bytes": hex, "ip": text}}; the ip only for 4- and 16-byte values. */
    static Object address(byte[] b) {
        if (b == null) {
            return null;
        }
        Map<String, Object> m = object();
        m.put("$bytes", hex(b));
        if (b.length == 4 || b.length == 16) {
            m.put("ip", IpText.of(b));
        }
        return m;
    }

    /** A uint64 held in a long. */
    static Object unsigned(long v) {
        return v >= 0 ? (Object) v : new BigInteger(Long.toUnsignedString(v));
    }

    /** Serf payloads: text when they are printable UTF-8 (event names and payloads usually are), bytes otherwise. */
    static Object textOrBytes(byte[] b) {
        if (b == null) {
            return null;
        }
        try {
            String s = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(b)).toString();
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                if (c < 0x20 && c != '\n' && c != '\r' && c != '\t' || c == 0x7f) {
                    return bytes(b);
                }
            }
            return s;
        } catch (CharacterCodingException e) {
            return bytes(b);
        }
    }
}
