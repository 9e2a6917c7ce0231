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
mkdir -p "$BENCH_RESULTS"

# The flags of the images (src/main/docker/Dockerfile.jvm) in the pod of the production overlay (memory limit
# 768Mi, 2 CPUs): MaxRAM stands for the container's limit, which a plain process here does not have. Serial GC is
# what the JVM's ergonomics choose in such a pod (under 1792 MB it is no "server class machine"), so it is named.
BENCH_JAVA_OPTS=${BENCH_JAVA_OPTS:--XX:MaxRAM=768m -XX:MaxRAMPercentage=70 -XX:+UseSerialGC -XX:+ExitOnOutOfMemoryError}

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
        -d client_id=bwu-cli -d username="$1" -d password="$1" | sed -n 's/.*"access_token":"\([^"]*\)".*/\1/p'
}

bench_client_token() {   # client secret
    curl -sf "$BENCH_KEYCLOAK/realms/bwu/protocol/openid-connect/token" -d grant_type=client_credentials \
        -d client_id="$1" -d client_secret="$2" | sed -n 's/.*"access_token":"\([^"]*\)".*/\1/p'
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
