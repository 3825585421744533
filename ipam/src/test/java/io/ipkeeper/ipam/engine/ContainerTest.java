package io.ipkeeper.ipam.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.ipkeeper.ipam.error.AllocationInContainer;
import io.ipkeeper.ipam.error.PoolExhausted;
import io.ipkeeper.ipam.model.AllocationRequest;
import io.ipkeeper.ipam.model.Subnet;
import io.ipkeeper.ipam.model.SubnetSpec;
import io.ipkeeper.testkit.DatabaseTest;
import io.ipkeeper.testkit.TestDatabase;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Containers: child prefixes come from the container's own free-space index; an emptied container is a leaf again. */
@DatabaseTest
class ContainerTest {

    private final Fixture f;

    ContainerTest(TestDatabase db) {
        this.f = new Fixture(db, null);
    }

    @AfterEach
    void close() {
        f.db.close();
    }

    private long freeExtents(long subnetId) {
        return f.db.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM free_extent WHERE subnet_id = :s")
                .bind("s", subnetId).mapTo(Long.class).one());
    }

    @Test
    void aContainerWithManyChildrenSeeksItsFreeSpaceInsteadOfReadingItsChildren() {
        Subnet c = f.ipam.subnets().create("n", SubnetSpec.of(f.space("many"), "10.100.0.0/16").asContainer());
        List<Subnet> children = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            children.add(f.ipam.subnets().allocateChildPrefix("n", c.id(), 28, null));
        }
        assertThat(children.get(0).prefix().toString()).isEqualTo("10.100.0.0/28");
        assertThat(children.get(299).prefix().toString()).isEqualTo("10.100.18.176/28");
        // packed from the bottom: the free space is one run above the children, so the next answer is one row away
        assertThat(freeExtents(c.id())).isEqualTo(1);
        f.assertIndexConsistent(c.id());
        // a hole is reused first, by a block that fits it; a larger block goes above it
        f.ipam.subnets().delete("n", children.get(4).id()); // 10.100.0.64/28
        f.ipam.subnets().delete("n", children.get(5).id()); // 10.100.0.80/28: together an aligned /27
        assertThat(freeExtents(c.id())).isEqualTo(2);
        assertThat(f.ipam.subnets().allocateChildPrefix("n", c.id(), 26, null).prefix().toString()).isEqualTo("10.100.18.192/26");
        assertThat(f.ipam.subnets().allocateChildPrefix("n", c.id(), 27, null).prefix().toString()).isEqualTo("10.100.0.64/27");
        assertThat(freeExtents(c.id())).isEqualTo(1);
        f.assertIndexConsistent(c.id());
        // an explicitly created child carves its prefix out of the container's free space too
        f.ipam.subnets().create("n", SubnetSpec.of(c.spaceId(), "10.100.255.0/24"));
        f.assertIndexConsistent(c.id());
        // no /17 is free any more (children below, the /24 above); /18s are, until those run out too
        f.rejects(PoolExhausted.class, () -> f.ipam.subnets().allocateChildPrefix("n", c.id(), 17, null));
        assertThat(f.ipam.subnets().allocateChildPrefix("n", c.id(), 18, null).prefix().toString()).isEqualTo("10.100.64.0/18");
        assertThat(f.ipam.subnets().allocateChildPrefix("n", c.id(), 18, null).prefix().toString()).isEqualTo("10.100.128.0/18");
        f.rejects(PoolExhausted.class, () -> f.ipam.subnets().allocateChildPrefix("n", c.id(), 18, null));
        f.assertIndexConsistent(c.id());
    }

    @Test
    void aContainerWhoseLastChildIsDeletedBecomesALeafAgain() {
        long space = f.space("leaf-again");
        Subnet parent = f.ipam.subnets().create("n", SubnetSpec.of(space, "10.101.0.0/24"));
        Subnet a = f.ipam.subnets().allocateChildPrefix("n", parent.id(), 26, null);
        Subnet b = f.ipam.subnets().create("n", SubnetSpec.of(space, "10.101.0.128/26"));
        assertThat(f.ipam.subnets().get(parent.id()).container()).isTrue();
        f.rejects(AllocationInContainer.class, () -> f.ipam.allocator().allocate("a", AllocationRequest.nextFree(parent.id())));
        f.ipam.subnets().delete("n", a.id());
        assertThat(f.ipam.subnets().get(parent.id()).container()).isTrue();
        f.assertIndexConsistent(parent.id());
        f.ipam.subnets().delete("n", b.id());
        assertThat(f.ipam.subnets().get(parent.id()).container()).isFalse();
        f.assertIndexConsistent(parent.id());
        long becameLeaf = f.db.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM audit_event WHERE action = 'subnet.become_leaf'"
                + " AND object_id = :id").bind("id", parent.id()).mapTo(Long.class).one());
        assertThat(becameLeaf).isEqualTo(1);
        // a leaf again: it hands out addresses, and with all 254 of them taken it reports exhaustion
        assertThat(f.ipam.allocator().allocate("a", AllocationRequest.nextFree(parent.id())).get(0).address().toString())
                .isEqualTo("10.101.0.1");
        assertThat(f.ipam.allocator().allocate("a", AllocationRequest.nextFree(parent.id()).count(253))).hasSize(253);
        f.rejects(PoolExhausted.class, () -> f.ipam.allocator().allocate("a", AllocationRequest.nextFree(parent.id())));
        f.assertIndexConsistent(parent.id());
    }
}
