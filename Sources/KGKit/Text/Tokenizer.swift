import Foundation

/// Splits text into tokens in one pass over its Unicode scalars.
///
/// Words are runs of letters, marks and digits (Arabic and Latin scripts are split where they meet); Latin words
/// keep inner hyphens and apostrophes (al-Assad, O'Brien) but lose a possessive `'s`; known abbreviations and
/// initialisms keep their periods (U.S., Gen.); numbers keep inner separators (1,000.5, ٣٫٥). Every token knows its
/// exact code-point span, and Arabic words are analysed for clitics.
public struct Tokenizer: Sendable {
    public let segmenter: CliticSegmenter
    public let abbreviations: Set<String>
    /// Word memos kept across documents, one per thread that is tokenizing.
    let pool: KeyCachePool

    /// `memoCapacity` bounds the distinct words remembered between documents by each tokenizing thread (about 300
    /// bytes each); by default 600,000 words shared out among the cores, so the memo's memory does not grow with them.
    public init(segmenter: CliticSegmenter, abbreviations: Set<String>, memoCapacity: Int? = nil) {
        self.segmenter = segmenter
        self.abbreviations = abbreviations
        let cores = max(1, ProcessInfo.processInfo.activeProcessorCount)
        self.pool = KeyCachePool(capacity: memoCapacity ?? max(50_000, 600_000 / cores))
    }

    /// Tokenizes `scalars` (the whole document as an array of scalars). The tokens read their key strings from
    /// `keys`, which the caller keeps alive while it reads them.
    public func tokenize(_ scalars: [Unicode.Scalar]) -> (tokens: [Token], keys: TokenKeys) {
        var tokens: [Token] = []
        tokens.reserveCapacity(scalars.count / 5)
        var cache = pool.take()
        scalars.withUnsafeBufferPointer { run($0, cache: &cache, into: &tokens, analyse: true) }
        let keys = cache.finishDocument()
        pool.put(cache)
        let table = Unmanaged.passUnretained(keys)
        for i in tokens.indices { tokens[i].keys = table }
        return (tokens, keys)
    }

    /// The keys of the tokens of `text` that `keep` (kind, key) accepts, in order: the keys `tokenize` gives them,
    /// without making the document's word table or the clitic analysis of its words (which keys do not depend on).
    /// `cache` and `tokens` are the caller's, kept from one text to the next (`KeyReader`). (A tokenizer used for this
    /// should not also `tokenize`: the words it memoises here have no analysis.)
    func keys(_ text: String, cache: inout KeyCache, tokens: inout [Token], keep: (Token.Kind, String) -> Bool) -> [String] {
        tokens.removeAll(keepingCapacity: true)
        // (the scalars in a buffer on the stack: no array to count, allocate and free per text)
        withUnsafeTemporaryAllocation(of: Unicode.Scalar.self, capacity: max(1, text.utf8.count)) { buffer in
            var n = 0
            for s in text.unicodeScalars { buffer[n] = s; n += 1 }
            run(UnsafeBufferPointer(rebasing: buffer[..<n]), cache: &cache, into: &tokens, analyse: false)
        }
        return cache.finishKeys(tokens, keep: keep)
    }

    private func run(_ s: UnsafeBufferPointer<Unicode.Scalar>, cache: inout KeyCache, into tokens: inout [Token], analyse: Bool) {
        Normalizer.lowTable.withUnsafeBufferPointer { table in
            ScalarClass.lowTable.withUnsafeBufferPointer { classes in
                cache.classes = classes
                tokenize(s, table: table, cache: &cache, into: &tokens, analyse: analyse)
                cache.classes = UnsafeBufferPointer(start: nil, count: 0)
            }
        }
    }

    /// A period with one to three Arabic letters right before it and right after it, and no letter beyond those
    /// (so not the end of a sentence whose next one starts without a space: كلمة.وقال).
    private func isAbbreviationPeriod(_ s: UnsafeBufferPointer<Unicode.Scalar>, _ i: Int, cache: inout KeyCache) -> Bool {
        func letter(_ k: Int) -> Bool { k >= 0 && k < s.count && cache.cls(s[k].value) == .arabicLetter }
        var a = i
        while a > 0, letter(a - 1), i - a < 4 { a -= 1 }
        var b = i + 1
        while letter(b), b - i - 1 < 4 { b += 1 }
        let before = i - a, after = b - i - 1
        return (1...3).contains(before) && (1...3).contains(after) && !letter(a - 1) && !letter(b)
    }

