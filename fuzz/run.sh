#!/bin/sh
# Run every fuzz target for a bounded time, one after the other, and keep what
# they find.
#
#   fuzz/run.sh [SECONDS_PER_TARGET] [TARGET...]
#
# SECONDS_PER_TARGET defaults to 60. A crash (panic), a hang (an input taking
# more than $FUZZ_TIMEOUT seconds, default 10) or a memory blow-up (more than
# $FUZZ_RSS_MB MiB, default 2048) is a finding: libFuzzer stops that target,
# and its input is copied into fuzz/regressions/<target>/, which
# crates/cli/tests/hostile.rs replays through `dossier analyze`. The working
# corpus lives in fuzz/corpus/<target>/ (not committed), seeded from
# samples/ and tests/hostile/. The exit status is 1 when anything was found.
#
# Needs cargo-fuzz (`cargo install cargo-fuzz`); runs on the stable toolchain
# through RUSTC_BOOTSTRAP=1. Runs under `nice -n 10`.
set -u
cd "$(dirname "$0")"
secs=${1:-60}
[ $# -gt 0 ] && shift
targets=${*:-load html warc jsonl analyze}
timeout=${FUZZ_TIMEOUT:-10}
rss=${FUZZ_RSS_MB:-2048}
max_len=${FUZZ_MAX_LEN:-32768}
export RUSTC_BOOTSTRAP=1

found=0
for t in $targets; do
    mkdir -p "corpus/$t" "artifacts/$t" "regressions/$t"
    if [ -z "$(ls -A "corpus/$t")" ]; then
        # Seeds: the shipped samples and the hostile inputs (small ones only).
        for f in ../samples/*.* ../samples/corpus/* ../tests/hostile/*; do
            [ -f "$f" ] || continue
            [ "$(wc -c < "$f")" -le "$max_len" ] || continue
            case "$t" in
                analyze) printf '\000' > "corpus/$t/$(basename "$f")"; cat "$f" >> "corpus/$t/$(basename "$f")" ;;
                *) cp "$f" "corpus/$t/" ;;
            esac
        done
    fi
    before=$(ls "artifacts/$t" | wc -l)
    echo "== $t: ${secs}s (timeout ${timeout}s, rss ${rss} MiB, max_len $max_len)"
    nice -n 10 cargo fuzz run "$t" "corpus/$t" -- \
        -max_total_time="$secs" -timeout="$timeout" -rss_limit_mb="$rss" -max_len="$max_len" \
        -artifact_prefix="artifacts/$t/" -print_final_stats=1 2>&1 | tail -n 25
    for a in artifacts/"$t"/*; do
        [ -f "$a" ] || continue
        case "$(basename "$a")" in
            crash-*|timeout-*|oom-*|leak-*) ;;
            *) continue ;;
        esac
        if [ ! -e "regressions/$t/$(basename "$a")" ]; then
            cp "$a" "regressions/$t/"
            echo "   finding: fuzz/regressions/$t/$(basename "$a")"
            found=1
        fi
    done
    after=$(ls "artifacts/$t" | wc -l)
    [ "$after" -gt "$before" ] && found=1
done
exit $found
