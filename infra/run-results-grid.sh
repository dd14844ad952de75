#!/usr/bin/env bash
# Reproduces docs/results.md: the paper's comparison (A vs G vs CLMR-frozen at 100 %, 10 %, 1 %
# labels, several seeds) on the synthetic demo corpus. Usage:
#   infra/run-results-grid.sh [DATA_DIR]      (default /work/science-data)
# Every step skips what is already done (a rendered corpus, a finished run, a results.json newer
# than the run's best checkpoint), so rerunning after an interruption continues the grid, and
# rerunning with a larger FT_EPOCHS trains the same runs further (train resumes a run stopped by
# its epoch limit) and evaluates them again. Seeds run in the outer
# loop so that an interrupted grid still holds complete tables for its first seeds.
# The settings below are the ones docs/results.md reports; override them by environment
# variables to run a longer grid (e.g. FT_EPOCHS=20 EST_EPOCHS=20).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
DATA="${1:-/work/science-data}"
CONFIG="${CONFIG:-small}"
BATCH="${BATCH:-8}"
TRACKS="${TRACKS:-200}"
SECONDS_PER_TRACK="${SECONDS_PER_TRACK:-12}"
CORPUS_SEED="${CORPUS_SEED:-42}"
EST_EPOCHS="${EST_EPOCHS:-3}"
EST_LAST="${EST_LAST:-2}"
FT_EPOCHS="${FT_EPOCHS:-1}"
SEEDS="${SEEDS:-1 2 3}"
FRACTIONS="${FRACTIONS:-1 0.1 0.01}"
VARIANTS="${VARIANTS:-A G CLMR}"

# The machine is shared: low priority, bounded native memory, one training JVM at a time.
export SOUNDALIKE_JAVA_OPTS="${SOUNDALIKE_JAVA_OPTS:--Xmx3g -Dorg.bytedeco.javacpp.maxPhysicalBytes=4g}"
soundalike() { nice -n 15 "$ROOT/infra/bin/soundalike" "$@"; }
stamp() { printf '%s %s\n' "$(date -u +%H:%M:%S)" "$*" | tee -a "$DATA/grid.log"; }
finished() { [[ -f "$1/run.json" ]] && grep -q '"status" : "finished"' "$1/run.json"; }

evaluate() {
  stamp "evaluate $1"
  soundalike embed --run "$1" --catalog corpus --split test --out "$1/tracks.jsonl" 2>> "$1.log"
  soundalike evaluate --embeddings "$1/tracks.jsonl" --run-info "$1/run.json" \
    --out "$1/results.json" >> "$1.log" 2>&1
}
evaluating=""
wait_evaluation() { if [[ -n "$evaluating" ]]; then wait "$evaluating"; evaluating=""; fi; }

mkdir -p "$DATA/runs"
cd "$DATA"

stamp "corpus: $TRACKS tracks x $SECONDS_PER_TRACK s, seed $CORPUS_SEED"
soundalike corpus --tracks "$TRACKS" --seconds "$SECONDS_PER_TRACK" --seed "$CORPUS_SEED" --out corpus > corpus.txt

# est/ssl is the one pre-training run (L_SSL only), shared by G and CLMR; est/r.json gives G's r.
if [[ ! -f est/r.json ]]; then
  stamp "estimate-r (pre-training est/ssl and est/ml, $EST_EPOCHS epochs each)"
  soundalike estimate-r --catalog corpus --out est --config "$CONFIG" --batch "$BATCH" \
    --epochs "$EST_EPOCHS" --last "$EST_LAST" --seed 1 2> est.log
fi
stamp "r: $(tr -d '\n ' < est/r.json)"

for seed in $SEEDS; do
  for fraction in $FRACTIONS; do
    for variant in $VARIANTS; do
      run="runs/$variant-$fraction-s$seed"
      if ! finished "$run"; then
        stamp "train $run"
        extra=()
        [[ "$variant" != A ]] && extra+=(--pretrained est/ssl)
        [[ "$variant" == G ]] && extra+=(--r-file est/r.json)
        soundalike train --catalog corpus --variant "$variant" --label-fraction "$fraction" \
          "${extra[@]}" --config "$CONFIG" --batch "$BATCH" --epochs "$FT_EPOCHS" --seed "$seed" \
          --out "$run" 2> "$run.log"
      fi
      if [[ ! "$run/results.json" -nt "$run/best.bin" ]]; then
        # Embedding and evaluating (inference only, light) overlap the next training run.
        wait_evaluation
        evaluate "$run" &
        evaluating=$!
      fi
    done
  done
  wait_evaluation
  stamp "report after seed $seed"
  soundalike report --results runs --out report > /dev/null
done
stamp "grid done"