    private func tokenize(_ scalars: UnsafeBufferPointer<Unicode.Scalar>, table: UnsafeBufferPointer<UInt32>,
                          cache: inout KeyCache, into tokens: inout [Token], analyse: Bool) {
        let n = scalars.count
        var i = 0
        while i < n {
            let v = scalars[i].value
            let c = cache.cls(v)
            switch c {
            case .space, .newline, .format, .control:
                i += 1
            case .punctuation, .symbol:
                // a hashtag's mark and the underscores joining its words are spacing, not tokens
                // (#الاستثمار_الأجنبي reads as الاستثمار الأجنبي; في #الإمارات as في الإمارات)
                if (v == 0x23 || v == 0x5F) && i + 1 < n && scalars[i + 1].properties.isAlphabetic
                    && (v == 0x23 || (i > 0 && scalars[i - 1].properties.isAlphabetic)) {
                    i += 1
                    continue
                }
                // the periods of an Arabic letter abbreviation (سي.إن.إن, د.ب.أ, إف.بي.آي) are spacing: its letters read
                // as the spaced spelling (سي إن إن) and no sentence ends inside it
                if v == 0x2E, isAbbreviationPeriod(scalars, i, cache: &cache) {
                    i += 1
                    continue
                }
                var j = i + 1
                while j < n && scalars[j] == scalars[i] && (v == 0x2E || v == 0x2D || v == 0x2014) { j += 1 }
                tokens.append(makeToken(scalars, i, j, kind: c == .punctuation ? .punctuation : .symbol, script: .other,
                                        table: table, cache: &cache).token)
                i = j
            case .mark, .arabicMark, .tatweel:
                // a stray combining mark with no base: attach it to nothing, skip it as its own symbol token
                var j = i + 1
                while j < n, case let k = cache.cls(scalars[j].value), k == .mark || k == .arabicMark || k == .tatweel { j += 1 }
                tokens.append(makeToken(scalars, i, j, kind: .symbol, script: .other, table: table, cache: &cache).token)
                i = j
            default:
                var j = scanWord(scalars, from: i, table: table, cache: &cache)
                appendWord(scalars, i, j, into: &tokens, table: table, cache: &cache, analyse: analyse)
                // possessive 's after a Latin word is a token of its own
                if tokens[tokens.count - 1].script == .latin, j + 1 < n,
                   scalars[j] == "'" || scalars[j] == "\u{2019}", scalars[j + 1] == "s" || scalars[j + 1] == "S" {
                    let after = j + 2 < n ? cache.cls(scalars[j + 2].value) : .space
                    if !(after == .latinLetter || after == .otherLetter || after == .digit) {
                        tokens.append(makeToken(scalars, j, j + 2, kind: .word, script: .latin, table: table, cache: &cache).token)
                        j += 2
                    }
                }
                i = j
            }
        }
    }

    @inline(__always)
    private static func isUppercase(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        if v < 0x80 { return v >= 0x41 && v <= 0x5A }
        return s.properties.isUppercase
    }

    /// An upper-case first letter, or a short lower-case particle joined by a hyphen to a capitalised name
    /// (al-Qaeda, el-Sisi, ash-Shabab): the particle does not make the name a common word.
    private static func isCapitalizedName(_ s: UnsafeBufferPointer<Unicode.Scalar>, _ start: Int, _ end: Int) -> Bool {
        if isUppercase(s[start]) { return true }
        var k = start
        while k < end, k - start < 4, case let v = s[k].value, v >= 0x61 && v <= 0x7A { k += 1 }
        guard k > start, k - start <= 3, k + 1 < end, s[k] == "-" else { return false }
        return isUppercase(s[k + 1])
    }

