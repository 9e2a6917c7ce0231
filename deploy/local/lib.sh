# Shared by up.sh and down.sh: where an instance of the local platform lives, its ports, and how its
# processes are recognised. Sourced, not run.

BWU_LOCAL_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
BWU_ROOT=$(cd "$BWU_LOCAL_DIR/../.." && pwd)

# Several instances can live side by side (the end-to-end suite runs its own, on its own ports), each in
# its own folder under one git-ignored run directory; downloaded runtime pieces are shared between them.
BWU_INSTANCE=${BWU_INSTANCE:-local}
BWU_RUN_DIR=${BWU_RUN_DIR:-$BWU_LOCAL_DIR/.run}
DIST_DIR=$BWU_RUN_DIR/dist
INST_DIR=$BWU_RUN_DIR/$BWU_INSTANCE
LOG_DIR=$INST_DIR/logs
PID_DIR=$INST_DIR/pids
DATA_DIR=$INST_DIR/data

# Helpers first: the port defaults below depend on whether the instance is running.
pid_file() { echo "$PID_DIR/$1.pid"; }
log_file() { echo "$LOG_DIR/$1.log"; }

# The recorded pid of a component if that process still runs and belongs to this instance (every command
# line up.sh starts names the instance folder, so a recycled pid is never taken for ours).
running_pid() {
    local file pid
    file=$(pid_file "$1")
    [[ -f $file ]] || return 1
    pid=$(<"$file")
    [[ $pid =~ ^[0-9]+$ ]] || return 1
    kill -0 "$pid" 2>/dev/null || return 1
    tr "\0" " " <"/proc/$pid/cmdline" 2>/dev/null | grep -qF -- "$INST_DIR/" || return 1
    echo "$pid"
}

port_in_use() {
    (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

# A running instance keeps the ports it was started with, unless the environment names others.
if [[ -f $INST_DIR/ports.env ]]; then
    for pid_path in "$PID_DIR"/*.pid; do
        [[ -f $pid_path ]] || continue
        pid_name=$(basename "$pid_path" .pid)
        if running_pid "$pid_name" >/dev/null; then
            while IFS='=' read -r name value; do
                [[ $name =~ ^BWU_[A-Z_]+_PORT$ && -z ${!name:-} ]] && printf -v "$name" '%s' "$value"
            done <"$INST_DIR/ports.env"
            break
        fi
    done
    unset pid_path pid_name
fi

BWU_GATEWAY_PORT=${BWU_GATEWAY_PORT:-8080}
BWU_FACTORY_PORT=${BWU_FACTORY_PORT:-8081}
BWU_LICENCE_PORT=${BWU_LICENCE_PORT:-8082}
BWU_PRODUCTION_DE_PORT=${BWU_PRODUCTION_DE_PORT:-8083}
BWU_PRODUCTION_UK_PORT=${BWU_PRODUCTION_UK_PORT:-8084}
BWU_ROUTING_PORT=${BWU_ROUTING_PORT:-8085}
# health probes and metrics: each Quarkus application's management interface
BWU_GATEWAY_MANAGEMENT_PORT=${BWU_GATEWAY_MANAGEMENT_PORT:-9080}
BWU_FACTORY_MANAGEMENT_PORT=${BWU_FACTORY_MANAGEMENT_PORT:-9081}
BWU_LICENCE_MANAGEMENT_PORT=${BWU_LICENCE_MANAGEMENT_PORT:-9082}
BWU_PRODUCTION_DE_MANAGEMENT_PORT=${BWU_PRODUCTION_DE_MANAGEMENT_PORT:-9083}
BWU_PRODUCTION_UK_MANAGEMENT_PORT=${BWU_PRODUCTION_UK_MANAGEMENT_PORT:-9084}
BWU_ROUTING_MANAGEMENT_PORT=${BWU_ROUTING_MANAGEMENT_PORT:-9085}
BWU_KEYCLOAK_PORT=${BWU_KEYCLOAK_PORT:-8180}
BWU_KAFKA_PORT=${BWU_KAFKA_PORT:-9092}
BWU_KAFKA_CONTROLLER_PORT=${BWU_KAFKA_CONTROLLER_PORT:-$((BWU_KAFKA_PORT + 1))}
BWU_POSTGRES_PORT=${BWU_POSTGRES_PORT:-5432}
# Prometheus (up.sh --with-monitoring): scrapes every management port, loads k8s/monitoring/alerts.rules.yaml
BWU_PROMETHEUS_PORT=${BWU_PROMETHEUS_PORT:-9090}

# A second instance of one service (up.sh --replica=SERVICE), same database
BWU_REPLICA_PORT=${BWU_REPLICA_PORT:-8086}
BWU_REPLICA_MANAGEMENT_PORT=${BWU_REPLICA_MANAGEMENT_PORT:-9086}

# Start order; down.sh stops in reverse. prometheus runs only when up.sh was given --with-monitoring, replica only
# when it was given --replica=SERVICE.
ALL_COMPONENTS=(postgres kafka keycloak factory-service licence-service production-de production-uk
    order-routing-service replica gateway prometheus)

# Quarkus applications: component, module, HTTP port variable, management port variable.
SERVICES=(
    "factory-service services/factory-service BWU_FACTORY_PORT BWU_FACTORY_MANAGEMENT_PORT"
    "licence-service services/licence-service BWU_LICENCE_PORT BWU_LICENCE_MANAGEMENT_PORT"
    "production-de services/production-line-service BWU_PRODUCTION_DE_PORT BWU_PRODUCTION_DE_MANAGEMENT_PORT"
    "production-uk services/production-line-service BWU_PRODUCTION_UK_PORT BWU_PRODUCTION_UK_MANAGEMENT_PORT"
    "order-routing-service services/order-routing-service BWU_ROUTING_PORT BWU_ROUTING_MANAGEMENT_PORT"
    "gateway gateway BWU_GATEWAY_PORT BWU_GATEWAY_MANAGEMENT_PORT"
)
