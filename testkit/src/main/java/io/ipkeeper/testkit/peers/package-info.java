/**
 * Real peers for interop tests, all on 127.0.0.1: the project's own Go memberlist test peer ({@link
 * io.ipkeeper.testkit.peers.GoPeer}, built once per JVM by {@link io.ipkeeper.testkit.peers.GoToolchain} from the source
 * shipped in this jar), Serf agents driven through the {@code serf} CLI ({@link io.ipkeeper.testkit.peers.SerfAgent}),
 * and loopback ports free for both UDP and TCP ({@link io.ipkeeper.testkit.peers.FreePorts}).
 *
 * <p>Every process started here is killed when its fixture is closed and, as a last resort, by a JVM shutdown hook;
 * Go peers also exit by themselves when the test JVM's end of their stdin closes.
 */
package io.ipkeeper.testkit.peers;
