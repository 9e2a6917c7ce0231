# Shared by the benchmark scripts: the platform instance they start, the JVM flags of production, tokens, the
# load generator and the tables. Sourced, not run.
#
# Settings from the environment (defaults below): BENCH_ROUNDS (measured rounds per side), BENCH_SECONDS (length
# of a round), BENCH_WARMUP_SECONDS, BENCH_CONNECTIONS, BENCH_THREADS, BENCH_JAVA_OPTS, BENCH_RUN_DIR,
# BENCH_KEEP=true (leave the platform running afterwards).

BENCH_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
BENCH_ROOT=$(cd "$BENCH_DIR/../.." && pwd)
BENCH_ROUNDS=${BENCH_ROUNDS:-5}
BENCH_SECONDS=${BENCH_SECONDS:-20}
BENCH_WARMUP_SECONDS=${BENCH_WARMUP_SECONDS:-30}
BENCH_CONNECTIONS=${BENCH_CONNECTIONS:-32}
BENCH_THREADS=${BENCH_THREADS:-$(nproc)}
BENCH_RUN_DIR=${BENCH_RUN_DIR:-$BENCH_DIR/.run}
BENCH_RESULTS=$BENCH_RUN_DIR/results
# The ports of instance 'bench', the one the platform benchmarks share (see bench_instance): 18xxx by default.
BENCH_PORT_BASE=${BENCH_PORT_BASE:-18000}
mkdir -p "$BENCH_RESULTS"

# The flags of the images (src/main/docker/Dockerfile.jvm) in the pod of the production overlay (memory limit
# 768Mi, 2 CPUs): MaxRAM stands for the container's limit, which a plain process here does not have. Serial GC is
# what the JVM's ergonomics choose in such a pod (under 1792 MB it is no "server class machine"), so it is named.
# The images keep their compiled code (-UseCodeCacheFlushing: see the Dockerfiles).
BENCH_JAVA_OPTS=${BENCH_JAVA_OPTS:--XX:MaxRAM=768m -XX:MaxRAMPercentage=70 -XX:+UseSerialGC -XX:+ExitOnOutOfMemoryError -XX:-UseCodeCacheFlushing}

bench_step() { printf '\n== %s\n' "$*" >&2; }
bench_info() { printf '   %s\n' "$*" >&2; }
bench_fail() { printf '\nFAILED: %s\n' "$*" >&2; exit 1; }

command -v wrk >/dev/null || bench_fail "wrk is not installed (Debian: apt-get install -y wrk)"
command -v curl >/dev/null || bench_fail "curl is not installed"

# bench_instance NAME PORT_BASE: the launcher's environment for an instance of the platform of its own, every
# port shifted to PORT_BASE + the default's last three digits (gateway PORT_BASE+80, its management port
# PORT_BASE+1080, Keycloak PORT_BASE+180, Kafka PORT_BASE+1092, PostgreSQL PORT_BASE-2568).
bench_instance() {
    local name=$1 base=$2
    export BWU_INSTANCE=$name BWU_RUN_DIR=$BENCH_RUN_DIR
    export BWU_GATEWAY_PORT=$((base + 80)) BWU_FACTORY_PORT=$((base + 81)) BWU_LICENCE_PORT=$((base + 82))
    export BWU_PRODUCTION_DE_PORT=$((base + 83)) BWU_PRODUCTION_UK_PORT=$((base + 84)) BWU_ROUTING_PORT=$((base + 85))
    export BWU_GATEWAY_MANAGEMENT_PORT=$((base + 1080)) BWU_FACTORY_MANAGEMENT_PORT=$((base + 1081))
    export BWU_LICENCE_MANAGEMENT_PORT=$((base + 1082)) BWU_PRODUCTION_DE_MANAGEMENT_PORT=$((base + 1083))
    export BWU_PRODUCTION_UK_MANAGEMENT_PORT=$((base + 1084)) BWU_ROUTING_MANAGEMENT_PORT=$((base + 1085))
    export BWU_KEYCLOAK_PORT=$((base + 180)) BWU_KAFKA_PORT=$((base + 1092)) BWU_POSTGRES_PORT=$((base - 2568))
    export BWU_KAFKA_CONTROLLER_PORT=$((BWU_KAFKA_PORT + 1))
    export BWU_JAVA_OPTS=$BENCH_JAVA_OPTS BWU_POSTGRES_UNSAFE_FAST=false
    # as the images set it (see their Dockerfiles)
    export MALLOC_ARENA_MAX=2
    # Production's per-caller rate limit (100 requests/s) would measure the limiter, not the platform; the
    # in-flight limits stay as configured, so connections per token stay under max-in-flight-per-caller (64).
    export BWU_GATEWAY_RATE_LIMIT_ENABLED=false
    BENCH_GATEWAY=http://localhost:$BWU_GATEWAY_PORT
    BENCH_KEYCLOAK=http://localhost:$BWU_KEYCLOAK_PORT
    BENCH_INSTANCE_DIR=$BENCH_RUN_DIR/$name
}

