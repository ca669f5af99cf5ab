import Foundation

// The tagger's document stage (stacking: Krishnan & Manning 2006; Ratinov & Roth 2009's extended prediction
// history). The sentence model's readings of the other sentences of a document become features of a second,
// small set of weights that is added to the sentence model's own scores, and each sentence is decoded again. The
// sentence model's emission scores are computed once and reused, so the stage costs one more Viterbi pass and a few
// hash lookups per token, not a second model. Its weights live in the same feature table (their own templates).

extension TaggerFeature {
    /// Document-stage templates: readings of the same stem elsewhere, the type of a multi-word name read elsewhere
    /// over the same words, and the marker row that says a model has the stage.
    static let docLabel: UInt64 = 60, docSeq: UInt64 = 61, docStage: UInt64 = 62
}

extension SequenceTagger {
    /// Document features of one sentence, `feats[offsets[i] ..< offsets[i + 1]]` for token i.
    struct DocumentFeatures {
        var feats: [UInt64] = []
        var offsets: [Int] = [0]
    }


    /// The document features of each sentence from the first-stage label paths of all of them: per token, the labels
    /// its stem is read with in the other sentences (each label present, with its share of the readings in quarters,
    /// alone and with the word's corpus-frequency digits; or "never seen elsewhere"), and, for words of a 2–6 word
    /// sequence read as one name elsewhere, that name's type and the word's place in it. `window` as in
    /// `tag(document:window:)`.
    static func documentFeatures(_ pass1: [[Int]], stems: [[UInt64]], keys: [[UInt64]], window: Int?) -> [DocumentFeatures] {
        let m = pass1.count
        let L = SequenceTagger.L
        var votes = HashCounts(width: L)
        func add(_ k: Int, _ d: Int32) {
            let sk = stems[k], pk = pass1[k]
            for i in sk.indices where sk[i] != 0 { votes.add(sk[i], pk[i], d) }
        }
        let maxSpan = 6
        @inline(__always) func spanHash(_ h: UInt64, _ len: Int) -> UInt64 { TaggerFeature.mix(h &+ UInt64(len) &* 0x9E37_79B9_7F4A_7C15) }
        var names = HashCounts(width: 4)
        func addNames(_ k: Int, _ d: Int32) {
            let p = pass1[k]
            var i = 0
            while i < p.count {
                guard p[i] != 0, p[i] & 1 == 1 else { i += 1; continue }
                var j = i + 1
                while j < p.count && p[j] == p[i] + 1 { j += 1 }
                if j - i >= 2 && j - i <= maxSpan {
                    var h: UInt64 = 0
                    for q in i..<j { h = TaggerFeature.mix(h ^ keys[k][q]) }
                    names.add(spanHash(h, j - i), (p[i] - 1) / 2, d)
                }
                i = j
            }
        }
        let clusters = WordClusters.bundled
        var out: [DocumentFeatures] = []
        out.reserveCapacity(m)
        var matches: [(Int, Int, Int)] = []
        SequenceTagger.forEachInContext(count: m, window: window, update: { add($0, $1); addNames($0, $1) }) { k in
            let n = pass1[k].count
            // names read elsewhere over the same words: longest first, a word takes the first that covers it
            matches.removeAll(keepingCapacity: true)
            if !names.isEmpty {
                for i in 0..<n {
                    var h: UInt64 = 0
                    for len in 1...min(maxSpan, n - i) {
                        h = TaggerFeature.mix(h ^ keys[k][i + len - 1])
                        guard len >= 2, let e = names.find(spanHash(h, len)) else { continue }
                        var best = -1, bc: Int32 = 0
                        for t in 0..<4 where names.count(e, t) > bc { best = t; bc = names.count(e, t) }
                        if best >= 0 { matches.append((len, i, best)) }
                    }
                }
                matches.sort { $0.0 != $1.0 ? $0.0 > $1.0 : $0.1 < $1.1 }
            }
            var seq = [Int](repeating: -1, count: n)
            for (len, i, t) in matches {
                for j in i..<(i + len) where seq[j] < 0 { seq[j] = t << 4 | (j == i ? 0 : j == i + len - 1 ? 2 : 1) }
            }
            var f = DocumentFeatures()
            f.feats.reserveCapacity(n * 4)
            f.offsets.reserveCapacity(n + 1)
            for i in 0..<n {
                f.feats.append(TaggerFeature.make(TaggerFeature.docLabel, 0xFFFE))
                let st = stems[k][i]
                if st != 0 {
                    if let e = votes.find(st) {
                        var total: Int32 = 0
                        for y in 0..<L { total += votes.count(e, y) }
                        if total == 0 {
                            f.feats.append(TaggerFeature.make(TaggerFeature.docLabel, 0xFFFF))
                        } else {
                            let fd = UInt64(min(5, clusters.countDigits(st)))
                            for y in 0..<L where votes.count(e, y) > 0 {
                                let b = UInt64(min(3, 4 * votes.count(e, y) / total))
                                f.feats.append(TaggerFeature.make(TaggerFeature.docLabel, UInt64(y) << 8 | b << 4 | 15))
                                f.feats.append(TaggerFeature.make(TaggerFeature.docLabel, UInt64(y) << 8 | b << 4 | fd))
                            }
                        }
                    } else {
                        f.feats.append(TaggerFeature.make(TaggerFeature.docLabel, 0xFFFF))
                    }
                }
                if seq[i] >= 0 { f.feats.append(TaggerFeature.make(TaggerFeature.docSeq, UInt64(seq[i]))) }
                f.offsets.append(f.feats.count)
            }
            out.append(f)
        }
        return out
    }

