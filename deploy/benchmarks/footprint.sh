#!/usr/bin/env bash
# Footprint: the resident memory of every application of the platform as it is now (VmRSS) and its peak since
# it started (VmHWM), from /proc/<pid>/status, then the time from process start to ready (/q/health/ready) of
# each application restarted on its own while the rest runs, BENCH_FOOTPRINT_ROUNDS times.
#
#   deploy/benchmarks/footprint.sh
#
# Run after a load (run-all.sh runs it after status-reports.sh) for the memory under load; on a platform it has
# to start itself, the memory is that of an idle platform, and the table says so. Instance 'bench' (ports 18xxx).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

BENCH_NAME=footprint
BENCH_FOOTPRINT_ROUNDS=${BENCH_FOOTPRINT_ROUNDS:-3}
BENCH_AFTER=${BENCH_AFTER:-}
bench_instance bench "$BENCH_PORT_BASE"
source "$BENCH_ROOT/deploy/local/lib.sh"
if [[ -z $BENCH_AFTER ]]; then
    if running_pid gateway >/dev/null; then
        BENCH_AFTER="whatever ran before on the running instance"
    else
        BENCH_AFTER="nothing (the platform was just started)"
    fi
fi
bench_up --no-demo-data
trap 'bench_down' EXIT

APPS=()
declare -A MANAGEMENT_PORT
for entry in "${SERVICES[@]}"; do
    read -r component _ _ management_var <<<"$entry"
    APPS+=("$component")
    MANAGEMENT_PORT[$component]=${!management_var}
done

declare -A RSS PEAK
for app in "${APPS[@]}"; do
    pid=$(running_pid "$app") || bench_fail "$app is not running"
    RSS[$app]=$(bench_rss_mb "$pid")
    PEAK[$app]=$(awk '/^VmHWM:/ {printf "%.0f\n", $2 / 1024}' "/proc/$pid/status")
done

bench_step "Start to ready: each application restarted $BENCH_FOOTPRINT_ROUNDS times, one at a time"
bench_reset_results
for ((round = 1; round <= BENCH_FOOTPRINT_ROUNDS; round++)); do
    for app in "${APPS[@]}"; do
        "$BENCH_ROOT/deploy/local/down.sh" "$app" >>"$BENCH_RUN_DIR/$BWU_INSTANCE-up.log" 2>&1
        "$BENCH_ROOT/deploy/local/up.sh" --no-demo-data >>"$BENCH_RUN_DIR/$BWU_INSTANCE-up.log" 2>&1 &
        launcher=$!
        waited=0
        until pid=$(running_pid "$app"); do
            ((waited++ < 600)) || bench_fail "$app was not started again (see $BENCH_RUN_DIR/$BWU_INSTANCE-up.log)"
            sleep 0.1
        done
        seconds=$(bench_start_to_ready "$pid" "http://localhost:${MANAGEMENT_PORT[$app]}/q/health/ready" 300) ||
            bench_fail "$app was not ready within 300 s"
        wait "$launcher" || bench_fail "up.sh failed (see $BENCH_RUN_DIR/$BWU_INSTANCE-up.log)"
        echo "$app $seconds" >>"$BENCH_RESULTS/$BENCH_NAME.txt"
        bench_info "$(printf '%-22s ready %5.1f s after its process started' "$app" "$seconds")"
    done
done

bench_header "Footprint of every application" \
    "memory after: $BENCH_AFTER; RSS = VmRSS now, peak = VmHWM since the process started (/proc/<pid>/status)" \
    "start to ready: process start (/proc/<pid>/stat) to the first 200 of /q/health/ready (polled every 100 ms), the rest of the platform running; median of $BENCH_FOOTPRINT_ROUNDS restarts"
echo "| application | RSS (MB) | peak RSS (MB) | start to ready (s) |"
echo "|---|---|---|---|"
for app in "${APPS[@]}"; do
    ready=$(awk -v a="$app" '$1==a {print $2}' "$BENCH_RESULTS/$BENCH_NAME.txt" | bench_median)
    printf '| %s | %s | %s | %s |\n' "$app" "${RSS[$app]}" "${PEAK[$app]}" "$ready"
done
