package org.jvmbench.harness.report;

import org.jvmbench.harness.result.Flag;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.stream.Collectors;

/**
 * The results for one endpoint, in the shape of the published tables: one row per point, the
 * best configuration of each app and mode, and a numbered note for every flagged row.
 *
 * @param waitMillis the endpoint's wait when it is an {@code /io} endpoint, else null
 */
record EndpointTable(
        String endpoint,
        Double waitMillis,
        List<Row> rows,
        List<HeadlineEntry> headline,
        List<Footnote> footnotes) {

    /** {@link #of(List, int)} with notes numbered from 1. */
    static List<EndpointTable> of(List<PointGroup> groups) {
        return of(groups, 1);
    }

    /**
     * One table per endpoint of the closed-load points (open ones have tables of their own,
     * {@link OpenTable}), endpoints in the order the sweep ran them; notes numbered across
     * tables from {@code firstNote}.
     */
    static List<EndpointTable> of(List<PointGroup> groups, int firstNote) {
        Map<String, List<PointGroup>> byEndpoint = new LinkedHashMap<>();
        for (PointGroup g : groups) {
            if (!g.key().open()) {
                byEndpoint.computeIfAbsent(g.key().endpoint(), e -> new ArrayList<>()).add(g);
            }
        }
        List<EndpointTable> tables = new ArrayList<>();
        int nextNote = firstNote;
        for (Map.Entry<String, List<PointGroup>> e : byEndpoint.entrySet()) {
            List<PointGroup> sorted = new ArrayList<>(e.getValue());
            sorted.sort(Comparator.comparing(PointGroup::key, PointGroup.ORDER));
            List<Row> rows = new ArrayList<>();
            List<Footnote> notes = new ArrayList<>();
            for (PointGroup g : sorted) {
                Integer note = null;
                if (g.flagged()) {
                    note = nextNote++;
                }
                Row row = Row.of(g, note);
                rows.add(row);
                if (note != null) {
                    notes.add(Footnote.of(note, row));
                }
            }
            OptionalDouble wait = Ceiling.waitMillis(e.getKey());
            tables.add(new EndpointTable(e.getKey(), wait.isPresent() ? wait.getAsDouble() : null,
                    rows, headline(rows), notes));
        }
        return tables;
    }

    /**
     * The best row of each app and mode by median RPS, preferring rows without flags (PROFILED
     * aside: every row of a profiled sweep has it), with each
     * one's share of the best of them, best first.
     */
    static List<HeadlineEntry> headline(List<Row> rows) {
        Map<String, Row> best = new LinkedHashMap<>();
        for (Row row : rows) {
            if (row.rps() == null) {
                continue;
            }
            String appMode = row.app() + " " + row.mode();
            Row current = best.get(appMode);
            if (current == null || better(row, current)) {
                best.put(appMode, row);
            }
        }
        double top = best.values().stream().mapToDouble(Row::rpsMedian).max().orElse(0);
        return best.entrySet().stream()
                .map(e -> new HeadlineEntry(e.getKey(), e.getValue().id(), e.getValue().label(),
                        e.getValue().rpsMedian(), top == 0 ? 0 : e.getValue().rpsMedian() / top,
                        e.getValue().untrusted()))
                .sorted(Comparator.comparingDouble(HeadlineEntry::rps).reversed())
                .toList();
    }

    /** Notes numbered in these tables, so the next table can continue after them. */
    static int notesIn(List<EndpointTable> tables) {
        return tables.stream().mapToInt(t -> t.footnotes().size()).sum();
    }

    /** Whether any row has more than one repetition. */
    boolean repeats() {
        return rows.stream().anyMatch(r -> r.repetitions() > 1);
    }

    private static boolean better(Row candidate, Row current) {
        if (candidate.untrusted() != current.untrusted()) {
            return !candidate.untrusted();
        }
        return candidate.rpsMedian() > current.rpsMedian();
    }

    /**
     * @param ofBest this entry's RPS / the best entry's RPS (1.0 for the best)
     * @param flagged true when every row of this app and mode was flagged for more than the profiler
     */
    record HeadlineEntry(String appMode, String id, String label, double rps, double ofBest, boolean flagged) {
    }

    /** Why a row is flagged: every flag of every repetition, in one sentence per flag. */
    record Footnote(int number, String id, String label, List<String> reasons) {

        static Footnote of(int number, Row row) {
            Footnote note = of(number, row.id(), row.label(), row.repetitions(), row.flags());
            if (row.engine().equals("jetty") && row.virtualThreads()
                    && row.flags().stream().anyMatch(f -> f.code().equals(Flag.Code.SERVER_HUNG.name()))) {
                List<String> reasons = new ArrayList<>(note.reasons());
                reasons.add(Notes.JETTY_VIRTUAL_HANG);
                return new Footnote(number, note.id(), note.label(), List.copyOf(reasons));
            }
            return note;
        }

        static Footnote of(int number, String id, String label, int repetitions, List<PointGroup.RepetitionFlag> flags) {
            List<String> reasons = flags.stream()
                    .map(f -> (repetitions > 1 ? "repetition " + f.repetition() + ": " : "") + f.code() + ": " + f.reason())
                    .collect(Collectors.toList());
            return new Footnote(number, id, label, reasons);
        }
    }
}
