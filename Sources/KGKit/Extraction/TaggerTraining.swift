import Foundation

/// Trains and cross-validates the statistical name tagger on CoNLL data (ANERcorp), using exactly the tokens and
/// features the recogniser uses at run time.
public enum TaggerTraining {
    /// Turns CoNLL sentences into tagger training sentences: each sentence is analysed as text, and every kg token
    /// takes the tag of the CoNLL word it lies in (B- only on the word's first token).
    public static func examples(_ sentences: [[(word: String, tag: String)]], lexicons: LexiconSet) -> [[(TaggerToken, String)]] {
        let rec = EntityRecognizer(lexicons: lexicons)
        var out: [[(TaggerToken, String)]] = []
        out.reserveCapacity(sentences.count)
        for s in sentences {
            let (text, starts) = CoNLL.text(of: s.map(\.word))
            let doc = lexicons.analyzer.analyze(text, language: "ar")
            guard !doc.tokens.isEmpty else { continue }
            let range = 0..<doc.tokens.count
            let feats = rec.taggerTokens(doc, range, gazetteer: rec.gazetteerMatches(doc, range))
            var lastWord = -1
            var row: [(TaggerToken, String)] = []
            for (k, t) in doc.tokens.enumerated() {
                var w = 0
                while w + 1 < starts.count && starts[w + 1] <= t.start { w += 1 }
                var tag = CoNLL.normalizeTag(s[w].tag)
                if w == lastWord, tag.hasPrefix("B-") { tag = "I-" + tag.dropFirst(2) }
                lastWord = w
                row.append((feats[k], tag))
            }
            out.append(row)
        }
        return out
    }

