#!/usr/bin/env bash
# Throughput of the durable rating path on each database, as a ratio to the HTTP ceiling
# measured in the same run, with the group-commit batch size; writes docs/benchmarks.md.
# Usage: bench/run.sh [seconds per measure, default 15] [clients, default 64]
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS_EACH=${1:-15}
CLIENTS=${2:-64}
JAR=collector/target/jdma-collector.jar
[ -f "$JAR" ] || mvn -q -B -DskipTests package
WORK=$(mktemp -d)
trap 'kill $PID 2>/dev/null || true; rm -rf "$WORK"' EXIT
PORT=18123
OUT=docs/benchmarks.md

measure() {  # $1 = database label, $2 = JDBC URL
  JDMA_PORT=$PORT JDMA_DB_URL="$2" JDMA_ADMIN_TOKEN=bench JDMA_RATE_LIMIT=0 java -Xmx512m -jar "$JAR" >"$WORK/$1.log" 2>&1 &
  PID=$!
  for _ in $(seq 1 100); do curl -fs "http://localhost:$PORT/health" >/dev/null && break; sleep 0.2; done
  curl -fs -o /dev/null -H 'Authorization: Bearer bench' -H 'Content-Type: application/json' \
    -d '{"id":"bench","name":"Bench","allowedOrigins":["https://bench.example.fr"]}' "http://localhost:$PORT/api/v1/admin/services"
  java bench/LoadTest.java "http://localhost:$PORT" 3 "$CLIENTS" ingest >/dev/null   # warm-up
  read -r _ ceiling c50 c99 _ < <(java bench/LoadTest.java "http://localhost:$PORT" "$SECONDS_EACH" "$CLIENTS" ceiling)
  before=$(curl -fs "http://localhost:$PORT/metrics")
  read -r _ ingest i50 i99 ifail < <(java bench/LoadTest.java "http://localhost:$PORT" "$SECONDS_EACH" "$CLIENTS" ingest)
  after=$(curl -fs "http://localhost:$PORT/metrics")
  written=$(( $(echo "$after" | awk '/^jdma_ratings_written_total/{print $2}') - $(echo "$before" | awk '/^jdma_ratings_written_total/{print $2}') ))
  batches=$(( $(echo "$after" | awk '/^jdma_write_batches_total/{print $2}') - $(echo "$before" | awk '/^jdma_write_batches_total/{print $2}') ))
  kill $PID; wait $PID 2>/dev/null || true
  ratio=$(awk -v a="$ingest" -v b="$ceiling" 'BEGIN{printf "%.2f", a/b}')
  per_batch=$(awk -v a="$written" -v b="$batches" 'BEGIN{printf "%.1f", (b>0)?a/b:0}')
  echo "| $1 | $ingest | $i50 / $i99 | $ceiling | **$ratio** | $per_batch | $ifail |" >>"$WORK/rows"
}

rm -rf "$WORK/h2" "$WORK/sqlite"
measure "H2 (file, default)" "jdbc:h2:file:$WORK/h2/jdma"
measure "SQLite (WAL, synchronous=FULL)" "jdbc:sqlite:$WORK/sqlite/jdma.sqlite"
if pg_isready -q -h 127.0.0.1 -p 5432; then
  psql -q -h 127.0.0.1 -U postgres -d test -c "DROP SCHEMA IF EXISTS jdma_bench CASCADE; CREATE SCHEMA jdma_bench" >/dev/null
  measure "PostgreSQL 15 (local)" "jdbc:postgresql://127.0.0.1:5432/test?currentSchema=jdma_bench&user=postgres"
fi

writer() {  # $1 = label, $2 = URL: the write path alone, 100,000 ratings, 2,000 in flight
  read -r rate per < <(java -cp "$JAR" bench/WriterBench.java "$2" 100000 2000 2>/dev/null | tail -n 1)
  echo "| $1 | $rate | $per |" >>"$WORK/writer"
}
writer "H2" "jdbc:h2:file:$WORK/w/h2"
writer "SQLite" "jdbc:sqlite:$WORK/w/jdma.sqlite"
if pg_isready -q -h 127.0.0.1 -p 5432; then
  psql -q -h 127.0.0.1 -U postgres -d test -c "DROP SCHEMA IF EXISTS jdma_wbench CASCADE; CREATE SCHEMA jdma_wbench" >/dev/null
  writer "PostgreSQL" "jdbc:postgresql://127.0.0.1:5432/test?currentSchema=jdma_wbench&user=postgres"
fi

{
  echo "# Benchmarks"
  echo
  echo "Reproduce: \`bench/run.sh $SECONDS_EACH $CLIENTS\` (builds the jar if needed; $SECONDS_EACH s per measure, $CLIENTS concurrent HTTP/1.1 clients on the same machine)."
  echo
  echo "Measured $(date -u +%Y-%m-%d) on $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB, $(java -version 2>&1 | head -n 1)."
  echo "Load generator and collector share the machine, so figures are ratios first: **ingest / ceiling**, where the"
  echo "ceiling is the same client hammering the collector's cheapest answer (the widget's 304) in the same run."
  echo "Every counted rating was acknowledged only after its group commit was durable (fsync)."
  echo
  echo "| database | durable ratings/s | p50 / p99 ms | HTTP ceiling req/s | ratio | ratings per commit | errors |"
  echo "|---|---|---|---|---|---|---|"
  cat "$WORK/rows"
  echo
  echo "## The durable write path alone"
  echo
  echo "\`bench/WriterBench.java\`: the group-commit writer and its store, without HTTP, fed 100,000 ratings with 2,000 in flight"
  echo "(what many concurrent requests look like to the writer). This is the capacity behind the HTTP figures above:"
  echo "over HTTP on this machine the load generator and the HTTP stack saturate the two cores first."
  echo
  echo "| database | durable ratings/s | ratings per commit |"
  echo "|---|---|---|"
  cat "$WORK/writer"
  echo
  echo "Reading the table: a 201 waits for one commit plus one fsync, shared by every rating of its batch; the more"
  echo "concurrent requests, the larger the batches, so throughput grows with load while each commit stays one fsync."
} >"$OUT"
cat "$OUT"
