import Foundation

/// A document after text analysis: its scalars, tokens and sentences.
public struct AnalyzedText: Sendable {
    public let scalars: [Unicode.Scalar]
    public let tokens: [Token]
    public let sentences: [Sentence]
    public let language: String
    /// The table of distinct words its tokens read their keys from (held here: tokens do not retain it).
    let keys: TokenKeys
    /// Sentence texts made so far (see `text(of:)`).
    private let sentenceTexts: SentenceTexts

    init(scalars: [Unicode.Scalar], tokens: [Token], keys: TokenKeys, sentences: [Sentence], language: String) {
        self.scalars = scalars
        self.tokens = tokens
        self.keys = keys
        self.sentences = sentences
        self.language = language
        self.sentenceTexts = SentenceTexts(count: sentences.count)
    }

    /// The original text of a code-point span.
    public func text(_ start: Int, _ end: Int) -> String { Self.text(scalars, start, end) }

    /// The text of tokens `first..<end` as a name: from the first token's stem, with the article's alif that ل
    /// swallowed written back (للحكومة السورية gives الحكومة السورية, not لحكومة السورية).
    public func nameText(_ first: Int, _ end: Int) -> String {
        let text = text(tokens[first].stemStart, tokens[end - 1].end)
        return articleElided(first) ? "\u{0627}" + text : text
    }

    /// Whether token `k` is ل + a definite word written without the article's alif (للحكومة: its stem's text starts
    /// لحكومة).
    public func articleElided(_ k: Int) -> Bool {
        let t = tokens[k]
        return t.script == .arabic && t.hasArticle && t.prefix.endsWithLetters("ل") && scalars[t.stemStart] == "\u{0644}"
    }

    /// The text of sentence `s`, made on first use and then shared: every fact found in a sentence keeps it as
    /// evidence, and they all hold this one string.
    public func text(of s: Sentence) -> String {
        sentenceTexts.text(s.index) { Self.text(scalars, s.start, s.end) }
    }

    private final class SentenceTexts: @unchecked Sendable {
        private let lock = NSLock()
        private var texts: [String?]
        init(count: Int) { texts = Array(repeating: nil, count: count) }
        func text(_ i: Int, _ make: () -> String) -> String {
            lock.lock()
            defer { lock.unlock() }
            if let t = texts[i] { return t }
            let t = make()
            texts[i] = t
            return t
        }
    }

    /// UTF-8 encodes the scalars straight into the new string's storage.
    static func text(_ scalars: [Unicode.Scalar], _ start: Int, _ end: Int) -> String {
        let a = max(0, start), b = min(end, scalars.count)
        guard a < b else { return "" }
        var bytes = 0
        for i in a..<b {
            let v = scalars[i].value
            bytes += v < 0x80 ? 1 : v < 0x800 ? 2 : v < 0x10000 ? 3 : 4
        }
        return String(unsafeUninitializedCapacity: bytes) { out in
            var k = 0
            for i in a..<b {
                let v = scalars[i].value
                if v < 0x80 {
                    out[k] = UInt8(v); k += 1
                } else if v < 0x800 {
                    out[k] = UInt8(0xC0 | v >> 6); out[k + 1] = UInt8(0x80 | v & 0x3F); k += 2
                } else if v < 0x10000 {
                    out[k] = UInt8(0xE0 | v >> 12); out[k + 1] = UInt8(0x80 | v >> 6 & 0x3F); out[k + 2] = UInt8(0x80 | v & 0x3F); k += 3
                } else {
                    out[k] = UInt8(0xF0 | v >> 18); out[k + 1] = UInt8(0x80 | v >> 12 & 0x3F)
                    out[k + 2] = UInt8(0x80 | v >> 6 & 0x3F); out[k + 3] = UInt8(0x80 | v & 0x3F); k += 4
                }
            }
            return k
        }
    }

