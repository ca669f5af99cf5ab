#!/usr/bin/env bash
# Throughput and peak memory benchmarks (release build).
#   bash Scripts/bench-text.sh            text layer: seeds/*.txt + Examples/articles/*.ar.txt repeated to >= 50 MB
#   bash Scripts/bench-text.sh articles [N] text layer on the first N (default 10000) real ANT articles, each
#                                          analysed on its own as kg build does
#   bash Scripts/bench-text.sh extract [N] whole extraction on the first N (default 2000) articles of
#                                          ../shared/corpora/ant-arabic-news-2018.jsonl, one thread
# Prints kg-bench's line (MB/s is computed from the thread's CPU time, so other load on the machine does not skew
# it; the wall time is printed too) and the "Maximum resident set size" reported by /usr/bin/time -v.
set -euo pipefail
cd "$(dirname "$0")/.."

mode="${1:-text}"
case "$mode" in
    text|extract|articles) ;;
    -h|--help) sed -n '2,9p' "$0"; exit 0 ;;
    *) echo "usage: $0 [text | articles [N] | extract [N]]" >&2; exit 64 ;;
esac

source Scripts/lib.sh
need_gnu_time

swift build -c release --product kg-bench
bench=.build/release/kg-bench

tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

if [ "$mode" = text ]; then
    input="$tmp/text.txt"
    cat seeds/*.txt Examples/articles/*.ar.txt > "$input"
    echo "input: $(wc -c < "$input") bytes from seeds/*.txt and Examples/articles/*.ar.txt, repeated to >= 50 MB"
    args=(text "$input" 50)
else
    if [ "$mode" = articles ]; then n="${2:-10000}"; else n="${2:-2000}"; fi
    corpus=../shared/corpora/ant-arabic-news-2018.jsonl
    [ -r "$corpus" ] || { echo "error: $corpus not found" >&2; exit 2; }
    input="$tmp/corpus.jsonl"
    head -n "$n" "$corpus" > "$input"
    echo "input: first $n lines of $corpus ($(wc -c < "$input") bytes)"
    args=("$mode" "$input")
fi

/usr/bin/time -v "$bench" "${args[@]}" > "$tmp/out" 2> "$tmp/time" || { cat "$tmp/out" "$tmp/time" >&2; exit 1; }
cat "$tmp/out"
rate="$(grep -o '[0-9.]* MB/s' "$tmp/out" | tail -n 1)"
rss="$(grep 'Maximum resident set size' "$tmp/time" | awk '{print $NF}')"
echo "throughput: ${rate:-?}"
echo "Maximum resident set size: ${rss:-?} kB ($(( ${rss:-0} / 1024 )) MB)"
