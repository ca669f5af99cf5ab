/// A document after text analysis: its scalars, tokens and sentences.
public struct AnalyzedText: Sendable {
    public let scalars: [Unicode.Scalar]
    public let tokens: [Token]
    public let sentences: [Sentence]
    public let language: String

    /// The original text of a code-point span.
    public func text(_ start: Int, _ end: Int) -> String {
        var v = String.UnicodeScalarView()
        v.append(contentsOf: scalars[max(0, start)..<min(end, scalars.count)])
        return String(v)
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

/// Normalisation, tokenisation, clitic analysis and sentence splitting in one call.
public struct TextAnalyzer: Sendable {
    public let tokenizer: Tokenizer

    public init(tokenizer: Tokenizer) { self.tokenizer = tokenizer }

    public func analyze(_ text: String, language: String? = nil) -> AnalyzedText {
        let scalars = Self.scalars(of: text)
        let tokens = tokenizer.tokenize(scalars)
        let sentences = SentenceSplitter.split(scalars, tokens: tokens)
        return AnalyzedText(scalars: scalars, tokens: tokens, sentences: sentences,
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
