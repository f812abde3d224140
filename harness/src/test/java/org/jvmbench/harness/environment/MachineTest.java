package org.jvmbench.harness.environment;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MachineTest {

    @Test
    void readsMemoryOpenFilesAndThreadsFromProc(@TempDir Path proc) throws Exception {
        Files.writeString(proc.resolve("meminfo"), "MemTotal:       24731184 kB\nMemFree:         1000 kB\n");
        Files.createDirectories(proc.resolve("self"));
        Files.writeString(proc.resolve("self/limits"), """
                Limit                     Soft Limit           Hard Limit           Units
                Max processes             96549                96549                processes
                Max open files            20000                20000                files
                """);
        Files.createDirectories(proc.resolve("sys/kernel"));
        Files.writeString(proc.resolve("sys/kernel/threads-max"), "193098\n");
        Files.writeString(proc.resolve("sys/kernel/pid_max"), "32768\n");

        Machine machine = Machine.read(proc, 2);

        assertThat(machine).isEqualTo(new Machine(2, 24731184L * 1024, 20_000, 32_768));
    }

    @Test
    void leavesTheBoundsOpenWhereProcSaysUnlimitedOrNothing(@TempDir Path proc) throws Exception {
        Files.createDirectories(proc.resolve("self"));
        Files.writeString(proc.resolve("self/limits"), "Max open files            unlimited            unlimited            files\n");

        Machine machine = Machine.read(proc, 4);

        assertThat(machine).isEqualTo(new Machine(4, Long.MAX_VALUE, Long.MAX_VALUE, Long.MAX_VALUE));
        assertThat(machine.withCpus(2).cpus()).isEqualTo(2);
    }

    @Test
    void readsThisMachine() {
        Machine local = Machine.local();

        assertThat(local.cpus()).isEqualTo(Runtime.getRuntime().availableProcessors());
        assertThat(local.memoryBytes()).isPositive();
        assertThat(local.openFilesLimit()).isPositive();
    }
}
