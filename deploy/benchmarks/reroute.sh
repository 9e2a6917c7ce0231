#!/usr/bin/env bash
# Re-routing: a line holding N open allocations reports DOWN (N = each of BENCH_REROUTE_SIZES, 1,000 and 10,000 by
# default), and every one of them must leave it. For each N a technology of its own (UA-BENCH-REROUTE-<N>) that two
# lines build, one in each region (DE-BENCH-RR<N>, de-munich's; UK-BENCH-RR<N>, uk-bristol's): N orders of one
# unit, placed by the order desk while only one of the lines is up, give that line N allocations (one per order);
# then the other line comes up (nothing moves: no order gains by it) and the holder reports DOWN through the
# gateway with its factory's MES token. The router withdraws the N allocations and places them on the other line
# (or queues what does not fit, as the routing rules say). Measured from the DOWN report's answer: until N
# AllocationCancelled and the new allocations are on order.allocations with every outbox empty ("on Kafka"), and
# until every consumer group has caught up too (the production services took the new allocations). The next
# round goes the other way: the line that went DOWN comes back up, and the line now holding the N reports DOWN.
# The set-up is kept with the platform's data: a second run on the same instance places no orders again.
#
#   deploy/benchmarks/reroute.sh
#
# Starts the whole local platform as instance 'bench' on ports 18xxx (PostgreSQL durable).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

BENCH_NAME=reroute
BENCH_REROUTE_SIZES=${BENCH_REROUTE_SIZES:-1000 10000}
BENCH_REROUTE_ROUNDS=${BENCH_REROUTE_ROUNDS:-3}
BENCH_DRAIN_TIMEOUT=${BENCH_DRAIN_TIMEOUT:-300}
# a line takes at most capacity x the 30-day horizon of outstanding units: 10,000 one-unit orders fit on one line
LINE_CAPACITY=1000

bench_instance bench "$BENCH_PORT_BASE"
bench_up
bench_reset_results
trap 'bench_down' EXIT
bench_drain_compile

desk_token() {
    DESK=$(bench_password_token desk)
    [[ -n $DESK ]] || bench_fail "no token for desk from Keycloak"
}

line_state() {   # line
    local state
    state=$(curl -sf -H "Authorization: Bearer $(bench_password_token netadmin)" "$BENCH_GATEWAY/api/lines/$1" |
        sed -n 's/.*"state":"\([A-Z]*\)".*/\1/p') || true
    [[ -n $state ]] || bench_fail "could not read the state of line $1"
    echo "$state"
}

# report LINE STATE: a status report of the line (reason BREAKDOWN when DOWN) with its factory's MES token
report() {
    local line=$1 state=$2 token reason="" status
    bench_mes_tokens
    [[ $line == DE-* ]] && token=$BENCH_TOKEN_DE || token=$BENCH_TOKEN_UK
    [[ $state != DOWN ]] || reason=',"reason":"BREAKDOWN"'
    status=$(bench_status POST "/api/lines/$line/status-reports" "$token" \
        "{\"reportId\":\"rr-$(date +%s%N)\",\"observedAt\":\"$(date -u +%Y-%m-%dT%H:%M:%S.%6NZ)\",\"state\":\"$state\"$reason,\"goodUnits\":0,\"scrapUnits\":0}")
    [[ $status == 20? ]] || bench_fail "status report $state of $line answered $status"
}

# The allocations the line's production service holds as open (it took them from order.allocations).
open_allocations() {   # line
    local allocations
    allocations=$(curl -sf -H "Authorization: Bearer $DESK" "$BENCH_GATEWAY/api/lines/$1/allocations") ||
        bench_fail "could not read the allocations of line $1"
    grep -o '"status":"OPEN"' <<<"$allocations" | wc -l || true   # grep finding none is no failure
}

is_up() { [[ $1 == RUNNING || $1 == IDLE ]]; }

