package org.jvmbench.harness.trust;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.jvmbench.harness.config.Defaults;
import org.jvmbench.harness.result.Flag;
import org.jvmbench.harness.result.Flag.Code;
import org.jvmbench.harness.result.Reconciliation;
import org.jvmbench.harness.result.ResourceUsage;
import org.jvmbench.harness.result.Throughput;
import org.junit.jupiter.api.Test;

class FlagRulesTest {

    private static final Throughput CLEAN_LOAD = throughput(10_000, Map.of());
    private static final Reconciliation SAME_COUNTS = new Reconciliation(10_000, 10_000);
    private static final ResourceUsage QUIET = resources(0.5, 1, 0.02, 0.05);

    private static Throughput throughput(long requests, Map<String, Long> errors) {
        long ko = errors.values().stream().mapToLong(Long::longValue).sum();
        return new Throughput(requests, requests - ko, ko, errors, 30.0, requests / 30.0);
    }

    private static ResourceUsage resources(double injectorCores, int injectorCpus, double otherMean, double otherPeak) {
        return new ResourceUsage(1.2, 1.5, 300L << 20, 320L << 20, 250L << 20, 40,
                injectorCores, injectorCpus, otherMean, otherPeak);
    }

    private static List<Flag> flags(Throughput throughput, ResourceUsage resources, Reconciliation counts) {
        return FlagRules.evaluate(throughput, resources, counts, false, null);
    }

    @Test
    void aCleanPointHasNoFlags() {
        assertThat(flags(CLEAN_LOAD, QUIET, SAME_COUNTS)).isEmpty();
    }

    @Test
    void defaultThresholdsAreTheOnesInDefaults() {
        assertThat(FlagRules.Thresholds.defaults()).isEqualTo(new FlagRules.Thresholds(
                Defaults.INJECTOR_SATURATED_RATIO, Defaults.ERROR_RATIO, Defaults.COUNT_MISMATCH_RATIO,
                Defaults.NOISY_OTHER_CPU_CORES_MEAN, Defaults.NOISY_OTHER_CPU_CORES_PEAK));
    }

    // --- injector saturated: at or above 90 % of its CPUs ----------------------------------------

    @Test
    void anInjectorAtNinetyThreePercentOfItsCpuIsFlaggedWithItsNumbers() {
        assertThat(flags(CLEAN_LOAD, resources(0.93, 1, 0, 0), SAME_COUNTS)).containsExactly(
                new Flag(Code.INJECTOR_SATURATED, "injector used 0.93 of its 1 CPU (≥ 90 %)"));
    }

    @Test
    void anInjectorExactlyAtTheThresholdIsFlagged() {
        assertThat(flags(CLEAN_LOAD, resources(1.8, 2, 0, 0), SAME_COUNTS)).containsExactly(
                new Flag(Code.INJECTOR_SATURATED, "injector used 1.80 of its 2 CPUs (≥ 90 %)"));
    }

    @Test
    void anInjectorJustBelowTheThresholdIsNotFlagged() {
        assertThat(flags(CLEAN_LOAD, resources(0.8999, 1, 0, 0), SAME_COUNTS)).isEmpty();
    }

    @Test
    void anInjectorWithUnknownCpusIsNotJudged() {
        assertThat(flags(CLEAN_LOAD, resources(5.0, 0, 0, 0), SAME_COUNTS)).isEmpty();
    }

    // --- errors: above 0.1 % --------------------------------------------------------------------

    @Test
    void failedRequestsAreFlaggedWithTheirShareAndKindsMostFrequentFirst() {
        Throughput failing = throughput(6_000, Map.of("timeout", 3L, "status_500", 12L));

        assertThat(flags(failing, QUIET, SAME_COUNTS)).containsExactly(
                new Flag(Code.ERRORS, "0.25 % of requests failed (status_500: 12, timeout: 3)"));
    }

    @Test
    void errorsExactlyAtTheThresholdAreNotFlagged() {
        assertThat(flags(throughput(1_000, Map.of("status_500", 1L)), QUIET, SAME_COUNTS)).isEmpty();
    }

    @Test
    void errorsJustAboveTheThresholdAreFlagged() {
        assertThat(flags(throughput(10_000, Map.of("connection", 11L)), QUIET, SAME_COUNTS))
                .extracting(Flag::code).containsExactly(Code.ERRORS);
    }

    @Test
    void errorsWithoutKindsStillSayHowMany() {
        Throughput unexplained = new Throughput(1_000, 990, 10, Map.of(), 30, 33.3);

        assertThat(flags(unexplained, QUIET, SAME_COUNTS)).containsExactly(
                new Flag(Code.ERRORS, "1 % of requests failed (10 KO, kinds not reported)"));
    }

    // --- count mismatch: above 1 % -----------------------------------------------------------

