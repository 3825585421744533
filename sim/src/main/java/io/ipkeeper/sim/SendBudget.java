package io.ipkeeper.sim;

/**
 * What one node may put on the wire (its NIC / its share of a saturated bus): packets leave one after another, each
 * taking max(1 / messagesPerSecond, bytes / bytesPerSecond); packets that find {@code queueCapacity} packets waiting
 * are dropped and counted. This is the saturated bus of the 2014 storm. Streams are not limited (they are rare and
 * TCP would slow down rather than drop).
 */
public record SendBudget(double messagesPerSecond, double bytesPerSecond, int queueCapacity) {

    public static final SendBudget UNLIMITED = new SendBudget(Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY,
            Integer.MAX_VALUE);

    public SendBudget {
        if (!(messagesPerSecond > 0) || !(bytesPerSecond > 0) || queueCapacity < 1) {
            throw new IllegalArgumentException("bad send budget");
        }
    }

    public boolean unlimited() {
        return Double.isInfinite(messagesPerSecond) && Double.isInfinite(bytesPerSecond);
    }

    /** Nanoseconds the packet occupies the sender's link. */
    long serviceNanos(int bytes) {
        double s = Math.max(1.0 / messagesPerSecond, bytes / bytesPerSecond);
        return (long) Math.ceil(s * 1e9);
    }
}
