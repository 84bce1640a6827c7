#!/usr/bin/env bash
# One command for the side-by-side benchmarks of issue 8: builds dossier in release mode, then runs,
# in this order, extraction against trafilatura (compare_trafilatura.py), analysis against
# spaCy + textacy (compare_spacy.py) and ingest throughput and scaling (ingest.py), and prints
# their tables. The reference tools are installed into virtualenvs under bench/ on first use.
#
# usage: bench/run_all.sh [--rounds N] [--ingest-rounds N] [--bin PATH]
#   --rounds N         rounds per tool for the two comparisons, medians reported (default 5)
#   --ingest-rounds N  rounds for ingest.py (default 3)
#   --bin PATH         use this dossier binary instead of building one
# With DOSSIER_TEST_PG set (an admin URL, e.g. postgres://dossier:dossier@127.0.0.1/postgres),
# ingest.py also ingests into PostgreSQL. CARGO_TARGET_DIR is honoured.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
ROUNDS=5
INGEST_ROUNDS=3
BIN=
while [ $# -gt 0 ]; do
    case "$1" in
        --rounds) ROUNDS=$2; shift 2 ;;
        --ingest-rounds) INGEST_ROUNDS=$2; shift 2 ;;
        --bin) BIN=$2; shift 2 ;;
        -h|--help) sed -n '2,13p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
        *) echo "run_all.sh: unknown argument $1" >&2; exit 2 ;;
    esac
done
cd "$ROOT"
if [ -z "$BIN" ]; then
    echo "== building: cargo build --release --locked" >&2
    # niced: the build should not slow down whatever else shares the machine
    nice -n 10 cargo build --release --locked >&2
    BIN=${CARGO_TARGET_DIR:-$ROOT/target}/release/dossier
fi
BIN=$(cd "$(dirname "$BIN")" && pwd)/$(basename "$BIN")

echo "# dossier side-by-side benchmarks"
echo "date:    $(date -u '+%Y-%m-%d %H:%M UTC')"
echo "commit:  $(git rev-parse --short HEAD 2>/dev/null || echo unknown)$(git diff --quiet HEAD -- 'crates/*/src' 2>/dev/null || echo ' (sources modified)')"
echo "machine: $(nproc) cores, $(sed -n 's/^model name\s*: //p' /proc/cpuinfo | head -1), $(awk '/MemTotal/ {printf "%.0f GiB", $2 / 1048576}' /proc/meminfo)"
echo "load:    $(cut -d' ' -f1-3 /proc/loadavg) (1, 5, 15 min) at start"
echo "binary:  $BIN"
section() {
    echo
    echo "## $1"
    echo "\$ $2" | sed -E 's#(://[^:/@]+):[^@]*@#\1:***@#g'  # no password in the log
    local t0=$SECONDS
    eval "$2"
    echo "($((SECONDS - t0)) s; load $(cut -d' ' -f1 /proc/loadavg))"
}
section "extraction: dossier against trafilatura" \
    "python3 bench/compare_trafilatura.py --bin '$BIN' --repeat $ROUNDS"
section "analysis: dossier against spaCy en_core_web_sm + textacy, one core" \
    "python3 bench/compare_spacy.py --bin '$BIN' --rounds $ROUNDS"
PG=
if [ -n "${DOSSIER_TEST_PG:-}" ]; then PG="--pg '$DOSSIER_TEST_PG'"; fi
section "ingest: SQLite${PG:+ and PostgreSQL}, 1 and 2 threads, scaling" \
    "python3 bench/ingest.py --bin '$BIN' --rounds $INGEST_ROUNDS --threads 1,2 --scale $PG"
