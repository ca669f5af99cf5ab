import Foundation

// A statistical named-entity tagger: a first-order structured averaged perceptron over BIO labels, decoded exactly
// with Viterbi over label bigrams (transition weights plus "previous label + current stem" weights), with BIO
// well-formedness enforced in the decoder (an I-X may only follow B-X or I-X).
//
// Features are hashed to 64 bits with our own FNV-1a (over UTF-8) and a SplitMix64 finaliser, so models are identical
// across processes and platforms (Swift's `Hasher` is randomly seeded and is never used for features). Weights are
// integers: training updates are ±1, the averaged weights are quantised to `SequenceTagger.weightScale` units, so the
// trained model, its serialisation and the reloaded model agree bit for bit.

/// One token as the tagger sees it: strings only, filled by the caller.
public struct TaggerToken: Sendable {
    /// The word as written.
    public var surface: String
    /// Normalised key (`Normalizer.key`: no diacritics, unified alef/ya/ta marbuta, lower-case).
    public var key: String
    /// `key` without Arabic proclitics (و ب ل ...); "" if the same as `key`.
    public var stem: String
    /// Proclitics removed from the front, e.g. "و", "وب"; "" if none.
    public var prefix: String
    /// Pronoun suffix removed; "" if none.
    public var suffix: String
    /// "" or the gazetteer match covering this token with its BIO position: "B-PER", "I-ORG", "B-LOC", "B-DEM"...
    public var gazetteer: String
    /// "" or "PERSON" / "LOCATION" / "ORGANIZATION" when the word appears in a name list.
    public var nameClass: String
    /// Whether the surface form starts with an upper-case letter.
    public var isCapitalized: Bool
    /// Context-word classes of the stem, a bit set of `TaggerToken.title`, `.organizationHead`, `.placeTrigger`,
    /// `.functionWord`.
    public var lexical: UInt8
    /// The word as `TaggerWordCache` identifies it, when the caller computed it (then `surface` may be empty).
    var word: TaggerWordCache.Word? = nil

    public static let title: UInt8 = 1, organizationHead: UInt8 = 2, placeTrigger: UInt8 = 4, functionWord: UInt8 = 8

    /// Creates a token; only `surface` and `key` are required.
    public init(surface: String, key: String, stem: String = "", prefix: String = "", suffix: String = "",
                gazetteer: String = "", nameClass: String = "", isCapitalized: Bool = false, lexical: UInt8 = 0) {
        self.lexical = lexical
        self.surface = surface
        self.key = key
        self.stem = stem
        self.prefix = prefix
        self.suffix = suffix
        self.gazetteer = gazetteer
        self.nameClass = nameClass
        self.isCapitalized = isCapitalized
    }
}

/// Why a serialised tagger model could not be loaded.
public enum SequenceTaggerError: Error, CustomStringConvertible, Equatable, Sendable {
    /// The first line is not the expected `kg-sequence-tagger <version>` header.
    case badHeader(String)
    /// The model's label list differs from `SequenceTagger.labels`.
    case labelMismatch(expected: [String], found: [String])
    /// A line could not be parsed (1-based line number, reason).
    case badLine(line: Int, reason: String)
    /// The declared feature count does not match the number of feature lines.
    case countMismatch(declared: Int, found: Int)

    public var description: String {
        switch self {
        case .badHeader(let h):
            return "sequence tagger model: bad header \(h.debugDescription) (expected \"kg-sequence-tagger\t1\")"
        case .labelMismatch(let e, let f):
            return "sequence tagger model: label set \(f) does not match \(e)"
        case .badLine(let line, let reason):
            return "sequence tagger model: line \(line): \(reason)"
        case .countMismatch(let d, let f):
            return "sequence tagger model: header declares \(d) features but \(f) were read"
        }
    }
}

/// A named-entity sequence tagger (averaged structured perceptron, Viterbi decoding, BIO labels).
public struct SequenceTagger: Sendable {
    /// The label set, in model order.
    public static let labels: [String] = ["O", "B-PER", "I-PER", "B-ORG", "I-ORG", "B-LOC", "I-LOC", "B-MISC", "I-MISC"]
    /// Averaged weights are stored as integers in units of 1/`weightScale`; smaller magnitudes are pruned.
    public static let weightScale: Double = 100
    static let formatVersion = 1

    static let L = labels.count            // number of labels
    static let start = labels.count        // the "previous label" index before the first token

    let table: TaggerFeatureTable
    /// Row-major weights: `weights[row * L + label]`.
    let weights: [Int32]
    /// Cached transition weights, `(L + 1) × L`, previous label (or start) major.
    let transitions: [Int]
    /// Per-word emission caches for `tag`; nil when weights are too large for their 32-bit partial sums.
    let wordCaches: TaggerWordCachePool?

    /// Whether the model holds a document stage (`trainStacked`).
    let hasDocumentStage: Bool

    init(table: TaggerFeatureTable, weights: [Int32]) {
        self.table = table
        self.weights = weights
        self.hasDocumentStage = table.find(TaggerFeature.make(TaggerFeature.docStage, 0)) >= 0
        self.transitions = SequenceTagger.transitionMatrix(table: table, weights: weights)
        let maxWeight = weights.reduce(0) { max($0, Int($1.magnitude)) }
        self.wordCaches = maxWeight <= 1 << 24 ? TaggerWordCachePool() : nil
    }

    /// Number of (non-pruned) features in the model.
    public var featureCount: Int { table.count }

    // MARK: Tagging

    /// Tags a sentence; returns one label of `SequenceTagger.labels` per token.
    public func tag(_ sentence: [TaggerToken]) -> [String] {
        labelPath(sentence).map { SequenceTagger.labels[$0] }
    }

    /// Tags the sentences of one document (an article): each sentence as `tag(_:)` reads it; with a model that has a
    /// document stage (`trainStacked`), each sentence is read again with the stage's weights for how the other
    /// sentences read the same words (`documentFeatures`); then a document pass makes the readings of a name
    /// consistent across the document (non-local evidence in the spirit of Ratinov & Roth 2009; a repeated surname
    /// such as محفوظ after نجيب محفوظ is the typical gain):
    /// * a word the sentence pass reads as `O` becomes a person-name word (B-PER, or I-PER after a person-name word;
    ///   a B-PER right after it then continues it) where the same word (stem) is read as part of a person name in the
    ///   other sentences, no other name type is read for it more often, and its `O` readings there are at most 4
    ///   times its person readings — unless it is a frequent word of news text (corpus count ≥ 10,000: على, which
    ///   normalises like the name علي), a context word (title, head noun, trigger, function word: `lexical`) or
    ///   shorter than two letters;
    /// * then a word sequence (same keys) read as a whole organisation name in the other sentences becomes one where
    ///   the sentence pass reads all of it as `O`, longest first; a one-word sequence only if that word is not
    ///   frequent (< 10,000) nor a context word and is read as an organisation at least as often as as a person.
    /// Only the other sentences' sentence-pass readings vote, so a one-sentence document is tagged exactly as
    /// `tag(_:)` tags it. The pass is decisions only: no model weights are involved.
    ///
    /// `window`: when set, sentence k hears only sentences k − window ... k + window (for corpora without document
    /// boundaries, such as ANERcorp's CoNLL file).
    public func tag(document sentences: [[TaggerToken]], window: Int? = nil) -> [[String]] {
        if sentences.count < 2 { return sentences.map { tag($0) } }
        let (stems, keys) = SequenceTagger.documentKeys(sentences)
        var paths: [[Int]]
        if hasDocumentStage {
            let scored: [(emit: [Int], edge: [Int32])] = sentences.map { $0.isEmpty ? ([], []) : scores($0) }
            let first = sentences.indices.map { decode(sentences[$0].count, emit: scored[$0].emit, edge: scored[$0].edge) }
            let doc = SequenceTagger.documentFeatures(first, stems: stems, keys: keys, window: window)
            paths = sentences.indices.map { k in
                if sentences[k].isEmpty { return [] }
                var emit = scored[k].emit
                addDocumentScores(&emit, doc[k])
                return decode(sentences[k].count, emit: emit, edge: scored[k].edge)
            }
        } else {
            paths = sentences.map { labelPath($0) }
        }
        SequenceTagger.documentPass(&paths, stems: stems, keys: keys, window: window)
        return paths.map { $0.map { SequenceTagger.labels[$0] } }
    }

    /// What the document pass and stage compare per token: the stem hash (0 for context words and words of fewer than
    /// two letters, which neither vote nor are voted on) and the key hash.
    static func documentKeys(_ sentences: [[TaggerToken]]) -> (stems: [[UInt64]], keys: [[UInt64]]) {
        let stems = sentences.map { s in
            s.map { t -> UInt64 in
                var letters = 0
                for b in t.key.utf8 where b & 0xC0 != 0x80 { letters += 1; if letters >= 2 { break } }
                return letters < 2 || t.lexical != 0 ? 0 : SequenceTagger.stemHash(t)
            }
        }
        let keys = sentences.map { s in s.map { t in t.word?.key ?? TaggerFeature.fnv(t.key) } }
        return (stems, keys)
    }

    /// The stem hash the features use for a token (`TaggerFeatureExtractor`'s `stemH`).
    static func stemHash(_ t: TaggerToken) -> UInt64 {
        if let w = t.word { return w.stem }
        return TaggerFeature.fnv(t.stem.isEmpty ? t.key : t.stem)
    }

    /// Label indices of B-PER, I-PER, B-ORG, I-ORG.
    static let bPer = 1, iPer = 2, orgB = 3, orgI = 4