    /// Adds the document stage's weights of `doc` to emission scores.
    func addDocumentScores(_ emit: inout [Int], _ doc: DocumentFeatures) {
        let L = SequenceTagger.L
        weights.withUnsafeBufferPointer { w in
            for i in 0..<(doc.offsets.count - 1) {
                for q in doc.offsets[i]..<doc.offsets[i + 1] {
                    let r = table.find(doc.feats[q])
                    if r >= 0 { for y in 0..<L { emit[i * L + y] += Int(w[r * L + y]) } }
                }
            }
        }
    }

    /// Trains one model with a document stage: its sentence features are read first without the document features
    /// (the first pass), then with them (the second). The document features of training sentences come from
    /// first-pass readings that the model producing them did not see: the training sentences are cut into `parts`
    /// contiguous parts, each read by a sentence model trained on the other parts (jack-knifing), so they are as wrong
    /// as those of new text. Each sentence is presented twice per epoch, with and without its document features, so
    /// the sentence weights stay right for the first pass. `window`: sentences k ± window stand for sentence k's
    /// document (ANERcorp has no document boundaries).
    public static func trainStacked(_ sentences: [[(TaggerToken, String)]], epochs: Int, seed: UInt64, window: Int,
                                    parts: Int = 5) -> SequenceTagger {
        let data = sentences.filter { !$0.isEmpty }
        let index = Dictionary(uniqueKeysWithValues: labels.enumerated().map { ($1, $0) })
        let golds = data.map { goldPath($0, index) }
        let tokens = data.map { $0.map(\.0) }
        var plain: [TaggerFeatureExtractor.Output] = []
        plain.reserveCapacity(data.count)
        for t in tokens {
            var fx = TaggerFeatureExtractor.Output()
            TaggerFeatureExtractor.extract(t, into: &fx)
            plain.append(fx)
        }
        var pass1: [[Int]] = []
        pass1.reserveCapacity(data.count)
        for j in 0..<parts {
            let lo = data.count * j / parts, hi = data.count * (j + 1) / parts
            let model = train(prepared: Array(plain[..<lo]) + Array(plain[hi...]), golds: Array(golds[..<lo]) + Array(golds[hi...]),
                              epochs: epochs, seed: seed)
            for k in lo..<hi { pass1.append(model.labelPath(tokens[k])) }
        }
        let (stems, keys) = documentKeys(tokens)
        let doc = documentFeatures(pass1, stems: stems, keys: keys, window: window)
        var both = plain
        for (fx, f) in zip(plain, doc) {
            var g = TaggerFeatureExtractor.Output()
            g.stemHash = fx.stemHash
            g.feats.reserveCapacity(fx.feats.count + f.feats.count)
            for i in 0..<fx.count {
                g.feats += fx.feats[fx.offsets[i]..<fx.offsets[i + 1]]
                g.feats += f.feats[f.offsets[i]..<f.offsets[i + 1]]
                g.offsets.append(g.feats.count)
            }
            both.append(g)
        }
        let model = train(prepared: both, golds: golds + golds, epochs: epochs, seed: seed)
        return model.withDocumentStage()
    }

    /// This model with the marker row that makes `tag(document:)` use its document-stage weights.
    func withDocumentStage() -> SequenceTagger {
        var t = table
        var w = weights
        _ = t.insert(TaggerFeature.make(TaggerFeature.docStage, 0))
        w.append(1)
        w.append(contentsOf: repeatElement(0, count: SequenceTagger.L - 1))
        return SequenceTagger(table: t, weights: w)
    }
}
