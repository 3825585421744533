package io.ipkeeper.agent.arp;

import java.io.IOException;

/** A raw (AF_PACKET) socket operation failed; the message names the interface, the call and the errno. */
public class RawSocketException extends IOException {

    private final int errno;

    public RawSocketException(String message, int errno) {
        super(message);
        this.errno = errno;
    }

    /** The C errno that caused this, or 0 when none applies. */
    public int errno() {
        return errno;
    }
}
