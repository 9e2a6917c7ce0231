#!/usr/bin/env bash
# One class of the end-to-end suite alone, on a platform built from these sources (the profiles of the fuzzer and
# the chaos suite run this way): builds every application, runs the class (Platform starts the platform on free
# ports of its own), then prints the table the class wrote, or the end of the log when it wrote none. Exit status:
# Maven's.
#   deploy/e2e/run-alone.sh CLASS NAME [-Dproperty=value ...]
# NAME names the log (deploy/e2e/target/NAME-run.log) and the table (deploy/e2e/target/NAME-report.txt).
set -euo pipefail
[[ $# -ge 2 ]] || { sed -n '2,7p' "$0" | sed 's/^# \{0,1\}//'; exit 2; }
class=$1 name=$2
shift 2
cd "$(dirname "$0")/../.."
log=deploy/e2e/target/$name-run.log
report=deploy/e2e/target/$name-report.txt
mkdir -p deploy/e2e/target
rm -f "$report"
modules=gateway,services/factory-service,services/licence-service,services/order-routing-service,services/production-line-service
echo "building the platform ($modules) ..."
mvn -B -ntp -q -Dmaven.test.skip=true package -pl "$modules" -am >"$log" 2>&1 ||
    { tail -50 "$log"; echo "build failed (log: $log)"; exit 1; }
echo "running $class (log: $log) ..."
status=0
mvn -B -ntp verify -pl deploy/e2e -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false -Dit.test="$class" "$@" \
    >>"$log" 2>&1 || status=$?
if [[ -f $report ]]; then
    cat "$report"
else
    tail -80 "$log"
fi
exit $status
