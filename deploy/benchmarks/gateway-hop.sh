#!/usr/bin/env bash
# Gateway hop: what the gateway adds in front of a backend. A trivial stub backend (nginx answering a fixed
# JSON list) stands in for the factory service; the same GET /api/factories with the same token goes once
# straight to the stub and once through the gateway (which verifies the token, checks the route's roles,
# limits and proxies). Warm: rounds alternated after a warm-up. Cold: the gateway restarted, the first
# BENCH_COLD_SECONDS (10) after it answers ready.
#
#   deploy/benchmarks/gateway-hop.sh
#
# Needs wrk and nginx (Debian: apt-get install -y wrk nginx-light). Starts an instance 'bench-hop' of the local
# platform (Keycloak, the gateway; the launcher also starts PostgreSQL and Kafka) on ports 28xxx and stops it.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

BENCH_NAME=gateway-hop
BENCH_COLD_ROUNDS=${BENCH_COLD_ROUNDS:-3}
BENCH_COLD_SECONDS=${BENCH_COLD_SECONDS:-10}
command -v nginx >/dev/null || bench_fail "nginx is not installed (Debian: apt-get install -y nginx-light)"

bench_instance bench-hop 28000
# the factory service's address is the stub's: the gateway's route factories.list leads there
STUB_PORT=$BWU_FACTORY_PORT
STUB_DIR=$BENCH_INSTANCE_DIR/stub
export BWU_SKIP="factory-service licence-service production-de production-uk order-routing-service"

start_stub() {
    mkdir -p "$STUB_DIR/logs"
    cat >"$STUB_DIR/nginx.conf" <<EOF
# the stub backend of the gateway-hop benchmark (written by gateway-hop.sh)
worker_processes 1;
pid $STUB_DIR/nginx.pid;
error_log $STUB_DIR/logs/error.log warn;
events { worker_connections 1024; }
http {
    access_log off;
    keepalive_requests 1000000;
    server {
        listen 127.0.0.1:$STUB_PORT;
        location / {
            default_type application/json;
            return 200 '{"items":[],"page":0,"size":20,"total":0}';
        }
    }
}
EOF
    nginx -p "$STUB_DIR" -c "$STUB_DIR/nginx.conf" -g 'daemon off;' >>"$STUB_DIR/logs/nginx.out" 2>&1 &
    STUB_PID=$!
    local waited=0
    until curl -sf -o /dev/null "http://localhost:$STUB_PORT/"; do
        ((waited++ < 50)) || bench_fail "the nginx stub did not start (see $STUB_DIR/logs)"
        sleep 0.1
    done
}

stop_all() {
    [[ -n ${STUB_PID:-} ]] && kill "$STUB_PID" 2>/dev/null || true
    bench_down
}
trap stop_all EXIT

restart_gateway() {
    "$BENCH_ROOT/deploy/local/down.sh" gateway >>"$BENCH_RUN_DIR/$BWU_INSTANCE-up.log" 2>&1
    bench_up --no-demo-data
}

bench_reset_results
start_stub
bench_up --no-demo-data
STUB_URL=http://localhost:$STUB_PORT/api/factories
GATEWAY_URL=$BENCH_GATEWAY/api/factories

token() {
    local t
    t=$(bench_password_token netadmin)
    [[ -n $t ]] || bench_fail "no token for netadmin from Keycloak"
    echo "$t"
}

# A token lives 5 minutes in the realm: a fresh one for each phase, the same one for both sides of a round.
TOKEN=$(token)
status=$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $TOKEN" "$GATEWAY_URL")
[[ $status == 200 ]] || bench_fail "GET /api/factories through the gateway answered $status, not 200"

bench_step "Cold: the first ${BENCH_COLD_SECONDS}s after the gateway is ready, $BENCH_COLD_ROUNDS restarts"
for ((round = 1; round <= BENCH_COLD_ROUNDS; round++)); do
    restart_gateway
    TOKEN=$(token)
    bench_wrk gateway-cold "$BENCH_COLD_SECONDS" "$GATEWAY_URL" -H "Authorization: Bearer $TOKEN" \
        -s "$BENCH_DIR/wrk/summary.lua"
    bench_wrk stub-cold "$BENCH_COLD_SECONDS" "$STUB_URL" -H "Authorization: Bearer $TOKEN" \
        -s "$BENCH_DIR/wrk/summary.lua"
done

bench_step "Warm-up (${BENCH_WARMUP_SECONDS}s through the gateway)"
TOKEN=$(token)
BENCH_NAME=gateway-hop-warmup bench_wrk warmup "$BENCH_WARMUP_SECONDS" "$GATEWAY_URL" \
    -H "Authorization: Bearer $TOKEN" -s "$BENCH_DIR/wrk/summary.lua"

bench_step "Warm: $BENCH_ROUNDS rounds of ${BENCH_SECONDS}s per side, alternated"
for ((round = 1; round <= BENCH_ROUNDS; round++)); do
    TOKEN=$(token)
    # which side goes first alternates too, so a drift of the machine does not favour one side
    if ((round % 2)); then sides=(gateway stub); else sides=(stub gateway); fi
    for side in "${sides[@]}"; do
        if [[ $side == gateway ]]; then url=$GATEWAY_URL; else url=$STUB_URL; fi
        bench_wrk "$side-warm" "$BENCH_SECONDS" "$url" -H "Authorization: Bearer $TOKEN" \
            -s "$BENCH_DIR/wrk/summary.lua"
    done
done

row() {   # phase
    local g=gateway-$1 s=stub-$1
    local grps srps gp50 sp50 gp99 sp99
    grps=$(bench_stat "$g" 2); srps=$(bench_stat "$s" 2)
    gp50=$(bench_stat "$g" 3); sp50=$(bench_stat "$s" 3)
    gp99=$(bench_stat "$g" 4); sp99=$(bench_stat "$s" 4)
    awk -v phase="$1" -v n="$(bench_rounds "$g")" -v grps="$grps" -v srps="$srps" -v gp50="$gp50" -v sp50="$sp50" \
        -v gp99="$gp99" -v sp99="$sp99" -v ge="$(bench_errors "$g")" -v se="$(bench_errors "$s")" 'BEGIN {
        printf "| %s | %d | %.0f | %.0f | %.2f | %.2f / %.2f | %.2f / %.2f | %+.2f / %+.2f | %d / %d |\n",
            phase, n, grps, srps, grps / srps, gp50, gp99, sp50, sp99, gp50 - sp50, gp99 - sp99, ge, se }'
}

bench_header "Gateway hop: GET /api/factories through the gateway vs. straight to an nginx stub" \
    "wrk: $BENCH_THREADS threads, $BENCH_CONNECTIONS connections, one token (network-admin); warm rounds ${BENCH_SECONDS}s after ${BENCH_WARMUP_SECONDS}s warm-up, cold rounds the first ${BENCH_COLD_SECONDS}s after a restart" \
    "gateway as configured, except its per-caller rate limit (off); stub: nginx, 1 worker; all on the same cores" \
    "figures are medians over the rounds; latencies in ms"
echo "| phase | rounds | gateway rps | stub rps | ratio | gateway p50 / p99 | stub p50 / p99 | added p50 / p99 | errors gateway / stub |"
echo "|---|---|---|---|---|---|---|---|---|"
row warm
row cold
