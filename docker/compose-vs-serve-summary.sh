#!/usr/bin/env bash
# The figures of a docker/compose-vs-serve.sh run, from its results.txt: each way's median req/s
# over its rounds (with min-max), and per round the ratios compose/serve and published/serve, as
# a median with min-max. A round missing a way is left out of the ratios.
#   docker/compose-vs-serve-summary.sh RUN_DIR/results.txt
set -euo pipefail
[[ $# == 1 && -f "$1" ]] || { echo "usage: $0 RESULTS_TXT (a compose-vs-serve run's results.txt)" >&2; exit 2; }
awk '
  # "round 3 order 2 serve: [ClosedLoadSimulation] recorded N requests (...) in T s = R req/s over ..."
  /^round [0-9]+ order [0-9]+ [a-z]+: / {
    round = $2; way = $5; sub(/:$/, "", way)
    for (i = 1; i <= NF; i++) if ($i == "req/s") rps = $(i - 1)
    value[way, round] = rps; rounds[round] = 1; ways[way] = 1
  }
  function median(a, n,   i, j, t) {
    for (i = 2; i <= n; i++) for (j = i; j > 1 && a[j - 1] > a[j]; j--) { t = a[j]; a[j] = a[j - 1]; a[j - 1] = t }
    return n % 2 ? a[(n + 1) / 2] : (a[n / 2] + a[n / 2 + 1]) / 2
  }
  function describe(label, unit, scale, fmt,   n, r, a) {
    n = 0
    for (r in rounds) if ((label, r) in value) a[++n] = value[label, r]
    if (n == 0) return
    m = median(a, n)
    printf "%-22s " fmt " " unit " (min " fmt ", max " fmt ", %d rounds)\n", label, m * scale, a[1] * scale, a[n] * scale, n
  }
  END {
    for (r in rounds) {
      if (("serve", r) in value && value["serve", r] > 0) {
        if (("compose", r) in value) value["compose/serve", r] = value["compose", r] / value["serve", r]
        if (("published", r) in value) value["published/serve", r] = value["published", r] / value["serve", r]
      }
    }
    describe("compose", "req/s", 1, "%.0f"); describe("published", "req/s", 1, "%.0f"); describe("serve", "req/s", 1, "%.0f")
    describe("compose/serve", "", 1, "%.3f"); describe("published/serve", "", 1, "%.3f")
  }' "$1"
