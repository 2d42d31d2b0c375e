#!/usr/bin/env bash
# Durable ingest against the HTTP ceiling, measured alternately in one run with wrk, on H2, SQLite and
# PostgreSQL, at 64 and 256 connections; then the latency at half the sustained load and the collector's
# peak RSS. Writes the "Ingest" part of docs/benchmarks.md (bench/full.sh writes the full-database part).
#
# Usage: bench/run.sh [seconds per measure, default 10] [rounds, default 3]
# The ceiling is bench/CeilingApp.java: a minimal Javalin app that reads and parses the same JSON and answers
# 201 without storing, started with the same JVM flags as the collector (bench/jvm-flags, the README's).
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS_EACH=${1:-10}
ROUNDS=${2:-3}
JAR=collector/target/jdma-collector.jar
FLAGS=$(grep -v '^#' bench/jvm-flags | tr '\n' ' ')
OUT=docs/benchmarks-ingest.md

if ! command -v wrk >/dev/null; then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null
fi
[ -f "$JAR" ] || mvn -q -B -DskipTests package

WORK=$(mktemp -d)
PIDS=()
trap 'for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done; rm -rf "$WORK"' EXIT

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
wait_up() { for _ in $(seq 1 150); do curl -fs "http://127.0.0.1:$1/health" >/dev/null && return 0; sleep 0.2; done; echo "not up on $1" >&2; return 1; }
median() { sort -g | awk '{a[NR]=$1} END {print (NR%2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }
# wrk prints "RESULT req/s p50 p99 errors requests" (bench/ingest.lua)
load() {  # $1 port, $2 connections, $3 seconds, [RATE=…]
  wrk -t2 -c"$2" -d"$3"s --timeout 10s -s bench/ingest.lua "http://127.0.0.1:$1" 2>/dev/null | awk '/^RESULT/{print $2, $3, $4, $5}'
}
peak_rss_mb() { awk '/VmHWM/{printf "%.0f", $2/1024}' "/proc/$1/status"; }

CEILING_PORT=$(free_port)
# shellcheck disable=SC2086
java $FLAGS -cp "$JAR" bench/CeilingApp.java "$CEILING_PORT" >"$WORK/ceiling.log" 2>&1 &
PIDS+=($!)
wait_up "$CEILING_PORT"
load "$CEILING_PORT" 64 3 >/dev/null   # warm-up

measure() {  # $1 label, $2 JDBC URL
  local port pid
  port=$(free_port)
  # shellcheck disable=SC2086
  JDMA_PORT=$port JDMA_DB_URL="$2" JDMA_ADMIN_TOKEN=bench JDMA_RATE_LIMIT=0 java $FLAGS -jar "$JAR" >"$WORK/collector.log" 2>&1 &
  pid=$!
  PIDS+=($pid)
  wait_up "$port"
  curl -fs -o /dev/null -H 'Authorization: Bearer bench' -H 'Content-Type: application/json' \
    -d '{"id":"bench","name":"Bench","allowedOrigins":["https://bench.example.fr"]}' "http://127.0.0.1:$port/api/v1/admin/services"
  load "$port" 64 5 >/dev/null   # warm-up (JIT, pool, caches)
  for c in 64 256; do
    : >"$WORK/c"; : >"$WORK/i"
    for _ in $(seq 1 "$ROUNDS"); do   # alternate, so both see the same machine
      load "$CEILING_PORT" "$c" "$SECONDS_EACH" >>"$WORK/c"
      load "$port" "$c" "$SECONDS_EACH" >>"$WORK/i"
    done
    local ceiling ingest p50 p99 errors ratio
    ceiling=$(cut -d' ' -f1 "$WORK/c" | median)
    ingest=$(cut -d' ' -f1 "$WORK/i" | median)
    p50=$(cut -d' ' -f2 "$WORK/i" | median)
    p99=$(cut -d' ' -f3 "$WORK/i" | median)
    errors=$(awk '{s+=$4} END {print s+0}' "$WORK/i")
    ratio=$(awk -v a="$ingest" -v b="$ceiling" 'BEGIN{printf "%.2f", a/b}')
    if [ "$c" = 64 ]; then
      local half=$(( ${ingest%.*} / 2 ))
      read -r _ h50 h99 _ < <(RATE=$half CONNECTIONS=64 load "$port" 64 "$SECONDS_EACH")
    fi
    echo "| $1 | $c | $ingest | $p50 / $p99 | $ceiling | **$ratio** | $( [ "$c" = 64 ] && echo "$half req/s: $h50 / $h99" || echo "–") | $(peak_rss_mb "$pid") | $errors |" >>"$WORK/rows"
  done
  kill "$pid"; wait "$pid" 2>/dev/null || true
}

measure "H2 (file, default)" "jdbc:h2:file:$WORK/h2/jdma"
measure "SQLite (WAL, synchronous=FULL)" "jdbc:sqlite:$WORK/sqlite/jdma.sqlite"
if pg_isready -q -h 127.0.0.1 -p 5432; then
  psql -q -h 127.0.0.1 -U postgres -d test -c "DROP SCHEMA IF EXISTS jdma_bench CASCADE; CREATE SCHEMA jdma_bench" >/dev/null
  measure "PostgreSQL 15 (local)" "jdbc:postgresql://127.0.0.1:5432/test?currentSchema=jdma_bench&user=postgres"
fi

{
  echo "## Durable ingest against the HTTP ceiling"
  echo
  echo "Reproduce: \`bench/run.sh $SECONDS_EACH $ROUNDS\` — measured $(date -u +%Y-%m-%d) on $(nproc) cores, $(java -version 2>&1 | head -n 1),"
  echo "JVM flags \`$FLAGS\` (bench/jvm-flags, the README's production flags) for both the collector and the ceiling."
  echo "wrk (2 threads) and the server share the machine. Each figure is the median of $ROUNDS rounds of $SECONDS_EACH s; ceiling and"
  echo "collector are measured alternately. The ceiling is bench/CeilingApp.java: the same JSON read and parsed, a 201, nothing stored."
  echo "Every counted rating was acknowledged only after its group commit was durable (fsync). Half load: wrk paced"
  echo "at half the sustained rate, 64 connections. RSS: the collector's peak resident memory (VmHWM) so far."
  echo
  echo "| database | connections | durable ratings/s | p50 / p99 ms | ceiling req/s | ratio | p50 / p99 ms at half load | peak RSS MB | errors |"
  echo "|---|---|---|---|---|---|---|---|---|"
  cat "$WORK/rows"
} >"$OUT"
cat "$OUT"
