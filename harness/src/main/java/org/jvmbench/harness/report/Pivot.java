package org.jvmbench.harness.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Two thread axes laid out as the seeds lay their tables: one row per value of the first axis,
 * one column per value of the second, a cell per point. A sweep over IO threads × worker threads
 * (or processes × threads) gets one pivot per endpoint, load and everything else held equal
 * (app, engine, mode, settings, and the axis not shown); a cell the sweep did not run is empty.
 * Only where both axes take at least two values: a single row or column is the long table already.
 *
 * @param endpoint the request path
 * @param load     the load's label, e.g. {@code c64}
 * @param group    what the pivot holds equal, e.g. {@code servlet platform}
 * @param rowAxis  {@code workers} or {@code processes}
 * @param columns  the second axis' values, ascending (threads)
 * @param rows     one per value of the first axis, ascending
 */
record Pivot(String endpoint, String load, String group, String rowAxis, List<Integer> columns, List<PivotRow> rows) {

    /**
     * @param value the first axis' value
     * @param cells one per column, null where the sweep has no such point
     */
    record PivotRow(int value, List<Cell> cells) {
    }

    /**
     * @param id        the point's id, to link to its row in the long table
     * @param rps       RPS over the point's repetitions
     * @param p99Micros p99 of its repetitions' merged histograms, or null
     * @param pssBytes  median PSS (RSS where PSS was not read), or null
     * @param flagged   the point carries a flag other than PROFILED
     */
    record Cell(String id, Spread rps, Long p99Micros, Double pssBytes, boolean flagged) {
    }

    /** Every pivot the tables hold, in table order. */
    static List<Pivot> of(List<EndpointTable> tables) {
        List<Pivot> pivots = new ArrayList<>();
        for (EndpointTable table : tables) {
            pivots.addAll(pivots(table, "workers", Row::workers, r -> r.processes() + " proc"));
            pivots.addAll(pivots(table, "processes", r -> r.processes(), r -> r.workers() == null ? "" : "w" + r.workers()));
        }
        return pivots;
    }

    private static List<Pivot> pivots(EndpointTable table, String rowAxis, Function<Row, Integer> axis,
                                      Function<Row, String> held) {
        Map<String, List<Row>> groups = new LinkedHashMap<>();
        for (Row r : table.rows()) {
            if (r.threads() == null || axis.apply(r) == null || r.virtualThreads()) {
                continue;
            }
            String key = r.app() + " " + r.engine() + " " + r.mode() + " " + r.settings() + " " + held.apply(r) + " " + r.load();
            groups.computeIfAbsent(key, k -> new ArrayList<>()).add(r);
        }
        List<Pivot> pivots = new ArrayList<>();
        for (List<Row> rows : groups.values()) {
            TreeSet<Integer> firsts = new TreeSet<>();
            TreeSet<Integer> threads = new TreeSet<>();
            rows.forEach(r -> {
                firsts.add(axis.apply(r));
                threads.add(r.threads());
            });
            if (firsts.size() < 2 || threads.size() < 2) {
                continue;
            }
            List<PivotRow> pivotRows = new ArrayList<>();
            for (int first : firsts) {
                List<Cell> cells = new ArrayList<>();
                for (int t : threads) {
                    cells.add(rows.stream().filter(r -> axis.apply(r) == first && Objects.equals(r.threads(), t)).findFirst()
                            .map(Pivot::cell).orElse(null));
                }
                pivotRows.add(new PivotRow(first, cells));
            }
            Row any = rows.getFirst();
            String group = any.app() + (any.otherEngine() ? " " + any.engine() : "") + " " + any.mode()
                    + (any.settings().isEmpty() ? "" : " " + any.settings())
                    + (rowAxis.equals("workers") ? (any.processes() > 1 ? " ×" + any.processes() + " proc" : "")
                    : (any.workers() == null ? "" : " w" + any.workers()));
            pivots.add(new Pivot(table.endpoint(), any.load(), group, rowAxis, List.copyOf(threads), pivotRows));
        }
        return pivots;
    }

    private static Cell cell(Row r) {
        Spread memory = r.pssBytes() != null ? r.pssBytes() : r.rssBytes();
        return new Cell(r.id(), r.rps(), r.latency() == null ? null : r.latency().figures().p99Micros(),
                memory == null ? null : memory.median(), r.untrusted());
    }
}
