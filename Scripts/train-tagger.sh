#!/usr/bin/env bash
# Trains the bundled Arabic name tagger on ANERcorp (../shared/data/anercorp/train.conll) and prints 5-fold
# cross-validation figures: first sentence by sentence (`SequenceTagger.tag`), then with the document pass
# (`SequenceTagger.tag(document:)`, sentences k ± 10 standing for sentence k's document: the CoNLL file has no document
# boundaries; the full-recogniser figures are the same in both runs, as the recogniser tags sentence by sentence).
# KG_TAGGER_STACK=10 adds a document stage (SequenceTagger.trainStacked; measured, not bundled): see docs/tagger.md,
# "Document stage". Deterministic: same data and code, same model file.
set -euo pipefail
cd "$(dirname "$0")/.."
swift build -c release --product kg >/dev/null
.build/release/kg train --conll ../shared/data/anercorp/train.conll --folds "${FOLDS:-5}" \
  -o Sources/KGKit/Resources/models/ner-ar.perceptron
echo
echo "with the document pass (window ±${DOCUMENT_WINDOW:-10} sentences):"
KG_TAGGER_DOCUMENT_WINDOW="${DOCUMENT_WINDOW:-10}" .build/release/kg train --conll ../shared/data/anercorp/train.conll \
  --folds "${FOLDS:-5}" | sed -n '1,/^$/p'
