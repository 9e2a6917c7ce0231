#!/usr/bin/env bash
# Routing engine benchmark: routing decisions per second and p50/p99 latency against read models of growing
# networks, printed as a table, so that the cost's growth with the network is visible.
#
#   deploy/benchmarks/routing-bench.sh                # 10, 1,000 and 10,000 lines
#   deploy/benchmarks/routing-bench.sh 10 1000 50000  # other sizes
#
# Runs the plain-Java engine in-process (no database, no Kafka): the cost of deciding, not of storing. Not part of
# `mvn verify`. Installs the shared modules it builds on first, so it runs on a fresh clone.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
sizes="${*:-10 1000 10000}"

mvn -B -q -ntp -f "$root/pom.xml" install -DskipTests \
    -pl services/event-contracts,services/service-kit,services/test-support
mvn -B -q -ntp -f "$root/services/order-routing-service/pom.xml" test-compile exec:java \
    -Dexec.args="$sizes" -Dquarkus.log.level=WARN
