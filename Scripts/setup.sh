#!/usr/bin/env bash
# One-command setup and run for a fresh machine (README: "Set up and run on the bundled example: `bash Scripts/setup.sh`").
# Builds kg in release mode, builds a knowledge graph from seeds/ and Examples/articles/, and exports it as
# Graphviz DOT (and SVG if Graphviz is installed) and as CSV for spreadsheets.
set -euo pipefail
cd "$(dirname "$0")/.."

source Scripts/lib.sh

section "Graphviz (optional: only needed for the SVG picture)"
if command -v dot >/dev/null 2>&1; then
    echo "found: $(dot -V 2>&1)"
elif command -v apt-get >/dev/null 2>&1; then
    echo "installing graphviz with apt-get"
    apt_install graphviz || echo "warning: could not install graphviz; continuing without the SVG"
else
    echo "warning: no apt-get; install Graphviz yourself for the SVG (e.g. brew install graphviz). Continuing."
fi

section "swift build -c release"
if ! command -v swift >/dev/null 2>&1; then
    echo "error: swift not found; install a Swift 6 toolchain from https://www.swift.org/install/" >&2
    exit 2
fi
swift build -c release
kg=.build/release/kg

section "kg build seeds Examples/articles -o Examples/graph.jsonld"
# Start from a fresh file so the result does not depend on earlier runs.
rm -f Examples/graph.jsonld
"$kg" build seeds Examples/articles -o Examples/graph.jsonld

section "exports"
# one graph (JSON-LD + SVG) per article, so each example can be read next to its own picture
mkdir -p Examples/graphs
for article in seeds/*.txt Examples/articles/*.txt; do
    name=$(basename "$article" .txt)
    [ "$article" = "seeds/000_ee5b84b101fbfd16.txt" ] && name="seed-hasakah.ar"
    rm -f "Examples/graphs/$name.jsonld"
    "$kg" build "$article" -o "Examples/graphs/$name.jsonld" --quiet 2>/dev/null || true
    lang=en; case "$name" in *.ar) lang=ar;; esac
    if command -v dot >/dev/null 2>&1; then
        "$kg" export --dot --lang "$lang" -i "Examples/graphs/$name.jsonld" | dot -Tsvg > "Examples/graphs/$name.svg"
    fi
done
rm -f Examples/graphs/*.lock
echo "wrote Examples/graphs/ (one graph and picture per article)"
"$kg" export --dot -i Examples/graph.jsonld > Examples/graph.dot
echo "wrote Examples/graph.dot"
if command -v dot >/dev/null 2>&1; then
    dot -Tsvg Examples/graph.dot > Examples/graph.svg
    echo "wrote Examples/graph.svg"
else
    rm -f Examples/graph.svg
    echo "skipped Examples/graph.svg (Graphviz not installed)"
fi
"$kg" export --csv Examples/csv --excel -i Examples/graph.jsonld

section "done"
cat <<MSG
kg binary        $PWD/$kg
graph (JSON-LD)  $PWD/Examples/graph.jsonld      (vocabulary: docs/vocabulary.md)
Graphviz DOT     $PWD/Examples/graph.dot
MSG
rm -f Examples/graph.jsonld.lock
[ -f Examples/graph.svg ] && echo "picture (SVG)    $PWD/Examples/graph.svg"
cat <<MSG
spreadsheets     $PWD/Examples/csv/nodes.csv, edges.csv, mentions.csv, statements.csv   (UTF-8 with BOM for Excel)

Try:  $kg show "جون كيربي" -i Examples/graph.jsonld
      $kg build MORE_ARTICLES -o Examples/graph.jsonld    (adds to the same graph)
MSG
