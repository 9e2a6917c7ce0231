#!/usr/bin/env bash
# Every benchmark of the platform, one after the other, each printing its Markdown table; the tables are also
# written to deploy/benchmarks/.run/results/tables-<date>.md.
#
#   deploy/benchmarks/run-all.sh            gateway hop, status reports, orders, re-routing, footprint
#   deploy/benchmarks/run-all.sh --routing  and the in-process routing engine benchmark (routing-bench.sh)
#
# Settings from the environment: see lib.sh (BENCH_ROUNDS, BENCH_SECONDS, BENCH_WARMUP_SECONDS, ...). For figures
# worth quoting, run it on a machine doing nothing else. The platform instances it starts are stopped at the end.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

ROUTING=false
for arg in "$@"; do
    case $arg in
        --routing) ROUTING=true ;;
        -h|--help) sed -n '2,9p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
        *) echo "unknown option: $arg (see --help)" >&2; exit 2 ;;
    esac
done

TABLES=$BENCH_RESULTS/tables-$(date -u +%Y%m%dT%H%MZ).md
{
    "$BENCH_DIR/gateway-hop.sh"
    # the platform stays up from here to the footprint: that is the memory after these loads
    BENCH_KEEP=true "$BENCH_DIR/status-reports.sh"
    BENCH_KEEP=true "$BENCH_DIR/orders.sh"
    BENCH_KEEP=true "$BENCH_DIR/reroute.sh"
    BENCH_AFTER="the status-report, order and re-routing benchmarks" "$BENCH_DIR/footprint.sh"
    if [[ $ROUTING == true ]]; then
        "$BENCH_DIR/routing-bench.sh"
    fi
} | tee "$TABLES"
bench_step "Tables written to $TABLES"
