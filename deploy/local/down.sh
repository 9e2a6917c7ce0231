#!/usr/bin/env bash
# Stops what deploy/local/up.sh started, by the pids it recorded (each with its whole process group), and
# keeps the data unless asked otherwise.
#
#   deploy/local/down.sh                    stop everything of the instance
#   deploy/local/down.sh keycloak gateway   stop only these components (up.sh starts them again)
#   deploy/local/down.sh --purge            stop everything and delete the instance's data and logs
#   deploy/local/down.sh --kill postgres    SIGKILL the components' whole process groups at once, no shutdown
#                                           (a crash, as when a pod dies; the chaos suite's faults)
#
# Components: postgres kafka keycloak factory-service licence-service production-de production-uk
# order-routing-service replica gateway prometheus. BWU_INSTANCE / BWU_RUN_DIR choose the instance, as for up.sh.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

PURGE=false
KILL=false
chosen=()
for arg in "$@"; do
    case $arg in
        --purge) PURGE=true ;;
        --kill) KILL=true ;;
        -h|--help) sed -n '2,12p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
        -*) echo "unknown option: $arg (see --help)" >&2; exit 2 ;;
        *) [[ " ${ALL_COMPONENTS[*]} " == *" $arg "* ]] || { echo "unknown component: $arg" >&2; exit 2; }
           chosen+=("$arg") ;;
    esac
done
if [[ $PURGE == true && ${#chosen[@]} -gt 0 ]]; then
    echo "--purge deletes the whole instance; it cannot be combined with components" >&2
    exit 2
fi
if [[ $KILL == true && ( $PURGE == true || ${#chosen[@]} -eq 0 ) ]]; then
    echo "--kill needs the components to kill, and cannot be combined with --purge" >&2
    exit 2
fi
((${#chosen[@]})) || chosen=("${ALL_COMPONENTS[@]}")

# Stop order: the reverse of the start order, so nothing loses its dependencies while it shuts down.
order=()
for ((i = ${#ALL_COMPONENTS[@]} - 1; i >= 0; i--)); do
    [[ " ${chosen[*]} " == *" ${ALL_COMPONENTS[i]} "* ]] && order+=("${ALL_COMPONENTS[i]}")
done

GRACE_SECONDS=${BWU_STOP_GRACE_SECONDS:-20}

group_alive() { kill -0 -- "-$1" 2>/dev/null; }

# Signals the given components and waits for them. Each pid leads a session and process group of its own
# (up.sh starts every component with setsid): the signal reaches the component and its children, and
# nothing else.
stop_together() {
    local component pid pids=()
    for component in "$@"; do
        if pid=$(running_pid "$component"); then
            if [[ $KILL == true ]]; then
                # no chance to shut down: the component and every process of its group die at once (PostgreSQL's
                # postmaster with all its backends), leaving whatever a crash leaves (lock files, unflushed data)
                echo "killing $component (pid $pid, SIGKILL to its process group)"
                kill -KILL -- "-$pid" 2>/dev/null || true
            else
                echo "stopping $component (pid $pid)"
                # PostgreSQL: fast shutdown (SIGINT) disconnects clients; SIGTERM would wait for them to leave.
                if [[ $component == postgres ]]; then kill -INT "$pid"; else kill -TERM -- "-$pid"; fi 2>/dev/null || true
            fi
            pids+=("$pid")
        fi
        rm -f "$(pid_file "$component")"
    done
    local deadline=$((SECONDS + GRACE_SECONDS))
    for pid in "${pids[@]+"${pids[@]}"}"; do
        while group_alive "$pid" && ((SECONDS < deadline)); do sleep 0.2; done
        if group_alive "$pid"; then
            echo "process group $pid did not stop within ${GRACE_SECONDS}s: killing it"
            kill -KILL -- "-$pid" 2>/dev/null || true
        fi
    done
}

# Applications first, then what they depend on, so that none of them shuts down against a vanished broker.
apps=() infrastructure=()
for component in "${order[@]}"; do
    case $component in
        postgres|kafka|keycloak) infrastructure+=("$component") ;;
        *) apps+=("$component") ;;
    esac
done
stop_together "${apps[@]+"${apps[@]}"}"
stop_together "${infrastructure[@]+"${infrastructure[@]}"}"

if [[ $PURGE == true ]]; then
    rm -rf "$INST_DIR"
    echo "deleted $INST_DIR (data, logs, Keycloak state)"
elif [[ $KILL == true ]]; then
    echo "killed; up.sh starts them again"
else
    echo "stopped; data kept in $INST_DIR (down.sh --purge deletes it)"
fi
