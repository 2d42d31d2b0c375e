#!/usr/bin/env bash
# Builds the collector jar (widget included) and runs it with its embedded H2 database under
# ./data, in demo mode: open http://localhost:${JDMA_PORT:-8080}/ for the example agency page.
# Production: the same JVM flags (deploy/jvm-flags) and java -jar collector/target/jdma-collector.jar, configured by JDMA_* variables.
set -euo pipefail
cd "$(dirname "$0")"
mvn -q -B -DskipTests package
# The class archive that takes 40 % off the start (bench/findings.md, "Start"): mvn package writes it; this checks that the
# JVM accepts it (a tenth of a second) and trains a new one otherwise (a different java on the PATH, -DskipClassArchive).
deploy/class-archive.sh collector/target/jdma-collector.jsa collector/target/jdma-collector.jar
export JDMA_DEMO="${JDMA_DEMO:-true}"
# The production JVM flags (deploy/jvm-flags); resident memory under load: docs/benchmarks.md.
export MALLOC_ARENA_MAX=2
# shellcheck disable=SC2046
exec java $(grep -v '^#' deploy/jvm-flags) -XX:SharedArchiveFile=collector/target/jdma-collector.jsa -jar collector/target/jdma-collector.jar
