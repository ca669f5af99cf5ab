/// Splits Arabic proclitics (و ف ب ك ل س and the contraction لل) and pronoun enclitics (ه ها هم ...) off a
/// normalised word, consulting a `Vocabulary` so that words which merely begin with these letters stay whole:
/// بغداد, لبنان, فرنسا, وزارة, كيربي.
///
/// The decision is lexical and frequency-based: a split is taken when what remains is itself a known word at least
/// a fraction as frequent as the whole; a proclitic before the article ال is always split (وال, بال, لل...).
public struct CliticSegmenter: Sendable {
    public struct Analysis: Equatable, Sendable {
        /// Proclitics, normalised (`وب`); for the contraction لل this is `ل` and the stem gets its ال back.
        public var prefix: String
        /// Scalars of the normalised key consumed by `prefix` (لل contributes 1: the second ل belongs to the stem).
        public var prefixKeyLength: Int
        public var stem: String
        /// The stem with its suffix still on (for name lookup).
        public var body: String
        public var suffix: String
    }

    public let vocabulary: Vocabulary
    public let functionWords: Set<String>

    public init(vocabulary: Vocabulary, functionWords: Set<String>) {
        self.vocabulary = vocabulary
        self.functionWords = functionWords
    }

    private static let conjunctions: [String] = ["", "و", "ف"]
    private static let prepositions: [String] = ["", "ب", "ك", "ل"]
    private static let suffixes: [String] = ["هما", "كما", "هم", "هن", "كم", "كن", "ها", "نا", "ه"]

    /// Analyses one normalised Arabic word key.
    public func analyze(_ key: String) -> Analysis {
        let whole = Analysis(prefix: "", prefixKeyLength: 0, stem: key, body: key, suffix: "")
        let n = key.unicodeScalars.count
        if n < 3 || functionWords.contains(key) { return whole }
        let wholeProtected = vocabulary.protected.contains(key)
        let wholeCount = vocabulary.count(key)

        var best: Analysis? = nil
        var bestScore = 0
        var bestDefinite = false
        for conj in Self.conjunctions {
            for prep in Self.prepositions {
                let p = conj + prep
                if p.isEmpty || !key.hasPrefix(p) { continue }
                let pLen = p.unicodeScalars.count
                var rest = String(key.unicodeScalars.dropFirst(pLen))
                var restLen = n - pLen
                if prep == "ل" && rest.hasPrefix("ل") && !rest.hasPrefix("ال") && restLen >= 3 {
                    rest = "ا" + rest            // للحسكه → ل + الحسكه
                    restLen += 1
                }
                if rest.hasPrefix("ال") && restLen >= 4 {
                    if !bestDefinite || pLen > best!.prefixKeyLength {
                        best = Analysis(prefix: p, prefixKeyLength: pLen, stem: rest, body: rest, suffix: "")
                        bestDefinite = true
                    }
                    continue
                }
                if bestDefinite || restLen < 2 { continue }
                if restLen == 2 && !vocabulary.protected.contains(rest) { continue }
                if functionWords.contains(rest) && restLen >= 2 {
                    let score = Int.max / 4
                    if score > bestScore { best = Analysis(prefix: p, prefixKeyLength: pLen, stem: rest, body: rest, suffix: ""); bestScore = score }
                    continue
                }
                let c = vocabulary.count(rest)
                var score = vocabulary.names.contains(rest) ? max(c, 1_000_000) : c
                // two proclitics on an unknown remainder need stronger evidence (ولاية is not و+ل+اية)
                if prep != "" && conj != "" && score < wholeCount { score = 0 }
                if score > bestScore {
                    best = Analysis(prefix: p, prefixKeyLength: pLen, stem: rest, body: rest, suffix: "")
                    bestScore = score
                }
            }
            // future س before an imperfect verb: سيواصل, وستواصل
            let sp = conj + "س"
            if key.hasPrefix(sp) {
                let rest = String(key.unicodeScalars.dropFirst(sp.unicodeScalars.count))
                if let f = rest.unicodeScalars.first, "يتنا".unicodeScalars.contains(f), rest.unicodeScalars.count >= 4 {
                    let c = vocabulary.count(rest)
                    if c > bestScore && !bestDefinite {
                        best = Analysis(prefix: sp, prefixKeyLength: sp.unicodeScalars.count, stem: rest, body: rest, suffix: ""); bestScore = c
                    }
                }
            }
        }
        var result = whole
        if let b = best {
            if bestDefinite {
                result = b
            } else if wholeProtected {
                if bestScore >= 1_000_000 { result = b }
            } else if bestScore >= max(3, wholeCount / 8) {
                result = b
            }
        }
        return splitSuffix(result)
    }

    private func splitSuffix(_ a: Analysis) -> Analysis {
        let s = a.stem
        let n = s.unicodeScalars.count
        if n < 4 || s.hasPrefix("ال") || functionWords.contains(s) || vocabulary.protected.contains(s) { return a }
        let stemCount = vocabulary.count(s)
        for suf in Self.suffixes where s.hasSuffix(suf) {
            let sl = suf.unicodeScalars.count
            if n - sl < 3 { continue }
            var t = String(s.unicodeScalars.dropLast(sl))
            var c = vocabulary.count(t)
            if t.hasSuffix("ت") {
                let tm = String(t.unicodeScalars.dropLast()) + "ه"
                let cm = vocabulary.count(tm)
                if cm > c { t = tm; c = cm }
            }
            if c >= max(3, stemCount / 4) {
                var r = a
                r.stem = t
                r.suffix = suf
                return r
            }
        }
        return a
    }
}
