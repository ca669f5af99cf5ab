/// Writing system of a token or text.
public enum Script: UInt8, Sendable, Codable {
    case arabic, latin, other
}

/// One token of a document: its exact span in the original text and the keys it is matched under.
///
/// Offsets are Unicode code-point (scalar) offsets into the document text, so `text[start:end]` in Python is the
/// surface form. Arabic words carry their clitic analysis: `prefix` (proclitics such as و ب ل, normalised), the
/// `stem` key used for lexicon lookup (the article ال is kept in it, `hasArticle` says whether it is there) and an
/// optional pronoun `suffix`.
public struct Token: Sendable, Equatable {
    public enum Kind: UInt8, Sendable { case word, number, punctuation, symbol }

    public var start: Int
    public var end: Int
    public var kind: Kind
    public var script: Script
    /// Normalised key of the whole surface.
    public var key: String
    /// Normalised proclitics split off the front (`و`, `وب`, `ل`...), empty if none.
    public var prefix: String
    /// Number of code points of the surface taken by the proclitics.
    public var prefixLength: Int
    /// Normalised key of the word without proclitics and pronoun suffix.
    public var stem: String
    /// Normalised key without proclitics but with any suffix (the form names are looked up under).
    public var body: String
    /// Normalised pronoun suffix split off the end (`ه`, `ها`, `هم`...), empty if none.
    public var suffix: String
    /// Whether the English token starts with an upper-case letter.
    public var isCapitalized: Bool

    /// Code-point offset where the stem starts in the document.
    public var stemStart: Int { start + prefixLength }

    /// The stem without a leading definite article ال (Arabic) — the bare lexical form.
    public var bareStem: Substring {
        if stem.hasPrefix("ال") && stem.unicodeScalars.count > 3 { return stem.dropFirst(2) }
        return Substring(stem)
    }

    public var hasArticle: Bool { script == .arabic && stem.hasPrefix("ال") && stem.unicodeScalars.count > 3 }
}

/// A sentence: a span of the text and the range of its tokens.
public struct Sentence: Sendable, Equatable {
    public var index: Int
    public var start: Int
    public var end: Int
    public var tokens: Range<Int>
    public var script: Script
}
