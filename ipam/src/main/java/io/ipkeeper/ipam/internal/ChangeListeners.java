package io.ipkeeper.ipam.internal;

import io.ipkeeper.ipam.ChangeListener;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.config.JdbiConfig;

/**
 * The {@link ChangeListener}s of one Jdbi, kept in its configuration so that the static writers of audit rows find
 * them through the handle they already have. Copies share one list: a listener added to the Jdbi is seen by handles
 * opened before, too.
 */
public final class ChangeListeners implements JdbiConfig<ChangeListeners> {
    private final List<ChangeListener> listeners;

    public ChangeListeners() {
        this(new CopyOnWriteArrayList<>());
    }

    private ChangeListeners(List<ChangeListener> listeners) {
        this.listeners = listeners;
    }

    @Override
    public ChangeListeners createCopy() {
        return new ChangeListeners(listeners);
    }

    public void add(ChangeListener l) {
        listeners.add(l);
    }

    /** Tells every listener of {@code h}'s Jdbi about {@code changes} at once, in {@code h}'s transaction. */
    static void fireAll(Handle h, List<ChangeListener.Change> changes) {
        for (ChangeListener l : h.getConfig(ChangeListeners.class).listeners) {
            l.changedAll(h, changes);
        }
    }

    /** Tells every listener of {@code h}'s Jdbi about {@code change}, in {@code h}'s transaction. */
    static void fire(Handle h, ChangeListener.Change change) {
        for (ChangeListener l : h.getConfig(ChangeListeners.class).listeners) {
            l.changed(h, change);
        }
    }
}