    private func scanWord(_ s: UnsafeBufferPointer<Unicode.Scalar>, from start: Int, table: UnsafeBufferPointer<UInt32>,
                          cache: inout KeyCache) -> Int {
        let n = s.count
        var j = start
        var family: UInt8 = 0           // 1 arabic, 2 latin/other, 3 digits
        var allDigits = true
        func fam(_ c: ScalarClass) -> UInt8 {
            switch c {
            case .arabicLetter: return 1
            case .latinLetter, .otherLetter: return 2
            case .digit: return 3
            default: return 0
            }
        }
        while j < n {
            let c = cache.cls(s[j].value)
            if c == .mark || c == .arabicMark || c == .tatweel { j += 1; continue }
            if c == .format, j + 1 < n, s[j].value == 0x200C || s[j].value == 0x200D, cache.cls(s[j + 1].value).isWordPart, j > start {
                j += 1; continue
            }
            let f = fam(c)
            if f != 0 {
                if family == 0 { family = f }
                else if f != family {
                    // digits inside Latin words (COVID19, F16) stay; Arabic/Latin and Arabic/digit split
                    if !((family == 2 && f == 3) || (family == 3 && f == 2 && !allDigits)) { break }
                    if family == 3 && f == 2 { break }
                }
                if f != 3 { allDigits = false }
                j += 1
                continue
            }
            // connectors inside a word
            if j + 1 < n && j > start {
                let next = cache.cls(s[j + 1].value)
                let v = s[j].value
                if family == 3 && (v == 0x2C || v == 0x2E || v == 0x066B || v == 0x066C) && next == .digit {
                    j += 1; continue
                }
                if family == 2 && (v == 0x2D || v == 0x2010 || v == 0x2011) && (next == .latinLetter || next == .otherLetter || next == .digit) {
                    j += 1; continue
                }
                if family == 2 && (v == 0x27 || v == 0x2019) && (next == .latinLetter || next == .otherLetter) {
                    // possessive 's / s' ends the word
                    let afterNext = j + 2 < n ? cache.cls(s[j + 2].value) : .space
                    if (s[j + 1] == "s" || s[j + 1] == "S") && !(afterNext == .latinLetter || afterNext == .otherLetter) { break }
                    j += 1; continue
                }
            }
            break
        }
        // abbreviations and initialisms keep their final period: U.S., Gen., a.m.
        if family == 2, j < n, s[j] == "." {
            var k = j
            // initialism: letter . letter . (U.S., U.N., a.m.)
            if j - start == 1 {
                while k + 2 < n, cache.cls(s[k + 1].value) == .latinLetter, s[k + 2] == "." {
                    k += 2
                }
                if k > j { return k + 1 }
            }
            let wordEntry = cache.entry(s, start, j, table: table)
            let word = cache.keyString(wordEntry)
            if abbreviations.contains(word) || (j - start == 1 && cache.cls(s[start].value) == .latinLetter && Self.isUppercase(s[start])) {
                return j + 1
            }
        }
        return j
    }

    private func appendWord(_ s: UnsafeBufferPointer<Unicode.Scalar>, _ start: Int, _ end: Int, into tokens: inout [Token],
                            table: UnsafeBufferPointer<UInt32>, cache: inout KeyCache, analyse: Bool) {
        let first = cache.cls(s[start].value)
        let script: Script
        switch first {
        case .arabicLetter: script = .arabic
        case .latinLetter: script = .latin
        case .digit: script = .other
        default: script = .other
        }
        let kind: Token.Kind = first == .digit ? .number : .word
        let global = cache.entry(s, start, end, table: table)
        let entry = cache.local(global)
        if script == .arabic {
            let keyPrefix = analyse ? cache.analyze(global, segmenter) : 0
            let prefixLength = keyPrefix == 0 ? 0 : surfaceLength(s, start, end, keyScalars: keyPrefix, table: table, cache: &cache)
            tokens.append(Token(start: start, end: end, prefixLength: prefixLength, entry: Int32(entry), kind: kind,
                                script: script, isCapitalized: false, keys: TokenKeys.pending))
        } else {
            tokens.append(Token(start: start, end: end, prefixLength: 0, entry: Int32(entry), kind: kind, script: script,
                                isCapitalized: script == .latin && Self.isCapitalizedName(s, start, end), keys: TokenKeys.pending))
        }
    }

    /// Number of surface scalars that produce the first `keyScalars` scalars of the key (marks after them included).
    private func surfaceLength(_ s: UnsafeBufferPointer<Unicode.Scalar>, _ start: Int, _ end: Int, keyScalars: Int,
                               table: UnsafeBufferPointer<UInt32>, cache: inout KeyCache) -> Int {
        var produced = 0
        var j = start
        while j < end && produced < keyScalars {
            produced += Normalizer.outputCount(s[j].value, table: table)
            j += 1
        }
        while j < end, case let c = cache.cls(s[j].value), c == .arabicMark || c == .tatweel { j += 1 }
        return j - start
    }

