package io.ipkeeper.gossip.internal.wire.serf;

import io.ipkeeper.gossip.internal.wire.WireFormatException;
import io.ipkeeper.gossip.internal.wire.msgpack.MsgpackReader;
import io.ipkeeper.gossip.internal.wire.msgpack.MsgpackWriter;
import java.util.Arrays;

/**
 * Serf's Vivaldi network coordinate ({@code coordinate.Coordinate}), carried in ack payloads as
 * {@code 01} + msgpack {@code {Adjustment, Error, Height, Vec}} with every number a float64.
 */
public record VivaldiCoordinate(double[] vec, double error, double adjustment, double height) {
    /** The ack-payload version byte Serf's ping delegate uses. */
    public static final int ACK_PAYLOAD_VERSION = 1;

    public VivaldiCoordinate {
        vec = vec == null ? new double[0] : vec.clone();
    }

    @Override
    public double[] vec() {
        return vec.clone();
    }

    /** {@code 01} + msgpack coordinate, as Serf's {@code AckPayload}. */
    public byte[] toAckPayload() {
        MsgpackWriter w = new MsgpackWriter();
        w.writeByte(ACK_PAYLOAD_VERSION);
        w.writeMapHeader(4);
        w.writeString("Adjustment").writeFloat64(adjustment);
        w.writeString("Error").writeFloat64(error);
        w.writeString("Height").writeFloat64(height);
        w.writeString("Vec").writeArrayHeader(vec.length);
        for (double d : vec) {
            w.writeFloat64(d);
        }
        return w.toByteArray();
    }

    /** Reads an ack payload; Serf ignores empty payloads, so callers check for that first. */
    public static VivaldiCoordinate fromAckPayload(byte[] payload) {
        if (payload == null || payload.length == 0) {
            throw new WireFormatException("ack>coordinate", 0, "empty ack payload");
        }
        if ((payload[0] & 0xff) != ACK_PAYLOAD_VERSION) {
            throw new WireFormatException("ack>coordinate", 0, "unsupported ack payload version " + (payload[0] & 0xff));
        }
        MsgpackReader r = new MsgpackReader(payload, 1, payload.length - 1, "ack>coordinate");
        double[] vec = new double[0];
        double error = 0;
        double adjustment = 0;
        double height = 0;
        for (int i = 0, n = r.readMapHeader(); i < n; i++) {
            switch (r.readString()) {
                case "Vec" -> {
                    int k = r.readArrayHeader();
                    vec = new double[Math.max(0, k)];
                    for (int j = 0; j < k; j++) {
                        vec[j] = r.readFloat64();
                    }
                }
                case "Error" -> error = r.readFloat64();
                case "Adjustment" -> adjustment = r.readFloat64();
                case "Height" -> height = r.readFloat64();
                default -> r.skipValue();
            }
        }
        return new VivaldiCoordinate(vec, error, adjustment, height);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof VivaldiCoordinate c && Arrays.equals(vec, c.vec)
                && Double.compare(error, c.error) == 0 && Double.compare(adjustment, c.adjustment) == 0
                && Double.compare(height, c.height) == 0;
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(vec) + Double.hashCode(error) + 7 * Double.hashCode(height);
    }

    @Override
    public String toString() {
        return "VivaldiCoordinate[vec=" + Arrays.toString(vec) + ", error=" + error + ", adjustment=" + adjustment
                + ", height=" + height + "]";
    }
}
