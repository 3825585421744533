package io.ipkeeper.gossip.internal.wire;

import io.ipkeeper.gossip.internal.wire.msgpack.MsgpackReader;
import io.ipkeeper.gossip.internal.wire.msgpack.MsgpackWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * UDP packets. Sending: messages → compound (if more than one) → compress (only if smaller) → CRC → encrypt →
 * label. Receiving: the reverse, then a recursive dispatch on the type byte (compound and compress nest).
 */
public final class PacketCodec {
    /** Envelopes nest (compound in compress in compound …); Go has no bound, we refuse silly depths. */
    static final int MAX_FRAME_DEPTH = 8;

    private PacketCodec() {
    }

    // ---------------------------------------------------------------- encoding

    public static byte[] encodePacket(List<? extends Message> messages, WireOptions options) {
        return encodePacket(messages, options, options.encrypted() ? Encryption.randomNonce() : null);
    }

    /** As {@link #encodePacket(List, WireOptions)} with a given nonce (tests and reproducible output). */
    public static byte[] encodePacket(List<? extends Message> messages, WireOptions options, byte[] nonce) {
        if (messages.isEmpty()) {
            throw new IllegalArgumentException("a packet needs at least one message");
        }
        Frame frame = messages.size() == 1 ? messages.getFirst() : CompoundFrame.of(messages);
        byte[] payload = encodeFrame(frame);
        if (options.compress()) {
            byte[] compressed = compressedFrame(payload);
            if (compressed.length < payload.length) {
                payload = compressed;
            }
        }
        if (options.crc()) {
            payload = withCrc(payload);
        }
        if (options.encrypted()) {
            payload = Encryption.encrypt(options.encryptionVersion(), options.keyring().primaryKey(), nonce, payload,
                    options.labelBytes());
        }
        return Label.prepend(options.labelBytes(), payload);
    }

    /** A frame tree as bytes; CRCs, compound lengths and compressed data are computed, not copied. */
    public static byte[] encodeFrame(Frame frame) {
        MsgpackWriter w = new MsgpackWriter();
        writeFrame(w, frame);
        return w.toByteArray();
    }

    public static void writeFrame(MsgpackWriter w, Frame frame) {
        switch (frame) {
            case Message m -> MessageBodyCodec.writeMessage(w, m);
            case CompoundFrame c -> writeCompound(w, c.parts());
            case CrcFrame c -> {
                w.writeByte(MessageType.HAS_CRC.code());
                int crcAt = w.size();
                w.writeUint32BigEndian(0);
                int from = w.size();
                writeFrame(w, c.inner());
                w.setUint32BigEndian(crcAt, Crc.of(w.buffer(), from, w.size() - from));
            }
            case CompressedFrame c -> {
                MsgpackWriter inner = new MsgpackWriter();
                writeFrame(inner, c.inner());
                byte[] lzw = Lzw.compress(inner.buffer(), 0, inner.size());
                w.writeByte(MessageType.COMPRESS.code());
                MessageBodyCodec.writeCompress(w, c.algo(), lzw, 0, lzw.length);
            }
        }
    }

    private static void writeCompound(MsgpackWriter w, List<Frame> parts) {
        if (parts.size() > CompoundFrame.MAX_PARTS) {
            throw new IllegalArgumentException("a compound holds at most 255 parts, got " + parts.size());
        }
        w.writeByte(MessageType.COMPOUND.code());
        w.writeByte(parts.size());
        int lengthsAt = w.size();
        for (int i = 0; i < parts.size(); i++) {
            w.writeUint16BigEndian(0);
        }
        for (int i = 0; i < parts.size(); i++) {
            int from = w.size();
            writeFrame(w, parts.get(i));
            int len = w.size() - from;
            if (len > 0xffff) {
                throw new IllegalArgumentException("compound part " + i + " is " + len + " bytes (max 65535)");
            }
            w.setUint16BigEndian(lengthsAt + 2 * i, len);
        }
    }

    /** {@code 09} + {@code {Algo: 0, Buf: lzw(payload)}}. */
    static byte[] compressedFrame(byte[] payload) {
        byte[] lzw = Lzw.compress(payload);
        MsgpackWriter w = new MsgpackWriter(lzw.length + 16);
        w.writeByte(MessageType.COMPRESS.code());
        MessageBodyCodec.writeCompress(w, CompressedFrame.LZW, lzw, 0, lzw.length);
        return w.toByteArray();
    }

    static byte[] withCrc(byte[] payload) {
        MsgpackWriter w = new MsgpackWriter(payload.length + 5);
        w.writeByte(MessageType.HAS_CRC.code());
        w.writeUint32BigEndian(Crc.of(payload, 0, payload.length));
        w.writeRawPayload(payload);
        return w.toByteArray();
    }

    // ---------------------------------------------------------------- decoding