bench_up() {   # up.sh arguments...
    bench_step "Platform instance '$BWU_INSTANCE' (log: $BENCH_RUN_DIR/$BWU_INSTANCE-up.log)"
    "$BENCH_ROOT/deploy/local/up.sh" "$@" >>"$BENCH_RUN_DIR/$BWU_INSTANCE-up.log" 2>&1 ||
        bench_fail "the platform did not start; see $BENCH_RUN_DIR/$BWU_INSTANCE-up.log"
    bench_info "up"
}

bench_down() {
    [[ ${BENCH_KEEP:-false} == true ]] && { bench_info "left running (BENCH_KEEP=true)"; return 0; }
    "$BENCH_ROOT/deploy/local/down.sh" "$@" >>"$BENCH_RUN_DIR/$BWU_INSTANCE-up.log" 2>&1 || true
}

# The pid the launcher recorded for a component of the current instance.
bench_pid() { cat "$BENCH_INSTANCE_DIR/pids/$1.pid"; }

bench_password_token() {   # user (password = user name, the realm's demo users)
    curl -sf "$BENCH_KEYCLOAK/realms/bwu/protocol/openid-connect/token" -d grant_type=password \
        -d client_id=bwu-cli -d username="$1" -d password="$1" | sed -n 's/.*"access_token":"\([^"]*\)".*/\1/p' ||
        true   # the caller says what is missing
}

bench_client_token() {   # client secret
    curl -sf "$BENCH_KEYCLOAK/realms/bwu/protocol/openid-connect/token" -d grant_type=client_credentials \
        -d client_id="$1" -d client_secret="$2" | sed -n 's/.*"access_token":"\([^"]*\)".*/\1/p' || true
}

# bench_wrk LABEL SECONDS URL [wrk arguments...]: one round; appends "label rps p50_ms p99_ms requests errors"
# to the results of the current benchmark ($BENCH_NAME). Every answer that is no 2xx/3xx, and every socket
# error, counts as an error.
bench_wrk() {
    local label=$1 seconds=$2 url=$3 out
    shift 3
    out=$(BENCH_WRK_SUMMARY=$BENCH_DIR/wrk/summary.lua wrk -t "$BENCH_THREADS" -c "$BENCH_CONNECTIONS" \
        -d "${seconds}s" --timeout 5s "$@" "$url" 2>&1) || bench_fail "wrk failed: $out"
    local line
    line=$(grep '^BENCH ' <<<"$out") || bench_fail "wrk printed no summary (the script needs summary.lua): $out"
    read -r _ rps p50 p99 requests errors <<<"$line"
    echo "$label $rps $p50 $p99 $requests $errors" >>"$BENCH_RESULTS/$BENCH_NAME.txt"
    bench_info "$(printf '%-14s %9.0f rps  p50 %7.2f ms  p99 %7.2f ms  %s errors' "$label" "$rps" "$p50" "$p99" "$errors")"
}

bench_reset_results() { : >"$BENCH_RESULTS/$BENCH_NAME.txt"; }

# The machine and the flags, above every table.
bench_header() {   # title, then any further lines
    local cpu
    cpu=$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -1)
    printf '\n### %s\n\n' "$1"
    printf -- '- %s, %s cores (nproc), %s; %s\n' "$(date -u '+%Y-%m-%d %H:%M UTC')" "$(nproc)" "${cpu:-unknown CPU}" \
        "$(java -version 2>&1 | head -1)"
    printf -- '- JVM flags of every application: `%s`\n' "$BENCH_JAVA_OPTS"
    shift
    local line
    for line in "$@"; do printf -- '- %s\n' "$line"; done
    echo
}

