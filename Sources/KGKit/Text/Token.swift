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
///
/// The key strings are read from the document's word table, which the document (`AnalyzedText`) owns: read them
/// while the document is alive.
public struct Token: Sendable, Equatable {
    public enum Kind: UInt8, Sendable { case word, number, punctuation, symbol }

    public var start: Int
    public var end: Int
    /// Number of code points of the surface taken by the proclitics.
    public var prefixLength: Int
    /// The token's word in its document's `TokenKeys` (tokens with the same normalised key share one entry).
    public let entry: Int32
    public var kind: Kind
    public var script: Script
    /// Whether the English token starts with an upper-case letter (or a lower-case particle and a hyphen before one:
    /// al-Qaeda).
    public var isCapitalized: Bool
    /// The document's table of normalised words, not retained: the strings below live there once per distinct word
    /// and the document keeps the table, so a token is plain integers and copies without reference counting (which
    /// cost about 7% of `kg build`'s CPU on ANT articles while tokens held a counted reference).
    var keys: Unmanaged<TokenKeys>
    // (the word getters below, read per token in the recognisers' loops, are inlined: a call cost as much as the read)

    /// Normalised key of the whole surface.
    @inline(__always) public var key: String { keys._withUnsafeGuaranteedRef { $0.words[Int(entry)].key } }
    /// Normalised proclitics split off the front (`و`, `وب`, `ل`...), empty if none.
    @inline(__always) public var prefix: String { isArabicWord ? keys._withUnsafeGuaranteedRef { $0.words[Int(entry)].prefix } : "" }
    /// Normalised key of the word without proclitics and pronoun suffix.
    @inline(__always) public var stem: String { isArabicWord ? keys._withUnsafeGuaranteedRef { $0.words[Int(entry)].stem } : key }
    /// Normalised key without proclitics but with any suffix (the form names are looked up under).
    @inline(__always) public var body: String { isArabicWord ? keys._withUnsafeGuaranteedRef { $0.words[Int(entry)].body } : key }
    /// Normalised pronoun suffix split off the end (`ه`, `ها`, `هم`...), empty if none.
    @inline(__always) public var suffix: String { isArabicWord ? keys._withUnsafeGuaranteedRef { $0.words[Int(entry)].suffix } : "" }
    /// `keyHash(key)`, `keyHash(stem)`, `keyHash(body)`: made once per word.
    @inline(__always) public var keyHash: UInt64 { keys._withUnsafeGuaranteedRef { $0.words[Int(entry)].keyHash } }
    @inline(__always) public var stemHash: UInt64 { keys._withUnsafeGuaranteedRef { isArabicWord ? $0.words[Int(entry)].stemHash : $0.words[Int(entry)].keyHash } }
    @inline(__always) public var bodyHash: UInt64 { keys._withUnsafeGuaranteedRef { isArabicWord ? $0.words[Int(entry)].bodyHash : $0.words[Int(entry)].keyHash } }

    /// Only Arabic words have a clitic analysis.
    @inline(__always) private var isArabicWord: Bool { script == .arabic && kind == .word }

    /// Code-point offset where the stem starts in the document.
    public var stemStart: Int { start + prefixLength }

    /// The stem without a leading definite article ال (Arabic) — the bare lexical form.
    public var bareStem: Substring {
        let stem = self.stem
        if hasArticle { return stem.dropFirst(2) }
        return Substring(stem)
    }

    @inline(__always) public var hasArticle: Bool {
        isArabicWord && keys._withUnsafeGuaranteedRef { $0.words[Int(entry)].hasArticle }
    }

    public static func == (a: Token, b: Token) -> Bool {
        a.start == b.start && a.end == b.end && a.kind == b.kind && a.script == b.script
            && a.prefixLength == b.prefixLength && a.isCapitalized == b.isCapitalized
            && (a.keys.toOpaque() == b.keys.toOpaque() ? a.entry == b.entry
                : a.key == b.key && a.prefix == b.prefix && a.stem == b.stem && a.suffix == b.suffix)
    }
}

/// The distinct normalised words of one document with their clitic analysis, filled while it is tokenised and
/// never changed afterwards. Arabic analysis fields are meaningful for Arabic word tokens only.
public final class TokenKeys: Sendable {
    /// A word's key and analysis, kept together: the memo and this table are read and copied a word at a time (one
    /// array, not one per field, so a word is one or two cache lines instead of six places).
    struct Word: Sendable {
        var key: String
        var prefix = ""
        var stem: String
        var body: String
        var suffix = ""
        var hasArticle = false
        /// `keyHash` of key, stem and body.
        var keyHash: UInt64
        var stemHash: UInt64
        var bodyHash: UInt64

        init(key: String) {
            self.key = key
            stem = key
            body = key
            keyHash = KGKit.keyHash(key)
            stemHash = keyHash
            bodyHash = keyHash
        }
    }

    let words: [Word]

    /// Number of distinct words.
    public var count: Int { words.count }

    init(words: [Word]) { self.words = words }

    /// Stands in while a document is being tokenized, before its words are known.
    static var pending: Unmanaged<TokenKeys> { Unmanaged.passUnretained(empty) }
    private static let empty = TokenKeys(words: [])
}

/// A sentence: a span of the text and the range of its tokens.
public struct Sentence: Sendable, Equatable {
    public var index: Int
    public var start: Int
    public var end: Int
    public var tokens: Range<Int>
    public var script: Script
}
