#!/usr/bin/env bash
# Queue throughput: 150 stories queued with `ingest --queue`, then N worker processes (--concurrency 1) until the
# queue is empty, for N = 1 2 4. Needs a built checkout, ../shared, `psql`, and an admin URL of a throwaway
# PostgreSQL in NEWSINTEL_PG_URL (a database `newsintel_qbench` is created and dropped there).
# Usage: NEWSINTEL_PG_URL=postgres://postgres@localhost:5443/postgres bash scripts/bench-queue.sh
set -euo pipefail
cd "$(dirname "$0")/.."
: "${NEWSINTEL_PG_URL:?set NEWSINTEL_PG_URL to an admin URL of a throwaway PostgreSQL}"
S=../shared/eval/news/te3-silver-geopolitics/txt
U="${NEWSINTEL_PG_URL%/*}/newsintel_qbench"
for n in 1 2 4; do
  psql "$NEWSINTEL_PG_URL" -qc "DROP DATABASE IF EXISTS newsintel_qbench WITH (FORCE)" -c "CREATE DATABASE newsintel_qbench" >/dev/null
  node bin/newsintel.js ingest --queue "$S" --db "$U" >/dev/null
  L=$(cut -d' ' -f1 /proc/loadavg)
  t0=$(date +%s.%N)
  pids=()
  for _ in $(seq 1 "$n"); do node bin/newsintel.js worker --db "$U" --concurrency 1 2>/dev/null & pids+=($!); done
  while [ "$(psql "$U" -tAc "select count(*) from graphile_worker.jobs")" != "0" ]; do sleep 0.2; done
  t1=$(date +%s.%N)
  kill "${pids[@]}"; wait "${pids[@]}" 2>/dev/null || true
  echo "workers=$n stored=$(psql "$U" -tAc "select count(*) from articles") seconds=$(echo "$t1 - $t0" | bc) load=$L"
done
psql "$NEWSINTEL_PG_URL" -qc "DROP DATABASE IF EXISTS newsintel_qbench WITH (FORCE)" >/dev/null
