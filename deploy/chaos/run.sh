#!/usr/bin/env bash
# The chaos suite's full profile: builds the platform from these sources, starts it on free ports of its own (as the
# end-to-end suite does), loads the demo data and runs ChaosIT with every fault in turn under load (each
# application killed with SIGKILL and restarted, the Kafka broker killed for 30 s, PostgreSQL killed), then prints
# its table (also in deploy/e2e/target/chaos-report.txt): per fault the requests sent, 2xx acknowledged, lost,
# doubled, 5xx by status, time to recover, and every violation. Exit status: Maven's (non-zero on a violation).
#   deploy/chaos/run.sh                       full profile
#   CHAOS_PROFILE=fast deploy/chaos/run.sh    the bounded profile of the suite's README test command
set -euo pipefail
exec "$(dirname "$0")/../e2e/run-alone.sh" ChaosIT chaos -Dchaos.profile="${CHAOS_PROFILE:-full}"