    public func surface(_ t: Token) -> String { text(t.start, t.end) }

    /// The sentence that contains token index `i`.
    public func sentenceIndex(ofToken i: Int) -> Int {
        var lo = 0, hi = sentences.count - 1
        while lo < hi {
            let mid = (lo + hi + 1) / 2
            if sentences[mid].tokens.lowerBound <= i { lo = mid } else { hi = mid - 1 }
        }
        return lo
    }
}

/// A yes/no answer per distinct word of one document, asked once: lexicon tests that depend on a token's word alone
/// (its `Token.entry`; an Arabic word apart from other tokens with the same key, as only it has clitics) are made
/// once per word instead of once per token. The questions must read nothing else of the token (not its position,
/// capitalisation or neighbours).
/// (No closure-taking `answer(t) { ... }`: a closure context copies what it captures, the document and the extractor,
/// retaining all their arrays on every call.)
struct WordMemo {
    /// 0 not asked yet, 1 no, 2 yes.
    private var state: [UInt8]

    init(_ doc: AnalyzedText) { state = Array(repeating: 0, count: 2 * doc.keys.count) }

    @inline(__always) private static func index(_ t: Token) -> Int {
        2 * Int(t.entry) + (t.script == .arabic && t.kind == .word ? 1 : 0)
    }

    /// The answer for `t`'s word, nil until one is recorded.
    @inline(__always) subscript(_ t: Token) -> Bool? {
        get {
            let s = state[Self.index(t)]
            return s == 0 ? nil : s == 2
        }
        set { state[Self.index(t)] = newValue == nil ? 0 : newValue! ? 2 : 1 }
    }
}

/// Normalisation, tokenisation, clitic analysis and sentence splitting in one call.
public struct TextAnalyzer: Sendable {
    public let tokenizer: Tokenizer

    public init(tokenizer: Tokenizer) { self.tokenizer = tokenizer }

    public func analyze(_ text: String, language: String? = nil) -> AnalyzedText {
        let scalars = Self.scalars(of: text)
        let (tokens, keys) = tokenizer.tokenize(scalars)
        let sentences = SentenceSplitter.split(scalars, tokens: tokens)
        return AnalyzedText(scalars: scalars, tokens: tokens, keys: keys, sentences: sentences,
                            language: language ?? LanguageDetector.detect(tokens: tokens))
    }

    /// The scalars of `text`, decoded straight from its UTF-8 (which a Swift String guarantees to be valid).
    static func scalars(of text: String) -> [Unicode.Scalar] {
        let r = text.utf8.withContiguousStorageIfAvailable { u -> [Unicode.Scalar] in
            let n = u.count
            return [Unicode.Scalar](unsafeUninitializedCapacity: n) { out, count in
                var i = 0, k = 0
                while i < n {
                    let v = UTF8Decoding.scalar(u, at: &i)
                    (out.baseAddress! + k).initialize(to: unsafeBitCast(v, to: Unicode.Scalar.self))
                    k += 1
                }
                count = k
            }
        }
        return r ?? Array(text.unicodeScalars)
    }
}

/// Answers about words kept from one document to the next by one thread, found by the strings a token reads for its
/// word (key, stem, body, prefix, suffix, compared as bytes) and its kind and script, on which such answers depend;
/// emptied when full. (buffers, not arrays: each use of a class's array property is checked for exclusive access at
/// run time)
final class KnownWords<Answer> {
    private struct Entry {
        var key: String, stem: String, body: String, prefix: String, suffix: String
        var kind: Token.Kind, script: Script
        var answer: Answer
    }
    static var capacity: Int { 1 << 17 }
    private let entries = UnsafeMutablePointer<Entry>.allocate(capacity: KnownWords.capacity)
    private let index = UnsafeMutableBufferPointer<Int32>.allocate(capacity: 4 * KnownWords.capacity)
    @exclusivity(unchecked) private var count = 0
    /// Written by `touch` so that its loads are kept.
    @exclusivity(unchecked) private var touched = 0

