package org.jvmbench.harness.hosts;

/** A JVM that says "ready" and then does nothing: a stand-in server for reading /proc on a host. */
public final class IdleJvm {

    private IdleJvm() {
    }

    public static void main(String[] args) throws InterruptedException {
        System.out.println("ready");
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
