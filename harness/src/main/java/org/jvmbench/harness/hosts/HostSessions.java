package org.jvmbench.harness.hosts;

import org.jvmbench.harness.settings.Host;
import java.io.IOException;
import java.security.KeyPair;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.auth.pubkey.UserAuthPublicKeyFactory;
import org.apache.sshd.client.config.hosts.HostConfigEntryResolver;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.keyprovider.FileKeyPairProvider;
import org.apache.sshd.common.keyprovider.KeyIdentityProvider;
import org.apache.sshd.core.CoreModuleProperties;
import org.jvmbench.harness.config.Defaults;

/**
 * The one SSH client of a run: opens authenticated sessions to hosts with one key, after
 * checking each host's key against known_hosts. Closing it closes every session it opened,
 * which ends every remote process started through them.
 */
public final class HostSessions implements AutoCloseable {

    /**
     * Keep-alives keep a quiet session open through NAT and firewalls, and let a dead host be
     * noticed. MINA's idle timeout (10 minutes by default) is turned off: a server's session
     * is quiet for a whole sweep, and closing it would kill the server.
     */
    private static final Duration HEARTBEAT = Duration.ofSeconds(15);

    private final SshClient client;
    private final SshKeys keys;
    private final Duration timeout;

    private HostSessions(SshClient client, SshKeys keys, Duration timeout) {
        this.client = client;
        this.keys = keys;
        this.timeout = timeout;
    }

    /** Starts the client; fails with one line when the private key cannot be used. */
    public static HostSessions start(SshKeys keys) throws IOException {
        return start(keys, Defaults.SSH_CONNECT_TIMEOUT);
    }

    public static HostSessions start(SshKeys keys, Duration timeout) throws IOException {
        List<KeyPair> identities = loadKey(keys);
        SshClient client = SshClient.setUpDefaultClient();
        // only what the caller named: no ~/.ssh/config rewriting addresses, no ~/.ssh/id_* keys, no passwords
        client.setHostConfigEntryResolver(HostConfigEntryResolver.EMPTY);
        client.setKeyIdentityProvider(KeyIdentityProvider.wrapKeyPairs(identities));
        client.setUserAuthFactories(List.of(UserAuthPublicKeyFactory.INSTANCE));
        client.setServerKeyVerifier(new KnownHostsCheck(keys.knownHosts()));
        CoreModuleProperties.IDLE_TIMEOUT.set(client, Duration.ZERO);
        CoreModuleProperties.HEARTBEAT_INTERVAL.set(client, HEARTBEAT);
        client.start();
        return new HostSessions(client, keys, timeout);
    }

    /** Connects to {@code host} and keeps the session as that host's control connection. */
    public HostConnection connect(Host host) throws IOException {
        return HostConnection.open(this, host);
    }

    /**
     * A new authenticated session to {@code host}.
     *
     * @throws HostKeyRefusedException when known_hosts does not vouch for the host's key
     * @throws IOException             with one line naming the host when it cannot be reached or logged in to
     */
    ClientSession open(Host host) throws IOException {
        ClientSession session = null;
        try {
            session = client.connect(host.user(), host.address(), host.port()).verify(timeout).getSession();
            session.auth().verify(timeout);
            return session;
        } catch (IOException | RuntimeException e) {
            if (session != null) {
                KnownHostsCheck.Refusal refusal = KnownHostsCheck.refusal(session).orElse(null);
                session.close(true);
                if (refusal != null) {
                    throw new HostKeyRefusedException("refused " + host + ": " + refusal.reason()
                            + (refusal.unknown() ? "; once that fingerprint is checked on the host, add its line (ssh-keyscan -p "
                            + host.port() + " " + host.address() + ")" : ""));
                }
            }
            if (session == null) {
                throw new IOException("cannot reach " + host + ": " + oneLine(e), e);
            }
            throw new IOException("cannot log in to " + host + " with " + keys.privateKey() + ": " + oneLine(e), e);
        }
    }

    private static List<KeyPair> loadKey(SshKeys keys) throws IOException {
        List<KeyPair> pairs = new ArrayList<>();
        try {
            new FileKeyPairProvider(keys.privateKey()).loadKeys(null).forEach(pairs::add);
        } catch (RuntimeException e) {
            // loading is lazy: a bad or encrypted file fails while iterating, unchecked
            throw new IOException("cannot read SSH private key " + keys.privateKey() + ": " + oneLine(e), e);
        }
        if (pairs.isEmpty()) {
            // MINA skips a key type it has no provider for without a word
            throw new IOException("SSH private key " + keys.privateKey() + " holds no key this client can use");
        }
        return pairs;
    }

    /** The first line of an exception's message, or its type when it has none. */
    static String oneLine(Throwable e) {
        String message = e.getMessage();
        if (message == null || message.isBlank()) {
            return e.getClass().getSimpleName();
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }

    @Override
    public void close() throws IOException {
        client.stop();
    }
}