    /// The document pass of `tag(document:window:)` on label indices: person-name votes per stem (slots O, PER, ORG,
    /// LOC, MISC), organisation names as sequences of key hashes. Tokens whose `stems` entry is 0 (context words,
    /// words of fewer than two letters) neither vote nor become person-name words or one-word organisation names.
    static func documentPass(_ paths: inout [[Int]], stems: [[UInt64]], keys: [[UInt64]], window: Int?) {
        let m = paths.count
        if m < 2 { return }
        // votes[stem] = readings per slot (O, PER, ORG, LOC, MISC) over the context
        func slot(_ y: Int) -> Int { y == 0 ? 0 : (y + 1) / 2 }
        let pass1 = paths
        // (hash-keyed tables of their own: the keys are well-mixed nonzero hashes, Dictionary's seeded hashing is not needed)
        var votes = HashCounts(width: 5)
        func add(_ k: Int, _ d: Int32) {
            let sk = stems[k], pk = pass1[k]
            for i in sk.indices where sk[i] != 0 { votes.add(sk[i], slot(pk[i]), d) }
        }
        // organisation names of the sentence pass, as word sequences (hash of the keys and the length)
        let maxSpan = 8
        func seqHash(_ k: Int, _ a: Int, _ b: Int) -> UInt64 {
            var h = UInt64(b - a)
            for i in a..<b { h = TaggerFeature.mix(h ^ keys[k][i]) }
            return h
        }
        var orgs = HashCounts(width: 1)
        // the same names' first keys and lengths: a window can match only where both are counted
        var orgFirsts = HashCounts(width: 1)
        var orgLengths = [Int32](repeating: 0, count: maxSpan + 1)
        func addOrgs(_ k: Int, _ d: Int32) {
            let p = pass1[k]
            var i = 0
            while i < p.count {
                guard p[i] == orgB else { i += 1; continue }
                var j = i + 1
                while j < p.count && p[j] == orgI { j += 1 }
                if j - i <= maxSpan {
                    orgs.add(seqHash(k, i, j), 0, d)
                    orgFirsts.add(keys[k][i], 0, d)
                    orgLengths[j - i] += d
                }
                i = j
            }
        }
        var starts: [Bool] = []
        // a one-word organisation name: read as one at least as often as as a person name, and not a frequent word
        func oneWordOrg(_ h: UInt64) -> Bool {
            guard h != 0, let e = votes.find(h), votes.count(e, 2) >= votes.count(e, 1) else { return false }
            return WordClusters.bundled.countDigits(h) < 5
        }
        forEachInContext(count: m, window: window, update: { add($0, $1); addOrgs($0, $1) }) { k in
            for i in 0..<paths[k].count where pass1[k][i] == 0 && stems[k][i] != 0 {
                guard let e = votes.find(stems[k][i]) else { continue }
                let v = (votes.count(e, 0), votes.count(e, 1), votes.count(e, 2), votes.count(e, 3), votes.count(e, 4))
                guard v.1 > 0, v.1 >= v.2, v.1 >= v.3, v.1 >= v.4, 4 * v.1 >= v.0 else { continue }
                if WordClusters.bundled.countDigits(stems[k][i]) >= 5 { continue }
                let prev = i > 0 ? paths[k][i - 1] : 0
                paths[k][i] = prev == bPer || prev == iPer ? iPer : bPer
                if i + 1 < paths[k].count && paths[k][i + 1] == bPer { paths[k][i + 1] = iPer }
            }
            // a word sequence read as an organisation name elsewhere is one here too, where read all O (longest first)
            let n = paths[k].count
            if orgs.isEmpty { return }
            starts.removeAll(keepingCapacity: true)
            for i in 0..<n { starts.append(orgFirsts.find(keys[k][i]).map { orgFirsts.count($0, 0) > 0 } ?? false) }
            for len in stride(from: min(maxSpan, n), through: 1, by: -1) where orgLengths[len] > 0 {
                var i = 0
                while i + len <= n {
                    if starts[i], paths[k][i..<(i + len)].allSatisfy({ $0 == 0 }), orgs.find(seqHash(k, i, i + len)).map({ orgs.count($0, 0) > 0 }) ?? false,
                       len > 1 || oneWordOrg(stems[k][i]) {
                        paths[k][i] = orgB
                        for j in (i + 1)..<(i + len) { paths[k][j] = orgI }
                        i += len
                    } else {
                        i += 1
                    }
                }
            }
        }
    }

    /// Visits the sentences of a document in order with the counters over the context of sentence k in place: sentences
    /// k − window ... k + window except k (all the others when `window` is nil), kept up to date as k advances.
    /// `update(j, +1 / -1)` adds or removes sentence j's readings. Shared by the document pass and the document stage.
    @inline(__always)
    static func forEachInContext(count m: Int, window: Int?, update: (Int, Int32) -> Void, visit: (Int) -> Void) {
        let w = window ?? m
        var lo = 0, hi = -1
        for k in 0..<m {
            let nlo = max(0, k - w), nhi = min(m - 1, k + w)
            while hi < nhi { hi += 1; update(hi, 1) }
            while lo < nlo { update(lo, -1); lo += 1 }
            update(k, -1)
            visit(k)
            update(k, 1)
        }
    }

    /// Counters per 64-bit hash (any value, 0 included), `width` of them per key, for `documentPass`: open addressing
    /// with linear probing; an entry once added stays (as Dictionary's did, `isEmpty` is "nothing ever added").
    struct HashCounts {
        let width: Int
        private var keys: [UInt64] = []
        private var counts: [Int32] = []
        private var slots = [Int32](repeating: -1, count: 64)
        init(width: Int) { self.width = width }

        var isEmpty: Bool { keys.isEmpty }

        @inline(__always) private static func start(_ h: UInt64, _ mask: Int) -> Int {
            Int(truncatingIfNeeded: TaggerFeature.mix(h)) & mask
        }

        /// The entry of `h`, if it was ever added.
        @inline(__always) func find(_ h: UInt64) -> Int? {
            let mask = slots.count - 1
            var s = Self.start(h, mask)
            while true {
                let e = Int(slots[s])
                if e < 0 { return nil }
                if keys[e] == h { return e }
                s = (s + 1) & mask
            }
        }

        @inline(__always) func count(_ e: Int, _ j: Int) -> Int32 { counts[e * width + j] }

        /// Adds `d` to counter `j` of `h` (created at zero if new).
        mutating func add(_ h: UInt64, _ j: Int, _ d: Int32) {
            let mask = slots.count - 1
            var s = Self.start(h, mask)
            while true {
                let e = Int(slots[s])
                if e < 0 { break }
                if keys[e] == h { counts[e * width + j] += d; return }
                s = (s + 1) & mask
            }
            let e = keys.count
            keys.append(h)
            for _ in 0..<width { counts.append(0) }
            counts[e * width + j] += d
            slots[s] = Int32(e)
            if keys.count * 2 > slots.count {
                slots = [Int32](repeating: -1, count: slots.count * 2)
                let m = slots.count - 1
                for (i, k) in keys.enumerated() {
                    var t = Self.start(k, m)
                    while slots[t] >= 0 { t = (t + 1) & m }
                    slots[t] = Int32(i)
                }
            }
        }
    }

    /// The best label path (indices into `labels`) of a sentence.
    func labelPath(_ sentence: [TaggerToken]) -> [Int] {
        if sentence.isEmpty { return [] }
        let (emit, edge) = scores(sentence)
        return decode(sentence.count, emit: emit, edge: edge)
    }

    /// Emission scores (`[i * L + y]`) and prevLabelStem rows (`[i * (L + 1) + p]`) of a non-empty sentence.
    func scores(_ sentence: [TaggerToken]) -> (emit: [Int], edge: [Int32]) {
        if let pool = wordCaches {
            let cache = pool.take(self)
            defer { pool.put(cache) }
            return weights.withUnsafeBufferPointer { w in cache.emissions(sentence, self, w) }
        }
        var fx = TaggerFeatureExtractor.Output()
        TaggerFeatureExtractor.extract(sentence, into: &fx)
        return weights.withUnsafeBufferPointer { w in TaggerDecoder.scores(fx, table: table, weights: w) }
    }

    /// The best BIO-valid path for scores from `scores(_:)` (emissions possibly changed by the document stage).
    func decode(_ n: Int, emit: [Int], edge: [Int32]) -> [Int] {
        if n == 0 { return [] }
        return weights.withUnsafeBufferPointer { w in TaggerDecoder.decode(n, emit: emit, edge: edge, weights: w, transitions: transitions) }
    }

    static func transitionMatrix(table: TaggerFeatureTable, weights: [Int32]) -> [Int] {
        var t = [Int](repeating: 0, count: (L + 1) * L)
        for p in 0...L {
            let row = table.find(TaggerFeature.transition(p))
            if row < 0 { continue }
            for y in 0..<L { t[p * L + y] = Int(weights[row * L + y]) }
        }
        return t
    }

    // MARK: Training

    /// Trains on gold-labelled sentences. Tags are normalised like `CoNLL.parse` (PERS→PER...); tags outside
    /// `labels` become "O"; an I-X that does not continue an X entity is read as B-X (conlleval semantics).
    /// Deterministic: the same data, epochs and seed give the same weights (sentences are shuffled each epoch with
    /// SplitMix64).
    public static func train(_ sentences: [[(TaggerToken, String)]], epochs: Int, seed: UInt64) -> SequenceTagger {
        let index = Dictionary(uniqueKeysWithValues: labels.enumerated().map { ($1, $0) })
        // Pre-extract static features and gold labels once.
        var data: [TaggerFeatureExtractor.Output] = []
        var golds: [[Int]] = []
        data.reserveCapacity(sentences.count)
        for s in sentences where !s.isEmpty {
            var fx = TaggerFeatureExtractor.Output()
            TaggerFeatureExtractor.extract(s.map { $0.0 }, into: &fx)
            data.append(fx)
            golds.append(goldPath(s, index))
        }
        return train(prepared: data, golds: golds, epochs: epochs, seed: seed)
    }

    /// The feature-wise mean of several models' weights (a feature a model lacks weighs 0 there), rounded to the
    /// weight unit. Training orders move a single perceptron's PER and ORG by about a point; averaging the models of
    /// several orders gives one linear model with that variance averaged out (scores are linear in the weights).
    static func mean(_ models: [SequenceTagger]) -> SequenceTagger {
        guard models.count > 1 else { return models[0] }
        let L = SequenceTagger.L
        var keys: [UInt64] = []
        for m in models {
            for slot in 0..<m.table.capacity where m.table.key(at: slot) != 0 { keys.append(m.table.key(at: slot)) }
        }
        keys.sort()
        var out = TaggerFeatureTable(capacity: keys.count)
        var weights: [Int32] = []
        let n = Int64(models.count)
        var sum = [Int64](repeating: 0, count: L)
        var previous: UInt64 = 0
        for key in keys where key != previous {
            previous = key
            for y in 0..<L { sum[y] = 0 }
            for m in models {
                let row = m.table.find(key)
                if row < 0 { continue }
                for y in 0..<L { sum[y] += Int64(m.weights[row * L + y]) }
            }
            // round half away from zero, so the mean of a model with itself is that model
            let q = sum.map { Int32($0 >= 0 ? ($0 * 2 + n) / (2 * n) : -((-$0 * 2 + n) / (2 * n))) }
            if q.allSatisfy({ $0 == 0 }) { continue }
            _ = out.insert(key)
            weights.append(contentsOf: q)
        }
        return SequenceTagger(table: out, weights: weights)
    }

