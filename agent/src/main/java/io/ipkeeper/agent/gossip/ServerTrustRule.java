package io.ipkeeper.agent.gossip;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Whether the agent may send its token to a server URL it learned from gossip. Anyone who can gossip can announce
 * {@code role=server}, so a URL is trusted only if the operator vouched for it: an https URL when a private CA is
 * configured ({@code --ca-file}: the TLS handshake then proves the server holds a certificate from that CA), or a URL
 * on the allow-list ({@code --server-allow}). The JDK's public trust store is not enough: anyone can get a public
 * certificate for a name of their own.
 */
public final class ServerTrustRule {
    private final boolean privateCa;
    private final List<URI> allowed;

    public ServerTrustRule(boolean privateCa, List<URI> allowed) {
        this.privateCa = privateCa;
        this.allowed = allowed.stream().map(ServerTrustRule::normalize).toList();
    }

    /** Empty when {@code url} may get the token; otherwise why not, for the log. */
    public Optional<String> refusal(URI url) {
        URI u = normalize(url);
        if (allowed.contains(u)) {
            return Optional.empty();
        }
        if ("https".equals(u.getScheme()) && privateCa) {
            return Optional.empty();
        }
        if ("https".equals(u.getScheme())) {
            return Optional.of("it is not on --server-allow and no --ca-file is configured to verify it");
        }
        return Optional.of("it is plain http and not on --server-allow");
    }

    static URI normalize(URI url) {
        String s = url.toString().strip();
        while (s.endsWith("/")) {
            s = s.substring(0, s.length() - 1);
        }
        URI u = URI.create(s);
        return URI.create(u.getScheme().toLowerCase(Locale.ROOT) + "://" + u.getRawAuthority().toLowerCase(Locale.ROOT)
                + (u.getRawPath() == null ? "" : u.getRawPath()));
    }
}
