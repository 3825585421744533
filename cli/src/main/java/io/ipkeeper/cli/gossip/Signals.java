package io.ipkeeper.cli.gossip;

import java.util.function.Consumer;
import sun.misc.Signal;

/**
 * SIGINT and SIGTERM as requests for a graceful stop (instead of the JVM's immediate exit), named as Go prints them
 * ({@code interrupt}, {@code terminated}). Uses {@code sun.misc.Signal}, the JDK's supported way to do this.
 */
final class Signals {
    private Signals() {}

    static void onStop(Consumer<String> handler) {
        Signal.handle(new Signal("INT"), s -> handler.accept("interrupt"));
        Signal.handle(new Signal("TERM"), s -> handler.accept("terminated"));
    }
}
