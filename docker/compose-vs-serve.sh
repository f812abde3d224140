#!/usr/bin/env bash
# The same /json point through docker-compose.yml and through ./bench serve, to state what the
# container costs (issue 26). A benchmark: run it on a quiet machine, never beside other work.
#   docker/compose-vs-serve.sh [OUT_DIR]        (default reports/compose-vs-serve-<UTC time>)
# The point: the servlet app on Undertow, 1 IO thread x 64 workers, heap 512m, G1, on CPU 0;
# a closed load of CONCURRENCY users (64) from one Gatling JVM on CPU 1. Three ways:
#   compose   the compose injector service against the compose servlet service (container to
#             container on the project's bridge network: the file as it is meant to be used)
#   published the same Gatling command on the host, taskset -c 1, against the compose servlet's
#             published port (adds Docker's port publishing: docker-proxy or NAT)
#   serve     the same Gatling command on the host against ./bench serve --cpus 0 (no container)
# compose against serve is the container's whole cost; published against serve leaves the
# injector's container out of it. This machine's speed moves 10-40 % within minutes, so the three
# are not measured one after the other: both servers are started and warmed (WARMUP s each, twice),
# then kept alive, and ROUNDS rounds each measure every way once for SLICE s, in a fresh random
# order per round (SEED); a parked server idles on CPU 0. A way's figure is the median of its
# rounds; the container's cost is the median of the per-round ratios, with their min-max
# (defaults: 60 s warm-up, 8 rounds of 20 s). Each measured slice's summary line ("recorded N
# requests ... = R req/s ...") goes to OUT_DIR/results.txt, the figures to OUT_DIR/summary.txt,
# the environment to OUT_DIR/environment.txt.
# DRY_RUN=1 prints the commands instead of running them. Needs the images (docker/stand-in-images.sh
# where no registry is reachable) and a build (./mvnw -DskipTests package).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
OUT="${1:-reports/compose-vs-serve-$(date -u +%Y%m%dT%H%M%SZ)}"
mkdir -p "$OUT"
OUT="$(cd "$OUT" && pwd)"
CONCURRENCY="${CONCURRENCY:-64}"
WARMUP="${WARMUP:-60}"
SLICE="${SLICE:-20}"
ROUNDS="${ROUNDS:-8}"
SEED="${SEED:-$RANDOM}"
PORT_COMPOSE="${PORT_COMPOSE:-18081}"
PORT_SERVE="${PORT_SERVE:-18091}"
JAVA_HOME="$("$ROOT/bench" --print-java-home)"
COMPOSE=(docker compose); docker compose version >/dev/null 2>&1 || COMPOSE=(docker-compose)
export COMPOSE_PROJECT_NAME="jvmbenchcompare$$" SERVLET_PORT="$PORT_COMPOSE" SERVLET_WORKERS=1 SERVLET_THREADS=64
# Gatling's own HTML reports (one per slice) are not kept: the summary lines are the results.
export REPORTS_DIR="$(mktemp -d)" CONCURRENCY ENDPOINT=/json

run() { if [[ "${DRY_RUN:-0}" == 1 ]]; then echo "+ $*"; else "$@"; fi; }

# Each child runs as its own job (own process group, SIGINT not ignored) and is waited for, so
# Ctrl-C or SIGTERM stops it at once, not when it ends, and stop_all then leaves nothing behind.
set -m
child=""
in_background() { "$@" </dev/null & child=$!; wait "$child"; child=""; }

# The host's Gatling run: the compose injector's own command, its java from this machine's JDK.
host_gatling() {
  local url=$1 seconds=$2
  run taskset -c 1 "$JAVA_HOME/bin/java" -Xms1g -Xmx1g -XX:+UseG1GC -XX:MaxInlineLevel=20 -XX:MaxTrivialSize=12 \
    --add-opens=java.base/java.lang=ALL-UNNAMED --add-opens=java.base/jdk.internal.misc=ALL-UNNAMED \
    --enable-native-access=ALL-UNNAMED --sun-misc-unsafe-memory-access=allow \
    -Dgatling.data.enableAnalytics=false -Dlogback.configurationFile=injector-logback.xml \
    -DbaseUrls="$url" -Dpaths=/json -Dusers="$CONCURRENCY" -Dduration="$seconds" \
    -cp "loadtests/target/classes:loadtests/target/lib/*" io.gatling.app.Gatling \
    -s org.jvmbench.loadtests.ClosedLoadSimulation -rf "$REPORTS_DIR"
}
compose_gatling() {
  # --no-deps: the injector service depends on both apps; only the servlet app is to run here.
  TARGET=http://servlet:8080 DURATION="$2" run "${COMPOSE[@]}" run -T --rm --no-deps injector
}