    @inline(__always)
    private func makeToken(_ s: UnsafeBufferPointer<Unicode.Scalar>, _ start: Int, _ end: Int, kind: Token.Kind, script: Script,
                           table: UnsafeBufferPointer<UInt32>, cache: inout KeyCache) -> (token: Token, entry: Int) {
        let e = cache.local(cache.entry(s, start, end, table: table))
        return (Token(start: start, end: end, prefixLength: 0, entry: Int32(e), kind: kind, script: script,
                      isCapitalized: false, keys: TokenKeys.pending), e)
    }
}

/// Memo of normalised words: the key String of each distinct normalised scalar sequence, made once, and its clitic
/// analysis, made once when an Arabic token first needs it. News repeats its words, across articles too, so a memo
/// is kept from one document to the next (by `KeyCachePool`, one per thread) and bounded by `capacity`. Analyses
/// depend on the word alone, so reuse never changes a result.
struct KeyCache {
    /// Distinct words kept before the memo is emptied (checked between documents).
    let capacity: Int

    /// 0 empty, else where the word starts in `arena` in the low half and its hash's high half above (probes skip other
    /// words unread).
    private var slots: [UInt64]
    private var mask: Int
    private var hashes: [UInt64] = []
    /// Where each entry's scalars start in `arena`. Each is preceded there by the entry and the scalar count, so a
    /// probe reads the word right where the slot points (one place in memory, not an offsets table and then the arena).
    private var offsets: [Int32] = []
    private var arena: [UInt32] = []
    private var words: [TokenKeys.Word] = []
    /// Written by `finishDocument`'s reading pass so that the pass is not optimised away.
    private var touched = 0
    private var analysed: [Bool] = []
    /// Whether the entry's words end in ة as written (then no pronoun suffix is split off).
    private var endsInTaMarbuta: [Bool] = []
    private var analysisPrefixLength: [Int32] = []

    /// The current document's entry of each memo entry (-1: not used in it yet), and the entries it used, in order.
    private var localOf: [Int32] = []
    private var used: [Int32] = []
    /// The normalised scalars of the token being looked up (allocated here, never freed: the memo lives as long as
    /// its pool).
    private var scratch = UnsafeMutableBufferPointer<UInt32>.allocate(capacity: 256)
    /// `ScalarClass.lowTable`, while a tokenize call runs.
    var classes = UnsafeBufferPointer<ScalarClass>(start: nil, count: 0)

    @inline(__always) func cls(_ v: UInt32) -> ScalarClass {
        v < 0x0700 ? classes[Int(v)] : ScalarClass.ofSlow(v)
    }

    init(capacity: Int) {
        self.capacity = capacity
        slots = Array(repeating: 0, count: 1024)
        mask = 1023
    }

    /// The memo entry of the normalised key of `s[start..<end]`, added if new.
    mutating func entry(_ s: UnsafeBufferPointer<Unicode.Scalar>, _ start: Int, _ end: Int, table: UnsafeBufferPointer<UInt32>) -> Int {
        // normalise into `scratch` and hash (FNV-1a over scalar values) in the same pass
        var n = 0
        var h: UInt64 = 0xCBF2_9CE4_8422_2325
        var j = start
        while j < end {
            let v = s[j].value
            let m: UInt32 = v < 0x0700 ? table[Int(v)] : 0xFFFF_FFFE  // Normalizer.tableBound, .complex
            if m < 0xFFFF_FFFE {
                if n == scratch.count { growScratch() }
                scratch[n] = m
                n += 1
                h = (h ^ UInt64(m)) &* 0x0000_0100_0000_01B3
            } else if m == 0xFFFF_FFFE {
                var out: [UInt32] = []
                Normalizer.appendSlow(v, to: &out)
                for x in out {
                    if n == scratch.count { growScratch() }
                    scratch[n] = x
                    n += 1
                    h = (h ^ UInt64(x)) &* 0x0000_0100_0000_01B3
                }
            }
            j += 1
        }
        // a word written with a final ة is not the same word as its ه spelling for the clitic analysis: its last letter
        // is no pronoun (صورة is one word, صوره "his pictures" two); the key is the same
        var last = end - 1
        while last > start, s[last].value >= 0x064B && s[last].value <= 0x0652 || s[last].value == 0x0640 { last -= 1 }
        let taMarbuta = last >= start && s[last].value == 0x0629
        if taMarbuta { h = (h ^ 0x0629) &* 0x0000_0100_0000_01B3 }
        h ^= h >> 29
        var slot = Int(truncatingIfNeeded: h) & mask
        while true {
            let x = slots[slot]
            if x == 0 { break }
            if (x ^ h) >> 32 == 0, let e = equals(Int(x & 0xFFFF_FFFF), n), endsInTaMarbuta[e] == taMarbuta { return e }
            slot = (slot + 1) & mask
        }
        let e = words.count
        hashes.append(h)
        let k = UnsafeBufferPointer(rebasing: UnsafeBufferPointer(scratch)[0..<n])
        arena.append(UInt32(e))
        arena.append(UInt32(n))
        offsets.append(Int32(arena.count))
        slots[slot] = h & 0xFFFF_FFFF_0000_0000 | UInt64(arena.count)
        arena.append(contentsOf: k)
        let str = Normalizer.string(k)
        words.append(TokenKeys.Word(key: str))
        analysed.append(false)
        endsInTaMarbuta.append(taMarbuta)
        analysisPrefixLength.append(0)
        localOf.append(-1)
        if words.count * 2 > slots.count { grow() }
        return e
    }

