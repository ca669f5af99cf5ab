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
                    let b0 = UInt32(u[i])
                    var v: UInt32
                    if b0 < 0x80 {
                        v = b0; i += 1
                    } else if b0 < 0xE0 {
                        v = (b0 & 0x1F) << 6 | UInt32(u[i + 1] & 0x3F); i += 2
                    } else if b0 < 0xF0 {
                        v = (b0 & 0x0F) << 12 | UInt32(u[i + 1] & 0x3F) << 6 | UInt32(u[i + 2] & 0x3F); i += 3
                    } else {
                        v = (b0 & 0x07) << 18 | UInt32(u[i + 1] & 0x3F) << 12 | UInt32(u[i + 2] & 0x3F) << 6 | UInt32(u[i + 3] & 0x3F)
                        i += 4
                    }
                    (out.baseAddress! + k).initialize(to: unsafeBitCast(v, to: Unicode.Scalar.self))
                    k += 1
                }
                count = k
            }
        }
        return r ?? Array(text.unicodeScalars)
    }
}
