package org.jvmbench.harness.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.jvmbench.harness.result.InjectorShare;

class InjectorFiguresTest {

    @Test
    void showsTheMergedRowAboveEachInjectorsOwnFigures() {
        InjectorFigures figures = new InjectorFigures(List.of(new InjectorFigures.RepetitionShares("servlet-json-c4-r1", 1000, 100.0, 1003L,
                List.of(new InjectorShare("b@10.0.0.2:22", 2, 600, 600, 0, 0.5, 1, 0, null),
                        new InjectorShare("b@10.0.0.3:22", 2, 400, 400, 0, 0.25, 2, 3, null),
                        new InjectorShare("b@10.0.0.4:22", 0, 0, 0, 0, null, 0, 0, "exited (status 137) during p")))));

        String md = figures.markdown().replaceAll(" +", " ");

        assertThat(md).startsWith("## Injectors\n\n")
                .contains("| servlet-json-c4-r1 | merged (server counted 1,003) | 4 | 1,000 | | | | |")
                .contains("| | b@10.0.0.2:22 | 2 | 600 | 60 % | 0.50 of 1 (50 %) | 0 | |")
                .contains("| | b@10.0.0.3:22 | 2 | 400 | 40 % | 0.25 of 2 (13 %) | 3 | |")
                .contains("| | b@10.0.0.4:22 | 0 | 0 | 0 % | | | exited (status 137) during p |");
    }

    @Test
    void aSweepOnOneMachineHasNoInjectorSection() {
        assertThat(new InjectorFigures(List.of()).isEmpty()).isTrue();
    }
}
