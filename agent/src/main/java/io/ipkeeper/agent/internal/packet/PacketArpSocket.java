package io.ipkeeper.agent.internal.packet;

import io.ipkeeper.agent.MacAddress;
import io.ipkeeper.agent.arp.ArpCodec;
import io.ipkeeper.agent.arp.ArpFrame;
import io.ipkeeper.agent.arp.ArpSocket;
import io.ipkeeper.agent.arp.MalformedArpFrameException;
import io.ipkeeper.agent.arp.RawSocketException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * An AF_PACKET/SOCK_RAW socket bound to one interface and to ETH_P_ARP, so the kernel hands it only ARP frames of
 * that interface. Receiving polls in short slices so {@link #close} never waits long and never closes a descriptor
 * another thread is still blocked on (which could then be reused by an unrelated open).
 */
public final class PacketArpSocket implements ArpSocket {

    /** Longest single poll(), which bounds how long close() waits for a receiving thread. */
    private static final int POLL_SLICE_MILLIS = 100;
    private static final int RECEIVE_BUFFER = 2048;

    private final String interfaceName;
    private final int interfaceIndex;
    private final MacAddress mac;
    private final int fd;
    private final Arena arena = Arena.ofShared();
    private final MemorySegment receiveBuffer;
    private final MemorySegment receiveAddress;
    private final MemorySegment receiveAddressLength;
    private final MemorySegment pollFd;
    private final MemorySegment receiveErrno;
    private final byte[] frameBytes = new byte[RECEIVE_BUFFER];
    /** Read side: send/receive in flight; write side: close. */
    private final ReentrantReadWriteLock lifecycle = new ReentrantReadWriteLock();
    private final ReentrantLock receiving = new ReentrantLock();
    private final AtomicLong malformed = new AtomicLong();
    private volatile boolean closed;

    private PacketArpSocket(String interfaceName, int interfaceIndex, MacAddress mac, int fd) {
        this.interfaceName = interfaceName;
        this.interfaceIndex = interfaceIndex;
        this.mac = mac;
        this.fd = fd;
        this.receiveBuffer = arena.allocate(RECEIVE_BUFFER);
        this.receiveAddress = arena.allocate(Libc.SOCKADDR_LL_SIZE, 8);
        this.receiveAddressLength = arena.allocate(ValueLayout.JAVA_INT);
        this.pollFd = arena.allocate(8, 8);
        this.receiveErrno = Libc.newErrnoSegment(arena);
        pollFd.set(ValueLayout.JAVA_INT, 0, fd);
        pollFd.set(ValueLayout.JAVA_SHORT, 4, Libc.POLLIN);
    }

    /** Opens and binds the socket; see {@link io.ipkeeper.agent.arp.ArpSockets#open}. */
    public static PacketArpSocket open(String interfaceName) throws RawSocketException {
        if (interfaceName == null || interfaceName.isBlank() || interfaceName.length() > 15 || interfaceName.contains("/")) {
            throw new RawSocketException("not a network interface name: '" + interfaceName + "'", 0);
        }
        try (Arena call = Arena.ofConfined()) {
            MemorySegment errno = Libc.newErrnoSegment(call);
            int fd = Libc.socket(errno, Libc.AF_PACKET, Libc.SOCK_RAW, Libc.htons(Libc.ETH_P_ARP));
            if (fd < 0) {
                throw Errno.toException("socket(AF_PACKET, SOCK_RAW, ETH_P_ARP) for " + interfaceName, Libc.errno(errno));
            }
            try {
                int index = Libc.ifNameToIndex(errno, call.allocateFrom(interfaceName));
                if (index == 0) {
                    throw Errno.toException("if_nametoindex(" + interfaceName + ")", Libc.errno(errno));
                }
                MemorySegment address = linkAddress(call, index, MacAddress.ZERO);
                if (Libc.bind(errno, fd, address, Libc.SOCKADDR_LL_SIZE) != 0) {
                    throw Errno.toException("bind(AF_PACKET) to " + interfaceName, Libc.errno(errno));
                }
                // A bound packet socket reports the interface's hardware address, so no /sys lookup is needed.
                MemorySegment bound = call.allocate(Libc.SOCKADDR_LL_SIZE, 8);
                MemorySegment boundLength = call.allocateFrom(ValueLayout.JAVA_INT, Libc.SOCKADDR_LL_SIZE);
                if (Libc.getsockname(errno, fd, bound, boundLength) != 0) {
                    throw Errno.toException("getsockname(AF_PACKET) on " + interfaceName, Libc.errno(errno));
                }
                int halen = bound.get(ValueLayout.JAVA_BYTE, Libc.SLL_HALEN) & 0xff;
                if (halen != MacAddress.LENGTH) {
                    throw new RawSocketException(interfaceName + " is not an Ethernet interface (hardware address length "
                            + halen + "); ARP watching needs Ethernet", 0);
                }
                MacAddress mac = MacAddress.of(bound.asSlice(Libc.SLL_ADDR, MacAddress.LENGTH).toArray(ValueLayout.JAVA_BYTE));
                return new PacketArpSocket(interfaceName, index, mac, fd);
            } catch (RawSocketException | RuntimeException e) {
                Libc.close(errno, fd);
                throw e;
            }
        }
    }

    @Override
    public String interfaceName() {
        return interfaceName;
    }

    @Override
    public MacAddress mac() {
        return mac;
    }

    public int interfaceIndex() {
        return interfaceIndex;
    }

    @Override
    public void send(ArpFrame frame) throws RawSocketException {
        byte[] bytes = ArpCodec.encode(frame);
        lifecycle.readLock().lock();
        try (Arena call = Arena.ofConfined()) {
            ensureOpen();
            MemorySegment errno = Libc.newErrnoSegment(call);
            MemorySegment buffer = call.allocateFrom(ValueLayout.JAVA_BYTE, bytes);
            MemorySegment to = linkAddress(call, interfaceIndex, frame.ethernetDestination());
            long sent = Libc.sendto(errno, fd, buffer, bytes.length, 0, to, Libc.SOCKADDR_LL_SIZE);
            if (sent < 0) {
                throw Errno.toException("sendto(AF_PACKET) on " + interfaceName, Libc.errno(errno));
            }
            if (sent != bytes.length) {
                throw new RawSocketException("sendto(AF_PACKET) on " + interfaceName + " sent " + sent + " of " + bytes.length + " bytes", 0);
            }
        } finally {
            lifecycle.readLock().unlock();
        }
    }

    @Override
    public Optional<ArpFrame> receive(Duration timeout) throws RawSocketException {
        long deadline = System.nanoTime() + timeout.toNanos();
        receiving.lock();
        try {
            while (!closed) {
                long remainingMillis = Math.max(0, (deadline - System.nanoTime() + 999_999) / 1_000_000);
                Optional<ArpFrame> frame = receiveSlice((int) Math.min(remainingMillis, POLL_SLICE_MILLIS));
                if (frame.isPresent()) {
                    return frame;
                }
                if (System.nanoTime() - deadline >= 0) {
                    return Optional.empty();
                }
            }
            return Optional.empty();
        } finally {
            receiving.unlock();
        }
    }

    /** One poll of at most {@code millis}, then drains ready frames until a usable one turns up or none are left. */
    private Optional<ArpFrame> receiveSlice(int millis) throws RawSocketException {
        lifecycle.readLock().lock();
        try {
            if (closed) {
                return Optional.empty();
            }
            pollFd.set(ValueLayout.JAVA_SHORT, 6, (short) 0);
            int ready = Libc.poll(receiveErrno, pollFd, 1, millis);
            if (ready < 0) {
                int errno = Libc.errno(receiveErrno);
                if (errno == Libc.EINTR) {
                    return Optional.empty();
                }
                throw Errno.toException("poll(AF_PACKET) on " + interfaceName, errno);
            }
            while (ready > 0) {
                receiveAddressLength.set(ValueLayout.JAVA_INT, 0, Libc.SOCKADDR_LL_SIZE);
                long length = Libc.recvfrom(receiveErrno, fd, receiveBuffer, RECEIVE_BUFFER, Libc.MSG_DONTWAIT,
                        receiveAddress, receiveAddressLength);
                if (length < 0) {
                    int errno = Libc.errno(receiveErrno);
                    if (errno == Libc.EAGAIN || errno == Libc.EINTR) {
                        return Optional.empty();
                    }
                    throw Errno.toException("recvfrom(AF_PACKET) on " + interfaceName, errno);
                }
                Optional<ArpFrame> frame = usable((int) length);
                if (frame.isPresent()) {
                    return frame;
                }
            }
            return Optional.empty();
        } finally {
            lifecycle.readLock().unlock();
        }
    }

    private Optional<ArpFrame> usable(int length) {
        int pktType = receiveAddress.get(ValueLayout.JAVA_BYTE, Libc.SLL_PKTTYPE) & 0xff;
        int ifIndex = receiveAddress.get(ValueLayout.JAVA_INT, Libc.SLL_IFINDEX);
        // Our own transmissions loop back to packet sockets as PACKET_OUTGOING; frames queued on another interface
        // before bind() took effect carry a different index.
        if (pktType == Libc.PACKET_OUTGOING || ifIndex != interfaceIndex) {
            return Optional.empty();
        }
        int n = Math.min(length, RECEIVE_BUFFER);
        MemorySegment.copy(receiveBuffer, ValueLayout.JAVA_BYTE, 0, frameBytes, 0, n);
        try {
            return Optional.of(ArpCodec.decode(frameBytes, n));
        } catch (MalformedArpFrameException e) {
            malformed.incrementAndGet();
            return Optional.empty();
        }
    }

    /**
     * Opens and immediately closes an unbound AF_PACKET socket: the cheapest honest test of {@code CAP_NET_RAW}.
     *
     * @throws RawSocketException (a {@link io.ipkeeper.agent.arp.MissingCapabilityException} without the capability)
     */
    public static void tryOpen() throws RawSocketException {
        try (Arena call = Arena.ofConfined()) {
            MemorySegment errno = Libc.newErrnoSegment(call);
            int fd = Libc.socket(errno, Libc.AF_PACKET, Libc.SOCK_RAW, Libc.htons(Libc.ETH_P_ARP));
            if (fd < 0) {
                throw Errno.toException("socket(AF_PACKET, SOCK_RAW, ETH_P_ARP)", Libc.errno(errno));
            }
            Libc.close(errno, fd);
        }
    }

    @Override
    public long malformedFrames() {
        return malformed.get();
    }

    @Override
    public void close() {
        closed = true;
        lifecycle.writeLock().lock();
        try {
            if (arena.scope().isAlive()) {
                try (Arena call = Arena.ofConfined()) {
                    Libc.close(Libc.newErrnoSegment(call), fd);
                }
                arena.close();
            }
        } finally {
            lifecycle.writeLock().unlock();
        }
    }

    private void ensureOpen() throws RawSocketException {
        if (closed) {
            throw new RawSocketException("the ARP socket on " + interfaceName + " is closed", 0);
        }
    }

    private static MemorySegment linkAddress(Arena arena, int ifIndex, MacAddress destination) {
        MemorySegment sll = arena.allocate(Libc.SOCKADDR_LL_SIZE, 8);
        sll.set(ValueLayout.JAVA_SHORT, 0, (short) Libc.AF_PACKET);
        sll.set(ValueLayout.JAVA_BYTE, 2, (byte) (Libc.ETH_P_ARP >>> 8));
        sll.set(ValueLayout.JAVA_BYTE, 3, (byte) Libc.ETH_P_ARP);
        sll.set(ValueLayout.JAVA_INT, Libc.SLL_IFINDEX, ifIndex);
        sll.set(ValueLayout.JAVA_BYTE, Libc.SLL_HALEN, (byte) MacAddress.LENGTH);
        MemorySegment.copy(destination.toBytes(), 0, sll, ValueLayout.JAVA_BYTE, Libc.SLL_ADDR, MacAddress.LENGTH);
        return sll;
    }
}
