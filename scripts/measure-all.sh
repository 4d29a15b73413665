#!/usr/bin/env bash
# Runs every quality benchmark recorded in BENCHMARKS.md, on the current build, and prints each tail.
# Usage: npm run build && bash scripts/measure-all.sh   (needs ../shared/eval)
set -u
cd "$(dirname "$0")/.."
E=../shared/eval
run() { echo "### $*"; "$@" 2>&1 | tail -n "${TAILN:-25}"; echo; }
run python3 $E/score.py $E/gold/seed.json --cmd 'node bin/newsintel.js analyze {file} --json'
run node bin/newsintel.js evaluate conll $E/ner/conll2003/eng.testa
run node bin/newsintel.js evaluate re3d $E/ner/re3d
run node bin/newsintel.js evaluate polnear $E/quotes/polnear/dev
run node bin/newsintel.js evaluate polnear $E/quotes/polnear/train
run node bin/newsintel.js evaluate timeml $E/time/tempeval3/TBAQ-cleaned
run node bin/newsintel.js evaluate timeml $E/news/te3-silver-geopolitics/versions
run node bin/newsintel.js evaluate heideltime-cases $E/time/heideltime-cases/heideltime_english_cases.jsonl
run node bin/newsintel.js evaluate plover $E/events/plover/gsr-dev.jsonl
