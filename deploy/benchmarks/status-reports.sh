#!/usr/bin/env bash
# Status-report ingestion: single status reports with output, and batches of BENCH_BATCH_SIZE of them (100 by
# default, at most 500) through the batch endpoint, through the gateway with the MES tokens of the realm (client
# credentials of mes-de-munich and mes-uk-bristol), spread round-robin over BENCH_LINES_PER_REGION lines in each
# region (32 + 32 by default, registered first as the network admin). A round counts until every
# outbox is empty and every consumer group has committed all it was sent (the licence ledger and the router
# consume the output), not only until the HTTP answers. Alternated with each round: PostgreSQL's own limit for the
# same transaction (pgbench/status-report.sql, on copies of the service's tables in the de database).
#
#   deploy/benchmarks/status-reports.sh
#
# Needs wrk and pgbench (Debian: apt-get install -y wrk postgresql-client). Starts the whole local platform as
# instance 'bench' on ports 18xxx (PostgreSQL durable) and leaves it running for footprint.sh when BENCH_KEEP=true.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

BENCH_NAME=status-reports
BENCH_LINES_PER_REGION=${BENCH_LINES_PER_REGION:-32}
BENCH_BATCH_SIZE=${BENCH_BATCH_SIZE:-100}
# a batch is a few hundred times a single report's work: fewer connections keep it from measuring the queue
BENCH_BATCH_CONNECTIONS=${BENCH_BATCH_CONNECTIONS:-8}
((BENCH_BATCH_SIZE >= 1 && BENCH_BATCH_SIZE <= 500)) || bench_fail "BENCH_BATCH_SIZE must be 1 to 500 (the endpoint's limit)"
export BENCH_BATCH_SIZE
BENCH_DRAIN_TIMEOUT=${BENCH_DRAIN_TIMEOUT:-300}
command -v pgbench >/dev/null || bench_fail "pgbench is not installed (Debian: apt-get install -y postgresql-client)"
command -v psql >/dev/null || bench_fail "psql is not installed (Debian: apt-get install -y postgresql-client)"
((BENCH_LINES_PER_REGION * 2 >= 64)) || bench_info "fewer than 64 lines: the issue's figures need BENCH_LINES_PER_REGION >= 32"

bench_instance bench "$BENCH_PORT_BASE"
bench_up
# the MES client secrets as Keycloak holds them, written by the launcher
platform_setting() { sed -n "s/^$1=//p" "$BENCH_INSTANCE_DIR/platform.env"; }
MES_DE_SECRET=$(platform_setting BWU_MES_DE_MUNICH_SECRET)
MES_UK_SECRET=$(platform_setting BWU_MES_UK_BRISTOL_SECRET)
bench_reset_results
DRAIN_RESULTS=$BENCH_RESULTS/$BENCH_NAME-drain.txt
: >"$DRAIN_RESULTS"
trap 'bench_down' EXIT

# --- lines ---------------------------------------------------------------------------------------------------

bench_step "Lines: $BENCH_LINES_PER_REGION per region"
admin=$(bench_password_token netadmin)
[[ -n $admin ]] || bench_fail "no token for netadmin from Keycloak"
register_line() {   # line factory technology
    local status
    status=$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $admin" "$BENCH_GATEWAY/api/lines/$1")
    [[ $status == 200 ]] && return 0
    status=$(curl -s -o /dev/null -w '%{http_code}' -X PUT -H "Authorization: Bearer $admin" \
        -H 'Content-Type: application/json' \
        --data "{\"factoryId\":\"$2\",\"technologyCode\":\"$3\",\"nominalCapacityPerDay\":100000}" \
        "$BENCH_GATEWAY/api/lines/$1")
    [[ $status == 20? ]] || bench_fail "registering line $1 answered $status"
}
BENCH_LINES=""
for ((n = 1; n <= BENCH_LINES_PER_REGION; n++)); do
    printf -v de 'DE-BENCH-%03d' "$n"
    printf -v uk 'UK-BENCH-%03d' "$n"
    # the demo data's factories and licensed technologies (deploy/local/demo-data.sh)
    register_line "$de" de-munich UA-FPV-7
    register_line "$uk" uk-bristol UA-RECON-3
    BENCH_LINES+="$de:de $uk:uk "
done
export BENCH_LINES
bench_info "registered (or present): $((BENCH_LINES_PER_REGION * 2)) lines"

mes_tokens() {
    BENCH_TOKEN_DE=$(bench_client_token mes-de-munich "$MES_DE_SECRET")
    BENCH_TOKEN_UK=$(bench_client_token mes-uk-bristol "$MES_UK_SECRET")
    [[ -n $BENCH_TOKEN_DE && -n $BENCH_TOKEN_UK ]] || bench_fail "no MES token from Keycloak"
    export BENCH_TOKEN_DE BENCH_TOKEN_UK
}

# --- the service's side: wrk, then wait until caught up ---------------------------------------------------