# Median of the numbers on stdin.
bench_median() {
    sort -g | awk '{v[NR]=$1} END {if (NR==0) {print "n/a"; exit} if (NR%2) print v[(NR+1)/2]; else print (v[NR/2]+v[NR/2+1])/2}'
}

# Median over the rounds of one label: column 2 rps, 3 p50, 4 p99, 5 requests, 6 errors.
bench_stat() {   # label column
    awk -v l="$1" -v c="$2" '$1==l {print $c}' "$BENCH_RESULTS/$BENCH_NAME.txt" | bench_median
}

bench_rounds() { awk -v l="$1" '$1==l' "$BENCH_RESULTS/$BENCH_NAME.txt" | wc -l; }

bench_errors() { awk -v l="$1" '$1==l {s+=$6} END {print s+0}' "$BENCH_RESULTS/$BENCH_NAME.txt"; }

# A Prometheus sample summed over every series of a metric on a management interface (0 when absent).
bench_metric_sum() {   # port metric-name
    curl -sf "http://localhost:$1/q/metrics" | awk -v m="$2" '$1==m || index($1, m"{")==1 {s+=$2} END {print s+0}'
}

# Time from a process's start to its readiness answer, in seconds: the start from /proc (clock ticks since boot),
# polled every 100 ms.
bench_start_to_ready() {   # pid ready-url timeout-seconds
    local pid=$1 url=$2 timeout=$3 ticks boot start now
    ticks=$(getconf CLK_TCK)
    start=$(awk -v t="$ticks" '{print $22 / t}' "/proc/$pid/stat")
    local deadline=$((SECONDS + timeout))
    until curl -sf -o /dev/null "$url"; do
        ((SECONDS < deadline)) || { echo "timeout"; return 1; }
        sleep 0.1
    done
    now=$(awk '{print $1}' /proc/uptime)
    awk -v a="$start" -v b="$now" 'BEGIN {printf "%.1f\n", b - a}'
}

bench_rss_mb() {   # pid
    awk '/^VmRSS:/ {printf "%.0f\n", $2 / 1024}' "/proc/$1/status"
}

# A setting the launcher wrote for the current instance (e.g. the MES client secrets as Keycloak holds them).
bench_platform_setting() { sed -n "s/^$1=//p" "$BENCH_INSTANCE_DIR/platform.env"; }

# The MES tokens of both factories (client credentials), as BENCH_TOKEN_DE and BENCH_TOKEN_UK.
bench_mes_tokens() {
    BENCH_TOKEN_DE=$(bench_client_token mes-de-munich "$(bench_platform_setting BWU_MES_DE_MUNICH_SECRET)")
    BENCH_TOKEN_UK=$(bench_client_token mes-uk-bristol "$(bench_platform_setting BWU_MES_UK_BRISTOL_SECRET)")
    [[ -n $BENCH_TOKEN_DE && -n $BENCH_TOKEN_UK ]] || bench_fail "no MES token from Keycloak"
    export BENCH_TOKEN_DE BENCH_TOKEN_UK
}

# --- caught up: Drain.java ---------------------------------------------------------------------------------------

# Compiles Drain.java against the Kafka client of the local platform, for the current instance's ports.
bench_drain_compile() {
    BENCH_DRAIN_CP="$BENCH_RUN_DIR/classes:$BENCH_RUN_DIR/dist/kafka/download/*"
    mkdir -p "$BENCH_RUN_DIR/classes"
    javac -nowarn -d "$BENCH_RUN_DIR/classes" -cp "$BENCH_RUN_DIR/dist/kafka/download/*" "$BENCH_DIR/Drain.java" ||
        bench_fail "Drain.java did not compile"
    BENCH_DRAIN_METRICS=()
    local port
    for port in "$BWU_FACTORY_MANAGEMENT_PORT" "$BWU_LICENCE_MANAGEMENT_PORT" "$BWU_PRODUCTION_DE_MANAGEMENT_PORT" \
        "$BWU_PRODUCTION_UK_MANAGEMENT_PORT" "$BWU_ROUTING_MANAGEMENT_PORT"; do
        BENCH_DRAIN_METRICS+=("http://localhost:$port/q/metrics")
    done
}

