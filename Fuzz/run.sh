#!/usr/bin/env bash
# Runs every fuzz target (or those named) for FUZZ_SECONDS each, FUZZ_JOBS at a time
# (default: one per processor), starting from the
# committed seeds in Fuzz/Corpus plus what earlier runs found in OUT/corpus.
# Findings (crashes, hangs over 10 s, single allocations over 256 MB) land in
# OUT/findings and make the script fail.
#   Fuzz/run.sh OUT_DIR [TARGET...]
set -uo pipefail
cd "$(dirname "$0")/.."
out=${1:-.build/fuzz}; shift || true
seconds=${FUZZ_SECONDS:-60}
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=($(cd Fuzz/Targets && ls *.swift | sed 's/\.swift$//'))
mkdir -p "$out/findings"
# Targets run side by side, one per processor (FUZZ_JOBS), each reporting when it ends.
jobs=${FUZZ_JOBS:-$(getconf _NPROCESSORS_ONLN)}

run_target() {
    local target=$1 log="$out/fuzz-$1.log"
    mkdir -p "$out/corpus/$target"
    "$out/fuzz-$target" "$out/corpus/$target" "Fuzz/Corpus/$target" \
        -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -malloc_limit_mb=256 -max_len=65536 \
        -print_final_stats=1 -artifact_prefix="$out/findings/$target-" >"$log" 2>&1
    local code=$?
    {
        echo "fuzz: $target for ${seconds}s (log $log)"
        grep -E "^(#[0-9]+.*DONE|stat::number_of_executed_units|stat::average_exec_per_sec)" "$log" | sed 's/^/  /'
        if [ $code -ne 0 ]; then
            echo "fuzz: $target found a problem (exit $code):"
            grep -E "ERROR|==ERROR|Fatal error|SUMMARY|Test unit written" "$log" | head -5 | sed 's/^/  /'
        fi
    }
    return $code
}

status=0
running=0
for target in "${targets[@]}"; do
    if [ $running -ge "$jobs" ]; then
        wait -n || status=1
        running=$((running - 1))
    fi
    run_target "$target" &
    running=$((running + 1))
done
while [ $running -gt 0 ]; do
    wait -n || status=1
    running=$((running - 1))
done
exit $status