KAFKA_CP="$BENCH_RUN_DIR/dist/kafka/download/*"
mkdir -p "$BENCH_RUN_DIR/classes"
javac -nowarn -d "$BENCH_RUN_DIR/classes" -cp "$KAFKA_CP" "$BENCH_DIR/Drain.java" ||
    bench_fail "Drain.java did not compile"
METRICS=()
for port in "$BWU_FACTORY_MANAGEMENT_PORT" "$BWU_LICENCE_MANAGEMENT_PORT" "$BWU_PRODUCTION_DE_MANAGEMENT_PORT" \
    "$BWU_PRODUCTION_UK_MANAGEMENT_PORT" "$BWU_ROUTING_MANAGEMENT_PORT"; do
    METRICS+=("http://localhost:$port/q/metrics")
done

# Reports stored in both regions' databases: what a batch round took in is counted here, not from its answers
# (a 207 may refuse items one by one).
stored_reports() {
    local de uk
    de=$(PGPASSWORD=production_de psql -At "${PG[@]}" -d production_de -c 'select count(*) from status_report') &&
        uk=$(PGPASSWORD=production_uk psql -At -h localhost -p "$BWU_POSTGRES_PORT" -U production_uk -d production_uk \
            -c 'select count(*) from status_report') || bench_fail "could not count the stored reports"
    echo $((de + uk))
}

service_round() {   # label seconds [wrk script] [connections]
    local label=$1 seconds=$2 script=${3:-status-reports.lua} connections=${4:-$BENCH_CONNECTIONS}
    local trigger=$BENCH_RUN_DIR/drain.trigger out before
    mes_tokens
    before=$(stored_reports)
    export BENCH_RUN_ID="r$(date +%s%N)"
    rm -f "$trigger"
    out=$(mktemp)
    # started first, so that its own start-up does not count towards the drain time
    java -cp "$BENCH_RUN_DIR/classes:$KAFKA_CP" Drain "localhost:$BWU_KAFKA_PORT" "$trigger" "$BENCH_DRAIN_TIMEOUT" \
        "${METRICS[@]}" >"$out" 2>>"$BENCH_RUN_DIR/drain.log" &
    local drain_pid=$!
    BENCH_CONNECTIONS=$connections BENCH_NAME=${BENCH_TARGET:-$BENCH_NAME} bench_wrk "$label" "$seconds" \
        "$BENCH_GATEWAY" -s "$BENCH_DIR/wrk/$script"
    date +%s%3N >"$trigger.tmp" && mv "$trigger.tmp" "$trigger"
    wait "$drain_pid" || bench_fail "not caught up after ${BENCH_DRAIN_TIMEOUT}s: $(cat "$out")"
    local drained
    drained=$(awk '/^DRAIN/ {print $2}' "$out")
    rm -f "$out"
    local after
    after=$(stored_reports)
    local stored=$((after - before))
    bench_info "$(printf '%-14s caught up %.1f s after the load; %d reports stored' "$label" "$drained" "$stored")"
    echo "$label $seconds $drained $stored" >>"$DRAIN_RESULTS"
}

# --- the database's side: pgbench ----------------------------------------------------------------------------

export PGPASSWORD=production_de PGOPTIONS="-c client_min_messages=warning"
PG=(-h localhost -p "$BWU_POSTGRES_PORT" -U production_de)
psql -q "${PG[@]}" -d production_de -v ON_ERROR_STOP=1 -v lines=$((BENCH_LINES_PER_REGION * 2)) \
    -f "$BENCH_DIR/pgbench/setup.sql" >/dev/null || bench_fail "could not set up pgbench's tables"

pgbench_round() {   # seconds
    local log_dir=$BENCH_RUN_DIR/pgbench-log out
    rm -rf "$log_dir" && mkdir -p "$log_dir"
    out=$(cd "$log_dir" && pgbench "${PG[@]}" -n -M prepared -c "$BENCH_CONNECTIONS" -j "$BENCH_THREADS" -T "$1" \
        -D lines=$((BENCH_LINES_PER_REGION * 2)) -f "$BENCH_DIR/pgbench/status-report.sql" -l production_de 2>&1) ||
        bench_fail "pgbench failed: $out"
    local tps failed
    tps=$(sed -n 's/^tps = \([0-9.]*\) .*/\1/p' <<<"$out" | tail -1)
    failed=$(sed -n 's/^number of failed transactions: \([0-9]*\).*/\1/p' <<<"$out")
    # per-transaction log: client, transaction, latency in µs, ...
    cat "$log_dir"/pgbench_log.* | awk '{print $3 / 1000}' | sort -g | awk -v tps="$tps" -v failed="${failed:-0}" '
        {v[NR]=$1} END {printf "pgbench %s %.3f %.3f %d %d\n", tps, v[int(NR*0.5)+1], v[int(NR*0.99)+1], NR, failed}' \
        >>"$BENCH_RESULTS/$BENCH_NAME.txt"
    bench_info "$(tail -1 "$BENCH_RESULTS/$BENCH_NAME.txt" | awk '{printf "%-14s %9.0f tx/s  p50 %7.2f ms  p99 %7.2f ms  %s failed", $1, $2, $3, $4, $6}')"
}

