#!/usr/bin/env bash
# Builds the collector jar (widget included) and runs it with its embedded H2 database under
# ./data, in demo mode: open http://localhost:${JDMA_PORT:-8080}/ for the example agency page.
# Production: java -jar collector/target/jdma-collector.jar, configured by JDMA_* variables.
set -euo pipefail
cd "$(dirname "$0")"
mvn -q -B -DskipTests package
export JDMA_DEMO="${JDMA_DEMO:-true}"
exec java -jar collector/target/jdma-collector.jar
