package io.ipkeeper.ipam.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.ipkeeper.ipam.Allocator;
import io.ipkeeper.ipam.error.AllocationInContainer;
import io.ipkeeper.ipam.error.InvalidRequest;
import io.ipkeeper.ipam.error.NotFound;
import io.ipkeeper.ipam.error.OwnerNotPermitted;
import io.ipkeeper.ipam.model.Allocation;
import io.ipkeeper.ipam.model.AllocationRequest;
import io.ipkeeper.ipam.model.IpRange;
import io.ipkeeper.ipam.model.RangePurpose;
import io.ipkeeper.ipam.model.RangeSpec;
import io.ipkeeper.ipam.model.Subnet;
import io.ipkeeper.ipam.model.SubnetSpec;
import io.ipkeeper.ipam.net.IpAddress;
import io.ipkeeper.testkit.DatabaseTest;
import io.ipkeeper.testkit.TestDatabase;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** "Which addresses are free?" without allocating: what the next allocations would get, in address order. */
@DatabaseTest
class AvailableAddressesTest {

    private final Fixture f;
    private final Allocator alloc;

    AvailableAddressesTest(TestDatabase db) {
        this.f = new Fixture(db, null);
        this.alloc = f.ipam.allocator();
    }

    @AfterEach
    void close() {
        f.db.close();
    }

    private static List<String> text(List<IpAddress> as) {
        return as.stream().map(IpAddress::toString).toList();
    }

    @Test
    void listsFreeAddressesInOrderSkippingWhatIsNeverHandedOutAndWritesNothing() {
        long space = f.space("avail");
        Subnet s = f.ipam.subnets().create("n", SubnetSpec.of(space, "10.110.0.0/28").withGateway("10.110.0.1"));
        f.ipam.ranges().create("n", RangeSpec.of(s.id(), "10.110.0.4", "10.110.0.5", RangePurpose.RESERVED));
        IpRange promo = f.ipam.ranges().create("n", RangeSpec.of(s.id(), "10.110.0.8", "10.110.0.9", RangePurpose.STATIC).ownedBy("promo"));
        alloc.allocate("a", AllocationRequest.specific(s.id(), "10.110.0.3"));
        List<Long> before = f.footprint();
        assertThat(text(alloc.available(s.id(), null, 5))).containsExactly("10.110.0.2", "10.110.0.6", "10.110.0.7", "10.110.0.10", "10.110.0.11");
        assertThat(text(alloc.available(s.id(), "promo", 5))).containsExactly("10.110.0.2", "10.110.0.6", "10.110.0.7", "10.110.0.8", "10.110.0.9");
        assertThat(text(alloc.availableInRange(promo.id(), "promo", 10))).containsExactly("10.110.0.8", "10.110.0.9");
        assertThat(f.footprint()).as("available() writes nothing").isEqualTo(before);
        // it is what allocation would hand out next
        assertThat(alloc.allocate("a", AllocationRequest.nextFree(s.id())).get(0).address().toString()).isEqualTo("10.110.0.2");
        assertThat(text(alloc.available(s.id(), null, 1))).containsExactly("10.110.0.6");
        // .15 is the broadcast address, .8-.9 belong to "promo"
        assertThat(text(alloc.available(s.id(), null, 100)))
                .containsExactly("10.110.0.6", "10.110.0.7", "10.110.0.10", "10.110.0.11", "10.110.0.12", "10.110.0.13", "10.110.0.14");
    }

    @Test
    void quarantinedAddressesCountOnceTheirCooldownHasEnded() {
        Subnet s = f.ipam.subnets().create("n", SubnetSpec.of(f.space("q"), "10.111.0.0/30"));
        List<Allocation> both = alloc.allocate("a", AllocationRequest.nextFree(s.id()).count(2));
        alloc.release("a", both.get(0).id());
        assertThat(alloc.available(s.id(), null, 10)).isEmpty();
        f.clock.advance(Duration.ofHours(2));
        assertThat(text(alloc.available(s.id(), null, 10))).containsExactly("10.111.0.1");
    }

    @Test
    void badQueriesAreTypedErrors() {
        long space = f.space("bad");
        Subnet c = f.ipam.subnets().create("n", SubnetSpec.of(space, "10.112.0.0/16").asContainer());
        Subnet s = f.ipam.subnets().create("n", SubnetSpec.of(space, "10.112.0.0/24"));
        IpRange promo = f.ipam.ranges().create("n", RangeSpec.of(s.id(), "10.112.0.8", "10.112.0.9", RangePurpose.STATIC).ownedBy("promo"));
        f.rejects(AllocationInContainer.class, () -> alloc.available(c.id(), null, 1));
        f.rejects(InvalidRequest.class, () -> alloc.available(s.id(), null, 0));
        f.rejects(InvalidRequest.class, () -> alloc.available(s.id(), null, Allocator.MAX_COUNT + 1));
        f.rejects(NotFound.class, () -> alloc.available(999_999, null, 1));
        f.rejects(NotFound.class, () -> alloc.availableInRange(999_999, null, 1));
        f.rejects(OwnerNotPermitted.class, () -> alloc.availableInRange(promo.id(), "other", 1));
    }
}