# --- rounds -----------------------------------------------------------------------------------------------------

bench_step "Warm-up (${BENCH_WARMUP_SECONDS}s of reports, and pgbench)"
BENCH_TARGET=$BENCH_NAME-warmup service_round warmup "$BENCH_WARMUP_SECONDS"
BENCH_TARGET=$BENCH_NAME-warmup service_round warmup-batch "$BENCH_WARMUP_SECONDS" status-batches.lua \
    "$BENCH_BATCH_CONNECTIONS"
pgbench_round "$BENCH_SECONDS" >/dev/null 2>&1
: >"$BENCH_RESULTS/$BENCH_NAME.txt"
: >"$DRAIN_RESULTS"

batch_round() { service_round batch "$1" status-batches.lua "$BENCH_BATCH_CONNECTIONS"; }

bench_step "$BENCH_ROUNDS rounds of ${BENCH_SECONDS}s: single reports, batches of $BENCH_BATCH_SIZE and pgbench alternated"
for ((round = 1; round <= BENCH_ROUNDS; round++)); do
    if ((round % 2)); then
        service_round gateway "$BENCH_SECONDS"; batch_round "$BENCH_SECONDS"; pgbench_round "$BENCH_SECONDS"
    else
        pgbench_round "$BENCH_SECONDS"; batch_round "$BENCH_SECONDS"; service_round gateway "$BENCH_SECONDS"
    fi
done

psql -q "${PG[@]}" -d production_de -c 'DROP SCHEMA pgbench CASCADE' >/dev/null || true

drained=$(awk '$1=="gateway" {print $3}' "$DRAIN_RESULTS" | bench_median)
# reports accepted per second of load plus catching up, per round
sustained=$(paste -d' ' <(awk '$1=="gateway"' "$BENCH_RESULTS/$BENCH_NAME.txt") <(awk '$1=="gateway"' "$DRAIN_RESULTS") |
    awk '{print $5 / ($8 + $9)}' | bench_median)
batch_drained=$(awk '$1=="batch" {print $3}' "$DRAIN_RESULTS" | bench_median)
# batches: the reports stored (counted in the databases) per second of load, and per second of load plus catching up
batch_stored=$(awk '$1=="batch" {print $4 / $2}' "$DRAIN_RESULTS" | bench_median)
batch_sustained=$(awk '$1=="batch" {print $4 / ($2 + $3)}' "$DRAIN_RESULTS" | bench_median)

bench_header "Status reports with output, through the gateway, $((BENCH_LINES_PER_REGION * 2)) lines in 2 regions" \
    "wrk: $BENCH_THREADS threads, $BENCH_CONNECTIONS connections for single reports, $BENCH_BATCH_CONNECTIONS for batches of $BENCH_BATCH_SIZE reports, MES tokens of both factories (client credentials); rounds ${BENCH_SECONDS}s after a ${BENCH_WARMUP_SECONDS}s warm-up" \
    "reports stored: counted in both regions' databases before and after each round (a batch's 207 may refuse items one by one)" \
    "PostgreSQL durable (fsync on, synchronous_commit on), shared_buffers 64MB; every application on the same cores; gateway's per-caller rate limit off" \
    "caught up: every outbox empty and every consumer group's committed offsets at the end (offsets are committed every few seconds)" \
    "pgbench: the same transaction shape (pgbench/status-report.sql), $BENCH_CONNECTIONS clients, prepared statements, on copies of the service's tables" \
    "figures are medians over the rounds; latencies in ms"
echo "| load | rounds | requests/s (answered) | p50 / p99 | reports/s (stored) | caught up after (s) | reports/s until caught up | errors |"
echo "|---|---|---|---|---|---|---|---|"
printf '| single reports through the gateway | %d | %.0f | %.2f / %.2f | %.0f | %.1f | %.0f | %d |\n' \
    "$(bench_rounds gateway)" "$(bench_stat gateway 2)" "$(bench_stat gateway 3)" "$(bench_stat gateway 4)" \
    "$(awk '$1=="gateway" {print $4 / $2}' "$DRAIN_RESULTS" | bench_median)" "$drained" "$sustained" \
    "$(bench_errors gateway)"
printf '| batches of %d reports through the gateway | %d | %.1f | %.2f / %.2f | %.0f | %.1f | %.0f | %d |\n' \
    "$BENCH_BATCH_SIZE" "$(bench_rounds batch)" "$(bench_stat batch 2)" "$(bench_stat batch 3)" "$(bench_stat batch 4)" \
    "$batch_stored" "$batch_drained" "$batch_sustained" "$(bench_errors batch)"
printf '| PostgreSQL alone (pgbench, one report per transaction) | %d | %.0f | %.2f / %.2f | %.0f | – | – | %d |\n' \
    "$(bench_rounds pgbench)" "$(bench_stat pgbench 2)" "$(bench_stat pgbench 3)" "$(bench_stat pgbench 4)" \
    "$(bench_stat pgbench 2)" "$(bench_errors pgbench)"
