package io.ipkeeper.agent.arp;

import io.ipkeeper.agent.MacAddress;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/** An in-memory ArpSocket: frames to hear are queued by the test or by a responder reacting to what was sent. */
final class FakeArpSocket implements ArpSocket {

    private final String name;
    private final MacAddress mac;
    private final LinkedBlockingQueue<ArpFrame> incoming = new LinkedBlockingQueue<>();
    private final List<ArpFrame> sent = new CopyOnWriteArrayList<>();
    private volatile Function<ArpFrame, List<ArpFrame>> responder = f -> List.of();
    private volatile boolean closed;

    FakeArpSocket(String name, MacAddress mac) {
        this.name = name;
        this.mac = mac;
    }

    /** What the "wire" answers to each frame sent. */
    FakeArpSocket respondingWith(Function<ArpFrame, List<ArpFrame>> responder) {
        this.responder = responder;
        return this;
    }

    void hear(ArpFrame frame) {
        incoming.add(frame);
    }

    List<ArpFrame> sent() {
        return List.copyOf(sent);
    }

    boolean isClosed() {
        return closed;
    }

    @Override
    public String interfaceName() {
        return name;
    }

    @Override
    public MacAddress mac() {
        return mac;
    }

    @Override
    public void send(ArpFrame frame) throws RawSocketException {
        if (closed) {
            throw new RawSocketException("closed", 0);
        }
        sent.add(frame);
        incoming.addAll(responder.apply(frame));
    }

    @Override
    public Optional<ArpFrame> receive(Duration timeout) {
        if (closed) {
            return Optional.empty();
        }
        try {
            return Optional.ofNullable(incoming.poll(timeout.toNanos(), TimeUnit.NANOSECONDS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    @Override
    public long malformedFrames() {
        return 0;
    }

    @Override
    public void close() {
        closed = true;
    }
}
