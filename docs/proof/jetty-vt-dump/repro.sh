#!/usr/bin/env bash
# Start Jetty on virtual threads on CPU 0, hammer it at 128 users a second after its first answer,
# dump its threads 9 s into the load; keep the dump when a request waited a second or more.
# N starts (default 15); files in OUT (default /tmp/jetty-vt-dump). threads.txt and gatling-4.log
# beside this script are start 4 of the run the findings quote (docs/findings.md, "Which engine").
mkdir -p "${OUT:-/tmp/jetty-vt-dump}"
cd "$(dirname "${BASH_SOURCE[0]}")/../../.."
set -m
JAVA_HOME="$(./bench --print-java-home)"
for i in $(seq 1 ${N:-15}); do
  ./bench serve --app servlet --engine jetty --virtual-threads --cpus 0 --port 18100 > ${OUT:-/tmp/jetty-vt-dump}/serve-$i.log 2>&1 &
  serve=$!
  until curl -sf http://127.0.0.1:18100/info >/dev/null; do sleep 0.2; done
  pid=$(ss -ltnp 2>/dev/null | grep ':18100 ' | grep -o 'pid=[0-9]*' | cut -d= -f2 | head -1)
  taskset -c 1 "$JAVA_HOME/bin/java" -Xms1g -Xmx1g -XX:+UseG1GC --add-opens=java.base/java.lang=ALL-UNNAMED \
    --add-opens=java.base/jdk.internal.misc=ALL-UNNAMED --enable-native-access=ALL-UNNAMED --sun-misc-unsafe-memory-access=allow \
    -Dgatling.data.enableAnalytics=false -Dlogback.configurationFile=injector-logback.xml \
    -DbaseUrls=http://127.0.0.1:18100 -Dpaths=/json -Dusers=128 -Dduration=12 \
    -cp "loadtests/target/classes:loadtests/target/lib/*" io.gatling.app.Gatling \
    -s org.jvmbench.loadtests.ClosedLoadSimulation -rf ${OUT:-/tmp/jetty-vt-dump}/gatling > ${OUT:-/tmp/jetty-vt-dump}/gatling-$i.log 2>&1 &
  g=$!
  sleep 9
  "$JAVA_HOME/bin/jcmd" "$pid" Thread.dump_to_file -format=text ${OUT:-/tmp/jetty-vt-dump}/dump-$i.txt >/dev/null 2>&1
  top -b -n1 -p "$pid" | tail -1 > ${OUT:-/tmp/jetty-vt-dump}/top-$i.txt
  wait $g
  line=$(grep '^\[ClosedLoadSimulation\] recorded' ${OUT:-/tmp/jetty-vt-dump}/gatling-$i.log)
  echo "start $i pid $pid: $line"
  kill -TERM $serve; wait $serve 2>/dev/null
  if grep -q "ko 0" <<<"$line" && ! grep -qE "max [0-9]{7}" <<<"$line"; then rm -f ${OUT:-/tmp/jetty-vt-dump}/dump-$i.txt; fi
done