    /**
     * Decodes one UDP datagram. With a keyring the packet must decrypt with one of its keys (like memberlist with
     * GossipVerifyIncoming); without one it is read as plaintext.
     */
    public static DecodedPacket decodePacket(byte[] packet, WireOptions options) {
        if (packet.length == 0) {
            throw new WireFormatException("udp", 0, "empty packet");
        }
        Label.Parsed label = Label.parse(packet, 0, packet.length, "udp>label");
        byte[] buf = packet;
        int off = label.headerSize();
        int len = packet.length - off;
        String layer = label.headerSize() > 0 ? "udp>label" : "udp";
        EncryptionInfo encryption = null;
        if (options.encrypted()) {
            byte[] aad = label.label().getBytes(java.nio.charset.StandardCharsets.UTF_8);
            Encryption.Decrypted d = Encryption.decrypt(options.keyring(), packet, off, len, aad, layer + ">encrypt");
            encryption = new EncryptionInfo(d.version(), d.nonce());
            buf = d.plaintext();
            off = 0;
            len = buf.length;
            layer = layer + ">encrypt(decrypted)";
        }
        return new DecodedPacket(label.label(), encryption, decodeFrame(buf, off, len, layer, 0, options));
    }

    /** Decodes the frame in {@code buf[off, off+len)}; {@code depth} 0 is the outermost level of the packet. */
    static Frame decodeFrame(byte[] buf, int off, int len, String layer, int depth, WireOptions options) {
        if (depth > MAX_FRAME_DEPTH) {
            throw new WireFormatException(layer, off, "envelopes nested deeper than " + MAX_FRAME_DEPTH);
        }
        if (len < 1) {
            throw new WireFormatException(layer, off, "missing message type byte");
        }
        int code = buf[off] & 0xff;
        MessageType type = MessageType.ofCode(code);
        if (type == null) {
            throw new WireFormatException(layer, off, "unknown message type " + code);
        }
        return switch (type) {
            case COMPOUND -> decodeCompound(buf, off, len, layer + ">compound", depth, options);
            case HAS_CRC -> decodeCrc(buf, off, len, layer + ">hasCrc", depth, options);
            case COMPRESS -> decodeCompressed(buf, off, len, layer + ">compress", depth, options);
            case PUSH_PULL, ENCRYPT, ERR, HAS_LABEL ->
                    throw new WireFormatException(layer, off, "message type " + type.wireName()
                            + " (" + code + ") is not valid inside a UDP packet");
            default -> MessageBodyCodec.readMessage(type,
                    new MsgpackReader(buf, off + 1, len - 1, layer + ">" + type.wireName()));
        };
    }

    private static Frame decodeCompound(byte[] buf, int off, int len, String layer, int depth, WireOptions options) {
        if (len < 2) {
            throw new WireFormatException(layer, off + 1, "missing compound length byte");
        }
        int n = buf[off + 1] & 0xff;
        int pos = off + 2;
        int end = off + len;
        if (end - pos < n * 2) {
            throw new WireFormatException(layer, pos, "compound declares " + n + " parts but the length table is "
                    + "truncated");
        }
        List<Integer> lengths = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            lengths.add(((buf[pos] & 0xff) << 8) | (buf[pos + 1] & 0xff));
            pos += 2;
        }
        List<Frame> parts = new ArrayList<>(n);
        int truncated = 0;
        for (int i = 0; i < n; i++) {
            int partLen = lengths.get(i);
            if (end - pos < partLen) {
                truncated = n - i; // like Go: keep what fits, count the rest as truncated
                break;
            }
            parts.add(decodeFrame(buf, pos, partLen, layer + "[" + i + "]", depth + 1, options));
            pos += partLen;
        }
        return new CompoundFrame(lengths, parts, truncated);
    }

    private static Frame decodeCrc(byte[] buf, int off, int len, String layer, int depth, WireOptions options) {
        if (depth != 0) {
            throw new WireFormatException(layer, off, "hasCrc is only valid at the outermost level of a packet");
        }
        if (len < 5) {
            throw new WireFormatException(layer, off + 1, "CRC wrapper shorter than 5 bytes");
        }
        long declared = ((long) (buf[off + 1] & 0xff) << 24) | ((buf[off + 2] & 0xff) << 16)
                | ((buf[off + 3] & 0xff) << 8) | (buf[off + 4] & 0xff);
        long actual = Crc.of(buf, off + 5, len - 5);
        if (declared != actual) {
            throw new WireFormatException(layer, off + 1, String.format("CRC mismatch: packet says %08x, payload "
                    + "has %08x", declared, actual));
        }
        return new CrcFrame(declared, decodeFrame(buf, off + 5, len - 5, layer, depth + 1, options));
    }

    private static Frame decodeCompressed(byte[] buf, int off, int len, String layer, int depth,
            WireOptions options) {
        MsgpackReader r = new MsgpackReader(buf, off + 1, len - 1, layer);
        MessageBodyCodec.CompressStruct c = MessageBodyCodec.readCompress(r);
        if (c.algo() != CompressedFrame.LZW) {
            throw new WireFormatException(layer, off + 1, "unknown compression algorithm " + c.algo());
        }
        byte[] plain = Lzw.decompress(c.buf(), 0, c.buf().length, options.maxDecompressedBytes(), layer + ">lzw");
        Frame inner = decodeFrame(plain, 0, plain.length, layer + "(decompressed)", depth + 1, options);
        return new CompressedFrame(c.algo(), c.buf().length, inner);
    }
}
