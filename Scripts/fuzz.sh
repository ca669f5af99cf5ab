#!/usr/bin/env bash
# Runs the libFuzzer target (Sources/kg-fuzz) for SECONDS (default 60), starting from Tests/FuzzCorpus.
# usage: bash Scripts/fuzz.sh [SECONDS] [MODE]   — MODE 0-3 fuzzes one target only (KG_FUZZ_MODE), see docs/fuzzing.md
set -euo pipefail
cd "$(dirname "$0")/.."
secs="${1:-60}"
mode="${2:-}"
swift build -c debug --product kg-fuzz --scratch-path .build-fuzz \
  -Xswiftc -sanitize=fuzzer,address -Xswiftc -DFUZZING >/dev/null
bin=.build-fuzz/debug/kg-fuzz
corpus=.build-fuzz/corpus${mode}
mkdir -p "$corpus"
cp -n Tests/FuzzCorpus/* "$corpus"/ 2>/dev/null || true
KG_FUZZ_MODE="$mode" "$bin" "$corpus" -max_total_time="$secs" -max_len=65536 -timeout=20 -rss_limit_mb=4096 \
  -print_final_stats=1 -artifact_prefix=.build-fuzz/mode${mode:-all}- 2>&1 | tail -25