    /// `train` on extracted features and gold label indices.
    static func train(prepared data: [TaggerFeatureExtractor.Output], golds: [[Int]], epochs: Int, seed: UInt64) -> SequenceTagger {
        var trainer = TaggerTrainer()
        var rng = TaggerSplitMix64(seed: seed)
        var order = Array(0..<data.count)
        for _ in 0..<max(0, epochs) {
            // Fisher–Yates with our own PRNG.
            if order.count > 1 {
                for i in stride(from: order.count - 1, to: 0, by: -1) {
                    let j = Int(rng.next() % UInt64(i + 1))
                    order.swapAt(i, j)
                }
            }
            for k in order { trainer.step(data[k], gold: golds[k]) }
        }
        return trainer.averaged()
    }

    /// Gold label indices of a training sentence (tags normalised as `train` describes).
    static func goldPath(_ s: [(TaggerToken, String)], _ index: [String: Int]) -> [Int] {
        var g: [Int] = []
        g.reserveCapacity(s.count)
        var prev = "O"
        for (_, raw) in s {
            var tag = CoNLL.normalizeTag(raw, previous: prev)
            if index[tag] == nil { tag = "O" }
            if tag.hasPrefix("I-") && prev.dropFirst(2) != tag.dropFirst(2) { tag = "B-" + tag.dropFirst(2) }
            g.append(index[tag]!)
            prev = tag
        }
        return g
    }

    // MARK: Serialisation

