#!/usr/bin/env bash
# Trains the bundled Arabic name tagger on ANERcorp (../shared/data/anercorp/train.conll) and prints 5-fold
# cross-validation figures. Deterministic: same data, same model file.
set -euo pipefail
cd "$(dirname "$0")/.."
swift build -c release --product kg >/dev/null
.build/release/kg train --conll ../shared/data/anercorp/train.conll --folds "${FOLDS:-5}" \
  -o Sources/KGKit/Resources/models/ner-ar.perceptron
