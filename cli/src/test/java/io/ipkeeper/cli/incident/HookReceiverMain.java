package io.ipkeeper.cli.incident;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

/**
 * A webhook receiver for the incident tests, run in the server's namespace: listens on 127.0.0.1:PORT and prints
 * {@code HOOK <event type> <body>} per delivery (answering 204), after {@code READY}.
 */
public final class HookReceiverMain {
    private HookReceiverMain() {}

    public static void main(String[] args) throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", Integer.parseInt(args[0])), 16);
        server.createContext("/", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            synchronized (System.out) {
                System.out.println("HOOK " + exchange.getRequestHeaders().getFirst("X-Ipkeeper-Event") + " "
                        + body.replace('\n', ' '));
                System.out.flush();
            }
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        server.start();
        System.out.println("READY");
        System.out.flush();
    }
}
