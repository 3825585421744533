package io.ipkeeper.agent.internal.packet;

import io.ipkeeper.agent.arp.MissingCapabilityException;
import io.ipkeeper.agent.arp.RawSocketException;
import java.util.Map;

/** Turns an errno from a socket call into an exception whose message says what to do about it. */
final class Errno {

    static final int EPERM = 1;
    static final int ENXIO = 6;
    static final int EACCES = 13;
    static final int ENODEV = 19;
    static final int EAFNOSUPPORT = 97;
    static final int ENETDOWN = 100;

    private static final Map<Integer, String> NAMES = Map.ofEntries(
            Map.entry(EPERM, "EPERM"), Map.entry(4, "EINTR"), Map.entry(ENXIO, "ENXIO"), Map.entry(9, "EBADF"),
            Map.entry(11, "EAGAIN"), Map.entry(12, "ENOMEM"), Map.entry(EACCES, "EACCES"), Map.entry(14, "EFAULT"),
            Map.entry(ENODEV, "ENODEV"), Map.entry(22, "EINVAL"), Map.entry(24, "EMFILE"), Map.entry(90, "EMSGSIZE"),
            Map.entry(93, "EPROTONOSUPPORT"), Map.entry(EAFNOSUPPORT, "EAFNOSUPPORT"), Map.entry(ENETDOWN, "ENETDOWN"),
            Map.entry(105, "ENOBUFS"));

    private Errno() {}

    static String name(int errno) {
        return NAMES.getOrDefault(errno, "errno " + errno);
    }

    /** An exception for {@code what} (e.g. "socket(AF_PACKET) on eth0") failing with {@code errno}. */
    static RawSocketException toException(String what, int errno) {
        String failed = what + " failed (" + name(errno) + ")";
        return switch (errno) {
            case EPERM, EACCES -> new MissingCapabilityException(failed, errno);
            case ENODEV -> new RawSocketException(failed + ": no such network interface in this network namespace", errno);
            case ENETDOWN, ENXIO -> new RawSocketException(failed + ": the interface is down or gone", errno);
            case EAFNOSUPPORT -> new RawSocketException(failed + ": this kernel has no AF_PACKET support", errno);
            default -> new RawSocketException(failed, errno);
        };
    }
}
