package io.ipkeeper.gossip.internal.wire;

import io.ipkeeper.gossip.internal.wire.msgpack.MsgpackReader;
import io.ipkeeper.gossip.internal.wire.msgpack.MsgpackWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * One direction of a TCP stream ({@code net.go#readStream/sendLocalState/rawSendMsgStream}):
 * {@code [f4 label] [0a uint32-length blob] [09 compress] type | msgpack … | raw bytes}. Compression is applied to
 * every stream message when enabled (no size check), then encryption with AAD = the 5 header bytes + label.
 */
public final class StreamCodec {
    /** memberlist HEAD's bound on the node count of a push/pull. */
    public static final int MAX_PUSH_PULL_NODES = 1 << 20;

    private StreamCodec() {
    }

    // ---------------------------------------------------------------- encoding

    public static byte[] encodeStream(StreamMessage message, WireOptions options) {
        return encodeStream(message, options, options.encrypted() ? Encryption.randomNonce() : null);
    }

    public static byte[] encodeStream(StreamMessage message, WireOptions options, byte[] nonce) {
        byte[] body = encodeMessage(message);
        if (options.compress()) {
            byte[] compressed = PacketCodec.compressedFrame(body);
            // memberlist compresses every stream message; our own (digest) messages are sent compressed only when
            // that makes them smaller: a digest round is a few dozen bytes, which LZW would only grow.
            body = isExtension(message) && compressed.length >= body.length ? body : compressed;
        }
        if (options.encrypted()) {
            body = encryptForStream(body, options, nonce);
        }
        return Label.prepend(options.labelBytes(), body);
    }

    private static boolean isExtension(StreamMessage message) {
        return message instanceof DigestRequest || message instanceof DigestReply || message instanceof DigestRecords;
    }

    /** The stream message before compression/encryption. */
    public static byte[] encodeMessage(StreamMessage message) {
        MsgpackWriter w = new MsgpackWriter();
        writeMessage(w, message);
        return w.toByteArray();
    }

    public static void writeMessage(MsgpackWriter w, StreamMessage message) {
        switch (message) {
            case PushPull p -> {
                w.writeByte(MessageType.PUSH_PULL.code());
                MessageBodyCodec.writePushPullHeader(w, p.header());
                for (PushNodeState s : p.nodes()) {
                    MessageBodyCodec.writePushNodeState(w, s);
                }
                w.writeRawPayload(p.userState());
            }
            case UserMessage u -> {
                w.writeByte(MessageType.USER.code());
                MessageBodyCodec.writeUserMsgHeader(w, new UserMsgHeader(u.payload().length));
                w.writeRawPayload(u.payload());
            }
            case Ping p -> MessageBodyCodec.writeMessage(w, p);
            case Ack a -> MessageBodyCodec.writeMessage(w, a);
            case ErrorResponse e -> MessageBodyCodec.writeMessage(w, e);
            case DigestRequest d -> DigestCodec.write(w, d);
            case DigestReply d -> DigestCodec.write(w, d);
            case DigestRecords d -> DigestCodec.write(w, d);
        }
    }

    private static byte[] encryptForStream(byte[] plain, WireOptions options, byte[] nonce) {
        int blobLength = Encryption.encryptedLength(options.encryptionVersion(), plain.length);
        byte[] label = options.labelBytes();
        byte[] aad = new byte[5 + label.length];
        aad[0] = (byte) MessageType.ENCRYPT.code();
        aad[1] = (byte) (blobLength >>> 24);
        aad[2] = (byte) (blobLength >>> 16);
        aad[3] = (byte) (blobLength >>> 8);
        aad[4] = (byte) blobLength;
        System.arraycopy(label, 0, aad, 5, label.length);
        byte[] blob = Encryption.encrypt(options.encryptionVersion(), options.keyring().primaryKey(), nonce, plain, aad);
        byte[] out = new byte[5 + blob.length];
        System.arraycopy(aad, 0, out, 0, 5);
        System.arraycopy(blob, 0, out, 5, blob.length);
        return out;
    }

    // ---------------------------------------------------------------- decoding

    public static DecodedStream decodeStream(byte[] stream, WireOptions options) {
        if (stream.length == 0) {
            throw new WireFormatException("tcp", 0, "empty stream");
        }
        Label.Parsed label = Label.parse(stream, 0, stream.length, "tcp>label");
        String layer = label.headerSize() > 0 ? "tcp>label" : "tcp";
        byte[] buf = stream;
        int off = label.headerSize();
        int end = stream.length;
        if (off >= end) {
            throw new WireFormatException(layer, off, "missing message type byte");
        }
        int encryptedLength = -1;
        EncryptionInfo encryption = null;
        int trailing = 0;
        if ((buf[off] & 0xff) == MessageType.ENCRYPT.code()) {
            layer += ">encrypt";
            if (end - off < 5) {
                throw new WireFormatException(layer, off + 1, "encrypted stream header shorter than 5 bytes");
            }
            long blobLen = ((long) (buf[off + 1] & 0xff) << 24) | ((buf[off + 2] & 0xff) << 16)
                    | ((buf[off + 3] & 0xff) << 8) | (buf[off + 4] & 0xff);
            if (blobLen > WireOptions.MAX_STREAM_BLOB_BYTES) {
                throw new WireFormatException(layer, off + 1, "encrypted length " + blobLen + " exceeds the limit of "
                        + WireOptions.MAX_STREAM_BLOB_BYTES);
            }
            if (blobLen > end - off - 5) {
                throw new WireFormatException(layer, off + 1, "encrypted length " + blobLen + " exceeds the "
                        + (end - off - 5) + " bytes left");
            }
            if (!options.encrypted()) {
                throw new WireFormatException(layer, off, "the stream is encrypted but no key was given");
            }
            byte[] labelBytes = label.label().getBytes(StandardCharsets.UTF_8);
            byte[] aad = new byte[5 + labelBytes.length];
            System.arraycopy(buf, off, aad, 0, 5);
            System.arraycopy(labelBytes, 0, aad, 5, labelBytes.length);
            Encryption.Decrypted d = Encryption.decrypt(options.keyring(), buf, off + 5, (int) blobLen, aad, layer);
            encryptedLength = (int) blobLen;
            encryption = new EncryptionInfo(d.version(), d.nonce());
            trailing += end - off - 5 - (int) blobLen;
            buf = d.plaintext();
            off = 0;
            end = buf.length;
            layer += "(decrypted)";
            if (end == 0) {
                throw new WireFormatException(layer, 0, "missing message type byte");
            }
        }
        int compressedLength = -1;
        if ((buf[off] & 0xff) == MessageType.COMPRESS.code()) {
            layer += ">compress";
            MsgpackReader r = new MsgpackReader(buf, off + 1, end - off - 1, layer);
            MessageBodyCodec.CompressStruct c = MessageBodyCodec.readCompress(r);
            if (c.algo() != CompressedFrame.LZW) {
                throw new WireFormatException(layer, off + 1, "unknown compression algorithm " + c.algo());
            }
            trailing += r.remaining();
            compressedLength = c.buf().length;
            buf = Lzw.decompress(c.buf(), 0, c.buf().length, options.maxDecompressedBytes(), layer + ">lzw");
            off = 0;
            end = buf.length;
            layer += "(decompressed)";
            if (end == 0) {
                throw new WireFormatException(layer, 0, "missing message type byte");
            }
        }
        int code = buf[off] & 0xff;
        MessageType type = MessageType.ofCode(code);
        String msgLayer = layer + ">" + (type == null ? "type " + code : type.wireName());
        MsgpackReader r = new MsgpackReader(buf, off + 1, end - off - 1, msgLayer);
        StreamMessage message = switch (type) {
            case PING -> MessageBodyCodec.readPing(r);
            case ACK -> MessageBodyCodec.readAck(r);
            case ERR -> MessageBodyCodec.readError(r);
            case PUSH_PULL -> readPushPull(r);
            case USER -> readUser(r);
            case DIGEST_REQUEST -> DigestCodec.readRequest(r);
            case DIGEST_REPLY -> DigestCodec.readReply(r);
            case DIGEST_RECORDS -> DigestCodec.readRecords(r);
            case null, default -> throw new WireFormatException(layer, off, "message type " + code
                    + " cannot start a stream message");
        };
        trailing += r.remaining();
        return new DecodedStream(label.label(), encryptedLength, encryption, compressedLength, message, trailing);
    }

    private static PushPull readPushPull(MsgpackReader r) {
        int headerAt = r.position();
        PushPullHeader h = MessageBodyCodec.readPushPullHeader(r);
        if (h.nodes() < 0 || h.nodes() > MAX_PUSH_PULL_NODES || h.nodes() > r.remaining()) {
            throw new WireFormatException(r.layer(), headerAt, "push/pull header declares " + h.nodes()
                    + " nodes but only " + r.remaining() + " bytes follow");
        }
        if (h.userStateLen() < 0) {
            throw new WireFormatException(r.layer(), headerAt, "negative UserStateLen " + h.userStateLen());
        }
        List<PushNodeState> nodes = new ArrayList<>(h.nodes());
        for (int i = 0; i < h.nodes(); i++) {
            nodes.add(MessageBodyCodec.readPushNodeState(r));
        }
        byte[] userState = r.readRawPayload(h.userStateLen());
        return new PushPull(h.join(), nodes, userState);
    }

    private static UserMessage readUser(MsgpackReader r) {
        int headerAt = r.position();
        UserMsgHeader h = MessageBodyCodec.readUserMsgHeader(r);
        if (h.userMsgLen() < 0) {
            throw new WireFormatException(r.layer(), headerAt, "negative UserMsgLen " + h.userMsgLen());
        }
        return new UserMessage(r.readRawPayload(h.userMsgLen()));
    }
}
