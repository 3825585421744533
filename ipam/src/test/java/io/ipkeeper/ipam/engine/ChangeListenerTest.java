package io.ipkeeper.ipam.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ipkeeper.ipam.ChangeListener;
import io.ipkeeper.ipam.model.Allocation;
import io.ipkeeper.ipam.model.AllocationRequest;
import io.ipkeeper.ipam.model.Subnet;
import io.ipkeeper.ipam.model.SubnetSpec;
import io.ipkeeper.testkit.DatabaseTest;
import io.ipkeeper.testkit.TestDatabase;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Listeners hear every audited change inside its transaction: what they write commits or rolls back with it. */
@DatabaseTest
class ChangeListenerTest {

    private final Fixture f;
    private final List<ChangeListener.Change> heard = new CopyOnWriteArrayList<>();

    ChangeListenerTest(TestDatabase db) {
        this.f = new Fixture(db, null);
        f.db.jdbi().useHandle(h -> h.execute("CREATE TABLE IF NOT EXISTS heard (action VARCHAR(64), object_id BIGINT)"));
        f.ipam.onChange((h, c) -> {
            heard.add(c);
            h.createUpdate("INSERT INTO heard (action, object_id) VALUES (:a, :o)")
                    .bind("a", c.action()).bind("o", c.objectId()).execute();
        });
    }

    @AfterEach
    void close() {
        f.db.jdbi().useHandle(h -> h.execute("DROP TABLE heard"));
        f.db.close();
    }

    @Test
    void allocationsAndReleasesAreHeardWithTheirRowsAndWrittenInTheirTransaction() {
        long space = f.space("listen");
        Subnet s = f.ipam.subnets().create("n", SubnetSpec.of(space, "10.120.0.0/29"));
        List<Allocation> made = f.ipam.allocator().allocate("alice", AllocationRequest.nextFree(s.id()).count(2));
        f.ipam.allocator().release("bob", made.get(0).id());

        List<ChangeListener.Change> allocations = heard.stream().filter(c -> c.objectType().equals("allocation")).toList();
        assertThat(allocations).extracting(ChangeListener.Change::action)
                .containsExactly("allocation.create", "allocation.create", "allocation.release");
        ChangeListener.Change created = allocations.get(0);
        assertThat(created.principal()).isEqualTo("alice");
        assertThat(created.before()).isNull();
        assertThat(((Allocation) created.after()).id()).isEqualTo(made.get(0).id());
        assertThat(allocations.get(2).principal()).isEqualTo("bob");
        assertThat(((Allocation) allocations.get(2).before()).address()).isEqualTo(made.get(0).address());
        assertThat(heard).extracting(ChangeListener.Change::action).contains("space.create", "subnet.create");
        assertThat(f.rows("heard")).isEqualTo(heard.size());
    }

    @Test
    void aFailingListenerRollsTheChangeBack() {
        long space = f.space("listen-fail");
        Subnet s = f.ipam.subnets().create("n", SubnetSpec.of(space, "10.121.0.0/29"));
        f.ipam.onChange((h, c) -> {
            if (c.action().equals("allocation.create")) {
                throw new IllegalStateException("outbox unavailable");
            }
        });
        List<Long> before = f.footprint();
        long heardBefore = f.rows("heard");
        assertThatThrownBy(() -> f.ipam.allocator().allocate("alice", AllocationRequest.nextFree(s.id())))
                .hasMessageContaining("outbox unavailable");
        assertThat(f.footprint()).isEqualTo(before);
        assertThat(f.rows("heard")).isEqualTo(heardBefore);
    }
}
