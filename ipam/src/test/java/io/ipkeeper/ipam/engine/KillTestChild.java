package io.ipkeeper.ipam.engine;

import io.ipkeeper.ipam.Ipam;
import io.ipkeeper.ipam.IpamConfig;
import io.ipkeeper.ipam.db.Database;
import io.ipkeeper.ipam.model.Allocation;
import io.ipkeeper.ipam.model.AllocationRequest;
import java.time.Clock;

/**
 * The child JVM of {@link KillTest}: allocates forever from one subnet with 4 threads and prints "ACK id address" for
 * each allocation after its transaction committed (allocate() returns only then). It never exits on its own.
 */
public final class KillTestChild {

    public static void main(String[] args) throws Exception {
        Database db = Database.open(args[0], null, null, 8);
        Ipam ipam = Ipam.create(db, IpamConfig.defaults(), Clock.systemUTC(), null);
        long subnet = Long.parseLong(args[1]);
        for (int t = 0; t < 4; t++) {
            Thread.ofPlatform().start(() -> {
                while (true) {
                    Allocation a = ipam.allocator().allocate("child", AllocationRequest.nextFree(subnet)).get(0);
                    synchronized (System.out) {
                        System.out.println("ACK " + a.id() + " " + a.address());
                        System.out.flush();
                    }
                }
            });
        }
        Thread.currentThread().join();
    }
}
