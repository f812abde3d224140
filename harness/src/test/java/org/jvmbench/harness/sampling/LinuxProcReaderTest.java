package org.jvmbench.harness.sampling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.UncheckedIOException;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LinuxProcReaderTest {

    private final LinuxProcReader proc = Fixtures.reader("single");

    @Test
    void cpuTimeIsUtimePlusStimeConvertedFromClockTicksToNanos() {
        // utime 1234 + stime 266 = 1500 ticks at 100 Hz
        assertThat(proc.process(4242)).get()
                .extracting(ProcessReading::cpuNanos).isEqualTo(15_000_000_000L);
    }

    @Test
    void cpuTimeFollowsTheGivenTickRate() {
        LinuxProcReader at250Hz = new LinuxProcReader(Fixtures.proc("single"), 250);

        assertThat(at250Hz.process(4242)).get()
                .extracting(ProcessReading::cpuNanos).isEqualTo(6_000_000_000L);
    }

    @Test
    void statIsParsedFromTheLastParenthesisWhenTheCommandHoldsSpacesAndParentheses() {
        // comm is "a) b (c": naive splitting would read "b" as the state and shift every field
        assertThat(proc.process(4243)).get()
                .extracting(ProcessReading::cpuNanos).isEqualTo(150_000_000L);
    }

    @Test
    void fieldsAfterCommandStartAtTheState() {
        String[] fields = LinuxProcReader.fieldsAfterCommand("7 (x) y) (z)) R 1 7 7 0 -1 0 0 0 0 0 3 4", 7);

        assertThat(fields[0]).isEqualTo("R");
        assertThat(fields[11]).isEqualTo("3");
        assertThat(fields[12]).isEqualTo("4");
    }

    @Test
    void rssThreadsAndAllowedCpusComeFromStatus() {
        ProcessReading java = proc.process(4242).orElseThrow();

        assertThat(java.rssBytes()).isEqualTo(204_800L * 1024);
        assertThat(java.threads()).isEqualTo(37);
        assertThat(java.allowedCpus()).isEqualTo(2);
        assertThat(proc.process(4243).orElseThrow().allowedCpus()).isEqualTo(1);
    }

    @Test
    void pssComesFromSmapsRollup() {
        assertThat(proc.process(4242)).get()
                .extracting(ProcessReading::pssBytes).isEqualTo(150_000L * 1024);
    }

    @Test
    void pssIsNullWhenSmapsRollupCannotBeRead() {
        ProcessReading reading = proc.process(4243).orElseThrow();

        assertThat(reading.pssBytes()).isNull();
        assertThat(reading.rssBytes()).isEqualTo(1024L * 1024);
    }

    @Test
    void aMissingPidIsReportedGoneInsteadOfThrowing() {
        assertThat(proc.process(999_999)).isEmpty();
        assertThat(proc.alive(999_999)).isFalse();
    }

    @Test
    void aZombieIsReportedGone() {
        assertThat(proc.process(4244)).isEmpty();
        assertThat(proc.alive(4242)).isTrue();
    }

    @Test
    void machineBusyCountsUserNiceSystemIrqSoftirqStealButNotIdleIowaitOrGuest() {
        // cpu  10000 50 3000 80000 500 0 200 10 700 0: guest 700 is already inside user 10000
        assertThat(proc.machine().busyNanos()).isEqualTo(13_260L * 10_000_000);
    }

    @Test
    void machineListsEveryCpuInOrder() {
        MachineReading machine = proc.machine();

        assertThat(machine.cpus()).isEqualTo(2);
        assertThat(machine.perCpuBusyNanos()).containsExactly(7_635L * 10_000_000, 5_625L * 10_000_000);
    }

    @Test
    void olderKernelsWithFewerCpuColumnsAreRead(@TempDir Path root) throws Exception {
        // 2.6.24-era /proc/stat: user nice system idle iowait irq softirq, no steal or guest
        java.nio.file.Files.writeString(root.resolve("stat"), "cpu  10 0 5 100 0 1 2\ncpu0 10 0 5 100 0 1 2\n");

        assertThat(new LinuxProcReader(root, 100).machine().busyNanos()).isEqualTo(180_000_000L);
    }

    @Test
    void anUnreadableMachineIsAnError(@TempDir Path emptyRoot) {
        assertThatThrownBy(() -> new LinuxProcReader(emptyRoot, 100).machine())
                .isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining("stat");
    }

    @Test
    void readsThisJvmFromTheRealProc() {
        ProcessReading self = new LinuxProcReader().process(ProcessHandle.current().pid()).orElseThrow();

        assertThat(self.cpuNanos()).isPositive();
        assertThat(self.rssBytes()).isGreaterThan(1024L * 1024);
        assertThat(self.threads()).isGreaterThan(1);
        assertThat(self.allowedCpus()).isBetween(1, Runtime.getRuntime().availableProcessors());
        assertThat(new LinuxProcReader().machine().cpus()).isGreaterThanOrEqualTo(self.allowedCpus());
    }

    @Test
    void thisJvmsCpuTimeAgreesWithTheJdksWhichUsesTheRealClockTickRate() {
        // the JDK reads the same counters but converts with sysconf(_SC_CLK_TCK): a wrong rate
        // here would be off by a whole factor, not by a few ticks
        long burnUntil = System.nanoTime() + 200_000_000L;
        long spins = 0;
        while (System.nanoTime() < burnUntil) {
            spins++;
        }
        ProcessHandle self = ProcessHandle.current();
        long before = self.info().totalCpuDuration().orElseThrow().toNanos();
        long read = new LinuxProcReader().process(self.pid()).orElseThrow().cpuNanos();
        long after = self.info().totalCpuDuration().orElseThrow().toNanos();

        assertThat(spins).isPositive();
        assertThat(read).isBetween(before - 20_000_000L, after + 20_000_000L);
    }
}
