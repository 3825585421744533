package io.ipkeeper.sim;

/**
 * Bursty loss (Gilbert-Elliott): each directed link is a two-state Markov chain stepped once per packet. In the good
 * state a packet is lost with {@code lossGood}, in the bad state with {@code lossBad}; before each packet the link moves
 * good → bad with {@code goodToBad} and bad → good with {@code badToGood}. Losses then come in bursts (a bad spell
 * lasts 1 / badToGood packets on average) instead of independently, as on a congested switch port or a flapping NIC.
 *
 * @param goodToBad per-packet probability of entering the bad state
 * @param badToGood per-packet probability of leaving it
 * @param lossGood loss probability in the good state
 * @param lossBad loss probability in the bad state
 */
public record GilbertElliott(double goodToBad, double badToGood, double lossGood, double lossBad) {

    public GilbertElliott {
        if (!(goodToBad >= 0 && goodToBad <= 1) || !(badToGood > 0 && badToGood <= 1)
                || !(lossGood >= 0 && lossGood <= 1) || !(lossBad >= 0 && lossBad <= 1)) {
            throw new IllegalArgumentException("Gilbert-Elliott probabilities must lie in [0, 1] (badToGood > 0): "
                    + goodToBad + ", " + badToGood + ", " + lossGood + ", " + lossBad);
        }
    }

    /** Share of packets that find the link in the bad state in the long run: goodToBad / (goodToBad + badToGood). */
    public double stationaryBad() {
        return goodToBad / (goodToBad + badToGood);
    }

    /** The long-run loss rate the chain produces. */
    public double stationaryLoss() {
        double bad = stationaryBad();
        return bad * lossBad + (1 - bad) * lossGood;
    }
}
