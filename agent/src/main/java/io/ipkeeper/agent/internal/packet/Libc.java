package io.ipkeeper.agent.internal.packet;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.lang.foreign.SymbolLookup;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.VarHandle;

/**
 * The handful of Linux libc calls the agent needs, bound once through FFM. Every call captures errno right after the
 * call (the JVM may clobber it otherwise), so callers pass a capture segment from {@link #newErrnoSegment}.
 * x86-64 and aarch64 Linux share these signatures and struct layouts.
 */
final class Libc {

    static final int AF_PACKET = 17;
    static final int SOCK_RAW = 3;
    static final int ETH_P_ARP = 0x0806;
    static final int MSG_DONTWAIT = 0x40;
    static final short POLLIN = 1;
    static final int PACKET_OUTGOING = 4;

    static final int EINTR = 4;
    static final int EAGAIN = 11;

    /** struct sockaddr_ll is 20 bytes: family, protocol (big-endian), ifindex, hatype, pkttype, halen, addr[8]. */
    static final int SOCKADDR_LL_SIZE = 20;
    static final long SLL_IFINDEX = 4;
    static final long SLL_PKTTYPE = 10;
    static final long SLL_HALEN = 11;
    static final long SLL_ADDR = 12;

    private static final Linker LINKER = Linker.nativeLinker();
    private static final StructLayout CAPTURE = Linker.Option.captureStateLayout();
    private static final VarHandle ERRNO = CAPTURE.varHandle(MemoryLayout.PathElement.groupElement("errno"));
    private static final Linker.Option CAPTURE_ERRNO = Linker.Option.captureCallState("errno");

    private static final MethodHandle SOCKET = bind("socket", FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT));
    private static final MethodHandle BIND = bind("bind", FunctionDescriptor.of(JAVA_INT, JAVA_INT, ADDRESS, JAVA_INT));
    private static final MethodHandle GETSOCKNAME = bind("getsockname", FunctionDescriptor.of(JAVA_INT, JAVA_INT, ADDRESS, ADDRESS));
    private static final MethodHandle CLOSE = bind("close", FunctionDescriptor.of(JAVA_INT, JAVA_INT));
    private static final MethodHandle POLL = bind("poll", FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_LONG, JAVA_INT));
    private static final MethodHandle SENDTO = bind("sendto", FunctionDescriptor.of(JAVA_LONG, JAVA_INT, ADDRESS, JAVA_LONG, JAVA_INT, ADDRESS, JAVA_INT));
    private static final MethodHandle RECVFROM = bind("recvfrom", FunctionDescriptor.of(JAVA_LONG, JAVA_INT, ADDRESS, JAVA_LONG, JAVA_INT, ADDRESS, ADDRESS));
    private static final MethodHandle IF_NAMETOINDEX = bind("if_nametoindex", FunctionDescriptor.of(JAVA_INT, ADDRESS));

    private Libc() {}

    private static MethodHandle bind(String name, FunctionDescriptor descriptor) {
        MemorySegment symbol = SymbolLookup.libraryLookup("libc.so.6", Arena.global())
                .or(LINKER.defaultLookup())
                .find(name)
                .orElseThrow(() -> new UnsatisfiedLinkError("libc has no " + name));
        return LINKER.downcallHandle(symbol, descriptor, CAPTURE_ERRNO);
    }

    static MemorySegment newErrnoSegment(Arena arena) {
        return arena.allocate(CAPTURE);
    }

    static int errno(MemorySegment capture) {
        return (int) ERRNO.get(capture, 0L);
    }

    static int socket(MemorySegment errno, int domain, int type, int protocol) {
        return (int) invoke(() -> (int) SOCKET.invokeExact(errno, domain, type, protocol));
    }

    static int bind(MemorySegment errno, int fd, MemorySegment address, int length) {
        return (int) invoke(() -> (int) BIND.invokeExact(errno, fd, address, length));
    }

    static int getsockname(MemorySegment errno, int fd, MemorySegment address, MemorySegment length) {
        return (int) invoke(() -> (int) GETSOCKNAME.invokeExact(errno, fd, address, length));
    }

    static int close(MemorySegment errno, int fd) {
        return (int) invoke(() -> (int) CLOSE.invokeExact(errno, fd));
    }

    static int poll(MemorySegment errno, MemorySegment fds, long count, int timeoutMillis) {
        return (int) invoke(() -> (int) POLL.invokeExact(errno, fds, count, timeoutMillis));
    }

    static long sendto(MemorySegment errno, int fd, MemorySegment buffer, long length, int flags, MemorySegment address, int addressLength) {
        return invoke(() -> (long) SENDTO.invokeExact(errno, fd, buffer, length, flags, address, addressLength));
    }

    static long recvfrom(MemorySegment errno, int fd, MemorySegment buffer, long length, int flags, MemorySegment address, MemorySegment addressLength) {
        return invoke(() -> (long) RECVFROM.invokeExact(errno, fd, buffer, length, flags, address, addressLength));
    }

    static int ifNameToIndex(MemorySegment errno, MemorySegment name) {
        return (int) invoke(() -> (int) IF_NAMETOINDEX.invokeExact(errno, name));
    }

    /** ETH_P_ARP in network byte order, as socket() and sockaddr_ll want it. */
    static short htons(int value) {
        return Short.reverseBytes((short) value);
    }

    @FunctionalInterface
    private interface NativeCall {
        long call() throws Throwable;
    }

    private static long invoke(NativeCall call) {
        try {
            return call.call();
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException("native call failed unexpectedly", t);
        }
    }
}
