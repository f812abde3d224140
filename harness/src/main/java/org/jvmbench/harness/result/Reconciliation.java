package org.jvmbench.harness.result;

/**
 * The client's request count against the server's own ({@code /info} read before and after
 * the point, summed over processes).
 *
 * @param clientRequests requests the injector sent and completed (ok + ko)
 * @param serverRequests requests the server counted for the endpoint over the same point
 */
public record Reconciliation(long clientRequests, long serverRequests) {

    /** |client - server| / max(client, server); 0 when both are 0. */
    public double differenceRatio() {
        long max = Math.max(clientRequests, serverRequests);
        return max == 0 ? 0 : (double) Math.abs(clientRequests - serverRequests) / max;
    }
}