# One way, one measured slice: its summary line, prefixed with the round, goes to results.txt.
slice() {
  local round=$1 order=$2 way=$3
  echo "== round $round of $ROUNDS, $order: $way, ${SLICE}s" >&2
  "${RUNNER[$way]}" "${URL[$way]}" "$SLICE" 2>&1 | tee -a "$OUT/$way.log" \
    | { grep '^\[ClosedLoadSimulation\] recorded' || true; } \
    | sed "s/^/round $round order $order $way: /" | tee -a "$OUT/results.txt"
}
warm() { "${RUNNER[$1]}" "${URL[$1]}" "$WARMUP" >>"$OUT/$1.log" 2>&1; }
declare -A RUNNER=([compose]=compose_gatling [published]=host_gatling [serve]=host_gatling)
declare -A URL=([compose]=unused [published]="http://127.0.0.1:$PORT_COMPOSE" [serve]="http://127.0.0.1:$PORT_SERVE")

await() {
  local deadline=$((SECONDS + 240))
  until curl -sf "$1/info" >/dev/null; do
    (( SECONDS < deadline )) || { echo "no answer from $1/info" >&2; exit 1; }
    sleep 1
  done
}

{
  echo "date: $(date -u +%FT%TZ)"; echo "commit: $(git rev-parse HEAD)$(git diff --quiet HEAD || echo ' (with uncommitted changes)')"
  echo "cpus: $(nproc), $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')"; uname -a
  docker version --format 'docker engine {{.Server.Version}}' 2>/dev/null || true
  "${COMPOSE[@]}" version 2>/dev/null | head -1 || true
  docker image inspect -f '{{.RepoTags}} labels {{.Config.Labels}}' eclipse-temurin:25-jre 2>/dev/null || true
  echo "point: servlet/undertow workers 1 threads 64 heap 512m G1 cpu 0; users $CONCURRENCY; injector on cpu 1"
  echo "design: both servers alive; warm-up ${WARMUP}s x 2 each; $ROUNDS rounds of ${SLICE}s per way, random order per round, seed $SEED"
  echo "load average before: $(cat /proc/loadavg)"
} >"$OUT/environment.txt"

serve=""
stop_all() {
  [[ -n "$child" ]] && kill -TERM -- "-$child" 2>/dev/null || true
  # the harness stops its server on SIGTERM
  [[ -n "$serve" ]] && { kill -TERM "$serve" 2>/dev/null || true; wait "$serve" 2>/dev/null || true; }
  run "${COMPOSE[@]}" down --volumes --remove-orphans >/dev/null 2>&1 || true
  rm -rf "$REPORTS_DIR"
}
trap stop_all EXIT
trap 'echo "interrupted: servers and injectors stopped" >&2; exit 130' INT TERM
run "${COMPOSE[@]}" up -d servlet
# ./bench execs the harness's JVM: $serve is its pid, which SIGTERM stops with its server.
if [[ "${DRY_RUN:-0}" == 1 ]]; then
  echo "+ ./bench serve ... --port $PORT_SERVE"
else
  ./bench serve --app servlet --engine undertow --workers 1 --threads 64 --heap 512m --gc G1 --cpus 0 \
    --port "$PORT_SERVE" >"$OUT/serve-server.log" 2>&1 &
  serve=$!
fi
if [[ "${DRY_RUN:-0}" != 1 ]]; then
  await "http://127.0.0.1:$PORT_COMPOSE"
  await "http://127.0.0.1:$PORT_SERVE"
fi
for pass in 1 2; do
  for way in compose serve; do
    echo "== warm-up $pass: $way ${WARMUP}s" >&2
    in_background warm "$way"
  done
done
RANDOM=$SEED
for ((round = 1; round <= ROUNDS; round++)); do
  ways=(compose published serve)
  for ((i = ${#ways[@]} - 1; i > 0; i--)); do   # Fisher-Yates, from the seeded $RANDOM
    j=$((RANDOM % (i + 1))); tmp=${ways[i]}; ways[i]=${ways[j]}; ways[j]=$tmp
  done
  for ((i = 0; i < ${#ways[@]}; i++)); do in_background slice "$round" "$((i + 1))" "${ways[i]}"; done
done
echo "load average after: $(cat /proc/loadavg)" >>"$OUT/environment.txt"
[[ "${DRY_RUN:-0}" == 1 ]] || "$ROOT/docker/compose-vs-serve-summary.sh" "$OUT/results.txt" | tee "$OUT/summary.txt"
echo "results: $OUT/results.txt" >&2
