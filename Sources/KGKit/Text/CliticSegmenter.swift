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
    public let functionWords: KeySet

    /// The vocabulary, function words, protected words and names, keyed by packed letter codes (see `WordTable`).
    let table: WordTable

    public init(vocabulary: Vocabulary, functionWords: KeySet) {
        self.vocabulary = vocabulary
        self.functionWords = functionWords
        self.table = WordTable(vocabulary: vocabulary, functionWords: functionWords)
    }

    /// From this corpus count a word that looks like proclitic + article + a remainder never written is a word itself.
    private static let seenAsAWord = 10
    /// Below this corpus count a remainder after ك alone is no word: the ك starts a name (كييل, Kiel).
    private static let rareAfterKaf = 30
    private static let conjunctions: [String] = ["", "و", "ف"]
    /// A normalised word shaped like a participle (م…), a sound plural (…ين, …ات, …ون) or a feminine (…ه of ة).
    static func looksDerived(_ key: String) -> Bool {
        key.hasPrefix("م") || key.endsWithLetters("ين") || key.endsWithLetters("ات") || key.endsWithLetters("ون") || key.endsWithLetters("ه")
    }
    private static func looksDerived(_ p: Piece, _ k: UnsafeBufferPointer<UInt32>) -> Bool {
        let n = p.count
        guard n >= 2 else { return false }
        let first = p.at(0, k), last = p.at(n - 1, k), before = p.at(n - 2, k)
        return first == meem || last == heh || (last == noon && (before == yeh || before == waw)) || (last == teh && before == alef)
    }
    private static let prepositions: [String] = ["", "ب", "ك", "ل"]
    /// The one-letter proclitics (the conjunctions و ف, the prepositions ب ك ل), as scalars.
    static let procliticLetters: Set<Unicode.Scalar> = Set((conjunctions + prepositions).compactMap(\.unicodeScalars.first))
    private static let suffixes: [String] = ["هما", "كما", "هم", "هن", "كم", "كن", "ها", "نا", "ه"]

    /// Analyses one normalised Arabic word key.
    public func analyze(_ key: String) -> Analysis {
        let scalars = key.unicodeScalars.map(\.value)
        return scalars.withUnsafeBufferPointer { analyze(scalars: $0, key: key) }
    }

    /// Analyses one normalised Arabic word key given as scalar values `k` (the scalars of `key`). `taMarbuta`: the word
    /// as written ends in ة, which normalises to ه but is no pronoun suffix (صورة, not صور + ه).
    func analyze(scalars k: UnsafeBufferPointer<UInt32>, key: String, taMarbuta: Bool = false) -> Analysis {
        if table.trusted && k.count <= WordTable.maxLength && WordTable.isSimple(k) {
            return analyzeFast(k, key: key, taMarbuta: taMarbuta)
        }
        return analyzeSlow(key, taMarbuta: taMarbuta)
    }

    // Letters of the fast path.
    private static let alef: UInt32 = 0x0627, lam: UInt32 = 0x0644, waw: UInt32 = 0x0648, feh: UInt32 = 0x0641
    private static let beh: UInt32 = 0x0628, kaf: UInt32 = 0x0643, seen: UInt32 = 0x0633, teh: UInt32 = 0x062A
    private static let heh: UInt32 = 0x0647, yeh: UInt32 = 0x064A, noon: UInt32 = 0x0646, meem: UInt32 = 0x0645
    // The tables above as switches (no global arrays on the hot path).
    @inline(__always) private static func conjValue(_ i: Int) -> UInt32 { i == 0 ? 0 : i == 1 ? waw : feh }
    @inline(__always) private static func prepValue(_ i: Int) -> UInt32 { i == 0 ? 0 : i == 1 ? beh : i == 2 ? kaf : lam }
    private static func prefixString(_ c: Int, _ p: Int) -> String {
        switch (c, p) {
        case (0, 1): return "ب"
        case (0, 2): return "ك"
        case (0, 3): return "ل"
        case (1, 0): return "و"
        case (1, 1): return "وب"
        case (1, 2): return "وك"
        case (1, 3): return "ول"
        case (2, 0): return "ف"
        case (2, 1): return "فب"
        case (2, 2): return "فك"
        case (2, 3): return "فل"
        default: return ""
        }
    }
    private static func futureString(_ c: Int) -> String { c == 0 ? "س" : c == 1 ? "وس" : "فس" }
    /// Suffix `i` of `suffixes` as up to three scalar values and its length.
    @inline(__always) private static func suffixValue(_ i: Int) -> (UInt32, UInt32, UInt32, Int) {
        switch i {
        case 0: return (heh, meem, alef, 3)           // هما
        case 1: return (kaf, meem, alef, 3)           // كما
        case 2: return (heh, meem, 0, 2)              // هم
        case 3: return (heh, noon, 0, 2)              // هن
        case 4: return (kaf, meem, 0, 2)              // كم
        case 5: return (kaf, noon, 0, 2)              // كن
        case 6: return (heh, alef, 0, 2)              // ها
        case 7: return (noon, alef, 0, 2)             // نا
        default: return (heh, 0, 0, 1)                // ه
        }
    }
    private static func suffixString(_ i: Int) -> String {
        switch i {
        case 0: return "هما"
        case 1: return "كما"
        case 2: return "هم"
        case 3: return "هن"
        case 4: return "كم"
        case 5: return "كن"
        case 6: return "ها"
        case 7: return "نا"
        default: return "ه"
        }
    }

    /// A run of the key seen as a word: an optional leading ا (the ال restored after لل), `k[start..<end]`, and
    /// optionally its last letter replaced.
    private struct Piece {
        var lead: Bool
        var start: Int
        var end: Int
        var last: UInt32 = 0
        @inline(__always) var count: Int { end - start + (lead ? 1 : 0) }
        @inline(__always) func at(_ i: Int, _ k: UnsafeBufferPointer<UInt32>) -> UInt32 {
            let n = count
            if last != 0 && i == n - 1 { return last }
            if lead { return i == 0 ? CliticSegmenter.alef : k[start + i - 1] }
            return k[start + i]
        }
        @inline(__always) func packed(_ k: UnsafeBufferPointer<UInt32>) -> WordTable.Key {
            var key = WordTable.Key()
            let n = count
            for i in 0..<n { key.set(i, at(i, k)) }
            return key
        }
        func string(_ k: UnsafeBufferPointer<UInt32>) -> String {
            let n = count
            return withUnsafeTemporaryAllocation(of: UInt32.self, capacity: n) { buf in
                for i in 0..<n { buf[i] = at(i, k) }
                return Normalizer.string(UnsafeBufferPointer(buf))
            }
        }
        @inline(__always) func startsWithAl(_ k: UnsafeBufferPointer<UInt32>) -> Bool {
            count >= 2 && at(0, k) == CliticSegmenter.alef && at(1, k) == CliticSegmenter.lam
        }
    }

    /// `analyzeSlow` for keys of simple Arabic letters only (see `WordTable.isSimple`), where scalar comparison and
    /// String comparison agree; works on scalar values and packed keys, and makes Strings only for the result.
    private func analyzeFast(_ k: UnsafeBufferPointer<UInt32>, key: String, taMarbuta: Bool) -> Analysis {
        let n = k.count
        if n < 3 { return Analysis(prefix: "", prefixKeyLength: 0, stem: key, body: key, suffix: "") }
        let wholeEntry = table.lookup(Piece(lead: false, start: 0, end: n).packed(k))
        if wholeEntry.isFunction { return Analysis(prefix: "", prefixKeyLength: 0, stem: key, body: key, suffix: "") }
        let wholeProtected = wholeEntry.isProtected
        let wholeCount = wholeEntry.count

        var hasBest = false
        var bestPiece = Piece(lead: false, start: 0, end: n)
        var bestPrefix = ""
        var bestPLen = 0
        var bestScore = 0
        var bestDefinite = false
        for ci in 0..<3 {
            let conj = Self.conjValue(ci)
            if conj != 0 && k[0] != conj { continue }   // no p starting with this conjunction matches
            let cLen = conj == 0 ? 0 : 1
            for pi in 0..<4 {
                let prep = Self.prepValue(pi)
                if ci == 0 && pi == 0 { continue }
                if prep != 0 && k[cLen] != prep { continue }
                let pLen = cLen + (prep == 0 ? 0 : 1)
                var rest = Piece(lead: false, start: pLen, end: n)
                var restLen = n - pLen
                if prep == Self.lam && k[pLen] == Self.lam && restLen >= 3 {
                    rest.lead = true            // للحسكه → ل + الحسكه
                    restLen += 1
                }
                // a preposition never comes before إلى, إليه, إلا…: كاليه is Calais, not ك + ال + يه
                if prep != 0 && !rest.lead && restLen >= 3 && rest.startsWithAl(k) && rest.at(2, k) == Self.yeh
                    && table.lookup(rest.packed(k)).isFunction { continue }
                if restLen >= 4 && rest.startsWithAl(k) {
                    // a known name whose remainder after the proclitic is no word is no proclitic and article:
                    // كاليفورنيا is not ك + اليفورنيا, وكاليفورنيا is و + كاليفورنيا
                    // (after و or ف, the name's own count: وبالتيمور is و + بالتيمور)
                    let afterConj = conj != 0 && prep != 0 ? table.lookup(Piece(lead: false, start: cLen, end: n).packed(k)) : wholeEntry
                    if (wholeProtected || (wholeCount >= Self.seenAsAWord && !rest.lead && (conj != Self.waw || wordBeforePronoun(key, taMarbuta: taMarbuta)))
                        || (conj != 0 && prep != 0 && afterConj.isProtected))
                        && table.lookup(rest.packed(k)).count < 3
                        && !knownWithoutArticle(rest, k, wholeCount: afterConj.isProtected ? afterConj.count : wholeCount) { continue }
                    if !bestDefinite || pLen > bestPLen {
                        hasBest = true; bestPiece = rest; bestPrefix = Self.prefixString(ci, pi); bestPLen = pLen
                        bestDefinite = true
                    }
                    continue
                }
                if bestDefinite || restLen < 2 { continue }
                let e = table.lookup(rest.packed(k))
                if restLen == 2 && !e.isProtected { continue }
                if e.isFunction {
                    let score = Int.max / 4
                    if score > bestScore {
                        hasBest = true; bestPiece = rest; bestPrefix = Self.prefixString(ci, pi); bestPLen = pLen
                        bestScore = score
                    }
                    continue
                }
                let c = e.count
                var score = e.isName ? max(c, 1_000_000) : c
                if prep != 0 && conj != 0 && score < max(wholeCount, 10) { score = 0 }
                if prep == Self.kaf && conj == 0 && score < Self.rareAfterKaf && !Self.looksDerived(rest, k) { score = 0 }
                if score > bestScore {
                    hasBest = true; bestPiece = rest; bestPrefix = Self.prefixString(ci, pi); bestPLen = pLen
                    bestScore = score
                }
            }
            // future س before an imperfect verb
            let spLen = cLen + 1
            if k[cLen] == Self.seen {
                let restCount = n - spLen
                if restCount >= 4 {
                    let f = k[spLen]
                    if f == Self.yeh || f == Self.teh || f == Self.noon || f == Self.alef {
                        let rest = Piece(lead: false, start: spLen, end: n)
                        let c = table.lookup(rest.packed(k)).count
                        if c > bestScore && c >= Self.seenAsAWord && !bestDefinite {
                            hasBest = true; bestPiece = rest; bestPrefix = Self.futureString(ci); bestPLen = spLen
                            bestScore = c
                        }
                    }
                }
            }
        }
        var take = false
        if hasBest {
            if bestDefinite {
                take = true
            } else if wholeProtected {
                // (a protected word is not ك + a name: كريم is Karim, not "like Reem")
                if bestScore >= 1_000_000 && bestPrefix != "ك" { take = true }
            } else if bestScore >= max(3, wholeCount / 8) {
                take = true
            }
        }
        let piece = take ? bestPiece : Piece(lead: false, start: 0, end: n)
        let body = take ? piece.string(k) : key
        var result = Analysis(prefix: take ? bestPrefix : "", prefixKeyLength: take ? bestPLen : 0,
                              stem: body, body: body, suffix: "")
        // the pronoun suffix
        let sn = piece.count
        if sn < 4 || piece.startsWithAl(k) { return result }
        let stemEntry = take ? table.lookup(piece.packed(k)) : wholeEntry
        if stemEntry.isFunction || stemEntry.isProtected { return result }
        let stemCount = stemEntry.count
        for si in 0..<9 {
            let (s0, s1, s2, sl) = Self.suffixValue(si)
            if taMarbuta && sl == 1 && s0 == Self.heh { continue }     // (the ة as written: no pronoun)
            if piece.at(sn - sl, k) != s0 { continue }
            if sl > 1 && piece.at(sn - sl + 1, k) != s1 { continue }
            if sl > 2 && piece.at(sn - sl + 2, k) != s2 { continue }
            if sn - sl < 3 { continue }
            var t = piece
            t.end -= sl
            var c = table.lookup(t.packed(k)).count
            if t.at(t.count - 1, k) == Self.teh {
                var tm = t
                tm.last = Self.heh
                let cm = table.lookup(tm.packed(k)).count
                if cm > c { t = tm; c = cm }
            }
            if c >= max(3, stemCount / 4) {
                result.stem = t.string(k)
                result.suffix = Self.suffixString(si)
                return result
            }
        }
        return result
    }

    /// Whether a word ends in a pronoun suffix after a word news writes often (والده: والد + ه).
    private func wordBeforePronoun(_ key: String, taMarbuta: Bool) -> Bool {
        for suffix in Self.suffixes where key.endsWithLetters(suffix) {
            if taMarbuta && suffix == "ه" { continue }      // (ة as written: والدولة is no والدول + ه)
            let base = String(key.unicodeScalars.dropLast(suffix.unicodeScalars.count))
            if base.unicodeScalars.count >= 3 && vocabulary.count(base) >= 50 { return true }
        }
        return false
    }

    /// Whether the definite remainder `rest` (ال…) is a known word without its article (المستوصفات → مستوصفات;
    /// after لل, the word after the ل: لليفربول → ليفربول), at least as often as the whole word (`wholeCount`).
    private func knownWithoutArticle(_ rest: Piece, _ k: UnsafeBufferPointer<UInt32>, wholeCount: Int) -> Bool {
        var bare = rest
        if bare.lead { bare.lead = false } else { bare.start += 2 }
        return bare.count >= 3 && table.lookup(bare.packed(k)).count >= max(3, wholeCount)
    }

    /// The reference analysis on Strings (used for keys outside the fast path's letters).
    private func analyzeSlow(_ key: String, taMarbuta: Bool = false) -> Analysis {
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
                if !prep.isEmpty && rest.hasPrefix("الي") && rest == String(key.unicodeScalars.dropFirst(pLen))
                    && functionWords.contains(rest) { continue }
                if rest.hasPrefix("ال") && restLen >= 4 {
                    // (a known name is no proclitic and article before an unknown word: كاليفورنيا; see analyzeFast)
                    let afterConj = String(key.unicodeScalars.dropFirst(conj.unicodeScalars.count))
                    // (nor is a word news writes often whose remainder it never writes: فاليري is Valery, not ف + اليري)
                    // (after و only a word before a pronoun: والده is والد + ه, but والهرسك is و + الهرسك, which news
                    // writes only after و; and not after لل, where the remainder is spelt anew)
                    let afterConjProtected = !conj.isEmpty && !prep.isEmpty && vocabulary.protected.contains(afterConj)
                    if wholeProtected || afterConjProtected
                        || wholeCount >= Self.seenAsAWord && !(prep == "ل" && rest != String(key.unicodeScalars.dropFirst(pLen)))
                           && (conj != "و" || wordBeforePronoun(key, taMarbuta: taMarbuta)),
                       vocabulary.count(rest) < 3 {
                        // the stem without its article; after لل, the written word after the ل (لليفربول → ليفربول)
                        let tail = String(key.unicodeScalars.dropFirst(pLen))
                        let bare = rest == tail ? String(tail.unicodeScalars.dropFirst(2)) : tail
                        // (and the word without its article is no more frequent than the name: بالتيمور is Baltimore,
                        // not ب + ال + تيمور)
                        let nameCount = afterConjProtected ? vocabulary.count(afterConj) : wholeCount
                        if !(bare.unicodeScalars.count >= 3 && vocabulary.count(bare) >= max(3, nameCount)) { continue }
                    }
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
                if prep != "" && conj != "" && score < max(wholeCount, 10) { score = 0 }
                // "like" before a rare word is rarer than a foreign name that starts with ك (كييل is Kiel, not ك + ييل)
                // (not before a word shaped like a participle, a plural or a feminine: كمساهم, كإعلاميين, كراقصة)
                if prep == "ك" && conj.isEmpty && score < Self.rareAfterKaf && !Self.looksDerived(rest) { score = 0 }
                if score > bestScore {
                    best = Analysis(prefix: p, prefixKeyLength: pLen, stem: rest, body: rest, suffix: "")
                    bestScore = score
                }
            }
            // future س before an imperfect verb news writes: سيواصل, وستواصل (not سايريل, Cyrille)
            let sp = conj + "س"
            if key.hasPrefix(sp) {
                let rest = String(key.unicodeScalars.dropFirst(sp.unicodeScalars.count))
                if let f = rest.unicodeScalars.first, "يتنا".unicodeScalars.contains(f), rest.unicodeScalars.count >= 4 {
                    let c = vocabulary.count(rest)
                    if c > bestScore && c >= Self.seenAsAWord && !bestDefinite {
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
                if bestScore >= 1_000_000 && b.prefix != "ك" { result = b }
            } else if bestScore >= max(3, wholeCount / 8) {
                result = b
            }
        }
        return splitSuffix(result, taMarbuta: taMarbuta)
    }

    private func splitSuffix(_ a: Analysis, taMarbuta: Bool) -> Analysis {
        let s = a.stem
        let n = s.unicodeScalars.count
        if n < 4 || s.hasPrefix("ال") || functionWords.contains(s) || vocabulary.protected.contains(s) { return a }
        let stemCount = vocabulary.count(s)
        for suf in Self.suffixes where s.endsWithLetters(suf) && !(taMarbuta && suf == "ه") {
            let sl = suf.unicodeScalars.count
            if n - sl < 3 { continue }
            var t = String(s.unicodeScalars.dropLast(sl))
            var c = vocabulary.count(t)
            if t.endsWithLetters("ت") {
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

/// The segmenter's word knowledge keyed by packed letter codes: every word made only of the letters U+0621–U+064A
/// (at most `maxLength` of them) with its frequency and whether it is protected, a name or a function word.
///
/// Strings of these letters are in NFC and each letter is its own grapheme, so comparing packed codes gives exactly
/// String equality for them. A stored word with other scalars can never equal such a key, unless it holds a hamza or
/// madda mark (U+0653–U+0655) that composes with a letter: then the table is not `trusted` and every analysis takes
/// the String path.
struct WordTable: Sendable {
    static let maxLength = 20

    /// Up to 20 letter codes (scalar − U+0620, 1...42) of 6 bits each; codes are never 0, so lengths differ.
    struct Key: Equatable {
        var lo: UInt64 = 0
        var hi: UInt64 = 0
        @inline(__always) mutating func set(_ i: Int, _ v: UInt32) {
            let c = UInt64(v &- 0x0620)
            if i < 10 { lo |= c << UInt64(6 * i) } else { hi |= c << UInt64(6 * (i - 10)) }
        }
        @inline(__always) var isEmpty: Bool { lo == 0 && hi == 0 }
    }

    struct Entry {
        var count: Int = 0
        var flags: UInt8 = 0
        var isProtected: Bool { flags & 1 != 0 }
        var isName: Bool { flags & 2 != 0 }
        var isFunction: Bool { flags & 4 != 0 }
    }

    private var keysLo: [UInt64]
    private var keysHi: [UInt64]
    private var entries: [Entry]
    private var shift: UInt64
    private var used = 0
    private(set) var trusted = true

    @inline(__always) static func isSimple(_ k: UnsafeBufferPointer<UInt32>) -> Bool {
        for v in k where v &- 0x0621 > 0x064A - 0x0621 { return false }
        return true
    }

    init(vocabulary: Vocabulary, functionWords: KeySet) {
        let expected = vocabulary.frequency.count + vocabulary.protected.count + functionWords.count
        var bits: UInt64 = 4
        while (1 << bits) < expected * 2 + 16 { bits += 1 }
        keysLo = Array(repeating: 0, count: 1 << bits)
        keysHi = Array(repeating: 0, count: 1 << bits)
        entries = Array(repeating: Entry(), count: 1 << bits)
        shift = 64 - bits
        let (words, counts) = vocabulary.frequency.keysAndValues
        for i in words.indices { update(words[i]) { $0.count = counts[i] } }
        for w in vocabulary.protected { update(w) { $0.flags |= 1 } }
        for w in vocabulary.names { update(w) { $0.flags |= 2 } }
        for w in functionWords { update(w) { $0.flags |= 4 } }
    }

    private mutating func update(_ word: String, _ change: (inout Entry) -> Void) {
        // (the scalars decoded from the UTF-8 bytes in place: no String scalar iterator)
        // nil: a mark U+0653–U+0655 (the table is then not trusted); an empty key: not 1–20 letters U+0621–U+064A
        let read = withBytes(word) { u -> Key? in
            var key = Key()
            var i = 0, p = 0
            var simple = true
            while p < u.count {
                let v = UTF8Decoding.scalar(u, at: &p)
                if v >= 0x0653 && v <= 0x0655 { return nil }
                if v &- 0x0621 > 0x064A - 0x0621 { simple = false; continue }
                if i < Self.maxLength { key.set(i, v) }
                i += 1
            }
            return !simple || i == 0 || i > Self.maxLength ? Key() : key
        }
        guard let key = read else { trusted = false; return }
        if key.isEmpty { return }
        var slot = Self.slot(key, shift)
        let mask = keysLo.count - 1
        while true {
            if keysLo[slot] == 0 && keysHi[slot] == 0 {
                keysLo[slot] = key.lo; keysHi[slot] = key.hi; used += 1
                break
            }
            if keysLo[slot] == key.lo && keysHi[slot] == key.hi { break }
            slot = (slot + 1) & mask
        }
        change(&entries[slot])
    }

    @inline(__always) private static func slot(_ k: Key, _ shift: UInt64) -> Int {
        let h = (k.lo &* 0x9E37_79B9_7F4A_7C15) ^ (k.hi &* 0xC2B2_AE3D_27D4_EB4F) ^ (k.lo >> 31)
        return Int(truncatingIfNeeded: (h &* 0xD6E8_FEB8_6659_FD93) >> shift)
    }

    @inline(__always) func lookup(_ key: Key) -> Entry {
        let mask = keysLo.count - 1
        var slot = Self.slot(key, shift)
        return keysLo.withUnsafeBufferPointer { lo in
            keysHi.withUnsafeBufferPointer { hi in
                while true {
                    let l = lo[slot], h = hi[slot]
                    if l == key.lo && h == key.hi { return entries[slot] }
                    if l == 0 && h == 0 { return Entry() }
                    slot = (slot + 1) & mask
                }
            }
        }
    }
}