    init() { index.initialize(repeating: -1) }

    deinit {
        entries.deinitialize(count: count)
        entries.deallocate()
        index.deallocate()
    }

    @inline(__always) private static func isArabicWord(_ kind: Token.Kind, _ script: Script) -> Bool { kind == .word && script == .arabic }

    @inline(__always) private func slot(_ w: UnsafePointer<TokenKeys.Word>, _ kind: Token.Kind, _ script: Script) -> Int {
        let stemHash = Self.isArabicWord(kind, script) ? w.pointee.stemHash : w.pointee.keyHash
        let h = TaggerFeature.mix(w.pointee.keyHash ^ TaggerFeature.mix(stemHash ^ UInt64(kind.rawValue) << 8 ^ UInt64(script.rawValue)))
        return Int(truncatingIfNeeded: h) & (index.count - 1)
    }

    /// Loads the index slots of these Arabic words of `table` (independent loads: their cache misses overlap).
    func touch(_ words: [Int32], _ table: UnsafeBufferPointer<TokenKeys.Word>) {
        var sum = 0
        for e in words { sum &+= Int(index[slot(table.baseAddress! + Int(e), .word, .arabic)]) }
        touched &+= sum
    }

    /// The entry of the word `table[e]` read as a token of this kind and script, if there is one.
    func find(_ table: UnsafeBufferPointer<TokenKeys.Word>, _ e: Int, kind: Token.Kind, script: Script) -> Int? {
        let w = table.baseAddress! + e
        let arabic = Self.isArabicWord(kind, script)
        var s = slot(w, kind, script)
        while true {
            let i = Int(index[s])
            if i < 0 { return nil }
            let x = entries + i
            if x.pointee.kind == kind && x.pointee.script == script && sameKey(x.pointee.key, w.pointee.key)
                && (!arabic || sameKey(x.pointee.stem, w.pointee.stem) && sameKey(x.pointee.body, w.pointee.body)
                        && sameKey(x.pointee.prefix, w.pointee.prefix) && sameKey(x.pointee.suffix, w.pointee.suffix)) {
                return i
            }
            s = (s + 1) & (index.count - 1)
        }
    }

    /// The answer of entry `i`.
    subscript(i: Int) -> Answer { entries[i].answer }

    /// Keeps `answer` for the word `table[e]` read as a token of this kind and script; returns its entry.
    func add(_ answer: Answer, _ table: UnsafeBufferPointer<TokenKeys.Word>, _ e: Int, kind: Token.Kind, script: Script) -> Int {
        if count == Self.capacity {
            entries.deinitialize(count: count)
            count = 0
            index.update(repeating: -1)
        }
        let w = table.baseAddress! + e
        var s = slot(w, kind, script)
        while index[s] >= 0 { s = (s + 1) & (index.count - 1) }
        index[s] = Int32(count)
        let arabic = Self.isArabicWord(kind, script)
        (entries + count).initialize(to: Entry(key: w.pointee.key, stem: arabic ? w.pointee.stem : w.pointee.key,
                                               body: arabic ? w.pointee.body : w.pointee.key, prefix: arabic ? w.pointee.prefix : "",
                                               suffix: arabic ? w.pointee.suffix : "", kind: kind, script: script, answer: answer))
        count += 1
        return count - 1
    }
}

/// The free `KnownWords` tables of one lexicon set, one taken per document.
final class KnownWordsPool<Answer>: @unchecked Sendable {
    private let lock = NSLock()
    private var free: [KnownWords<Answer>] = []

    func take() -> KnownWords<Answer> {
        lock.lock()
        defer { lock.unlock() }
        return free.popLast() ?? KnownWords()
    }

    func put(_ table: KnownWords<Answer>) {
        lock.lock()
        free.append(table)
        lock.unlock()
    }
}
