package io.ipkeeper.cli.gossip;

import io.ipkeeper.gossip.Keyring;
import io.ipkeeper.gossip.Member;
import io.ipkeeper.gossip.MemberState;
import io.ipkeeper.gossip.Memberlist;
import io.ipkeeper.gossip.serf.SerfDelegate;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The Go peer's stdin commands, one per line, each answered by exactly one {@code ack} or {@code error} event carrying
 * {@code cmd} (the line) and {@code op}: {@code key install|use|remove BASE64}, {@code key list},
 * {@code event NAME [PAYLOAD]}, {@code send NODE TEXT}, {@code send-udp NODE TEXT}, {@code members}, {@code leave}.
 */
final class PeerCommands {
    /** One command's outcome: extra ack fields, or an error message. */
    record Reply(String op, Map<String, Object> extra, String error) {}

    /** What the commands act on. */
    interface Peer {
        Memberlist memberlist();

        /** The Serf layer, or null without {@code -serf}. */
        SerfDelegate serf();

        /** Prints a {@code members} event. */
        void snapshot();

        /** Graceful leave (at most once); an error message or null. */
        String gracefulLeave();
    }

    private final Peer peer;
    private final JsonLines out;

    PeerCommands(Peer peer, JsonLines out) {
        this.peer = peer;
        this.out = out;
    }

    /** Runs one line and prints its reply. */
    void handle(String rawLine) {
        String line = rawLine.strip();
        if (line.isEmpty()) {
            return;
        }
        Reply r;
        try {
            r = run(line);
        } catch (RuntimeException e) {
            r = new Reply(line.split(" ", 2)[0], Map.of(), String.valueOf(e.getMessage()));
        }
        Map<String, Object> f = new TreeMap<>(r.extra());
        f.put("cmd", line);
        f.put("op", r.op());
        if (r.error() != null) {
            f.put("err", r.error());
            out.emit("error", f);
        } else {
            out.emit("ack", f);
        }
    }

    Reply run(String line) {
        String[] args = fields(line, 2);
        String verb = args[0];
        String rest = args.length > 1 ? args[1] : "";
        return switch (verb) {
            case "key" -> key(rest);
            case "event" -> event(rest);
            case "send", "send-udp" -> send(verb, rest);
            case "members" -> {
                peer.snapshot();
                yield ok(verb);
            }
            case "leave" -> {
                String err = peer.gracefulLeave();
                yield new Reply(verb, Map.of(), err);
            }
            default -> error(verb, "unknown command \"" + verb + "\"");
        };
    }

    private Reply key(String rest) {
        String[] k = fields(rest, 2);
        String op = "key " + k[0];
        Keyring ring = peer.memberlist().keyring();
        if (k[0].equals("list")) {
            List<String> keys = new ArrayList<>();
            ring.keys().forEach(x -> keys.add(Base64.getEncoder().encodeToString(x)));
            return new Reply(op, Map.of("keys", keys), null);
        }
        if (k.length < 2 || k[1].isEmpty()) {
            return error(op, "usage: key install|use|remove BASE64");
        }
        byte[] key;
        try {
            key = Base64.getDecoder().decode(k[1]);
        } catch (IllegalArgumentException e) {
            return error(op, "bad base64 key: " + e.getMessage());
        }
        try {
            switch (k[0]) {
                case "install" -> ring.install(key);
                case "use" -> ring.use(key);
                case "remove" -> {
                    if (ring.keys().isEmpty()) {
                        return error(op, "the keyring is empty");
                    }
                    ring.remove(key);
                }
                default -> {
                    return error(op, "unknown key command \"" + k[0] + "\"");
                }
            }
        } catch (IllegalArgumentException e) {
            return error(op, e.getMessage());
        }
        return ok(op);
    }

    private Reply event(String rest) {
        SerfDelegate serf = peer.serf();
        if (serf == null) {
            return error("event", "event needs -serf");
        }
        String[] e = fields(rest, 2);
        if (e[0].isEmpty()) {
            return error("event", "usage: event NAME [PAYLOAD]");
        }
        String payload = e.length > 1 ? e[1] : "";
        long lTime = serf.userEvent(e[0], payload.getBytes(StandardCharsets.UTF_8), false);
        return new Reply("event", Map.of("ltime", lTime), null);
    }

    private Reply send(String verb, String rest) {
        String[] s = fields(rest, 2);
        if (s.length < 2) {
            return error(verb, "usage: " + verb + " NODE TEXT");
        }
        Member to = peer.memberlist().members().stream()
                .filter(m -> m.name().equals(s[0]))
                .filter(m -> m.state() == MemberState.ALIVE || m.state() == MemberState.SUSPECT)
                .findFirst().orElse(null);
        if (to == null) {
            return error(verb, "no live member named \"" + s[0] + "\"");
        }
        byte[] text = s[1].getBytes(StandardCharsets.UTF_8);
        if (verb.equals("send-udp")) {
            peer.memberlist().sendBestEffort(to, text);
            return ok(verb);
        }
        try {
            peer.memberlist().sendReliable(to, text).get(30, TimeUnit.SECONDS);
            return ok(verb);
        } catch (ExecutionException e) {
            return error(verb, String.valueOf(e.getCause().getMessage()));
        } catch (TimeoutException e) {
            return error(verb, "timed out sending to " + s[0]);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return error(verb, "interrupted");
        }
    }

    private static Reply ok(String op) {
        return new Reply(op, Map.of(), null);
    }

    private static Reply error(String op, String message) {
        return new Reply(op, Map.of(), message);
    }

    /** Splits {@code "a b rest of line"} into at most {@code n} parts, the last keeping its inner spaces (Go peer's). */
    static String[] fields(String s, int n) {
        String[] out = s.strip().split(" ", n);
        for (int i = 0; i < out.length; i++) {
            out[i] = out[i].stripLeading();
        }
        return out;
    }
}
