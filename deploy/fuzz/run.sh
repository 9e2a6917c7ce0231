#!/usr/bin/env bash
# The API fuzzer's full profile: builds the platform from these sources, starts it on free ports of its own (as the
# end-to-end suite does), loads the demo data and runs ApiFuzzIT with many requests per operation and caller and a
# random seed, then prints its table (also in deploy/e2e/target/fuzz-report.txt). Exit status: Maven's (non-zero when
# the fuzzer found a violation; the table lists them with the seed that replays them).
#   deploy/fuzz/run.sh                 full profile, random seed
#   FUZZ_SEED=42 deploy/fuzz/run.sh    replays the run of seed 42
#   FUZZ_PROFILE=fast deploy/fuzz/run.sh   the bounded profile (seed 17)
set -euo pipefail
exec "$(dirname "$0")/../e2e/run-alone.sh" ApiFuzzIT fuzz -Dfuzz.profile="${FUZZ_PROFILE:-full}" \
    -Dfuzz.seed="${FUZZ_SEED:-}"