    /// Deterministic text form: a header, then one line per feature sorted by hash,
    /// `<16 hex digits>\t<label>:<weight> ...` with integer weights (units of 1/`weightScale`).
    public func serialize() -> String {
        var rows: [(UInt64, Int)] = []
        rows.reserveCapacity(table.count)
        for slot in 0..<table.capacity where table.key(at: slot) != 0 {
            rows.append((table.key(at: slot), table.row(at: slot)))
        }
        rows.sort { $0.0 < $1.0 }
        var out = "kg-sequence-tagger\t\(SequenceTagger.formatVersion)\n"
        out += "labels\t" + SequenceTagger.labels.joined(separator: " ") + "\n"
        out += "scale\t\(Int(SequenceTagger.weightScale))\n"
        out += "features\t\(rows.count)\n"
        var bytes: [UInt8] = Array(out.utf8)
        bytes.reserveCapacity(bytes.count + rows.count * 32)
        let hex: [UInt8] = Array("0123456789abcdef".utf8)
        let L = SequenceTagger.L
        for (key, row) in rows {
            for shift in stride(from: 60, through: 0, by: -4) { bytes.append(hex[Int((key >> UInt64(shift)) & 0xF)]) }
            var first = true
            for y in 0..<L {
                let w = weights[row * L + y]
                if w == 0 { continue }
                bytes.append(first ? 0x09 : 0x20)
                first = false
                bytes.append(UInt8(0x30 + y))
                bytes.append(0x3A)
                bytes.append(contentsOf: String(w).utf8)
            }
            bytes.append(0x0A)
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Loads a model written by `serialize()`; throws `SequenceTaggerError` on malformed data.
    public init(serialized: String) throws {
        var text = serialized
        let L = SequenceTagger.L
        var parsed: (TaggerFeatureTable, [Int32])? = nil
        var failure: SequenceTaggerError? = nil
        text.withUTF8 { buf in
            do { parsed = try SequenceTagger.parse(buf, L: L) } catch let e as SequenceTaggerError { failure = e } catch {}
        }
        if let failure { throw failure }
        guard let (table, weights) = parsed else { throw SequenceTaggerError.badHeader("") }
        self.init(table: table, weights: weights)
    }

    private static func parse(_ buf: UnsafeBufferPointer<UInt8>, L: Int) throws -> (TaggerFeatureTable, [Int32]) {
        // Split into lines (tolerating \r\n).
        var lineNo = 0
        var pos = 0
        func nextLine() -> (Int, Int)? {
            if pos >= buf.count { return nil }
            let s = pos
            while pos < buf.count && buf[pos] != 0x0A { pos += 1 }
            var e = pos
            if pos < buf.count { pos += 1 }
            if e > s && buf[e - 1] == 0x0D { e -= 1 }
            lineNo += 1
            return (s, e)
        }
        func text(_ r: (Int, Int)) -> String { String(decoding: UnsafeBufferPointer(rebasing: buf[r.0..<r.1]), as: UTF8.self) }
        func field(_ r: (Int, Int), _ name: String) throws -> String {
            let t = text(r)
            guard t.hasPrefix(name + "\t") else {
                throw SequenceTaggerError.badLine(line: lineNo, reason: "expected \"\(name)\", found \(t.prefix(60).debugDescription)")
            }
            return String(t.dropFirst(name.count + 1))
        }

        guard let h = nextLine() else { throw SequenceTaggerError.badHeader("") }
        let header = text(h)
        guard header == "kg-sequence-tagger\t\(formatVersion)" else { throw SequenceTaggerError.badHeader(String(header.prefix(60))) }
        guard let lr = nextLine() else { throw SequenceTaggerError.badLine(line: lineNo + 1, reason: "missing labels line") }
        let found = try field(lr, "labels").split(separator: " ").map(String.init)
        guard found == labels else { throw SequenceTaggerError.labelMismatch(expected: labels, found: found) }
        guard let sr = nextLine() else { throw SequenceTaggerError.badLine(line: lineNo + 1, reason: "missing scale line") }
        guard Int(try field(sr, "scale")) != nil else { throw SequenceTaggerError.badLine(line: lineNo, reason: "bad scale") }
        guard let cr = nextLine() else { throw SequenceTaggerError.badLine(line: lineNo + 1, reason: "missing features line") }
        guard let declared = Int(try field(cr, "features")), declared >= 0 else {
            throw SequenceTaggerError.badLine(line: lineNo, reason: "bad feature count")
        }

        var table = TaggerFeatureTable(capacity: declared)
        // (zeroed at once for the declared rows, not a row at a time; a file with more rows grows it as it goes)
        var weights = [Int32](repeating: 0, count: declared * L)
        var n = 0
        while let r = nextLine() {
            var i = r.0
            let e = r.1
            if i == e { continue }  // tolerate blank lines (e.g. trailing)
            // 16 hex digits
            var key: UInt64 = 0
            var digits = 0
            while i < e && buf[i] != 0x09 {
                let c = buf[i]
                let v: UInt64
                switch c {
                case 0x30...0x39: v = UInt64(c - 0x30)
                case 0x61...0x66: v = UInt64(c - 0x61 + 10)
                case 0x41...0x46: v = UInt64(c - 0x41 + 10)
                default: throw SequenceTaggerError.badLine(line: lineNo, reason: "bad hex digit in feature hash")
                }
                key = key << 4 | v
                digits += 1
                i += 1
            }
            guard digits == 16, key != 0 else { throw SequenceTaggerError.badLine(line: lineNo, reason: "feature hash must be 16 non-zero hex digits") }
            guard table.find(key) < 0 else { throw SequenceTaggerError.badLine(line: lineNo, reason: "duplicate feature") }
            let row = table.insert(key)
            precondition(row == n)
            if weights.count < (n + 1) * L { weights.append(contentsOf: repeatElement(0, count: L)) }
            i += 1  // tab
            while i < e {
                // <label>:<int>
                var y = 0
                var sawDigit = false
                while i < e && buf[i] >= 0x30 && buf[i] <= 0x39 { y = y * 10 + Int(buf[i] - 0x30); i += 1; sawDigit = true }
                guard sawDigit, y < L, i < e, buf[i] == 0x3A else {
                    throw SequenceTaggerError.badLine(line: lineNo, reason: "expected <label index>:<weight>")
                }
                i += 1
                var neg = false
                if i < e && buf[i] == 0x2D { neg = true; i += 1 }
                var v: Int64 = 0
                sawDigit = false
                while i < e && buf[i] >= 0x30 && buf[i] <= 0x39 {
                    v = v * 10 + Int64(buf[i] - 0x30); i += 1; sawDigit = true
                    if v > Int64(Int32.max) { throw SequenceTaggerError.badLine(line: lineNo, reason: "weight out of range") }
                }
                guard sawDigit else { throw SequenceTaggerError.badLine(line: lineNo, reason: "missing weight") }
                weights[n * L + y] = Int32(neg ? -v : v)
                if i < e {
                    guard buf[i] == 0x20 else { throw SequenceTaggerError.badLine(line: lineNo, reason: "unexpected character") }
                    i += 1
                }
            }
            n += 1
        }
        guard n == declared else { throw SequenceTaggerError.countMismatch(declared: declared, found: n) }
        return (table, weights)
    }
}

// MARK: - PRNG

/// SplitMix64 (Steele, Lea, Flood 2014): small, fast, deterministic. Also the tests' seeded random source.
struct TaggerSplitMix64: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

// MARK: - TaggerFeature hashing

enum TaggerFeature {
    static let fnvOffset: UInt64 = 0xcbf2_9ce4_8422_2325
    static let fnvPrime: UInt64 = 0x0000_0100_0000_01b3

    @inline(__always) static func fnv(_ h: UInt64, _ b: UInt8) -> UInt64 { (h ^ UInt64(b)) &* fnvPrime }

    @inline(__always) static func fnv(_ s: String) -> UInt64 {
        var s = s
        return s.withUTF8 { u in
            var h = fnvOffset
            for b in u { h = (h ^ UInt64(b)) &* fnvPrime }
            return h
        }
    }

    /// SplitMix64 finaliser: a bijection on 64 bits.
    @inline(__always) static func mix(_ x: UInt64) -> UInt64 {
        var z = x
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// The hash of feature template `t` with value hash `h` (never 0: 0 marks empty table slots).
    @inline(__always) static func make(_ t: UInt64, _ h: UInt64) -> UInt64 {
        let r = mix(h ^ mix(t &+ 0x5851_F42D_4C95_7F2D))
        return r == 0 ? 1 : r
    }

    /// A feature combining two value hashes.
    @inline(__always) static func make(_ t: UInt64, _ a: UInt64, _ b: UInt64) -> UInt64 {
        make(t, mix(a) ^ (b &* 0x9E37_79B9_7F4A_7C15))
    }

    // Templates (stable numbers: they are part of the model format).
    static let bias: UInt64 = 1, key: UInt64 = 2, stem: UInt64 = 3, prefix: UInt64 = 4, suffix: UInt64 = 5
    static let stemPrefix1: UInt64 = 6  // 6, 7, 8 for lengths 1...3
    static let stemSuffix1: UInt64 = 9  // 9, 10, 11
    static let hasAl: UInt64 = 12, stemNoAl: UInt64 = 13, shape: UInt64 = 14, capitalized: UInt64 = 15
    static let allDigits: UInt64 = 16, hasDigit: UInt64 = 17, gazetteer: UInt64 = 18, nameClass: UInt64 = 19
    static let keyM1: UInt64 = 20, keyP1: UInt64 = 21, stemM1: UInt64 = 22, stemP1: UInt64 = 23
    static let stemM2: UInt64 = 24, stemP2: UInt64 = 25
    static let gazM1: UInt64 = 26, gazP1: UInt64 = 27, ncM1: UInt64 = 28, ncP1: UInt64 = 29
    static let keyBigramPrev: UInt64 = 30, keyBigramNext: UInt64 = 31, length: UInt64 = 32
    static let lexical: UInt64 = 33, lexicalM1: UInt64 = 34, lexicalM2: UInt64 = 35, lexicalP1: UInt64 = 36, lexicalP2: UInt64 = 37
    static let freq: UInt64 = 38, freqM1: UInt64 = 39, freqP1: UInt64 = 40
    static let clusterFine: UInt64 = 41, clusterMid: UInt64 = 42, clusterCoarse: UInt64 = 43
    static let clusterMidM1: UInt64 = 44, clusterMidP1: UInt64 = 45, clusterFineM1: UInt64 = 46, clusterFineP1: UInt64 = 47
    static let clusterCoarseM2: UInt64 = 52, clusterCoarseP2: UInt64 = 53, freqLexPrev: UInt64 = 54
    static let transitionBase: UInt64 = 100   // + previous label index (or start)
    static let prevLabelStemBase: UInt64 = 200  // + previous label index (or start)

    static let beginHash = fnv("<s>")
    static let endHash = fnv("</s>")

    @inline(__always) static func transition(_ p: Int) -> UInt64 { make(transitionBase + UInt64(p), 0) }
    @inline(__always) static func prevLabelStem(_ p: Int, _ stemHash: UInt64) -> UInt64 {
        make(prevLabelStemBase + UInt64(p), stemHash)
    }
}

enum TaggerFeatureExtractor {

    /// Static (label-independent) features of a sentence, flattened.
    struct Output {
        var feats: [UInt64] = []
        /// `feats[offsets[i] ..< offsets[i + 1]]` belong to token i.
        var offsets: [Int] = [0]
        /// Per-token stem hash, for the "previous label + stem" features.
        var stemHash: [UInt64] = []
        var count: Int { stemHash.count }
    }

    static func extract(_ s: [TaggerToken], into out: inout Output) {
        let n = s.count
        out.feats.removeAll(keepingCapacity: true)
        out.feats.reserveCapacity(n * 36)
        out.offsets.removeAll(keepingCapacity: true)
        out.offsets.reserveCapacity(n + 1)
        out.offsets.append(0)
        // Per-token value hashes, reused by neighbours.
        var keyH = [UInt64](repeating: 0, count: n)
        var stemH = [UInt64](repeating: 0, count: n)
        var gazH = [UInt64](repeating: 0, count: n)   // 0 = none
        var ncH = [UInt64](repeating: 0, count: n)    // 0 = none
        var lex = [UInt64](repeating: 0, count: n)
        var freq = [UInt64](repeating: 0, count: n)
        var cl = [UInt32](repeating: 0, count: n)    // packed clusters, 0 = unknown word
        let clusters = WordClusters.bundled
        for i in 0..<n {
            let t = s[i]
            keyH[i] = TaggerFeature.fnv(t.key)
            stemH[i] = t.stem.isEmpty ? keyH[i] : TaggerFeature.fnv(t.stem)
            if !t.gazetteer.isEmpty { gazH[i] = TaggerFeature.fnv(t.gazetteer) }
            if !t.nameClass.isEmpty { ncH[i] = TaggerFeature.fnv(t.nameClass) }
            lex[i] = UInt64(t.lexical)
            var row = clusters.row(stemH[i])
            if row < 0 && !t.stem.isEmpty { row = clusters.row(keyH[i]) }
            if row >= 0 {
                cl[i] = clusters.packed[row]
                freq[i] = UInt64(clusters.digits[row])
            }
        }
        let none = TaggerFeature.fnv("-")
        for i in 0..<n {
            let t = s[i]
            out.feats.append(TaggerFeature.make(TaggerFeature.bias, 0))
            out.feats.append(TaggerFeature.make(TaggerFeature.key, keyH[i]))
            out.feats.append(TaggerFeature.make(TaggerFeature.stem, stemH[i]))
            if !t.prefix.isEmpty { out.feats.append(TaggerFeature.make(TaggerFeature.prefix, TaggerFeature.fnv(t.prefix))) }
            if !t.suffix.isEmpty { out.feats.append(TaggerFeature.make(TaggerFeature.suffix, TaggerFeature.fnv(t.suffix))) }
            affixes(t.stem.isEmpty ? t.key : t.stem, into: &out.feats)
            shape(t.surface, into: &out.feats)
            if t.isCapitalized { out.feats.append(TaggerFeature.make(TaggerFeature.capitalized, 0)) }
            if gazH[i] != 0 { out.feats.append(TaggerFeature.make(TaggerFeature.gazetteer, gazH[i])) }
            if ncH[i] != 0 { out.feats.append(TaggerFeature.make(TaggerFeature.nameClass, ncH[i])) }
            let kM1 = i > 0 ? keyH[i - 1] : TaggerFeature.beginHash
            let kP1 = i + 1 < n ? keyH[i + 1] : TaggerFeature.endHash
            out.feats.append(TaggerFeature.make(TaggerFeature.keyM1, kM1))
            out.feats.append(TaggerFeature.make(TaggerFeature.keyP1, kP1))
            out.feats.append(TaggerFeature.make(TaggerFeature.stemM1, i > 0 ? stemH[i - 1] : TaggerFeature.beginHash))
            out.feats.append(TaggerFeature.make(TaggerFeature.stemP1, i + 1 < n ? stemH[i + 1] : TaggerFeature.endHash))
            out.feats.append(TaggerFeature.make(TaggerFeature.stemM2, i > 1 ? stemH[i - 2] : TaggerFeature.beginHash))
            out.feats.append(TaggerFeature.make(TaggerFeature.stemP2, i + 2 < n ? stemH[i + 2] : TaggerFeature.endHash))
            out.feats.append(TaggerFeature.make(TaggerFeature.keyBigramPrev, kM1, keyH[i]))
            out.feats.append(TaggerFeature.make(TaggerFeature.keyBigramNext, keyH[i], kP1))
            let gM1 = i > 0 ? gazH[i - 1] : TaggerFeature.beginHash
            let gP1 = i + 1 < n ? gazH[i + 1] : TaggerFeature.endHash
            if gM1 != 0 || gazH[i] != 0 { out.feats.append(TaggerFeature.make(TaggerFeature.gazM1, gM1 == 0 ? none : gM1)) }
            if gP1 != 0 || gazH[i] != 0 { out.feats.append(TaggerFeature.make(TaggerFeature.gazP1, gP1 == 0 ? none : gP1)) }
            if i > 0 && ncH[i - 1] != 0 { out.feats.append(TaggerFeature.make(TaggerFeature.ncM1, ncH[i - 1])) }
            if i + 1 < n && ncH[i + 1] != 0 { out.feats.append(TaggerFeature.make(TaggerFeature.ncP1, ncH[i + 1])) }
            // context-word classes (titles, organisation heads, place triggers, function words) in a ±2 window
            if lex[i] != 0 { out.feats.append(TaggerFeature.make(TaggerFeature.lexical, lex[i])) }
            if i > 0 && lex[i - 1] != 0 { out.feats.append(TaggerFeature.make(TaggerFeature.lexicalM1, lex[i - 1])) }
            if i > 1 && lex[i - 2] != 0 { out.feats.append(TaggerFeature.make(TaggerFeature.lexicalM2, lex[i - 2])) }
            if i + 1 < n && lex[i + 1] != 0 { out.feats.append(TaggerFeature.make(TaggerFeature.lexicalP1, lex[i + 1])) }
            if i + 2 < n && lex[i + 2] != 0 { out.feats.append(TaggerFeature.make(TaggerFeature.lexicalP2, lex[i + 2])) }
            // corpus-frequency bucket (decimal digits of the count; 0 = rarer than the cluster table), alone and with the
            // previous word's class
            out.feats.append(TaggerFeature.make(TaggerFeature.freq, freq[i]))
            out.feats.append(TaggerFeature.make(TaggerFeature.freqLexPrev, freq[i] << 8 | (i > 0 ? lex[i - 1] : 0x80)))
            // distributional clusters: the word's three granularities, the neighbours' mid clusters
            let c = cl[i]
            out.feats.append(TaggerFeature.make(TaggerFeature.clusterFine, UInt64(c)))
            if c != 0 {
                out.feats.append(TaggerFeature.make(TaggerFeature.clusterMid, UInt64(c >> 11)))
                out.feats.append(TaggerFeature.make(TaggerFeature.clusterCoarse, UInt64(c >> 22)))
            }
            let cm1: UInt32 = i > 0 ? cl[i - 1] : 0xFFFF_FFFF, cp1: UInt32 = i + 1 < n ? cl[i + 1] : 0xFFFF_FFFF
            out.feats.append(TaggerFeature.make(TaggerFeature.clusterMidM1, UInt64(cm1 >> 11)))
            out.feats.append(TaggerFeature.make(TaggerFeature.clusterMidP1, UInt64(cp1 >> 11)))
            out.offsets.append(out.feats.count)
        }
        out.stemHash = stemH
    }

    /// Prefixes and suffixes of length 1–3 (in scalars), the ال test and the stem without ال, and a length bucket.
    @inline(__always) static func affixes(_ stem: String, into f: inout [UInt64]) {
        var n = 0
        for b in stem.utf8 where b & 0xC0 != 0x80 { n += 1 }
        if n == 0 { return }
        var pre = TaggerFeature.fnvOffset
        var suf = (TaggerFeature.fnvOffset, TaggerFeature.fnvOffset, TaggerFeature.fnvOffset)  // lengths 3, 2, 1
        var noAl = TaggerFeature.fnvOffset
        var j = -1      // index of current scalar
        var byte = 0
        var al = 0      // matched bytes of "ال" (D8 A7 D9 84)
        let alBytes: (UInt8, UInt8, UInt8, UInt8) = (0xD8, 0xA7, 0xD9, 0x84)
        for b in stem.utf8 {
            if b & 0xC0 != 0x80 {
                j += 1
                if j >= 1 && j <= 3 { f.append(TaggerFeature.make(TaggerFeature.stemPrefix1 + UInt64(j - 1), pre)) }
            }
            if j < 3 { pre = TaggerFeature.fnv(pre, b) }
            if j >= n - 3 { suf.0 = TaggerFeature.fnv(suf.0, b) }
            if j >= n - 2 { suf.1 = TaggerFeature.fnv(suf.1, b) }
            if j >= n - 1 { suf.2 = TaggerFeature.fnv(suf.2, b) }
            if byte < 4 {
                let want: UInt8 = byte == 0 ? alBytes.0 : byte == 1 ? alBytes.1 : byte == 2 ? alBytes.2 : alBytes.3
                if b == want && al == byte { al += 1 }
            } else {
                noAl = TaggerFeature.fnv(noAl, b)
            }
            byte += 1
        }
        if n <= 3 { f.append(TaggerFeature.make(TaggerFeature.stemPrefix1 + UInt64(n - 1), pre)) }
        if n >= 3 { f.append(TaggerFeature.make(TaggerFeature.stemSuffix1 + 2, suf.0)) }
        if n >= 2 { f.append(TaggerFeature.make(TaggerFeature.stemSuffix1 + 1, suf.1)) }
        f.append(TaggerFeature.make(TaggerFeature.stemSuffix1, suf.2))
        if al == 4 && n > 3 {
            f.append(TaggerFeature.make(TaggerFeature.hasAl, 0))
            f.append(TaggerFeature.make(TaggerFeature.stemNoAl, noAl))
        }
        f.append(TaggerFeature.make(TaggerFeature.length, UInt64(min(n, 8))))
    }

    /// Word shape of the surface (X upper Latin, x lower Latin, d digit, a Arabic letter, L other letter, the
    /// character itself for ASCII punctuation, p other; runs collapsed, at most 6 classes), plus digit features.
    @inline(__always) static func shape(_ surface: String, into f: inout [UInt64]) {
        let (h, digits) = shapeHash(surface)
        f.append(TaggerFeature.make(TaggerFeature.shape, h))
        if digits != 0 { f.append(TaggerFeature.make(digits == 2 ? TaggerFeature.allDigits : TaggerFeature.hasDigit, 0)) }
    }

    /// The shape hash of `shape` and its digit class: 0 no digit, 1 some digits, 2 digits only.
    @inline(__always) static func shapeHash(_ surface: String) -> (UInt64, UInt8) { shapeHash(scalars: surface.unicodeScalars) }

    @inline(__always) static func shapeHash<S: Sequence>(scalars: S) -> (UInt64, UInt8) where S.Element == Unicode.Scalar {
        var h = TaggerFeature.fnvOffset
        var last: UInt32 = 0
        var classes = 0
        var digits = 0
        var total = 0
        for s in scalars {
            let v = s.value
            let c: UInt32
            switch v {
            case 0x41...0x5A: c = 0x58        // X
            case 0x61...0x7A: c = 0x78        // x
            case 0x30...0x39, 0x0660...0x0669, 0x06F0...0x06F9: c = 0x64; digits += 1  // d
            case 0x0621...0x064A, 0x0671...0x06D3: c = 0x61  // a
            case 0x21...0x2F, 0x3A...0x40, 0x5B...0x60, 0x7B...0x7E: c = v
            case 0x064B...0x065F, 0x0640: continue  // diacritics, tatweel
            default: c = s.properties.isAlphabetic ? 0x4C : 0x70  // L / p
            }
            total += 1
            if c != last && classes < 6 {
                h = TaggerFeature.fnv(h, UInt8(c))
                last = c
                classes += 1
            }
        }
        return (h, digits == 0 ? 0 : digits == total ? 2 : 1)
    }
}

// MARK: - Word clusters

/// Distributional word clusters (`Resources/models/word-clusters-ar.tsv`, made by `Scripts/gen-word-clusters.py`):
/// normalised word → three nested cluster numbers (fine, mid, coarse) and its corpus count, looked up by the word's
/// FNV hash so the tagger never hashes an Arabic String for them.
struct WordClusters: Sendable {
    var table = TaggerFeatureTable(capacity: 16)
    /// Packed clusters per row: fine + 1 in bits 0–10, mid + 1 in bits 11–21, coarse + 1 in bits 22–31; 0 for a
    /// word listed for its count only.
    var packed: [UInt32] = []
    /// Decimal digits of the word's corpus count (1...6), per row.
    var digits: [UInt8] = []

    static let bundled: WordClusters = {
        guard let text = try? BundledResources.text("models/word-clusters-ar.tsv") else { return WordClusters() }
        return WordClusters(tsv: text)
    }()

    init() {}

    init(tsv: String) {
        var text = tsv
        var lines = 0, crs = 0
        text.withUTF8 { buf in
            for b in buf {
                lines &+= b == 0x0A ? 1 : 0
                crs &+= b == 0x0D ? 1 : 0
            }
        }
        table = TaggerFeatureTable(capacity: lines)
        packed.reserveCapacity(lines)
        // "\r\n" is one Character, so String splitting would not end lines there: keep that reading
        if crs > 0 { loadLines(tsv); return }
        // (the first five non-empty cells of a line, as bounds in a buffer on the stack: no array of ranges per line)
        text.withUTF8 { buf in withUnsafeTemporaryAllocation(of: Int.self, capacity: 10) { fb in
            var s = 0
            while s < buf.count {
                var e = s
                while e < buf.count && buf[e] != 0x0A { e += 1 }
                defer { s = e + 1 }
                if e == s { continue }
                if buf[s] == 0x23 && (e == s + 1 || buf[s + 1] < 0x80) { continue }
                if buf[s] == 0x23 && String(decoding: UnsafeBufferPointer(rebasing: buf[s..<e]), as: UTF8.self).first == "#" { continue }
                var count = 0
                var f = s, i = s
                while i <= e && count < 5 {
                    if i == e || buf[i] == 0x09 {
                        if i > f { fb[2 * count] = f; fb[2 * count + 1] = i; count += 1 }
                        f = i + 1
                    }
                    i += 1
                }
                func field(_ k: Int) -> Range<Int> { fb[2 * k]..<fb[2 * k + 1] }
                guard count >= 5, let n = WordClusters.integer(buf, field(4), Int.self) else { continue }
                var p: UInt32 = 0
                if let f = WordClusters.integer(buf, field(1), UInt32.self), let m = WordClusters.integer(buf, field(2), UInt32.self),
                   let k = WordClusters.integer(buf, field(3), UInt32.self) {
                    guard f < 2047, m < 2047, k < 1023 else { continue }
                    p = (f + 1) | (m + 1) << 11 | (k + 1) << 22
                }
                add(WordClusters.keyHash(UnsafeBufferPointer(rebasing: buf[field(0)])), p, n)
            }
        } }
    }

    /// The reading of `init(tsv:)` on String lines and cells.
    private mutating func loadLines(_ tsv: String) {
        for line in tsv.split(separator: "\n", omittingEmptySubsequences: true) where line.first != "#" {
            let c = line.split(separator: "\t")
            guard c.count >= 5, let n = Int(c[4]) else { continue }
            var p: UInt32 = 0   // "-": counted, not clustered
            if let f = UInt32(c[1]), let m = UInt32(c[2]), let k = UInt32(c[3]) {
                guard f < 2047, m < 2047, k < 1023 else { continue }
                p = (f + 1) | (m + 1) << 11 | (k + 1) << 22
            }
            add(TaggerFeature.fnv(Normalizer.key(String(c[0]))), p, n)
        }
    }

    private mutating func add(_ wordHash: UInt64, _ p: UInt32, _ count: Int) {
        let key = WordClusters.slot(wordHash)
        if table.find(key) >= 0 { return }
        _ = table.insert(key)
        packed.append(p)
        var n = count
        var d: UInt8 = 0
        while n > 0 && d < 6 { n /= 10; d += 1 }
        digits.append(d)
    }

    /// `T(cell)` for a cell of bytes: plain digits directly, anything else through the String parser.
    private static func integer<T: FixedWidthInteger>(_ buf: UnsafeBufferPointer<UInt8>, _ r: Range<Int>, _: T.Type) -> T? {
        // ("-", a word counted but not clustered, is no number: said without making a String)
        if r.count == 1 && buf[r.lowerBound] == 0x2D { return nil }
        if r.count <= 9 {
            var v = 0
            for i in r {
                let d = buf[i] &- 0x30
                if d > 9 { return T(String(decoding: UnsafeBufferPointer(rebasing: buf[r]), as: UTF8.self)) }
                v = v * 10 + Int(d)
            }
            return T(exactly: v)
        }
        return T(String(decoding: UnsafeBufferPointer(rebasing: buf[r]), as: UTF8.self))
    }

    /// `TaggerFeature.fnv(Normalizer.key(word))`, hashing the bytes directly when every scalar is its own key (ASCII
    /// other than capitals, the plain Arabic letters).
    private static func keyHash(_ u: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var i = 0
        while i < u.count {
            let b = u[i]
            if b < 0x80 {
                if b >= 0x41 && b <= 0x5A { break }
                i += 1
            } else if (b == 0xD8 || b == 0xD9) && i + 1 < u.count {
                let v = (UInt32(b & 0x1F) << 6) | UInt32(u[i + 1] & 0x3F)
                guard v == 0x0627 || v == 0x0628 || (0x062A...0x063A).contains(v) || (0x0641...0x0648).contains(v) || v == 0x064A else { break }
                i += 2
            } else {
                break
            }
        }
        if i == u.count {
            var h = TaggerFeature.fnvOffset
            for b in u { h = TaggerFeature.fnv(h, b) }
            return h
        }
        return TaggerFeature.fnv(Normalizer.key(String(decoding: u, as: UTF8.self)))
    }

    @inline(__always) static func slot(_ wordHash: UInt64) -> UInt64 {
        let r = TaggerFeature.mix(wordHash ^ 0x2545_F491_4F6C_DD1D)
        return r == 0 ? 1 : r
    }

    /// The row of the word with this FNV hash, -1 if unknown.
    @inline(__always) func row(_ wordHash: UInt64) -> Int {
        packed.isEmpty ? -1 : table.find(WordClusters.slot(wordHash))
    }

    /// Loads the table slot `row(wordHash)` reads first (see `TaggerFeatureTable.touch`).
    @inline(__always) func touch(_ wordHash: UInt64) -> UInt64 { packed.isEmpty ? 0 : table.touch(WordClusters.slot(wordHash)) }

    /// Packed clusters of the word with this FNV hash, 0 if unknown.
    @inline(__always) func lookup(_ wordHash: UInt64) -> UInt32 {
        let r = row(wordHash)
        return r < 0 ? 0 : packed[r]
    }

    /// The corpus count of the word with this FNV hash is at least 10^(n-1) (n = 0 if unknown).
    @inline(__always) func countDigits(_ wordHash: UInt64) -> Int {
        let r = row(wordHash)
        return r < 0 ? 0 : Int(digits[r])
    }
}

// MARK: - TaggerFeature table

/// Open-addressing hash table from 64-bit feature hashes to dense row numbers (linear probing; key 0 = empty).
/// The hashes are already well mixed, so the low bits index the table directly. Each slot holds the key and its row
/// side by side (`slots[2s]`, `slots[2s + 1]`), so a lookup touches one cache line.
struct TaggerFeatureTable: Sendable {
    var slots: [UInt64]
    var count = 0
    var mask: Int

    init(capacity: Int = 1024) {
        var cap = 16
        while cap < capacity * 2 { cap <<= 1 }
        slots = [UInt64](repeating: 0, count: 2 * cap)
        mask = cap - 1
    }

    /// Number of slots (used or not).
    var capacity: Int { mask + 1 }
    /// The key in slot `s`, 0 if the slot is empty.
    @inline(__always) func key(at s: Int) -> UInt64 { slots[2 * s] }
    /// The row of the key in slot `s`.
    @inline(__always) func row(at s: Int) -> Int { Int(slots[2 * s + 1]) }

    /// The row of `key`, or -1.
    @inline(__always) func find(_ key: UInt64) -> Int {
        slots.withUnsafeBufferPointer { k in
            var i = Int(truncatingIfNeeded: key) & mask
            while true {
                let x = k[2 * i]
                if x == key { return Int(k[2 * i + 1]) }
                if x == 0 { return -1 }
                i = (i + 1) & mask
            }
        }
    }

    /// The key in `key`'s first slot: loads the slot, so that a `find` soon after finds it in cache.
    @inline(__always) func touch(_ key: UInt64) -> UInt64 { slots[2 * (Int(truncatingIfNeeded: key) & mask)] }

    /// The row of `key`, inserting it (as row `count`) if absent.
    mutating func insert(_ key: UInt64) -> Int {
        if (count + 1) * 10 > capacity * 6 { grow() }
        var i = Int(truncatingIfNeeded: key) & mask
        while true {
            let x = slots[2 * i]
            if x == key { return Int(slots[2 * i + 1]) }
            if x == 0 {
                slots[2 * i] = key
                slots[2 * i + 1] = UInt64(count)
                count += 1
                return count - 1
            }
            i = (i + 1) & mask
        }
    }

    private mutating func grow() {
        let old = slots
        let cap = capacity * 2
        slots = [UInt64](repeating: 0, count: 2 * cap)
        mask = cap - 1
        for s in 0..<(old.count / 2) where old[2 * s] != 0 {
            var i = Int(truncatingIfNeeded: old[2 * s]) & mask
            while slots[2 * i] != 0 { i = (i + 1) & mask }
            slots[2 * i] = old[2 * s]
            slots[2 * i + 1] = old[2 * s + 1]
        }
    }
}

// MARK: - Word cache

/// The free `TaggerWordCache`s of one tagger: `tag` takes one for a sentence and puts it back, so a cache is never
/// used by two threads at once and each warms up over the documents its thread tags.
final class TaggerWordCachePool: @unchecked Sendable {
    private let lock = NSLock()
    private var free: [TaggerWordCache] = []

    func take(_ tagger: SequenceTagger) -> TaggerWordCache {
        lock.lock()
        let cache = free.popLast()
        lock.unlock()
        return cache ?? TaggerWordCache(tagger)
    }

    func put(_ cache: TaggerWordCache) {
        lock.lock()
        free.append(cache)
        lock.unlock()
    }
}

/// Emission scores of the words seen before, so a word's model rows are looked up once, not at every occurrence.
/// A word is identified as the features see it: the FNV hashes of its strings and its small attributes. Each word
/// keeps the summed weights of its own context-free features, of the features it gives its neighbours (`keyM1`,
/// `stemM1`... to the next token, `keyP1`... to the previous one, the ±2 templates likewise) and its
/// prevLabelStem rows; only key bigrams, gazetteer context and `freqLexPrev` are looked up per token. The sums are
/// exactly those of `TaggerFeatureExtractor.extract` + `TaggerDecoder.viterbi` (integers; weights ≤ 2^24 keep
/// them in 32 bits).
final class TaggerWordCache {
    struct Word: Equatable {
        var key: UInt64, stem: UInt64, prefix: UInt64, suffix: UInt64, shape: UInt64, nameClass: UInt64
        /// bit 0 prefix, bit 1 suffix, bits 2–3 digit class, bit 4 capitalised, bits 8–15 lexical classes
        var flags: UInt64
        var lexical: UInt8 { UInt8(truncatingIfNeeded: flags >> 8) }

        init(key: UInt64, stem: UInt64, prefix: UInt64, suffix: UInt64, shape: UInt64, nameClass: UInt64, flags: UInt64) {
            self.key = key
            self.stem = stem
            self.prefix = prefix
            self.suffix = suffix
            self.shape = shape
            self.nameClass = nameClass
            self.flags = flags
        }

        /// The word of a token's strings.
        init(_ t: TaggerToken) {
            self.init(key: t.key, stem: t.stem, prefix: t.prefix, suffix: t.suffix, nameClass: t.nameClass)
            setToken(TaggerFeatureExtractor.shapeHash(t.surface), capitalized: t.isCapitalized, lexical: t.lexical)
        }

        /// The per-word part, from the strings of a `TaggerToken` (`stem` "" when the same as `key`).
        init(key: String, stem: String, prefix: String, suffix: String, nameClass: String) {
            let kh = TaggerFeature.fnv(key)
            self.init(keyHash: kh, stemHash: stem.isEmpty ? kh : TaggerFeature.fnv(stem), prefix: prefix, suffix: suffix, nameClass: nameClass)
        }

        /// The per-word part, from the hashes of key and tagger stem and the other strings.
        init(keyHash: UInt64, stemHash: UInt64, prefix: String, suffix: String, nameClass: String) {
            self.init(key: keyHash, stem: stemHash, prefix: 0, suffix: 0, shape: 0,
                      nameClass: nameClass.isEmpty ? 0 : TaggerFeature.fnv(nameClass), flags: 0)
            if !prefix.isEmpty { self.prefix = TaggerFeature.fnv(prefix); flags |= 1 }
            if !suffix.isEmpty { self.suffix = TaggerFeature.fnv(suffix); flags |= 2 }
        }

        /// Sets the per-token part: shape hash and digit class, capitalisation, lexical classes.
        mutating func setToken(_ shape: (UInt64, UInt8), capitalized: Bool, lexical: UInt8) {
            self.shape = shape.0
            flags = flags & 3 | UInt64(shape.1) << 2 | (capitalized ? 16 : 0) | UInt64(lexical) << 8
        }
    }

    static let maxWords = 1 << 17
    static let L = SequenceTagger.L
    /// Sums per word: own, to the next token, to the previous, to the next but one, to the previous but one.
    static let V = 5 * L

    /// The words and what was looked up for them. `emissions` takes it out of the cache for a sentence and puts it
    /// back: words are found and added in a local value, where each access to a class's property would be checked
    /// for exclusivity at run time.
    private struct Store {
        var words: [Word] = []
        var sums: [Int32] = []
        /// prevLabelStem rows per word, `L + 1` each.
        var edges: [Int32] = []
        var freq: [UInt8] = []
        var index: [Int32] = []
        var scratch: [UInt64] = []
    }
    private var store = Store()
    private let mask: Int
    /// What stands for the missing neighbours at the sentence edges: before 1, before 2, after 1, after 2.
    private var boundary: [Int32]
    /// Rows of `freqLexPrev` by `freq << 8 | previous lexical`, -2 until looked up.
    private var freqLexRows = [Int32](repeating: -2, count: 8 * 256)

    init(_ tagger: SequenceTagger) {
        store.index = [Int32](repeating: -1, count: 4 * TaggerWordCache.maxWords)
        mask = store.index.count - 1
        let L = TaggerWordCache.L
        boundary = [Int32](repeating: 0, count: 4 * L)
        let edge = UInt64(UInt32.max >> 11)
        tagger.weights.withUnsafeBufferPointer { w in
            func add(_ f: UInt64, _ part: Int) {
                let r = tagger.table.find(f)
                if r >= 0 { for y in 0..<L { boundary[part * L + y] += w[r * L + y] } }
            }
            add(TaggerFeature.make(TaggerFeature.keyM1, TaggerFeature.beginHash), 0)
            add(TaggerFeature.make(TaggerFeature.stemM1, TaggerFeature.beginHash), 0)
            add(TaggerFeature.make(TaggerFeature.clusterMidM1, edge), 0)
            add(TaggerFeature.make(TaggerFeature.stemM2, TaggerFeature.beginHash), 1)
            add(TaggerFeature.make(TaggerFeature.keyP1, TaggerFeature.endHash), 2)
            add(TaggerFeature.make(TaggerFeature.stemP1, TaggerFeature.endHash), 2)
            add(TaggerFeature.make(TaggerFeature.clusterMidP1, edge), 2)
            add(TaggerFeature.make(TaggerFeature.stemP2, TaggerFeature.endHash), 3)
        }
    }

    private static func clear(_ st: inout Store) {
        st.words.removeAll(keepingCapacity: true)
        st.sums.removeAll(keepingCapacity: true)
        st.edges.removeAll(keepingCapacity: true)
        st.freq.removeAll(keepingCapacity: true)
        for i in st.index.indices { st.index[i] = -1 }
    }

    /// The word's number, adding it (and looking up its rows) if new.
    @inline(__always) private static func hash(_ word: Word) -> UInt64 {
        var h = TaggerFeature.mix(word.key ^ TaggerFeature.mix(word.stem))
        h = TaggerFeature.mix(h ^ word.shape ^ word.flags &* 0x9E37_79B9_7F4A_7C15)
        h ^= word.prefix ^ word.suffix &* 3 ^ word.nameClass &* 5
        return h
    }

    /// Written by `emissions`' first pass so its loads are kept.
    private var sink = 0

    private static func id(_ word: Word, _ t: TaggerToken, _ tagger: SequenceTagger, _ w: UnsafeBufferPointer<Int32>,
                           _ st: inout Store, mask: Int) -> Int {
        let h = Self.hash(word)
        var slot = Int(truncatingIfNeeded: h) & mask
        while true {
            let e = Int(st.index[slot])
            if e < 0 { break }
            if st.words[e] == word { return e }
            slot = (slot + 1) & mask
        }
        let e = st.words.count
        st.index[slot] = Int32(e)
        st.words.append(word)
        add(word, t, tagger, w, &st)
        return e
    }

    private static func add(_ word: Word, _ t: TaggerToken, _ tagger: SequenceTagger, _ w: UnsafeBufferPointer<Int32>,
                            _ st: inout Store) {
        let L = TaggerWordCache.L
        // the word's sums are added up in place at the end of `sums` (no array per word)
        let o = st.sums.count
        st.sums.append(contentsOf: repeatElement(0, count: TaggerWordCache.V))
        let table = tagger.table
        // (the affixes first, into the store's scratch array: the sums are then added up through one pointer, with
        // no uniqueness check of the store per label)
        var scratch: [UInt64] = []
        swap(&scratch, &st.scratch)
        defer { swap(&scratch, &st.scratch) }
        scratch.removeAll(keepingCapacity: true)
        TaggerFeatureExtractor.affixes(t.stem.isEmpty ? t.key : t.stem, into: &scratch)
        let clusters = WordClusters.bundled
        var row = clusters.row(word.stem)
        if row < 0 && word.stem != word.key { row = clusters.row(word.key) }
        let c: UInt32 = row >= 0 ? clusters.packed[row] : 0
        let fq: UInt8 = row >= 0 ? clusters.digits[row] : 0
        let lex = UInt64(word.lexical)
        st.sums.withUnsafeMutableBufferPointer { sums in
            let sum = sums.baseAddress! + o
            func add(_ f: UInt64, _ part: Int) {
                let r = table.find(f)
                if r >= 0 { for y in 0..<L { sum[part * L + y] += w[r * L + y] } }
            }
            // own features
            add(TaggerFeature.make(TaggerFeature.bias, 0), 0)
            add(TaggerFeature.make(TaggerFeature.key, word.key), 0)
            add(TaggerFeature.make(TaggerFeature.stem, word.stem), 0)
            if word.flags & 1 != 0 { add(TaggerFeature.make(TaggerFeature.prefix, word.prefix), 0) }
            if word.flags & 2 != 0 { add(TaggerFeature.make(TaggerFeature.suffix, word.suffix), 0) }
            for f in scratch { add(f, 0) }
            add(TaggerFeature.make(TaggerFeature.shape, word.shape), 0)
            let digits = (word.flags >> 2) & 3
            if digits != 0 { add(TaggerFeature.make(digits == 2 ? TaggerFeature.allDigits : TaggerFeature.hasDigit, 0), 0) }
            if word.flags & 16 != 0 { add(TaggerFeature.make(TaggerFeature.capitalized, 0), 0) }
            if word.nameClass != 0 { add(TaggerFeature.make(TaggerFeature.nameClass, word.nameClass), 0) }
            if lex != 0 { add(TaggerFeature.make(TaggerFeature.lexical, lex), 0) }
            add(TaggerFeature.make(TaggerFeature.freq, UInt64(fq)), 0)
            add(TaggerFeature.make(TaggerFeature.clusterFine, UInt64(c)), 0)
            if c != 0 {
                add(TaggerFeature.make(TaggerFeature.clusterMid, UInt64(c >> 11)), 0)
                add(TaggerFeature.make(TaggerFeature.clusterCoarse, UInt64(c >> 22)), 0)
            }
            // as the previous word of the next token
            add(TaggerFeature.make(TaggerFeature.keyM1, word.key), 1)
            add(TaggerFeature.make(TaggerFeature.stemM1, word.stem), 1)
            if word.nameClass != 0 { add(TaggerFeature.make(TaggerFeature.ncM1, word.nameClass), 1) }
            if lex != 0 { add(TaggerFeature.make(TaggerFeature.lexicalM1, lex), 1) }
            add(TaggerFeature.make(TaggerFeature.clusterMidM1, UInt64(c >> 11)), 1)
            // as the next word of the previous token
            add(TaggerFeature.make(TaggerFeature.keyP1, word.key), 2)
            add(TaggerFeature.make(TaggerFeature.stemP1, word.stem), 2)
            if word.nameClass != 0 { add(TaggerFeature.make(TaggerFeature.ncP1, word.nameClass), 2) }
            if lex != 0 { add(TaggerFeature.make(TaggerFeature.lexicalP1, lex), 2) }
            add(TaggerFeature.make(TaggerFeature.clusterMidP1, UInt64(c >> 11)), 2)
            // two tokens away
            add(TaggerFeature.make(TaggerFeature.stemM2, word.stem), 3)
            if lex != 0 { add(TaggerFeature.make(TaggerFeature.lexicalM2, lex), 3) }
            add(TaggerFeature.make(TaggerFeature.stemP2, word.stem), 4)
            if lex != 0 { add(TaggerFeature.make(TaggerFeature.lexicalP2, lex), 4) }
        }
        for p in 0...L { st.edges.append(Int32(table.find(TaggerFeature.prevLabelStem(p, word.stem)))) }
        st.freq.append(fq)
    }

    /// Emission scores (`[i * L + y]`) and prevLabelStem rows (`[i * (L + 1) + p]`) of a sentence, as
    /// `TaggerDecoder.decode` takes them.
    func emissions(_ s: [TaggerToken], _ tagger: SequenceTagger, _ w: UnsafeBufferPointer<Int32>) -> ([Int], [Int32]) {
        let n = s.count, L = TaggerWordCache.L, V = TaggerWordCache.V
        var st = Store()
        swap(&st, &store)
        defer { swap(&st, &store) }
        if st.words.count + n > TaggerWordCache.maxWords { Self.clear(&st) }
        let mask = self.mask
        var ids = [Int](repeating: 0, count: n)
        var keyH = [UInt64](repeating: 0, count: n)
        var gazH = [UInt64](repeating: 0, count: n)
        // tokens read in place: copying a TaggerToken retains and releases its seven strings
        s.withUnsafeBufferPointer { sb in
            // first, the known words' index slots, entries and sums are only touched: independent loads, so their
            // cache misses overlap instead of coming one after the other in the passes below
            var touched = 0
            st.index.withUnsafeBufferPointer { ix in
                st.words.withUnsafeBufferPointer { wd in
                    st.sums.withUnsafeBufferPointer { sm in
                        let V = TaggerWordCache.V
                        for i in 0..<n {
                            guard let word = sb[i].word else { continue }
                            let e = Int(ix[Int(truncatingIfNeeded: Self.hash(word)) & mask])
                            if e >= 0 && e < wd.count {
                                touched &+= Int(truncatingIfNeeded: wd[e].key) &+ Int(sm[e * V]) &+ Int(sm[e * V + 16]) &+ Int(sm[e * V + 32]) &+ Int(sm[e * V + V - 1])
                            }
                        }
                    }
                }
            }
            sink &+= touched
            for i in 0..<n {
                let word = sb[i].word ?? Word(sb[i])
                ids[i] = Self.id(word, sb[i], tagger, w, &st, mask: mask)
                keyH[i] = word.key
                if !sb[i].gazetteer.isEmpty { gazH[i] = TaggerFeature.fnv(sb[i].gazetteer) }
            }
        }
        var emit = [Int](repeating: 0, count: n * L)
        var edge = [Int32](repeating: -1, count: n * (L + 1))
        let none = TaggerWordCache.none
        let table = tagger.table
        let freq = st.freq, edges = st.edges
        var lexical = [UInt8](repeating: 0, count: n)
        for i in 0..<n { lexical[i] = st.words[ids[i]].lexical }
        var freqLexRows: [Int32] = []
        swap(&freqLexRows, &self.freqLexRows)
        defer { swap(&freqLexRows, &self.freqLexRows) }
        emit.withUnsafeMutableBufferPointer { e in
            st.sums.withUnsafeBufferPointer { sm in
                boundary.withUnsafeBufferPointer { bd in
                    func addRow(_ r: Int, _ base: Int) {
                        if r >= 0 { for y in 0..<L { e[base + y] += Int(w[r * L + y]) } }
                    }
                    for i in 0..<n {
                        let base = i * L
                        let own = ids[i] * V
                        let m1 = i > 0 ? ids[i - 1] * V + L : -1
                        let m2 = i > 1 ? ids[i - 2] * V + 3 * L : -1
                        let p1 = i + 1 < n ? ids[i + 1] * V + 2 * L : -1
                        let p2 = i + 2 < n ? ids[i + 2] * V + 4 * L : -1
                        // (the five rows chosen before the label loop, which then only adds)
                        let s0 = sm.baseAddress!, b0 = bd.baseAddress!
                        let rOwn = s0 + own
                        let rM1 = m1 >= 0 ? s0 + m1 : b0
                        let rM2 = m2 >= 0 ? s0 + m2 : b0 + L
                        let rP1 = p1 >= 0 ? s0 + p1 : b0 + 2 * L
                        let rP2 = p2 >= 0 ? s0 + p2 : b0 + 3 * L
                        for y in 0..<L {
                            e[base + y] = Int(rOwn[y]) + Int(rM1[y]) + Int(rM2[y]) + Int(rP1[y]) + Int(rP2[y])
                        }
                        let kM1 = i > 0 ? keyH[i - 1] : TaggerFeature.beginHash
                        let kP1 = i + 1 < n ? keyH[i + 1] : TaggerFeature.endHash
                        addRow(table.find(TaggerFeature.make(TaggerFeature.keyBigramPrev, kM1, keyH[i])), base)
                        addRow(table.find(TaggerFeature.make(TaggerFeature.keyBigramNext, keyH[i], kP1)), base)
                        let g = gazH[i]
                        if g != 0 { addRow(table.find(TaggerFeature.make(TaggerFeature.gazetteer, g)), base) }
                        let gM1 = i > 0 ? gazH[i - 1] : TaggerFeature.beginHash
                        let gP1 = i + 1 < n ? gazH[i + 1] : TaggerFeature.endHash
                        if gM1 != 0 || g != 0 { addRow(table.find(TaggerFeature.make(TaggerFeature.gazM1, gM1 == 0 ? none : gM1)), base) }
                        if gP1 != 0 || g != 0 { addRow(table.find(TaggerFeature.make(TaggerFeature.gazP1, gP1 == 0 ? none : gP1)), base) }
                        let fl = Int(freq[ids[i]]) << 8 | (i > 0 ? Int(lexical[i - 1]) : 0x80)
                        var r = Int(freqLexRows[fl])
                        if r == -2 {
                            r = table.find(TaggerFeature.make(TaggerFeature.freqLexPrev, UInt64(fl)))
                            freqLexRows[fl] = Int32(r)
                        }
                        addRow(r, base)
                        let eb = ids[i] * (L + 1)
                        for p in 0...L { edge[i * (L + 1) + p] = edges[eb + p] }
                    }
                }
            }
        }
        return (emit, edge)
    }

    static let none = TaggerFeature.fnv("-")
}

// MARK: - Decoding

enum TaggerDecoder {
    /// `allowed[p * L + y]`: whether label y may follow p (p == L is the sentence start) under BIO.
    static let allowed: [Bool] = {
        let labels = SequenceTagger.labels, L = labels.count
        var a = [Bool](repeating: true, count: (L + 1) * L)
        for p in 0...L {
            for y in 0..<L where labels[y].hasPrefix("I-") {
                let type = labels[y].dropFirst(2)
                a[p * L + y] = p < L && labels[p] != "O" && labels[p].dropFirst(2) == type
            }
        }
        return a
    }()

    /// Exact first-order Viterbi under BIO constraints. Score of label y at i after p:
    /// emission(i, y) + transition(p, y) + prevLabelStem(p, stem_i, y).
    static func viterbi(_ fx: TaggerFeatureExtractor.Output, table: TaggerFeatureTable, weights: UnsafeBufferPointer<Int32>,
                        transitions: [Int]) -> [Int] {
        let (emit, edge) = scores(fx, table: table, weights: weights)
        return decode(fx.count, emit: emit, edge: edge, weights: weights, transitions: transitions)
    }

    /// Emission scores and prevLabelStem rows of extracted features, as `decode` takes them.
    static func scores(_ fx: TaggerFeatureExtractor.Output, table: TaggerFeatureTable, weights: UnsafeBufferPointer<Int32>) -> ([Int], [Int32]) {
        let n = fx.count
        let L = SequenceTagger.L
        var emit = [Int](repeating: 0, count: n * L)
        var edge = [Int32](repeating: -1, count: n * (L + 1))   // row of prevLabelStem(p, stem_i), or -1
        fx.feats.withUnsafeBufferPointer { feats in
            emit.withUnsafeMutableBufferPointer { e in
                for i in 0..<n {
                    let base = i * L
                    for k in fx.offsets[i]..<fx.offsets[i + 1] {
                        let row = table.find(feats[k])
                        if row < 0 { continue }
                        let wb = row * L
                        for y in 0..<L { e[base + y] += Int(weights[wb + y]) }
                    }
                    for p in 0...L {
                        edge[i * (L + 1) + p] = Int32(table.find(TaggerFeature.prevLabelStem(p, fx.stemHash[i])))
                    }
                }
            }
        }
        return (emit, edge)
    }

    /// The best BIO-valid label path given per-token emission scores (`emit[i * L + y]`) and prevLabelStem rows
    /// (`edge[i * (L + 1) + p]`, -1 if absent).
    static func decode(_ n: Int, emit: [Int], edge: [Int32], weights: UnsafeBufferPointer<Int32>, transitions: [Int]) -> [Int] {
        let L = SequenceTagger.L
        let minusInf = Int.min / 4
        var delta = [Int](repeating: minusInf, count: n * L)
        var back = [Int8](repeating: 0, count: n * L)
        allowed.withUnsafeBufferPointer { okb in
            transitions.withUnsafeBufferPointer { trb in
                emit.withUnsafeBufferPointer { emb in
                    edge.withUnsafeBufferPointer { edb in
                        delta.withUnsafeMutableBufferPointer { db in
                            back.withUnsafeMutableBufferPointer { bb in
                                viterbiSteps(n, ok: okb.baseAddress!, tr: trb.baseAddress!, emit: emb.baseAddress!, edge: edb.baseAddress!,
                                             weights: weights.baseAddress!, delta: db.baseAddress!, back: bb.baseAddress!)
                            }
                        }
                    }
                }
            }
        }
        var best = 0
        let last = (n - 1) * L
        for y in 1..<L where delta[last + y] > delta[last + best] { best = y }
        var path = [Int](repeating: 0, count: n)
        path[n - 1] = best
        if n > 1 {
            for i in stride(from: n - 1, to: 0, by: -1) { path[i - 1] = Int(back[i * L + path[i]]) }
        }
        return path
    }

    /// The forward pass of `decode` on raw pointers: `delta[i * L + y]` best score, `back[i * L + y]` its previous label.
    @inline(__always) private static func viterbiSteps(_ n: Int, ok: UnsafePointer<Bool>, tr: UnsafePointer<Int>, emit: UnsafePointer<Int>,
                                                       edge: UnsafePointer<Int32>, weights: UnsafePointer<Int32>,
                                                       delta: UnsafeMutablePointer<Int>, back: UnsafeMutablePointer<Int8>) {
        let L = SequenceTagger.L
        let minusInf = Int.min / 4
        // i = 0: previous is start
        let r0 = Int(edge[L])
        for y in 0..<L where ok[L * L + y] {
            var s = emit[y] + tr[L * L + y]
            if r0 >= 0 { s += Int(weights[r0 * L + y]) }
            delta[y] = s
        }
        if n < 2 { return }
        for i in 1..<n {
            let cur = delta + i * L, prev = delta + (i - 1) * L, bk = back + i * L
            for p in 0..<L {
                let dp = prev[p]
                if dp == minusInf { continue }
                let r = Int(edge[i * (L + 1) + p])
                let okp = ok + p * L, trp = tr + p * L
                if r >= 0 {
                    let wr = weights + r * L
                    for y in 0..<L where okp[y] {
                        let s = dp + trp[y] + Int(wr[y])
                        if s > cur[y] { cur[y] = s; bk[y] = Int8(p) }
                    }
                } else {
                    for y in 0..<L where okp[y] {
                        let s = dp + trp[y]
                        if s > cur[y] { cur[y] = s; bk[y] = Int8(p) }
                    }
                }
            }
            let e = emit + i * L
            for y in 0..<L where cur[y] != minusInf { cur[y] += e[y] }
        }
    }
}

// MARK: - Training

/// Structured perceptron with averaging by the "w − u/c" identity (Daumé): `u` accumulates `c · Δ` for every update at
/// step `c`, so the average over all steps is `w − u / c` — equivalent to timestamped lazy averaging, with no per-weight
/// bookkeeping.
struct TaggerTrainer {
    var table = TaggerFeatureTable(capacity: 1 << 16)
    var w: [Int32] = []
    var u: [Int64] = []
    var c: Int64 = 1
    static let L = SequenceTagger.L

    @inline(__always) mutating func update(_ key: UInt64, _ y: Int, _ d: Int32) {
        let row = table.insert(key)
        let L = TaggerTrainer.L
        if row * L >= w.count {
            w.append(contentsOf: repeatElement(0, count: L))
            u.append(contentsOf: repeatElement(0, count: L))
        }
        w[row * L + y] &+= d
        u[row * L + y] &+= c * Int64(d)
    }

    mutating func step(_ fx: TaggerFeatureExtractor.Output, gold: [Int]) {
        let transitions = SequenceTagger.transitionMatrix(table: table, weights: w)
        let pred = w.withUnsafeBufferPointer { wb in
            TaggerDecoder.viterbi(fx, table: table, weights: wb, transitions: transitions)
        }
        if pred != gold {
            let L = TaggerTrainer.L
            for i in 0..<fx.count {
                let g = gold[i], p = pred[i]
                if g != p {
                    for k in fx.offsets[i]..<fx.offsets[i + 1] {
                        update(fx.feats[k], g, 1)
                        update(fx.feats[k], p, -1)
                    }
                }
                let gp = i == 0 ? L : gold[i - 1]
                let pp = i == 0 ? L : pred[i - 1]
                if g != p || gp != pp {
                    update(TaggerFeature.transition(gp), g, 1)
                    update(TaggerFeature.transition(pp), p, -1)
                    update(TaggerFeature.prevLabelStem(gp, fx.stemHash[i]), g, 1)
                    update(TaggerFeature.prevLabelStem(pp, fx.stemHash[i]), p, -1)
                }
            }
        }
        c += 1
    }

    /// The averaged, quantised and pruned model.
    func averaged(scale: Double = SequenceTagger.weightScale) -> SequenceTagger {
        let L = TaggerTrainer.L
        let cd = Double(c)
        var out = TaggerFeatureTable(capacity: table.count / 2)
        var weights: [Int32] = []
        // Walk rows in slot order of the training table: deterministic for deterministic training.
        var q = [Int32](repeating: 0, count: L)
        for slot in 0..<table.capacity where table.key(at: slot) != 0 {
            let row = table.row(at: slot)
            var any = false
            for y in 0..<L {
                let avg = Double(w[row * L + y]) - Double(u[row * L + y]) / cd
                let v = (avg * scale).rounded()
                q[y] = Int32(max(-2e9, min(2e9, v)))
                if q[y] != 0 { any = true }
            }
            if !any { continue }
            _ = out.insert(table.key(at: slot))
            weights.append(contentsOf: q)
        }
        return SequenceTagger(table: out, weights: weights)
    }
}
