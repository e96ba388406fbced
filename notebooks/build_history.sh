#!/usr/bin/env bash
# Builds an outage history for the notebooks by running bundled scenarios through the real pipeline:
#   bin/outagewatch simulate  -> DATA/scenarios/RUN/{probes,reports,status}.jsonl + truth.json
#   bin/outagewatch replay    -> DATA/scenarios/RUN/alerts.jsonl (default detection settings)
#   bin/outagewatch sink      -> every run's alerts into jdbc:sqlite:DATA/history.db
#
# usage: notebooks/build_history.sh [DATA_DIR]      (default: $OUTAGEWATCH_DATA, else outagewatch-data)
#
# Each run is one scenario with one seed, moved by whole days (simulate --start) onto a calendar
# that begins on BASE_DATE, a few days apart, so the history spans weeks with incidents on
# different weekdays and no two runs of a service overlap. Runs whose alerts.jsonl exists are kept,
# so a second call only (re)loads the history, and loading is idempotent.
#
# Environment:
#   OUTAGEWATCH_SCENARIOS  scenario names (default: the seven outage scenarios and four baits)
#   OUTAGEWATCH_RUNS       seeds per outage scenario (default 2; baits always get one run)
#   OUTAGEWATCH_JOBS       replays at once (default: the number of cores, at most 4)
#   OUTAGEWATCH_BIN        the launcher (default: this repository's bin/outagewatch)
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
DATA="${1:-${OUTAGEWATCH_DATA:-outagewatch-data}}"
mkdir -p "$DATA"
DATA="$(cd "$DATA" && pwd)"
BIN="${OUTAGEWATCH_BIN:-$ROOT/bin/outagewatch}"
CATALOG="$ROOT/scenarios/catalog.json"
BASE_DATE="2023-11-13"   # the Monday after the demo's ChatGPT outage
OUTAGES="chatgpt-2023-11-08 regional-outage brownout night-outage flapping social-only probe-only"
BAITS="spammer news-burst broken-vantage scattered-probe-failures"
SCENARIOS="${OUTAGEWATCH_SCENARIOS:-$OUTAGES $BAITS}"
RUNS="${OUTAGEWATCH_RUNS:-2}"
JOBS="${OUTAGEWATCH_JOBS:-$(nproc)}"
[ "$JOBS" -gt 4 ] && JOBS=4
RUNS_DIR="$DATA/scenarios"
mkdir -p "$RUNS_DIR"

is_bait() { [[ " $BAITS " == *" $1 "* ]]; }

# One run: simulate and replay into DIR; on failure print the log's tail and fail.
one_run() {
  local name="$1" seed="$2" start="$3" dir="$4"
  local log="$dir/build.log"
  mkdir -p "$dir"
  if ! {
    "$BIN" simulate --scenario "$name" --seed "$seed" --start "$start" --output "$dir" &&
      "$BIN" replay --probes "$dir/probes.jsonl" --reports "$dir/reports.jsonl" \
        --status "$dir/status.jsonl" --catalog "$CATALOG" --out "$dir/alerts.jsonl.tmp"
  } >"$log" 2>&1; then
    echo "build_history: $name (seed $seed) FAILED; the end of $log:" >&2
    tail -n 30 "$log" >&2
    return 1
  fi
  mv "$dir/alerts.jsonl.tmp" "$dir/alerts.jsonl"
  echo "build_history: $(basename "$dir"): $(grep -c OUTAGE_STARTED "$dir/alerts.jsonl" || true) incident(s)"
}

slot=0
day=0
running=0
for run in $(seq 0 $((RUNS - 1))); do
  for name in $SCENARIOS; do
    if is_bait "$name" && [ "$run" -gt 0 ]; then continue; fi
    seed=$((42 + run))
    start="$(date -u -d "$BASE_DATE + $day days" +%Y-%m-%dT00:00:00Z)"
    # 3 to 6 days to the next run: varied weekdays, no overlap (every scenario spans under 2 days).
    day=$((day + 3 + (slot * 7) % 4))
    dir="$RUNS_DIR/$(printf '%02d' "$slot")-$name-seed$seed"
    slot=$((slot + 1))
    if [ -s "$dir/truth.json" ] && [ -f "$dir/alerts.jsonl" ]; then continue; fi
    if [ "$running" -ge "$JOBS" ]; then
      wait -n
      running=$((running - 1))
    fi
    echo "build_history: replaying $name (seed $seed) from $start"
    one_run "$name" "$seed" "$start" "$dir" &
    running=$((running + 1))
  done
done
while [ "$running" -gt 0 ]; do
  wait -n
  running=$((running - 1))
done

cat "$RUNS_DIR"/*/alerts.jsonl >"$RUNS_DIR/all-alerts.jsonl"
echo "build_history: loading $(wc -l <"$RUNS_DIR/all-alerts.jsonl") alerts into jdbc:sqlite:$DATA/history.db"
"$BIN" sink --from-file "$RUNS_DIR/all-alerts.jsonl" --db "jdbc:sqlite:$DATA/history.db" --console \
  --delivery-log "$RUNS_DIR/delivery-log" >"$RUNS_DIR/sink.log" 2>&1 || {
  echo "build_history: the sink FAILED; the end of $RUNS_DIR/sink.log:" >&2
  tail -n 30 "$RUNS_DIR/sink.log" >&2
  exit 1
}
tail -n 1 "$RUNS_DIR/sink.log"