# bench_drain_start [java options, e.g. -Ddrain.expect=TOPIC:COUNT]: Drain in the background, started before the
# load ends so that its own start-up does not count; bench_drain_wait [epoch ms] then says when the load ended
# (default: now) and sets BENCH_DRAINED to the seconds from then until caught up, and with drain.expect
# BENCH_ON_KAFKA to those until the records expected were on the topic and every outbox empty (not to be run in
# a subshell: it waits for Drain, a child of this shell).
bench_drain_start() {
    BENCH_DRAIN_TRIGGER=$BENCH_RUN_DIR/drain.trigger
    BENCH_DRAIN_OUT=$(mktemp)
    rm -f "$BENCH_DRAIN_TRIGGER" "$BENCH_DRAIN_TRIGGER.ready"
    java "$@" -cp "$BENCH_DRAIN_CP" Drain "localhost:$BWU_KAFKA_PORT" "$BENCH_DRAIN_TRIGGER" \
        "${BENCH_DRAIN_TIMEOUT:-300}" "${BENCH_DRAIN_METRICS[@]}" >"$BENCH_DRAIN_OUT" 2>>"$BENCH_RUN_DIR/drain.log" &
    BENCH_DRAIN_PID=$!
    # the load goes only once Drain has read where the topics end: a re-routing done in less than Drain's own
    # start-up would otherwise be appended before its baseline and never counted
    local waited
    for ((waited = 0; waited < 600; waited++)); do
        [[ -f $BENCH_DRAIN_TRIGGER.ready ]] && return 0
        kill -0 "$BENCH_DRAIN_PID" 2>/dev/null ||
            bench_fail "Drain stopped before it was ready: see $BENCH_RUN_DIR/drain.log"
        sleep 0.1
    done
    bench_fail "Drain was not ready after 60 s: see $BENCH_RUN_DIR/drain.log"
}

bench_drain_wait() {
    local since=${1:-$(date +%s%3N)}
    echo "$since" >"$BENCH_DRAIN_TRIGGER.tmp" && mv "$BENCH_DRAIN_TRIGGER.tmp" "$BENCH_DRAIN_TRIGGER"
    wait "$BENCH_DRAIN_PID" ||
        bench_fail "not caught up after ${BENCH_DRAIN_TIMEOUT:-300}s: $(cat "$BENCH_DRAIN_OUT")"
    BENCH_DRAINED=$(awk '/^DRAIN/ {print $2}' "$BENCH_DRAIN_OUT")
    BENCH_ON_KAFKA=$(awk '/^KAFKA/ {print $2}' "$BENCH_DRAIN_OUT")
    rm -f "$BENCH_DRAIN_OUT"
}

# Waits until what was just written has reached every service (outboxes empty, consumer groups caught up).
bench_settle() { bench_drain_start; bench_drain_wait; }

# --- a network of bench lines, and orders for it ------------------------------------------------------------------

# Every request of a set-up is retried on a timeout, 408, 429, 500, 502, 503 and 504 (curl's transient errors), every 2 s for a minute:
# on a loaded machine the gateway answers 503/504 when a service is slow. Safe: a line is registered with PUT, an
# order retried with the same Idempotency-Key gets the first attempt's answer.
BENCH_REQUEST_RETRY='retry = 30
retry-delay = 2
'

# bench_parallel_requests CONFIG: the requests of a curl config file (one block per request, each starting with
# "next" and writing its status code), 8 at a time; fails unless every answer is a 2xx.
bench_parallel_requests() {
    local codes
    # every block starts with "next"; the first has nothing before it to separate
    codes=$(curl -s -Z --parallel-max 8 -K <(tail -n +2 "$1") 2>>"$BENCH_RUN_DIR/curl.log") || true
    local failed
    failed=$(grep -cv '^2' <<<"$codes" || true)
    ((failed == 0)) || bench_fail "$failed of $(wc -l <<<"$codes") requests failed ($(sort <<<"$codes" | uniq -c |
        tr '\n' ' ')); the config: $1"
}

