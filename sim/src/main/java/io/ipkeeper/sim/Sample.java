package io.ipkeeper.sim;

/**
 * The cluster at the end of one simulated second.
 *
 * @param second virtual time in seconds
 * @param live processes running
 * @param distinctViews distinct member tables (alive and suspect members with incarnation and state) among live nodes
 * @param consistent every live node holds the same view and it is exactly the set of live nodes
 * @param suspicions suspicions raised during this second, summed over all nodes
 * @param deadDeclarations members declared dead during this second, summed over observers
 * @param falsePositives false positives so far (cumulative)
 * @param bytesPerNode bytes sent during this second, per live node
 * @param messagesPerNode packets and stream messages sent during this second, per live node
 * @param queuedBroadcasts broadcasts waiting in all live nodes' transmit queues
 * @param queueDrops packets dropped by full send queues so far (cumulative)
 */
record Sample(long second, int live, int distinctViews, boolean consistent, long suspicions, long deadDeclarations,
        long falsePositives, double bytesPerNode, double messagesPerNode, long queuedBroadcasts, long queueDrops) {}