# place_orders TECHNOLOGY COUNT: one-unit orders, 1,000 per batch (a fresh token each), 8 at a time; the
# customer classes mixed as in wrk/orders.lua (of ten: 5 UA_DEFENCE, 3 PARTNER_DEFENCE, 2 EXPORT)
place_orders() {
    local technology=$1 count=$2 run dates=() days config=$BENCH_RUN_DIR/orders.curl done=0 batch
    run="rr$(date +%s%N)"
    for ((days = 30; days < 180; days++)); do dates+=("$(date -u -d "+$days days" +%F)"); done
    while ((done < count)); do
        batch=$((count - done < 1000 ? count - done : 1000))
        desk_token
        awk -v from="$done" -v n="$batch" -v run="$run" -v technology="$technology" -v token="$DESK" \
            -v gateway="$BENCH_GATEWAY" -v dates="${dates[*]}" -v retry="$BENCH_REQUEST_RETRY" '
            BEGIN {
                ndates = split(dates, date, " ")
                split("ee-tallinn:EE lv-riga:LV lt-vilnius:LT fi-helsinki:FI se-gothenburg:SE no-oslo:NO dk-aarhus:DK pl-rzeszow:PL", centre, " ")
                for (i = from + 1; i <= from + n; i++) {
                    kind = i % 10; class = "UA_DEFENCE"; export = ""
                    if (kind >= 8) {
                        split(centre[i % 8 + 1], c, ":"); class = "EXPORT"
                        export = sprintf(",\\\"destinationCountry\\\":\\\"%s\\\",\\\"exportCentreId\\\":\\\"%s\\\"", c[2], c[1])
                    } else if (kind >= 5) class = "PARTNER_DEFENCE"
                    printf "next\nurl = \"%s/api/orders\"\nrequest = \"POST\"\noutput = \"/dev/null\"\n", gateway
                    printf "write-out = \"%%{http_code}\\n\"\n%s", retry
                    printf "header = \"Authorization: Bearer %s\"\nheader = \"Content-Type: application/json\"\n", token
                    printf "header = \"Idempotency-Key: %s-%d\"\n", run, i
                    printf "data = \"{\\\"customerClass\\\":\\\"%s\\\",\\\"customer\\\":\\\"Bench customer %d\\\",\\\"technologyCode\\\":\\\"%s\\\",\\\"quantity\\\":1,\\\"neededBy\\\":\\\"%s\\\"%s}\"\n", class, i % 50, technology, date[i % ndates + 1], export
                }
            }' >"$config"
        bench_parallel_requests "$config"
        done=$((done + batch))
        bench_info "placed $done of $count orders"
    done
}

reroute_round() {   # size holder spare
    local size=$1 holder=$2 spare=$3 answered routed queued held
    desk_token
    held=$(open_allocations "$holder")
    ((held == size)) || bench_fail "$holder holds $held open allocations before it reports DOWN, not $size"
    # the records of the withdrawals: the pass writes them with the new allocations and the orders' events in
    # one transaction, so once they are on the topic and every outbox is empty, all its events are on Kafka
    bench_drain_start "-Ddrain.expect=order.allocations:$size"
    report "$holder" DOWN
    answered=$(date +%s%3N)
    bench_drain_wait "$answered"
    desk_token
    routed=$(bench_order_count "$DESK" "$TECHNOLOGY" ROUTED)
    queued=$(bench_order_count "$DESK" "$TECHNOLOGY" QUEUED)
    ((routed + queued == size)) || bench_fail "after $holder went DOWN: $routed ROUTED and $queued QUEUED of $size orders"
    held=$(open_allocations "$spare")
    ((held == routed)) || bench_fail "after $holder went DOWN: $spare holds $held open allocations, $routed orders are ROUTED"
    echo "$size $BENCH_ON_KAFKA $BENCH_DRAINED $routed $queued" >>"$BENCH_RESULTS/$BENCH_NAME.txt"
    bench_info "$(printf 'N=%-6d %s DOWN: on Kafka after %.1f s (%.0f allocations/s), caught up after %.1f s; %d re-placed, %d queued' \
        "$size" "$holder" "$BENCH_ON_KAFKA" "$(awk -v n="$size" -v s="$BENCH_ON_KAFKA" 'BEGIN {print n / s}')" \
        "$BENCH_DRAINED" "$routed" "$queued")"
}

