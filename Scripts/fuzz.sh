#!/usr/bin/env bash
# Runs the libFuzzer target (Sources/kg-fuzz) for SECONDS (default 60) per mode, starting from Tests/FuzzCorpus.
# usage: bash Scripts/fuzz.sh [SECONDS]      — see docs/fuzzing.md
set -euo pipefail
cd "$(dirname "$0")/.."
secs="${1:-60}"
swift build -c debug --product kg-fuzz --scratch-path .build-fuzz \
  -Xswiftc -sanitize=fuzzer,address -Xswiftc -DFUZZING >/dev/null
bin=.build-fuzz/debug/kg-fuzz
mkdir -p .build-fuzz/corpus
cp -n Tests/FuzzCorpus/* .build-fuzz/corpus/ 2>/dev/null || true
"$bin" .build-fuzz/corpus -max_total_time="$secs" -max_len=65536 -timeout=20 -rss_limit_mb=4096 \
  -artifact_prefix=.build-fuzz/ 2>&1 | tail -15
