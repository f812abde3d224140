package org.jvmbench.harness.result;

/**
 * Secondary results: what serving the load cost, sampled from {@code /proc} once a second
 * over the measured window. Server figures are summed over all server processes.
 *
 * @param serverCpuCores     mean cores used by the server (1.0 = one core fully busy)
 * @param serverCpuCoresPeak highest one-second value
 * @param serverRssBytes     mean resident set size
 * @param serverRssBytesPeak highest sample
 * @param serverPssBytes     mean proportional set size (shared pages split between processes), or null
 * @param serverThreads      live threads at the end of the window
 * @param injectorCpuCores   mean cores used by the Gatling JVM
 * @param injectorCpus       CPUs the injector is pinned to (its ceiling)
 * @param otherCpuCores      machine CPU minus server and injector: other processes' share
 * @param otherCpuCoresPeak  highest one-second value of it
 * @param serverCpusOther    other processes' cores on the server's CPUs: busy (steal excluded) minus the server
 * @param serverCpusOtherPeak highest one-second value of it
 * @param injectorCpusOther  other processes' cores on the injector's CPUs: busy (steal excluded) minus the injector
 * @param injectorCpusOtherPeak highest one-second value of it
 * @param serverCpusSteal    cores the hypervisor gave to someone else while the server's CPUs wanted them
 * @param injectorCpusSteal  the same on the injector's CPUs
 */
public record ResourceUsage(
        double serverCpuCores,
        double serverCpuCoresPeak,
        long serverRssBytes,
        long serverRssBytesPeak,
        Long serverPssBytes,
        int serverThreads,
        double injectorCpuCores,
        int injectorCpus,
        double otherCpuCores,
        double otherCpuCoresPeak,
        Double serverCpusOther,
        Double serverCpusOtherPeak,
        Double injectorCpusOther,
        Double injectorCpusOtherPeak,
        Double serverCpusSteal,
        Double injectorCpusSteal) {

    /** {@code ResourceUsage} to fill in by name: a component not set stays null, false or 0. */
    public static Builder builder() {
        return new Builder();
    }

    /** This {@code ResourceUsage} to change by name. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.serverCpuCores = serverCpuCores;
        b.serverCpuCoresPeak = serverCpuCoresPeak;
        b.serverRssBytes = serverRssBytes;
        b.serverRssBytesPeak = serverRssBytesPeak;
        b.serverPssBytes = serverPssBytes;
        b.serverThreads = serverThreads;
        b.injectorCpuCores = injectorCpuCores;
        b.injectorCpus = injectorCpus;
        b.otherCpuCores = otherCpuCores;
        b.otherCpuCoresPeak = otherCpuCoresPeak;
        b.serverCpusOther = serverCpusOther;
        b.serverCpusOtherPeak = serverCpusOtherPeak;
        b.injectorCpusOther = injectorCpusOther;
        b.injectorCpusOtherPeak = injectorCpusOtherPeak;
        b.serverCpusSteal = serverCpusSteal;
        b.injectorCpusSteal = injectorCpusSteal;
        return b;
    }

    /** {@code ResourceUsage} built by name; {@link #build} holds it to the record's own rules. */
    public static final class Builder {
        private double serverCpuCores;
        private double serverCpuCoresPeak;
        private long serverRssBytes;
        private long serverRssBytesPeak;
        private Long serverPssBytes;
        private int serverThreads;
        private double injectorCpuCores;
        private int injectorCpus;
        private double otherCpuCores;
        private double otherCpuCoresPeak;
        private Double serverCpusOther;
        private Double serverCpusOtherPeak;
        private Double injectorCpusOther;
        private Double injectorCpusOtherPeak;
        private Double serverCpusSteal;
        private Double injectorCpusSteal;

        private Builder() {
        }

        public Builder serverCpuCores(double value) {
            serverCpuCores = value;
            return this;
        }

        public Builder serverCpuCoresPeak(double value) {
            serverCpuCoresPeak = value;
            return this;
        }

        public Builder serverRssBytes(long value) {
            serverRssBytes = value;
            return this;
        }

        public Builder serverRssBytesPeak(long value) {
            serverRssBytesPeak = value;
            return this;
        }

        public Builder serverPssBytes(Long value) {
            serverPssBytes = value;
            return this;
        }

        public Builder serverThreads(int value) {
            serverThreads = value;
            return this;
        }

        public Builder injectorCpuCores(double value) {
            injectorCpuCores = value;
            return this;
        }

        public Builder injectorCpus(int value) {
            injectorCpus = value;
            return this;
        }

        public Builder otherCpuCores(double value) {
            otherCpuCores = value;
            return this;
        }

        public Builder otherCpuCoresPeak(double value) {
            otherCpuCoresPeak = value;
            return this;
        }

        public Builder serverCpusOther(Double value) {
            serverCpusOther = value;
            return this;
        }

        public Builder serverCpusOtherPeak(Double value) {
            serverCpusOtherPeak = value;
            return this;
        }

        public Builder injectorCpusOther(Double value) {
            injectorCpusOther = value;
            return this;
        }

        public Builder injectorCpusOtherPeak(Double value) {
            injectorCpusOtherPeak = value;
            return this;
        }

        public Builder serverCpusSteal(Double value) {
            serverCpusSteal = value;
            return this;
        }

        public Builder injectorCpusSteal(Double value) {
            injectorCpusSteal = value;
            return this;
        }

        public ResourceUsage build() {
            return new ResourceUsage(serverCpuCores, serverCpuCoresPeak, serverRssBytes, serverRssBytesPeak,
                    serverPssBytes, serverThreads, injectorCpuCores, injectorCpus, otherCpuCores, otherCpuCoresPeak,
                    serverCpusOther, serverCpusOtherPeak, injectorCpusOther, injectorCpusOtherPeak, serverCpusSteal,
                    injectorCpusSteal);
        }
    }
}
