#!/usr/bin/env bash
# Order placement with 1,000 lines in the network: orders of one technology that BENCH_ORDER_LINES lines build
# (half in each region, de-munich's and uk-bristol's, registered first as the network admin), placed by the order
# desk's token (realm user desk), each with an Idempotency-Key of its own and a mix of customer classes
# (wrk/orders.lua). Alternated rounds through the gateway and straight into the routing service (the same token),
# each counted until the platform has caught up: every outbox empty (the routing service's allocation and order
# events on Kafka) and every consumer group at the end (the production services take the allocations).
#
#   deploy/benchmarks/orders.sh
#
# Needs wrk. Starts the whole local platform as instance 'bench' on ports 18xxx (PostgreSQL durable).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

BENCH_NAME=orders
BENCH_ORDER_LINES=${BENCH_ORDER_LINES:-1000}
BENCH_DRAIN_TIMEOUT=${BENCH_DRAIN_TIMEOUT:-300}
# a technology of its own, so that no other benchmark's lines or orders share its routing passes
TECHNOLOGY=UA-BENCH-ORDERS
LINE_CAPACITY=1000

bench_instance bench "$BENCH_PORT_BASE"
bench_up
bench_reset_results
DRAIN_RESULTS=$BENCH_RESULTS/$BENCH_NAME-drain.txt
: >"$DRAIN_RESULTS"
trap 'bench_down' EXIT
bench_drain_compile

bench_step "Network: $BENCH_ORDER_LINES lines of $TECHNOLOGY, half in each region"
bench_technology "$TECHNOLOGY"
LINES=()
for ((n = 1; n <= BENCH_ORDER_LINES / 2; n++)); do
    LINES+=("$(printf 'DE-BENCH-ORD-%04d' "$n")" "$(printf 'UK-BENCH-ORD-%04d' "$n")")
done
started=$SECONDS
bench_lines "$TECHNOLOGY" "$LINE_CAPACITY" "${LINES[@]}"
bench_settle
bench_info "registered (or present) and known to the router after $((SECONDS - started)) s: ${#LINES[@]} lines"

desk_token() {
    BENCH_TOKEN_DESK=$(bench_password_token desk)
    [[ -n $BENCH_TOKEN_DESK ]] || bench_fail "no token for desk from Keycloak"
    export BENCH_TOKEN_DESK BENCH_ORDER_TECHNOLOGY=$TECHNOLOGY
}

order_round() {   # label seconds url
    local label=$1 seconds=$2 url=$3
    desk_token
    export BENCH_RUN_ID="o$(date +%s%N)"
    bench_drain_start
    BENCH_NAME=${BENCH_TARGET:-$BENCH_NAME} bench_wrk "$label" "$seconds" "$url" -s "$BENCH_DIR/wrk/orders.lua"
    bench_drain_wait
    bench_info "$(printf '%-14s caught up %.1f s after the load' "$label" "$BENCH_DRAINED")"
    [[ -n ${BENCH_TARGET:-} ]] || echo "$label $seconds $BENCH_DRAINED" >>"$DRAIN_RESULTS"
}

GATEWAY=$BENCH_GATEWAY
DIRECT=http://localhost:$BWU_ROUTING_PORT

bench_step "Warm-up (${BENCH_WARMUP_SECONDS}s of orders through the gateway)"
BENCH_TARGET=$BENCH_NAME-warmup order_round warmup "$BENCH_WARMUP_SECONDS" "$GATEWAY"
desk_token
orders_before=$(bench_order_count "$BENCH_TOKEN_DESK" "$TECHNOLOGY")

bench_step "$BENCH_ROUNDS rounds of ${BENCH_SECONDS}s, through the gateway and straight into the routing service alternated"
for ((round = 1; round <= BENCH_ROUNDS; round++)); do
    if ((round % 2)); then
        order_round gateway "$BENCH_SECONDS" "$GATEWAY"; order_round direct "$BENCH_SECONDS" "$DIRECT"
    else
        order_round direct "$BENCH_SECONDS" "$DIRECT"; order_round gateway "$BENCH_SECONDS" "$GATEWAY"
    fi
done

desk_token
orders_after=$(bench_order_count "$BENCH_TOKEN_DESK" "$TECHNOLOGY")
queued=$(bench_order_count "$BENCH_TOKEN_DESK" "$TECHNOLOGY" QUEUED)
partially=$(bench_order_count "$BENCH_TOKEN_DESK" "$TECHNOLOGY" PARTIALLY_ROUTED)
rejected=$(bench_order_count "$BENCH_TOKEN_DESK" "$TECHNOLOGY" REJECTED)

# orders answered per second of load plus catching up, per round
sustained() {   # label
    paste -d' ' <(awk -v l="$1" '$1==l' "$BENCH_RESULTS/$BENCH_NAME.txt") <(awk -v l="$1" '$1==l' "$DRAIN_RESULTS") |
        awk '{print $5 / ($8 + $9)}' | bench_median
}
drained() { awk -v l="$1" '$1==l {print $3}' "$DRAIN_RESULTS" | bench_median; }

bench_header "Orders, ${#LINES[@]} lines in 2 regions" \
    "wrk: $BENCH_THREADS threads, $BENCH_CONNECTIONS connections, the order desk's token (user desk), an Idempotency-Key per order; rounds ${BENCH_SECONDS}s after a ${BENCH_WARMUP_SECONDS}s warm-up" \
    "orders of one technology ($TECHNOLOGY) that all ${#LINES[@]} lines build ($LINE_CAPACITY units/day each); of every ten orders 5 UA_DEFENCE, 3 PARTNER_DEFENCE, 2 EXPORT; 1-10 units, needed 30-179 days ahead" \
    "open orders of the technology grow with every round (each routing pass reads them all): $orders_before before the rounds, $orders_after after; then $queued QUEUED, $partially PARTIALLY_ROUTED, $rejected REJECTED" \
    "PostgreSQL durable (fsync on, synchronous_commit on); every application on the same cores; gateway's per-caller rate limit off" \
    "caught up: every outbox empty and every consumer group's committed offsets at the end (offsets are committed every few seconds)" \
    "figures are medians over the rounds; latencies in ms"
echo "| load | rounds | orders/s (answered) | p50 / p99 | caught up after (s) | orders/s until caught up | errors |"
echo "|---|---|---|---|---|---|---|"
for label in gateway direct; do
    case $label in
        gateway) title="orders through the gateway" ;;
        direct) title="orders straight into the routing service" ;;
    esac
    printf '| %s | %d | %.0f | %.2f / %.2f | %.1f | %.0f | %d |\n' "$title" \
        "$(bench_rounds $label)" "$(bench_stat $label 2)" "$(bench_stat $label 3)" "$(bench_stat $label 4)" \
        "$(drained $label)" "$(sustained $label)" "$(bench_errors $label)"
done