    @Test
    void clientAndServerCountsApartAreFlaggedWithBothCounts() {
        assertThat(flags(CLEAN_LOAD, QUIET, new Reconciliation(10_000, 10_250))).containsExactly(
                new Flag(Code.COUNT_MISMATCH, "client counted 10000 requests, server 10250 (2.4 % apart)"));
    }

    @Test
    void countsExactlyOnePercentApartAreNotFlagged() {
        assertThat(flags(CLEAN_LOAD, QUIET, new Reconciliation(9_900, 10_000))).isEmpty();
    }

    @Test
    void countsJustOverOnePercentApartAreFlagged() {
        assertThat(flags(CLEAN_LOAD, QUIET, new Reconciliation(9_899, 10_000)))
                .extracting(Flag::code).containsExactly(Code.COUNT_MISMATCH);
    }

    // --- server died, server hung ----------------------------------------------------------------

    @Test
    void aServerThatDiedIsFlagged() {
        assertThat(FlagRules.evaluate(CLEAN_LOAD, QUIET, SAME_COUNTS, true, null)).containsExactly(
                new Flag(Code.SERVER_DIED, "a server process exited during the point"));
    }

    @Test
    void aHungServerIsFlaggedWithTheGivenReason() {
        String reason = "no response for 10 s while 64 requests were in flight";

        assertThat(FlagRules.evaluate(CLEAN_LOAD, QUIET, SAME_COUNTS, false, reason)).containsExactly(
                new Flag(Code.SERVER_HUNG, reason));
        assertThat(FlagRules.evaluate(CLEAN_LOAD, QUIET, SAME_COUNTS, false, " ")).isEmpty();
    }

    // --- noisy neighbour: mean at or above 0.10 cores, or a second at or above 0.50 -----------------

    @Test
    void otherProcessesBusyOnAverageAreFlaggedWithMeanAndPeak() {
        assertThat(flags(CLEAN_LOAD, resources(0.5, 1, 0.31, 0.8), SAME_COUNTS)).containsExactly(
                new Flag(Code.NOISY_NEIGHBOUR, "other processes used 0.31 cores on average (peak 0.80)"));
    }

    @Test
    void otherProcessesExactlyAtTheMeanThresholdAreFlagged() {
        assertThat(flags(CLEAN_LOAD, resources(0.5, 1, 0.10, 0.10), SAME_COUNTS))
                .extracting(Flag::code).containsExactly(Code.NOISY_NEIGHBOUR);
    }

    @Test
    void oneSecondExactlyAtThePeakThresholdIsFlaggedEvenWithAQuietMean() {
        assertThat(flags(CLEAN_LOAD, resources(0.5, 1, 0.02, 0.50), SAME_COUNTS)).containsExactly(
                new Flag(Code.NOISY_NEIGHBOUR, "other processes used 0.02 cores on average (peak 0.50)"));
    }

    @Test
    void otherProcessesJustBelowBothThresholdsAreNotFlagged() {
        assertThat(flags(CLEAN_LOAD, resources(0.5, 1, 0.0999, 0.4999), SAME_COUNTS)).isEmpty();
    }

    // --- together ---------------------------------------------------------------------------------

    @Test
    void everyRuleThatAppliesIsReportedInTheOrderOfTheCodes() {
        List<Flag> flags = FlagRules.evaluate(throughput(1_000, Map.of("timeout", 50L)),
                resources(1.0, 1, 0.4, 0.9), new Reconciliation(1_000, 1_500), true, "deadline passed");

        assertThat(flags).extracting(Flag::code).containsExactly(Code.INJECTOR_SATURATED, Code.ERRORS,
                Code.COUNT_MISMATCH, Code.SERVER_DIED, Code.SERVER_HUNG, Code.NOISY_NEIGHBOUR);
    }

    @Test
    void aPointCutShortBeforeItWasMeasuredIsJudgedOnWhatIsKnown() {
        assertThat(FlagRules.evaluate(null, null, null, true, null)).extracting(Flag::code)
                .containsExactly(Code.SERVER_DIED);
    }

    @Test
    void customThresholdsApply() {
        FlagRules.Thresholds strict = new FlagRules.Thresholds(0.5, 0, 0, 0.01, 0.1);

        assertThat(FlagRules.evaluate(CLEAN_LOAD, QUIET, SAME_COUNTS, false, null, strict))
                .extracting(Flag::code).containsExactly(Code.INJECTOR_SATURATED, Code.NOISY_NEIGHBOUR);
    }

    @Test
    void percentagesKeepTwoSignificantDigits() {
        assertThat(FlagRules.percent(0.0025)).isEqualTo("0.25");
        assertThat(FlagRules.percent(250.0 / 10_250)).isEqualTo("2.4");
        assertThat(FlagRules.percent(0.9)).isEqualTo("90");
        assertThat(FlagRules.percent(1.0)).isEqualTo("100");
    }
}
