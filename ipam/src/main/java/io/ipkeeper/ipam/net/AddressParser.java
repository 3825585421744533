package io.ipkeeper.ipam.net;

import io.ipkeeper.ipam.error.MalformedAddress;

/** Literal parsing only (no name resolution, no zone ids); every rejection says what is wrong. */
final class AddressParser {

    private AddressParser() {}

    static IpAddress parse(String text) {
        if (text == null || text.isEmpty()) {
            throw new MalformedAddress("the address is empty");
        }
        if (text.indexOf(':') >= 0) {
            return parseV6(text);
        }
        int v = parseV4(text, 0, text.length(), text);
        return IpAddress.ofV4(v);
    }

    /** Parses dotted-quad text[from, to) into the 32-bit value. */
    private static int parseV4(String text, int from, int to, String whole) {
        int value = 0;
        int parts = 0;
        int i = from;
        while (true) {
            int start = i;
            int octet = 0;
            while (i < to && Character.isDigit(text.charAt(i)) && text.charAt(i) < 128) {
                octet = octet * 10 + (text.charAt(i) - '0');
                i++;
                if (i - start > 3) {
                    throw bad(whole, "an IPv4 octet has at most 3 digits");
                }
            }
            if (i == start) {
                throw bad(whole, "expected a decimal octet at position " + (start + 1));
            }
            if (i - start > 1 && text.charAt(start) == '0') {
                throw bad(whole, "IPv4 octets must not have leading zeros (ambiguous octal)");
            }
            if (octet > 255) {
                throw bad(whole, "IPv4 octet " + octet + " is above 255");
            }
            value = (value << 8) | octet;
            parts++;
            if (i == to) {
                break;
            }
            if (text.charAt(i) != '.' || parts == 4) {
                throw bad(whole, "unexpected '" + text.charAt(i) + "' at position " + (i + 1));
            }
            i++;
        }
        if (parts != 4) {
            throw bad(whole, "an IPv4 address has 4 octets, not " + parts);
        }
        return value;
    }

    private static IpAddress parseV6(String text) {
        int len = text.length();
        if (text.indexOf('%') >= 0) {
            throw bad(text, "zone ids are not allowed");
        }
        int[] groups = new int[8];
        int count = 0;
        int gap = -1; // index in groups where "::" stands
        int i = 0;
        if (text.startsWith("::")) {
            gap = 0;
            i = 2;
            if (i == len) {
                return IpAddress.ofV6(0, 0);
            }
        } else if (text.charAt(0) == ':') {
            throw bad(text, "a single leading ':' is not allowed");
        }
        while (i < len) {
            if (count == 8) {
                throw bad(text, "more than 8 groups");
            }
            int start = i;
            int g = 0;
            while (i < len && hex(text.charAt(i)) >= 0) {
                g = (g << 4) | hex(text.charAt(i));
                i++;
            }
            if (i < len && text.charAt(i) == '.') {
                // embedded IPv4 in the last 32 bits
                if (count > 6) {
                    throw bad(text, "embedded IPv4 does not fit");
                }
                int v4 = parseV4(text, start, len, text);
                groups[count++] = v4 >>> 16;
                groups[count++] = v4 & 0xFFFF;
                i = len;
                break;
            }
            if (i == start) {
                throw bad(text, "expected a hex group at position " + (start + 1));
            }
            if (i - start > 4) {
                throw bad(text, "a group has at most 4 hex digits");
            }
            groups[count++] = g;
            if (i == len) {
                break;
            }
            if (text.charAt(i) != ':') {
                throw bad(text, "unexpected '" + text.charAt(i) + "' at position " + (i + 1));
            }
            i++;
            if (i < len && text.charAt(i) == ':') {
                if (gap >= 0) {
                    throw bad(text, "'::' may appear only once");
                }
                gap = count;
                i++;
                if (i == len) {
                    break;
                }
            } else if (i == len) {
                throw bad(text, "a trailing single ':' is not allowed");
            }
        }
        if (gap < 0 && count != 8) {
            throw bad(text, "an IPv6 address without '::' has 8 groups, not " + count);
        }
        if (gap >= 0 && count > 7) {
            throw bad(text, "'::' must stand for at least one group");
        }
        int[] full = new int[8];
        if (gap < 0) {
            full = groups;
        } else {
            int tail = count - gap;
            System.arraycopy(groups, 0, full, 0, gap);
            System.arraycopy(groups, gap, full, 8 - tail, tail);
        }
        long hi = 0;
        long lo = 0;
        for (int k = 0; k < 4; k++) {
            hi = (hi << 16) | full[k];
            lo = (lo << 16) | full[k + 4];
        }
        return IpAddress.ofV6(hi, lo);
    }

    private static int hex(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        return -1;
    }

    private static MalformedAddress bad(String text, String why) {
        return new MalformedAddress("'" + text + "' is not a valid IP address: " + why);
    }
}