# One request of a curl config: METHOD PATH TOKEN [JSON [extra header]].
bench_request_config() {
    printf 'next\nurl = "%s%s"\nrequest = "%s"\nheader = "Authorization: Bearer %s"\noutput = "/dev/null"\n' \
        "$BENCH_GATEWAY" "$2" "$1" "$3"
    printf 'write-out = "%%{http_code}\\n"\n%s' "$BENCH_REQUEST_RETRY"
    if [[ -n ${4:-} ]]; then
        printf 'header = "Content-Type: application/json"\ndata = "%s"\n' "${4//\"/\\\"}"
    fi
    [[ -z ${5:-} ]] || printf 'header = "%s"\n' "$5"
}

bench_status() {   # METHOD PATH TOKEN [JSON]: the answer's status code
    local args=(-s -o /dev/null -w '%{http_code}' -X "$1" -H "Authorization: Bearer $3")
    [[ -z ${4:-} ]] || args+=(-H 'Content-Type: application/json' --data "$4")
    curl "${args[@]}" "$BENCH_GATEWAY$2"
}

# bench_technology CODE: a technology of the bench's own (category RECON_UAV, which both demo manufacturers
# build), licensed to de-munich and uk-bristol to produce and export to the demo export centres' countries, with
# a quota (10^9 units) that no benchmark run exhausts. Created as the officer when absent.
bench_technology() {
    local code=$1 officer factory status
    officer=$(bench_password_token officer)
    [[ -n $officer ]] || bench_fail "no token for officer from Keycloak"
    status=$(bench_status GET "/api/technologies/$code" "$officer")
    if [[ $status == 404 ]]; then
        status=$(bench_status POST /api/technologies "$officer" \
            "{\"code\":\"$code\",\"name\":\"Benchmark UAV $code\",\"category\":\"RECON_UAV\",\"controlListEntry\":\"ML10\",\"owner\":\"Ukraine\"}")
    fi
    [[ $status == 20? ]] || bench_fail "technology $code: answered $status"
    for factory in de-munich uk-bristol; do
        if ! curl -sf -H "Authorization: Bearer $officer" \
            "$BENCH_GATEWAY/api/licences?factoryId=$factory&technologyCode=$code" | grep -q "\"technologyCode\":\"$code\""; then
            status=$(bench_status POST /api/licences "$officer" \
                "{\"technologyCode\":\"$code\",\"factoryId\":\"$factory\",\"activities\":[\"PRODUCE\",\"EXPORT\"],\"quantityCap\":1000000000,\"validFrom\":\"$(date -u +%F)\",\"validTo\":\"$(date -u -d '+2 years' +%F)\",\"exportTerritories\":[\"EE\",\"LV\",\"LT\",\"FI\",\"SE\",\"NO\",\"DK\",\"PL\"]}")
            [[ $status == 20? ]] || bench_fail "licence of $factory for $code: answered $status"
        fi
    done
}

# bench_lines TECHNOLOGY CAPACITY LINE...: registers the lines as the network admin, 8 at a time (a line id
# starting DE- is de-munich's, UK- uk-bristol's); registering a line again changes nothing.
bench_lines() {
    local technology=$1 capacity=$2 admin config line factory
    shift 2
    admin=$(bench_password_token netadmin)
    [[ -n $admin ]] || bench_fail "no token for netadmin from Keycloak"
    config=$BENCH_RUN_DIR/lines.curl
    for line in "$@"; do
        [[ $line == DE-* ]] && factory=de-munich || factory=uk-bristol
        bench_request_config PUT "/api/lines/$line" "$admin" \
            "{\"factoryId\":\"$factory\",\"technologyCode\":\"$technology\",\"nominalCapacityPerDay\":$capacity}"
    done >"$config"
    bench_parallel_requests "$config"
}

# How many orders of a technology are in a state (all states when none is given), as the routing service answers.
bench_order_count() {   # token technology [state]
    local total
    total=$(curl -sf -H "Authorization: Bearer $1" "$BENCH_GATEWAY/api/orders?technologyCode=$2${3:+&state=$3}&size=1" |
        sed -n 's/.*"total":\([0-9]*\).*/\1/p') || true
    [[ -n $total ]] || bench_fail "could not count the orders of $2${3:+ in state $3}"
    echo "$total"
}
