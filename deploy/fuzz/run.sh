#!/usr/bin/env bash
# The API fuzzer's full profile: builds the platform from these sources, starts it on free ports of its own (as the
# end-to-end suite does), loads the demo data and runs ApiFuzzIT with many requests per operation and caller and a
# random seed, then prints its table (also in deploy/e2e/target/fuzz-report.txt). Exit status: Maven's (non-zero when
# the fuzzer found a violation; the table lists them with the seed that replays them).
#   deploy/fuzz/run.sh                 full profile, random seed
#   FUZZ_SEED=42 deploy/fuzz/run.sh    replays the run of seed 42
#   FUZZ_PROFILE=fast deploy/fuzz/run.sh   the bounded profile (seed 17)
set -euo pipefail
cd "$(dirname "$0")/../.."
log=deploy/e2e/target/fuzz-run.log
mkdir -p deploy/e2e/target
modules=gateway,services/factory-service,services/licence-service,services/order-routing-service,services/production-line-service
echo "building the platform ($modules) ..."
mvn -B -ntp -q -Dmaven.test.skip=true package -pl "$modules" -am >"$log" 2>&1 ||
    { tail -50 "$log"; echo "build failed (log: $log)"; exit 1; }
echo "fuzzing (log: $log) ..."
status=0
mvn -B -ntp verify -pl deploy/e2e -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false -Dit.test=ApiFuzzIT \
    -Dfuzz.profile="${FUZZ_PROFILE:-full}" -Dfuzz.seed="${FUZZ_SEED:-}" >>"$log" 2>&1 || status=$?
if [[ -f deploy/e2e/target/fuzz-report.txt ]]; then
    cat deploy/e2e/target/fuzz-report.txt
else
    tail -80 "$log"
fi
exit $status
