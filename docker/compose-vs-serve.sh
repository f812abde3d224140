#!/usr/bin/env bash
# The same /json point through docker-compose.yml and through ./bench serve, to state what the
# container costs (issue 26). A benchmark: run it on a quiet machine, never beside other work.
#   docker/compose-vs-serve.sh [OUT_DIR]        (default reports/compose-vs-serve-<UTC time>)
# The point: the servlet app on Undertow, 1 IO thread x 64 workers, heap 512m, G1, on CPU 0;
# a closed load of CONCURRENCY users (64) from one Gatling JVM on CPU 1, WARMUP s then DURATION s
# measured, REPEAT times (defaults 30, 60, 3). Three ways, each run one after the other:
#   compose   the compose injector service against the compose servlet service (container to
#             container on the project's bridge network: the file as it is meant to be used)
#   published the same Gatling command on the host, taskset -c 1, against the compose servlet's
#             published port (adds Docker's port publishing: docker-proxy or NAT)
#   serve     the same Gatling command on the host against ./bench serve --cpus 0 (no container)
# compose against serve is the container's whole cost; published against serve leaves the
# injector's container out of it. Each measured run's summary line ("recorded N requests ... =
# R req/s ...") goes to OUT_DIR/results.txt, with the environment in OUT_DIR/environment.txt.
# DRY_RUN=1 prints the commands instead of running them. Needs the images (docker/stand-in-images.sh
# where no registry is reachable) and a build (./mvnw -DskipTests package).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
OUT="${1:-reports/compose-vs-serve-$(date -u +%Y%m%dT%H%M%SZ)}"
mkdir -p "$OUT/gatling"
OUT="$(cd "$OUT" && pwd)"
CONCURRENCY="${CONCURRENCY:-64}"
WARMUP="${WARMUP:-30}"
DURATION="${DURATION:-60}"
REPEAT="${REPEAT:-3}"
PORT_COMPOSE="${PORT_COMPOSE:-18081}"
PORT_SERVE="${PORT_SERVE:-18091}"
JAVA_HOME="$("$ROOT/bench" --print-java-home)"
COMPOSE=(docker compose); docker compose version >/dev/null 2>&1 || COMPOSE=(docker-compose)
export COMPOSE_PROJECT_NAME="jvmbenchcompare$$" SERVLET_PORT="$PORT_COMPOSE" SERVLET_WORKERS=1 SERVLET_THREADS=64
export REPORTS_DIR="$OUT/gatling" CONCURRENCY ENDPOINT=/json

run() { if [[ "${DRY_RUN:-0}" == 1 ]]; then echo "+ $*"; else "$@"; fi; }

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
  TARGET=http://servlet:8080 DURATION="$2" run "${COMPOSE[@]}" run --rm --no-deps injector
}

# Warm-up, then REPEAT measured runs; the measured runs' summary lines are the results.
measure() {
  local way=$1 runner=$2 url=$3 i
  echo "== $way: warm-up ${WARMUP}s" >&2
  "$runner" "$url" "$WARMUP" >>"$OUT/$way.log" 2>&1
  for ((i = 1; i <= REPEAT; i++)); do
    echo "== $way: run $i of $REPEAT, ${DURATION}s" >&2
    "$runner" "$url" "$DURATION" 2>&1 | tee -a "$OUT/$way.log" | { grep '^\[ClosedLoadSimulation\] recorded' || true; } \
      | sed "s/^/$way run $i: /" | tee -a "$OUT/results.txt"
  done
}

await() {
  local deadline=$((SECONDS + 240))
  until curl -sf "$1/info" >/dev/null; do
    (( SECONDS < deadline )) || { echo "no answer from $1/info" >&2; exit 1; }
    sleep 1
  done
}

{
  echo "date: $(date -u +%FT%TZ)"; echo "commit: $(git rev-parse HEAD)"; echo "cpus: $(nproc)"; uname -a
  docker version --format 'docker engine {{.Server.Version}}' 2>/dev/null || true
  "${COMPOSE[@]}" version 2>/dev/null | head -1 || true
  docker image inspect -f '{{.RepoTags}} labels {{.Config.Labels}}' eclipse-temurin:25-jre 2>/dev/null || true
  echo "point: servlet/undertow workers 1 threads 64 heap 512m G1 cpu 0; users $CONCURRENCY; warm-up ${WARMUP}s, measured ${DURATION}s x $REPEAT"
  echo "load average before: $(cat /proc/loadavg)"
} >"$OUT/environment.txt"

trap 'run "${COMPOSE[@]}" down --volumes --remove-orphans >/dev/null 2>&1 || true' EXIT
run "${COMPOSE[@]}" up -d servlet
[[ "${DRY_RUN:-0}" == 1 ]] || await "http://127.0.0.1:$PORT_COMPOSE"
measure compose compose_gatling unused
measure published host_gatling "http://127.0.0.1:$PORT_COMPOSE"
run "${COMPOSE[@]}" down --volumes --remove-orphans

run ./bench serve --app servlet --engine undertow --workers 1 --threads 64 --heap 512m --gc G1 --cpus 0 \
  --port "$PORT_SERVE" >"$OUT/serve.log" 2>&1 &
serve=$!
trap 'kill -INT $serve 2>/dev/null || true; wait $serve 2>/dev/null || true' EXIT
[[ "${DRY_RUN:-0}" == 1 ]] || await "http://127.0.0.1:$PORT_SERVE"
measure serve host_gatling "http://127.0.0.1:$PORT_SERVE"
echo "load average after: $(cat /proc/loadavg)" >>"$OUT/environment.txt"
echo "results: $OUT/results.txt" >&2
