package org.jvmbench.harness.hosts;

import java.net.SocketAddress;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.Optional;

import org.apache.sshd.client.config.hosts.KnownHostEntry;
import org.apache.sshd.client.keyverifier.KnownHostsServerKeyVerifier;
import org.apache.sshd.client.keyverifier.RejectAllServerKeyVerifier;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.AttributeRepository.AttributeKey;
import org.apache.sshd.common.config.keys.KeyUtils;

/**
 * Host keys are checked against one known_hosts file, and a host it does not vouch for is
 * refused: unknown, changed or revoked alike. Nothing is ever added to the file (MINA's
 * verifier would append an accepted unknown key). Why a key was refused is kept on the
 * session, because MINA's own failure only says that the key "did not validate".
 */
final class KnownHostsCheck extends KnownHostsServerKeyVerifier {

    /** Why a key was refused; {@code unknown}: known_hosts has no key at all for the host. */
    record Refusal(boolean unknown, String reason) {
    }

    private static final AttributeKey<Refusal> REFUSAL = new AttributeKey<>();

    private final Path knownHosts;

    KnownHostsCheck(Path knownHosts) {
        super(RejectAllServerKeyVerifier.INSTANCE, knownHosts);
        this.knownHosts = knownHosts;
    }

    /** Why this session's host key was refused, if it was. */
    static Optional<Refusal> refusal(ClientSession session) {
        return Optional.ofNullable(session.getAttribute(REFUSAL));
    }

    @Override
    protected boolean acceptUnknownHostKey(ClientSession session, SocketAddress remoteAddress, PublicKey serverKey) {
        refuse(session, true, "is not in " + knownHosts, serverKey);
        return false;
    }

    @Override
    public boolean acceptModifiedServerKey(ClientSession session, SocketAddress remoteAddress, KnownHostEntry entry,
                                           PublicKey expected, PublicKey actual) {
        refuse(session, false, "differs from the one in " + knownHosts + " (" + describe(expected) + ")", actual);
        return false;
    }

    @Override
    protected void handleRevokedKey(ClientSession session, SocketAddress remoteAddress, PublicKey serverKey) {
        refuse(session, false, "is marked @revoked in " + knownHosts, serverKey);
        super.handleRevokedKey(session, remoteAddress, serverKey);
    }

    private static void refuse(ClientSession session, boolean unknown, String why, PublicKey key) {
        session.setAttribute(REFUSAL, new Refusal(unknown, "its key " + describe(key) + " " + why));
    }

    private static String describe(PublicKey key) {
        return KeyUtils.getKeyType(key) + " " + KeyUtils.getFingerPrint(key);
    }
}