    /// K-fold cross-validation over contiguous blocks (the corpus repeats documents, so random folds would leak):
    /// trains on K-1 blocks, runs the full recogniser (gazetteer + rules + tagger) on the held-out block.
    ///
    /// `documentWindow`: when set, the tagger-alone figure is that of `SequenceTagger.tag(document:window:)` (the
    /// document pass), with sentences k ± `documentWindow` standing for sentence k's document (ANERcorp's CoNLL file
    /// has no document boundaries). The default reads `KG_TAGGER_DOCUMENT_WINDOW` from the environment
    /// (`Scripts/train-tagger.sh` sets 10). `KG_TAGGER_DUMP=FILE` writes the tagger-alone readings, one
    /// "token<TAB>gold<TAB>predicted" line per token and a blank line between sentences, for error analysis.
    /// Experimental, `KG_TAGGER_STACK=W`: the tagger-alone figure is that of a stacked two-stage tagger (a second model
    /// trained with `SequenceTagger.documentFeatures` from jackknifed first-pass readings, window ±W sentences;
    /// `KG_TAGGER_STACK_POST=1` adds the document pass on its output). Not used by the recogniser (see docs/tagger.md).
    public static func crossValidate(_ conll: String, lexicons: LexiconSet, folds: Int, epochs: Int,
                                     documentWindow: Int? = ProcessInfo.processInfo.environment["KG_TAGGER_DOCUMENT_WINDOW"].flatMap { Int($0) })
        -> (tagger: CoNLLScore, full: CoNLLScore) {
        let sentences = CoNLL.parse(conll)
        let ex = examples(sentences, lexicons: lexicons)
        var taggerGold: [[String]] = [], taggerPred: [[String]] = [], fullGold: [[String]] = [], fullPred: [[String]] = []
        for f in 0..<folds {
            let lo = sentences.count * f / folds, hi = sentences.count * (f + 1) / folds
            let train = Array(ex[..<lo]) + Array(ex[hi...])
            let tagger = SequenceTagger.train(train, epochs: epochs, seed: 42)
            if let sw = ProcessInfo.processInfo.environment["KG_TAGGER_STACK"].flatMap({ Int($0) }) {
                // experimental stacked second stage: jackknifed first-pass labels on the training blocks
                let trainIdx = Array(0..<lo) + Array(hi..<ex.count)
                var pass1 = [[Int]](repeating: [], count: ex.count)
                let J = 5
                for j in 0..<J {
                    let a = trainIdx.count * j / J, b = trainIdx.count * (j + 1) / J
                    let part = Array(trainIdx[a..<b])
                    let rest = Array(trainIdx[..<a]) + Array(trainIdx[b...])
                    let m1 = SequenceTagger.train(rest.map { ex[$0] }, epochs: epochs, seed: 42)
                    for i in part { pass1[i] = m1.labelPath(ex[i].map(\.0)) }
                }
                for i in lo..<hi { pass1[i] = tagger.labelPath(ex[i].map(\.0)) }
                func hashes(_ idx: [Int]) -> ([[UInt64]], [[UInt64]]) {
                    (idx.map { ex[$0].map { t in
                        var letters = 0
                        for b in t.0.key.utf8 where b & 0xC0 != 0x80 { letters += 1; if letters >= 2 { break } }
                        return letters < 2 ? 0 : SequenceTagger.stemHash(t.0) } },
                     idx.map { ex[$0].map { TaggerFeature.fnv($0.0.key) } })
                }
                // training: the two sides of the test block are separate documents
                var trainExtra: [[[UInt64]]] = []
                for block in [Array(0..<lo), Array(hi..<ex.count)] where !block.isEmpty {
                    let (st, ky) = hashes(block)
                    trainExtra += SequenceTagger.documentFeatures(block.map { pass1[$0] }, stems: st, keys: ky, window: sw)
                }
                let m2 = SequenceTagger.train(trainIdx.map { ex[$0] }, epochs: epochs, seed: 42, extra: trainExtra)
                let testIdx = Array(lo..<hi)
                let (st, ky) = hashes(testIdx)
                let testExtra = SequenceTagger.documentFeatures(testIdx.map { pass1[$0] }, stems: st, keys: ky, window: sw)
                var p2 = testIdx.enumerated().map { (q, i) in m2.labelPath(ex[i].map(\.0), extra: testExtra[q]) }
                if ProcessInfo.processInfo.environment["KG_TAGGER_STACK_POST"] != nil {
                    SequenceTagger.documentPass(&p2, stems: st, keys: ky, window: sw)
                }
                for (q, i) in testIdx.enumerated() {
                    taggerGold.append(ex[i].map(\.1))
                    taggerPred.append(p2[q].map { SequenceTagger.labels[$0] })
                }
            } else if let w = documentWindow {
                taggerGold += ex[lo..<hi].map { $0.map(\.1) }
                taggerPred += tagger.tag(document: ex[lo..<hi].map { $0.map(\.0) }, window: w)
            } else {
                for i in lo..<hi {
                    taggerGold.append(ex[i].map(\.1))
                    taggerPred.append(tagger.tag(ex[i].map(\.0)))
                }
            }
            var lex = lexicons
            lex.tagger = tagger
            let extractor = ArticleExtractor(lexicons: lex)
            // the full recogniser reads the fold as kg eval --conll does: blocks of consecutive sentences as articles
            var b = lo
            while b < hi {
                let block = sentences[b..<min(hi, b + Evaluator.conllDocumentSize)]
                fullGold += block.map { $0.map(\.tag) }
                fullPred += Evaluator.tags(forDocument: block.map { $0.map(\.word) }, extractor: extractor)
                b += Evaluator.conllDocumentSize
            }
        }
        if let dump = ProcessInfo.processInfo.environment["KG_TAGGER_DUMP"] {
            var out = ""
            for (k, s) in ex.enumerated() {
                for (j, t) in s.enumerated() { out += "\(t.0.surface)\t\(taggerGold[k][j])\t\(taggerPred[k][j])\n" }
                out += "\n"
            }
            try? out.write(toFile: dump, atomically: true, encoding: .utf8)
        }
        return (CoNLL.score(gold: taggerGold, predicted: taggerPred), CoNLL.score(gold: fullGold, predicted: fullPred))
    }

    /// Trains on all of `conll` and returns the serialised model.
    public static func train(_ conll: String, lexicons: LexiconSet, epochs: Int) -> String {
        SequenceTagger.train(examples(CoNLL.parse(conll), lexicons: lexicons), epochs: epochs, seed: 42).serialize()
    }
}
