#!/usr/bin/env bash
# Load test of `dossier serve` on loopback: requests per second, p99 latency
# and errors for the entity and search endpoints, with wrk (Debian package
# `wrk`). Bounded: each endpoint runs for --duration seconds, and the server
# it starts is stopped at the end.
#
#   bench/load.sh --db STORE [--bin target/release/dossier] [--connections 64]
#                 [--duration 10] [--threads 2] [--port 18090] [--name NAME] [--query WORDS]
#
# STORE is a store filled by `dossier ingest` (e.g. the 924 PolNeAR articles:
# dossier ingest --db /tmp/polnear.db ../shared/data/polnear/dev.jsonl …).
set -euo pipefail
cd "$(dirname "$0")/.."

db="" bin="target/release/dossier" conns=64 duration=10 threads=2 port=18090 name="" query="said"
while [[ $# -gt 0 ]]; do
  case "$1" in
    --db) db="$2"; shift 2 ;;
    --bin) bin="$2"; shift 2 ;;
    --connections) conns="$2"; shift 2 ;;
    --duration) duration="$2"; shift 2 ;;
    --threads) threads="$2"; shift 2 ;;
    --port) port="$2"; shift 2 ;;
    --name) name="$2"; shift 2 ;;
    --query) query="$2"; shift 2 ;;
    *) echo "usage: $0 --db STORE [--bin PATH] [--connections N] [--duration S] [--threads N] [--port P] [--name NAME] [--query WORDS]" >&2; exit 2 ;;
  esac
done
[[ -n "$db" ]] || { echo "$0: give --db STORE" >&2; exit 2; }
[[ -x "$bin" ]] || { echo "$0: no binary at $bin (cargo build --release)" >&2; exit 2; }
command -v wrk >/dev/null || { echo "$0: needs wrk (apt-get install wrk)" >&2; exit 2; }
(( duration >= 1 && duration <= 120 )) || { echo "$0: --duration must be 1 to 120 seconds" >&2; exit 2; }

base="http://127.0.0.1:$port"
"$bin" serve --db "$db" --addr "127.0.0.1:$port" 2>/tmp/dossier-load-serve.log &
server=$!
trap 'kill "$server" 2>/dev/null; wait "$server" 2>/dev/null || true' EXIT
for _ in $(seq 100); do curl -sf "$base/api/v1/stats" >/dev/null && break; sleep 0.1; done
curl -sf "$base/api/v1/stats" >/dev/null || { echo "$0: the server did not start:" >&2; cat /tmp/dossier-load-serve.log >&2; exit 1; }

# The entity most often quoted (or the one named), and its name.
if [[ -n "$name" ]]; then
  entity=$(curl -sf --get --data-urlencode "name=$name" "$base/api/v1/entities?limit=1" | python3 -c 'import json,sys; print(json.load(sys.stdin)["items"][0]["id"])')
else
  entity=$(curl -sf "$base/api/v1/attributions?limit=1000" | python3 -c '
import json, sys, collections
c = collections.Counter(q["source_entity"] for q in json.load(sys.stdin)["items"] if q["source_entity"] is not None)
print(c.most_common(1)[0][0])')
fi
ename=$(curl -sf "$base/api/v1/entities/$entity" | python3 -c 'import json,sys; print(json.load(sys.stdin)["name"])')
enc() { python3 -c 'import sys, urllib.parse; print(urllib.parse.quote(sys.argv[1]))' "$1"; }
echo "store: $db ($(curl -sf "$base/api/v1/stats"))"
echo "entity: $entity ($ename); search: \"$query\"; $conns connections, $threads threads, ${duration}s each"
printf '%-44s %10s %10s %10s %8s\n' endpoint req/s p50 p99 errors
for path in "/api/v1/entities/$entity" "/api/v1/entities?name=$(enc "$ename")" "/api/v1/search?q=$(enc "$query")" "/entity/$entity" "/search?q=$(enc "$query")"; do
  out=$(timeout $((duration + 30)) wrk -t"$threads" -c"$conns" -d"${duration}s" --timeout 10s --latency "$base$path")
  rps=$(awk '/^Requests\/sec/ {print $2}' <<<"$out")
  p50=$(awk '$1 == "50%" {print $2}' <<<"$out")
  p99=$(awk '$1 == "99%" {print $2}' <<<"$out")
  errs=$(awk '/Non-2xx/ {n += $NF} /Socket errors/ {gsub(",", ""); n += $4 + $6 + $8 + $10} END {print n + 0}' <<<"$out")
  printf '%-44s %10s %10s %10s %8s\n' "${path:0:44}" "$rps" "$p50" "$p99" "$errs"
done