for size in $BENCH_REROUTE_SIZES; do
    TECHNOLOGY=UA-BENCH-REROUTE-$size
    A=DE-BENCH-RR$size
    B=UK-BENCH-RR$size
    bench_step "N=$size: technology $TECHNOLOGY, lines $A and $B"
    bench_technology "$TECHNOLOGY"
    bench_lines "$TECHNOLOGY" "$LINE_CAPACITY" "$A" "$B"
    bench_settle
    state_a=$(line_state "$A")
    state_b=$(line_state "$B")
    if is_up "$state_a"; then
        holder=$A spare=$B
        if is_up "$state_b"; then report "$B" DOWN; bench_settle; fi
    elif is_up "$state_b"; then
        holder=$B spare=$A
    else
        holder=$A spare=$B
        report "$A" RUNNING; bench_settle
    fi
    # counted again after each placement: a request the gateway timed out may or may not have placed its order
    started=$SECONDS
    for attempt in 1 2 3 4; do
        desk_token
        placed=$(bench_order_count "$DESK" "$TECHNOLOGY")
        ((placed <= size)) || bench_fail "$TECHNOLOGY has $placed orders, more than $size: a fresh instance is needed"
        ((placed < size)) || break
        ((attempt < 4)) || bench_fail "$TECHNOLOGY has $placed orders after 3 placements of the missing ones"
        place_orders "$TECHNOLOGY" $((size - placed))
        bench_settle
    done
    bench_info "$size orders in the network after $((SECONDS - started)) s"
    desk_token
    routed=$(bench_order_count "$DESK" "$TECHNOLOGY" ROUTED)
    ((routed == size)) || bench_fail "$routed of $size orders of $TECHNOLOGY are ROUTED before the rounds"

    for ((round = 1; round <= BENCH_REROUTE_ROUNDS; round++)); do
        report "$spare" RUNNING
        bench_settle
        reroute_round "$size" "$holder" "$spare"
        previous=$holder holder=$spare spare=$previous
    done
done

bench_header "Re-routing: a line with N open allocations reports DOWN" \
    "for each N: a technology of its own that two lines build, one per region (capacity $LINE_CAPACITY units/day each); N one-unit orders (of ten: 5 UA_DEFENCE, 3 PARTNER_DEFENCE, 2 EXPORT) all on one line; the other line comes up, then the holder reports DOWN through the gateway (MES token); the next round the other way round" \
    "from the DOWN report's answer until the N withdrawals and the new allocations are on order.allocations with every outbox empty (on Kafka), and until every consumer group has caught up (offsets are committed every few seconds)" \
    "PostgreSQL durable (fsync on, synchronous_commit on); every application on the same cores" \
    "$BENCH_REROUTE_ROUNDS rounds per N; figures are medians over the rounds, each round in brackets"
echo "| N allocations | rounds | on Kafka after (s) | allocations/s | caught up after (s) | re-placed / queued |"
echo "|---|---|---|---|---|---|"
for size in $BENCH_REROUTE_SIZES; do
    awk -v n="$size" '$1==n' "$BENCH_RESULTS/$BENCH_NAME.txt" | awk -v n="$size" '
        {k[NR]=$2; d[NR]=$3; rate[NR]=n/$2; placed=placed (NR>1?", ":"") $4 "/" $5
         ks=ks (NR>1?", ":"") sprintf("%.1f", $2); ds=ds (NR>1?", ":"") sprintf("%.1f", $3)
         rs=rs (NR>1?", ":"") sprintf("%.0f", n/$2)}
        function median(a, m,   i, j, t) {
            for (i = 1; i <= m; i++) for (j = i + 1; j <= m; j++) if (a[j] < a[i]) {t = a[i]; a[i] = a[j]; a[j] = t}
            return m % 2 ? a[(m + 1) / 2] : (a[m / 2] + a[m / 2 + 1]) / 2
        }
        END {
            if (NR == 0) exit
            printf "| %d | %d | %.1f (%s) | %.0f (%s) | %.1f (%s) | %s |\n", n, NR, median(k, NR), ks, median(rate, NR), rs,
                median(d, NR), ds, placed
        }'
done
