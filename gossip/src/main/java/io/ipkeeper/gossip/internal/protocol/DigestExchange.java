package io.ipkeeper.gossip.internal.protocol;

import io.ipkeeper.gossip.AntiEntropy;
import io.ipkeeper.gossip.Scheduler;
import io.ipkeeper.gossip.Transport;
import io.ipkeeper.gossip.internal.state.NodeState;
import io.ipkeeper.gossip.internal.state.NodeStatus;
import io.ipkeeper.gossip.internal.state.StateDigest;
import io.ipkeeper.gossip.internal.wire.Capabilities;
import io.ipkeeper.gossip.internal.wire.DigestRecords;
import io.ipkeeper.gossip.internal.wire.DigestReply;
import io.ipkeeper.gossip.internal.wire.DigestRequest;
import io.ipkeeper.gossip.internal.wire.ErrorResponse;
import io.ipkeeper.gossip.internal.wire.PushNodeState;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.BitSet;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Digest-first anti-entropy between ipkeeper nodes ({@link AntiEntropy#DIGEST}, {@code docs/gossip.md}). Every
 * {@code antiEntropyInterval} we send one random alive peer that announced the capability our view digest
 * ({@link DigestRequest}); it answers "in sync" or with its bucket hashes ({@link DigestReply}); we then send our records
 * of the buckets that differ and get its records of the same buckets back ({@link DigestRecords}), each side merging
 * the other's. A round in sync costs two small messages whatever the cluster size. Merges are quiet (no re-gossip)
 * and follow memberlist's push/pull rules, with the peer as the accuser of its dead and suspect records: an alive record
 * is taken only if newer, and a dead or suspect one starts (or, from another peer, confirms) a suspicion, never an
 * immediate death.
 */
final class DigestExchange {
    private static final Logger log = LoggerFactory.getLogger(DigestExchange.class);
    /**
     * The most buckets one round repairs (about 8 records each). When views differ everywhere (a node that has just
     * joined a big cluster, a healed partition) an uncapped round would be a full push/pull every second; capped, a
     * round costs at most ≈ 256 records, and the next rounds take the rest.
     */
    static final int MAX_BUCKETS_PER_ROUND = 32;

    private final ProtocolNode node;
    private Scheduler.Cancellable timer;

    DigestExchange(ProtocolNode node) {
        this.node = node;
    }

    boolean enabled() {
        return node.membership.digest() != null;
    }

    void start() {
        if (!enabled()) {
            return;
        }
        Duration interval = node.config.antiEntropyInterval();
        timer = node.scheduler.schedule(Duration.ofNanos(node.random.nextLong(interval.toNanos())), this::onTick);
    }

    void stop() {
        if (timer != null) {
            timer.cancel();
        }
    }

    /** True when {@code s} is another alive node that announced the digest anti-entropy. */
    boolean capablePeer(NodeState s) {
        return s.status() == NodeStatus.ALIVE && !s.name().equals(node.localName())
                && Capabilities.has(s.vsn(), Capabilities.DIGEST_ANTI_ENTROPY);
    }

    private void onTick() {
        timer = node.scheduler.schedule(node.config.antiEntropyInterval(), this::onTick);
        List<NodeState> peer = node.membership.table().randomNodes(1, this::capablePeer);
        if (!peer.isEmpty()) {
            NodeState p = peer.getFirst();
            round(Members.socketAddress(p.addr(), p.port()), p.name());
        }
    }

    /** One round with {@code to}: digest, then (only if they differ) the records of the differing buckets. */
    void round(InetSocketAddress to, String peerName) {
        StateDigest digest = node.membership.digest();
        int buckets = StateDigest.bucketsFor(digest.count());
        DigestRequest request = new DigestRequest(buckets, digest.count(), digest.root());
        node.streams.exchange(to, request, true, node.config.tcpTimeout(), reply -> {
            if (!(reply instanceof DigestReply r) || r.buckets() != buckets) {
                failed(peerName, "expected a digest reply for " + buckets + " buckets, got " + reply);
                return;
            }
            if (r.inSync()) {
                node.metrics.antiEntropyRound(true, true, 0, 0);
                return;
            }
            BitSet differing = capped(differing(node.membership.digest().bucketHashes(buckets), r.hashes()),
                    MAX_BUCKETS_PER_ROUND, node.random);
            if (differing.isEmpty()) {
                // Our view changed since the request and now matches theirs.
                node.metrics.antiEntropyRound(true, true, 0, 0);
                return;
            }
            List<PushNodeState> ours = node.membership.recordsInBuckets(buckets, differing);
            node.streams.exchange(to, new DigestRecords(node.localName(), buckets, differing, ours), true, node.config.tcpTimeout(),
                    theirs -> {
                        if (!(theirs instanceof DigestRecords records) || records.buckets() != buckets
                                || !records.marked().equals(differing)) {
                            failed(peerName, "expected records of the " + differing.cardinality()
                                    + " differing buckets, got " + theirs);
                            return;
                        }
                        merge(records.records(), peerName);
                        node.metrics.antiEntropyRound(true, false, ours.size(), records.records().size());
                    }, error -> failed(peerName, error));
        }, error -> failed(peerName, error));
    }

    /** Serves the first step: "in sync", or our bucket hashes at the granularity the requester chose. */
    void serve(InetSocketAddress from, DigestRequest request, Transport.StreamReply reply) {
        if (!enabled()) {
            reply.send(node.streams.encode(new ErrorResponse("digest anti-entropy is not enabled on this node")));
            return;
        }
        StateDigest digest = node.membership.digest();
        boolean inSync = digest.root() == request.root() && digest.count() == request.count();
        long[] hashes = inSync ? new long[0] : digest.bucketHashes(request.buckets());
        reply.send(node.streams.encode(new DigestReply(request.buckets(), digest.count(), hashes)));
    }

    /** Serves the second step: answer with our records of the same buckets, then merge theirs. */
    void serve(InetSocketAddress from, DigestRecords request, Transport.StreamReply reply) {
        if (!enabled()) {
            reply.send(node.streams.encode(new ErrorResponse("digest anti-entropy is not enabled on this node")));
            return;
        }
        List<PushNodeState> ours = node.membership.recordsInBuckets(request.buckets(), request.marked());
        reply.send(node.streams.encode(new DigestRecords(node.localName(), request.buckets(), request.marked(),
                ours)));
        merge(request.records(), request.from());
    }

    private void merge(List<PushNodeState> records, String peer) {
        node.membership.mergeState(PushPullExchange.withPorts(records, node.advertise().getPort()), node.now(), true,
                peer);
    }

    private void failed(String peer, String reason) {
        node.metrics.antiEntropyRound(false, false, 0, 0);
        log.debug("{}: digest anti-entropy with {} failed: {}", node.localName(), peer, reason);
    }

    /** At most {@code max} of the marked buckets, chosen at random (the rest are left to later rounds). */
    static BitSet capped(BitSet marked, int max, java.util.random.RandomGenerator random) {
        int n = marked.cardinality();
        if (n <= max) {
            return marked;
        }
        int[] all = marked.stream().toArray();
        BitSet out = new BitSet();
        // a partial Fisher-Yates shuffle picks max distinct buckets
        for (int i = 0; i < max; i++) {
            int j = i + random.nextInt(n - i);
            int t = all[i];
            all[i] = all[j];
            all[j] = t;
            out.set(all[i]);
        }
        return out;
    }

    static BitSet differing(long[] ours, long[] theirs) {
        BitSet out = new BitSet(ours.length);
        for (int i = 0; i < ours.length; i++) {
            if (ours[i] != theirs[i]) {
                out.set(i);
            }
        }
        return out;
    }
}
