package io.ipkeeper.gossip.serf;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ipkeeper.gossip.GossipConfig;
import io.ipkeeper.gossip.Member;
import io.ipkeeper.gossip.MemberState;
import io.ipkeeper.gossip.internal.wire.serf.SerfCodec;
import io.ipkeeper.gossip.internal.wire.serf.SerfJoin;
import io.ipkeeper.gossip.internal.wire.serf.SerfLeave;
import io.ipkeeper.gossip.internal.wire.serf.SerfMessage;
import io.ipkeeper.gossip.internal.wire.serf.SerfPushPull;
import io.ipkeeper.gossip.internal.wire.serf.SerfTags;
import io.ipkeeper.gossip.internal.wire.serf.SerfUserEvent;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class SerfDelegateTest {

    /** Records what the Serf layer reports. */
    static final class Recorder implements SerfListener {
        final List<String> log = new ArrayList<>();
        final List<UserEvent> userEvents = new ArrayList<>();

        @Override
        public void onMemberJoin(SerfMember m) {
            log.add("join " + m.name() + " " + m.status().label());
        }

        @Override
        public void onMemberLeave(SerfMember m) {
            log.add("leave " + m.name() + " " + m.status().label());
        }

        @Override
        public void onMemberUpdate(SerfMember m) {
            log.add("update " + m.name() + " " + m.tags());
        }

        @Override
        public void onUserEvent(UserEvent e) {
            userEvents.add(e);
        }
    }

    final Recorder recorder = new Recorder();
    final SerfDelegate serf = new SerfDelegate("java-1", Map.of("role", "java"), 2, () -> 3, recorder);

    static Member member(String name, MemberState state) {
        return new Member(name, InetAddress.getLoopbackAddress(), 7946, SerfTags.encode(Map.of("role", "x")), state, 1,
                null);
    }

    static byte[] encode(SerfMessage m) {
        return SerfCodec.encode(m);
    }

    /** Every broadcast queued now, once each (decoded), draining the queues; each is sent 2 × ceil(log10(4)) = 2 times. */
    List<SerfMessage> drain() {
        return drainAllSends().stream().distinct().toList();
    }

    /** Every send of every broadcast, with room for all of them in each packet. */
    List<SerfMessage> drainAllSends() {
        List<SerfMessage> out = new ArrayList<>();
        for (int round = 0; round < 20; round++) {
            for (byte[] b : serf.broadcasts(3, 65_000)) {
                out.add(SerfCodec.decode(b, "test"));
            }
        }
        return out;
    }

    @Test
    void metaCarriesTheTagsAndConfigAnnouncesSerfDelegateVersions() {
        assertEquals(Map.of("role", "java"), SerfTags.decode(serf.nodeMeta(512)));
        GossipConfig config = SerfDelegate.configure(GossipConfig.local().name("n")).build();
        assertArrayEquals(new byte[] {1, 5, 2, 2, 5, 5}, config.vsn());
    }

    @Test
    void newTagsReplaceTheMetaButOversizedOnesLeaveItAlone() {
        serf.setTags(Map.of("role", "java", "v", "2"));
        assertEquals(Map.of("role", "java", "v", "2"), SerfTags.decode(serf.nodeMeta(512)));
        assertThrows(IllegalArgumentException.class, () -> serf.setTags(Map.of("big", "x".repeat(600))));
        assertEquals(Map.of("role", "java", "v", "2"), serf.tags());
    }

    @Test
    void tagsTooLargeForMetaAreRefusedAtConstruction() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new SerfDelegate("n", Map.of("big", "x".repeat(600)), 2, () -> 1, recorder));
        assertTrue(e.getMessage().contains("512"), e.getMessage());
    }

    @Test
    void joinIntentSeenFromGoIsNewsOnceAndAdvancesTheMemberClock() {
        // Serf 0.9.4's bytes for a join intent of serf2 at LTime 1 (spec §6.2).
        byte[] fromGo = HexFormat.of().parseHex("0182a54c54696d6501a44e6f6465a57365726632");
        serf.onJoin(member("serf2", MemberState.ALIVE));
        assertTrue(serf.receive(fromGo));
        assertFalse(serf.receive(fromGo), "the same intent again is old news");
        assertFalse(serf.receive(encode(new SerfJoin(0, "serf2"))), "an older intent is old news");
        assertEquals(2, serf.memberTime(), "witnessing LTime 1 moves the clock to 2");
        assertEquals(List.of(new SerfJoin(1, "serf2")), drain(), "news is re-broadcast, once");
    }

    @Test
    void leaveIntentThenMemberlistLeaveIsLeftButAPlainDeathIsFailed() {
        serf.onJoin(member("a", MemberState.ALIVE));
        serf.onJoin(member("b", MemberState.ALIVE));
        assertTrue(serf.receive(encode(new SerfLeave(5, "a", false))));
        serf.onLeave(member("a", MemberState.DEAD));
        serf.onLeave(member("b", MemberState.DEAD));
        assertEquals(List.of("join a alive", "join b alive", "leave a left", "leave b failed"), recorder.log);
    }

    @Test
    void aLateLeaveIntentTurnsAFailedMemberIntoALeftOne() {
        serf.onJoin(member("a", MemberState.ALIVE));
        serf.onLeave(member("a", MemberState.DEAD));
        assertTrue(serf.receive(encode(new SerfLeave(9, "a", false))));
        assertEquals(List.of("join a alive", "leave a failed", "leave a left"), recorder.log);
        assertEquals(MemberStatus.LEFT, serf.members().stream().filter(m -> m.name().equals("a")).findFirst()
                .orElseThrow().status());
    }

    @Test
    void aLeaveIntentAboutUsWhileAliveIsRefutedWithAJoinIntent() {
        assertFalse(serf.receive(encode(new SerfLeave(7, "java-1", false))));
        List<SerfMessage> sent = drain();
        assertEquals(1, sent.size(), sent.toString());
        SerfJoin refutation = (SerfJoin) sent.getFirst();
        assertEquals("java-1", refutation.node());
        assertTrue(refutation.lTime() > 7, "the refutation must beat the leave: " + refutation);
    }

    @Test
    void anIntentAboutAnUnknownNodeIsKeptUntilMemberlistReportsIt() {
        assertTrue(serf.receive(encode(new SerfLeave(4, "later", false))));
        assertFalse(serf.receive(encode(new SerfLeave(4, "later", false))));
        serf.onJoin(member("later", MemberState.ALIVE));
        serf.onLeave(member("later", MemberState.DEAD));
        assertEquals(List.of("join later leaving", "leave later left"), recorder.log);
    }

    @Test
    void userEventsAreDeliveredOnceAndReBroadcastOnce() {
        byte[] deploy = encode(new SerfUserEvent(3, "deploy", bytes("v1"), true));
        assertTrue(serf.receive(deploy));
        assertFalse(serf.receive(deploy));
        assertTrue(serf.receive(encode(new SerfUserEvent(3, "deploy", bytes("v2"), true))),
                "same time and name, other payload: another event");
        assertEquals(List.of("v1", "v2"), recorder.userEvents.stream().map(UserEvent::payloadText).toList());
        assertTrue(recorder.userEvents.getFirst().coalesce());
        assertEquals(2, drain().size());
        assertEquals(4, serf.eventTime());
    }

    @Test
    void eventsOlderThanTheBufferAreDropped() {
        assertTrue(serf.receive(encode(new SerfUserEvent(10_000, "new", bytes(""), false))));
        assertFalse(serf.receive(encode(new SerfUserEvent(10, "ancient", bytes(""), false))));
        assertEquals(List.of("new"), recorder.userEvents.stream().map(UserEvent::name).toList());
    }

    @Test
    void ourOwnEventUsesTheEventClockIsDeliveredLocallyAndNotTakenBackAsNews() {
        long t = serf.userEvent("deploy", bytes("v1"), false);
        assertEquals(1, t, "Serf's event clock starts at 1");
        assertEquals(2, serf.eventTime());
        assertEquals(1, recorder.userEvents.size());
        List<SerfMessage> sent = drain();
        assertEquals(List.of(new SerfUserEvent(1, "deploy", bytes("v1"), false)), sent);
        assertFalse(serf.receive(SerfCodec.encode(sent.getFirst())), "our event coming back is old news");
    }

    @Test
    void anOversizedUserEventIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> serf.userEvent("big", new byte[600], false));
        assertTrue(e.getMessage().contains("512"), e.getMessage());
        assertEquals(1, serf.eventTime(), "a refused event does not move the clock");
    }

    @Test
    void intentsAreSentBeforeEvents() {
        serf.userEvent("e", bytes("x"), false);
        serf.announceJoin();
        List<byte[]> first = serf.broadcasts(3, 65_000);
        assertEquals(2, first.size());
        assertEquals(1, first.get(0)[0], "join intent type first");
        assertEquals(3, first.get(1)[0], "user event second");
    }

    @Test
    void announcedLeaveCompletesOnceGossipedEnoughAndIsAboveOurJoin() {
        serf.announceJoin();
        CompletableFuture<Void> sent = serf.announceLeave();
        assertFalse(sent.isDone());
        List<SerfMessage> all = drainAllSends();
        assertTrue(sent.isDone());
        SerfJoin join = (SerfJoin) all.stream().filter(m -> m instanceof SerfJoin).findFirst().orElseThrow();
        SerfLeave leave = (SerfLeave) all.stream().filter(m -> m instanceof SerfLeave).findFirst().orElseThrow();
        assertTrue(leave.lTime() > join.lTime(), join + " then " + leave);
        // retransmitMult 2 × ceil(log10(3 + 1)) = 2 sends of each
        assertEquals(2, all.stream().filter(m -> m instanceof SerfLeave).count());
        assertFalse(serf.receive(encode(new SerfLeave(leave.lTime(), "java-1", false))), "no refuting our own leave");
    }

    @Test
    void pushPullStateOfOneNodeIsMergedByAnother() {
        serf.onJoin(member("gone", MemberState.ALIVE));
        serf.receive(encode(new SerfLeave(6, "gone", false)));
        serf.onLeave(member("gone", MemberState.LEFT));
        serf.userEvent("deploy", bytes("v1"), false);
        byte[] state = serf.localState(false);
        assertEquals(2, state[0], "Serf push/pull type");
        SerfPushPull pp = (SerfPushPull) SerfCodec.decode(state, "test");
        assertEquals(List.of("gone"), pp.leftMembers());
        assertEquals(512, pp.events().size());

        Recorder other = new Recorder();
        SerfDelegate peer = new SerfDelegate("java-2", Map.of(), 2, () -> 3, other);
        peer.mergeRemoteState(state, false);
        assertEquals(List.of("deploy"), other.userEvents.stream().map(UserEvent::name).toList());
        assertTrue(peer.memberTime() >= pp.lTime(), "witnessed the sender's member clock");
        peer.onJoin(member("gone", MemberState.ALIVE));
        assertEquals("join gone leaving", other.log.getFirst(), "the left member's intent was kept");
        assertTrue(drainOf(peer).isEmpty(), "merged state is not re-broadcast");
    }

    @Test
    void aJoinIgnoringOldEventsDoesNotDeliverTheClustersPastEvents() {
        serf.userEvent("old", bytes(""), false);
        byte[] state = serf.localState(true);
        Recorder other = new Recorder();
        SerfDelegate peer = new SerfDelegate("java-2", Map.of(), 2, () -> 3, other);
        peer.joinStarting(true);
        peer.mergeRemoteState(state, true);
        peer.joinFinished();
        assertTrue(other.userEvents.isEmpty(), other.userEvents.toString());
        assertTrue(peer.receive(encode(new SerfUserEvent(serf.eventTime(), "new", bytes(""), false))));
    }

    @Test
    void messagesThatAreNotSerfAreIgnored() {
        assertFalse(serf.receive(bytes("hello")));
        assertFalse(serf.receive(new byte[0]));
        serf.mergeRemoteState(bytes("not serf"), false);
        assertTrue(recorder.userEvents.isEmpty());
    }

    @Test
    void tagsOfAPlainMemberlistNodeReadAsItsRole() {
        Member plain = new Member("p", InetAddress.getLoopbackAddress(), 1, bytes("web"), MemberState.ALIVE, 1, null);
        assertEquals(Map.of("role", "web"), SerfDelegate.tagsOf(plain));
    }

    private static List<SerfMessage> drainOf(SerfDelegate d) {
        List<SerfMessage> out = new ArrayList<>();
        for (byte[] b : d.broadcasts(3, 65_000)) {
            out.add(SerfCodec.decode(b, "test"));
        }
        return out;
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