    /// The current document's entry for memo entry `e`.
    @inline(__always) mutating func local(_ e: Int) -> Int {
        let l = localOf[e]
        if l >= 0 { return Int(l) }
        localOf[e] = Int32(used.count)
        used.append(Int32(e))
        return used.count - 1
    }

    /// The words of the document just tokenized, for its tokens; readies the memo for the next document.
    mutating func finishDocument() -> TokenKeys {
        // The document's words lie scattered over the memo. A first pass only reads them, so their cache misses
        // overlap; in the copying pass each word's retains (atomic) would make every miss wait for the one before.
        // (a byte of each 40 of a word: the two or three cache lines it spans)
        let size = MemoryLayout<TokenKeys.Word>.size, stride = MemoryLayout<TokenKeys.Word>.stride
        touched = words.withUnsafeBytes { raw in
            var sum = 0
            for e32 in used {
                let o = Int(e32) * stride
                sum &+= Int(raw[o]) &+ Int(raw[o + size / 2]) &+ Int(raw[o + size - 1])
            }
            return sum
        }
        var w: [TokenKeys.Word] = []
        w.reserveCapacity(used.count)
        for e32 in used {
            let e = Int(e32)
            w.append(words[e])
            localOf[e] = -1
        }
        used.removeAll(keepingCapacity: true)
        if words.count > capacity { self = KeyCache(capacity: capacity, reusing: scratch) }
        return TokenKeys(words: w)
    }

    /// The keys of `tokens` (the document just tokenized) that `keep` (kind, key) accepts; readies the memo for the
    /// next document as `finishDocument` does, without making the document's word table.
    mutating func finishKeys(_ tokens: [Token], keep: (Token.Kind, String) -> Bool) -> [String] {
        var out: [String] = []
        out.reserveCapacity(tokens.count)
        for t in tokens {
            let k = words[Int(used[Int(t.entry)])].key
            if keep(t.kind, k) { out.append(k) }
        }
        for e32 in used { localOf[Int(e32)] = -1 }
        used.removeAll(keepingCapacity: true)
        if words.count > capacity { self = KeyCache(capacity: capacity, reusing: scratch) }
        return out
    }

    /// Frees the scratch buffer; the memo is not used afterwards.
    mutating func release() {
        scratch.deallocate()
        scratch = UnsafeMutableBufferPointer(start: nil, count: 0)
    }

    private init(capacity: Int, reusing scratch: UnsafeMutableBufferPointer<UInt32>) {
        self.init(capacity: capacity)
        self.scratch.deallocate()
        self.scratch = scratch
    }

    private mutating func growScratch() {
        let bigger = UnsafeMutableBufferPointer<UInt32>.allocate(capacity: scratch.count * 2)
        _ = bigger.initialize(from: scratch)
        scratch.deallocate()
        scratch = bigger
    }

    /// The entry whose scalars start at `arena[a]`, if they are the `n` scalars in `scratch`.
    @inline(__always) private func equals(_ a: Int, _ n: Int) -> Int? {
        arena.withUnsafeBufferPointer { ar in
            if Int(ar[a - 1]) != n { return nil }
            var i = 0
            while i < n {
                if ar[a + i] != scratch[i] { return nil }
                i += 1
            }
            return Int(ar[a - 2])
        }
    }

