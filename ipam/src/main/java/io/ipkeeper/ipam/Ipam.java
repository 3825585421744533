package io.ipkeeper.ipam;

import io.ipkeeper.ipam.db.Database;
import io.ipkeeper.ipam.internal.ChangeListeners;
import io.ipkeeper.ipam.internal.RangeCache;
import java.time.InstantSource;

/**
 * The IPAM core, wired: spaces, subnets, ranges and the allocator over one migrated {@link Database}.
 *
 * <pre>{@code
 * Ipam ipam = Ipam.create(database, IpamConfig.defaults(), Clock.systemUTC(), null);
 * long space = ipam.spaces().create("alice", "prod", null).id();
 * Subnet s = ipam.subnets().create("alice", SubnetSpec.of(space, "10.0.0.0/24").withGateway("10.0.0.1"));
 * Allocation a = ipam.allocator().allocate("alice", AllocationRequest.nextFree(s.id()).hostname("web-1")).get(0);
 * }</pre>
 */
public final class Ipam {

    private final SpaceService spaces;
    private final SubnetService subnets;
    private final RangeService ranges;
    private final Allocator allocator;
    private final Database db;

    private Ipam(Database db, IpamConfig config, InstantSource clock, CandidateVetter vetter) {
        this.db = db;
        RangeCache rangeCache = new RangeCache();
        this.spaces = new SpaceService(db.jdbi(), clock);
        this.subnets = new SubnetService(db.jdbi(), clock);
        this.ranges = new RangeService(db.jdbi(), clock);
        this.allocator = new Allocator(db.jdbi(), clock, config, vetter, rangeCache);
    }

    /** @param vetter checks candidates before they are confirmed, or null for none */
    public static Ipam create(Database db, IpamConfig config, InstantSource clock, CandidateVetter vetter) {
        return new Ipam(db, config, clock, vetter);
    }

    /**
     * Registers {@code listener} for every audited change from now on (see {@link ChangeListener}); register before
     * serving requests. It hears changes made through any {@code Ipam} over the same {@link Database}.
     */
    public void onChange(ChangeListener listener) {
        db.jdbi().getConfig(ChangeListeners.class).add(listener);
    }

    public SpaceService spaces() {
        return spaces;
    }

    public SubnetService subnets() {
        return subnets;
    }

    public RangeService ranges() {
        return ranges;
    }

    public Allocator allocator() {
        return allocator;
    }
}
