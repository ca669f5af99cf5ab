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
        let scalars = Array(text.unicodeScalars)
        let tokens = tokenizer.tokenize(scalars)
        let sentences = SentenceSplitter.split(scalars, tokens: tokens)
        return AnalyzedText(scalars: scalars, tokens: tokens, sentences: sentences,
                            language: language ?? LanguageDetector.detect(scalars))
    }
}