    private mutating func grow() {
        slots = Array(repeating: 0, count: slots.count * 2)
        mask = slots.count - 1
        for (e, h) in hashes.enumerated() {
            var slot = Int(truncatingIfNeeded: h) & mask
            while slots[slot] != 0 { slot = (slot + 1) & mask }
            slots[slot] = h & 0xFFFF_FFFF_0000_0000 | UInt64(offsets[e])
        }
    }

    @inline(__always) func keyString(_ e: Int) -> String { words[e].key }

    /// Analyses memo entry `e`'s key for clitics on first use and returns the number of key scalars its proclitics
    /// take.
    mutating func analyze(_ e: Int, _ segmenter: CliticSegmenter) -> Int {
        if analysed[e] { return Int(analysisPrefixLength[e]) }
        let a = arena.withUnsafeBufferPointer { ar in
            let a = Int(offsets[e])
            return segmenter.analyze(scalars: UnsafeBufferPointer(rebasing: ar[a..<(a + Int(ar[a - 1]))]), key: words[e].key,
                                     taMarbuta: endsInTaMarbuta[e])
        }
        words[e].prefix = a.prefix
        // (the key itself where the stem or body is the same bytes: the same representation makes later key
        // comparisons immediate, see `sameRepresentation`)
        let key = words[e].key
        words[e].stem = sameKey(a.stem, key) ? key : a.stem
        words[e].body = sameKey(a.body, key) ? key : a.body
        words[e].stemHash = keyHash(words[e].stem)
        words[e].bodyHash = keyHash(words[e].body)
        words[e].suffix = a.suffix
        words[e].hasArticle = Self.startsWithArticle(a.stem)
        analysed[e] = true
        analysisPrefixLength[e] = a.prefix.isEmpty ? 0 : Int32(a.prefixKeyLength)
        return Int(analysisPrefixLength[e])
    }

    /// Whether a normalised stem is ال followed by at least two letters (UTF-8: ا = D8 A7, ل = D9 84).
    private static func startsWithArticle(_ stem: String) -> Bool {
        var u = stem.utf8.makeIterator()
        guard u.next() == 0xD8, u.next() == 0xA7, u.next() == 0xD9, u.next() == 0x84 else { return false }
        var rest = 0
        while let b = u.next() { if b & 0xC0 != 0x80 { rest += 1 } }
        return rest >= 2
    }
}

/// Reads the keys of many texts one after another (`Tokenizer.keys`) with one word memo and one token array, held
/// from the first text to the last instead of taken from the pool and put back for each. Not for use by two threads
/// at once.
final class KeyReader {
    private let tokenizer: Tokenizer
    // (unchecked: a reader is used by one thread, one call at a time, and the two dynamic access checks per text cost
    // more than the rest of a short name's reading)
    @exclusivity(unchecked) private var cache: KeyCache
    @exclusivity(unchecked) private var tokens: [Token] = []

    init(_ tokenizer: Tokenizer) {
        self.tokenizer = tokenizer
        cache = tokenizer.pool.take()
    }

    deinit { tokenizer.pool.put(cache) }

    /// The keys of the tokens of `text` that `keep` (kind, key) accepts (`Tokenizer.keys`).
    func keys(_ text: String, keep: (Token.Kind, String) -> Bool) -> [String] {
        tokenizer.keys(text, cache: &cache, tokens: &tokens, keep: keep)
    }
}

/// Word memos for the threads tokenizing with one `Tokenizer`: each call takes one and gives it back, so no memo
/// is used by two threads at once.
final class KeyCachePool: @unchecked Sendable {
    private let lock = NSLock()
    private var free: [KeyCache] = []
    /// Distinct words each memo keeps before it is emptied.
    let capacity: Int

    init(capacity: Int) { self.capacity = capacity }

    deinit {
        for i in free.indices { free[i].release() }
    }

    func take() -> KeyCache {
        lock.lock()
        defer { lock.unlock() }
        return free.popLast() ?? KeyCache(capacity: capacity)
    }

    /// (`consuming`: the memo moves into the pool instead of being copied, a dozen retains and releases)
    func put(_ cache: consuming KeyCache) {
        lock.lock()
        free.append(cache)
        lock.unlock()
    }
}
