/// A span of text that names an entity or an event, as found by one recognition rule.
public struct Mention: Sendable, Equatable {
    /// Token range in the document.
    public var tokens: Range<Int>
    /// Code-point span in the document (clitics of the first token excluded).
    public var start: Int
    public var end: Int
    public var type: EntityType
    public var subtype: String
    /// Gazetteer id when the mention is linked to a known entity.
    public var entryID: String?
    /// The surface text of the span.
    public var surface: String
    /// Which rule found it (`gazetteer`, `title`, `org-head`, `place-trigger`, `partial-name`, `tagger`, ...).
    public var rule: String
    public var confidence: Double
    /// A nisba / demonym adjective (أميركية, Syrian): evidence of a country, not a name of it.
    public var isDemonym: Bool = false
    /// An organisation described by its kind rather than named (الجيش الإسرائيلي, وزارة المالية): a nominal mention
    /// (rules/nominal-bodies.tsv). Name-only annotation schemes (CoNLL, ANERcorp) do not tag these.
    public var isNominal: Bool = false
    /// Role word from a title that introduced a person (`spokesperson`, `minister`...).
    public var role: String? = nil
    /// Event type and CAMEO code for event triggers.
    public var eventType: String? = nil
    public var cameo: String? = nil
    /// Index of the entity this mention was resolved to (within the article), set by the resolver.
    public var entity: Int = -1
    /// Sentence index.
    public var sentence: Int = 0
}
