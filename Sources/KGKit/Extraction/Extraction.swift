/// What one article contributes to the graph: its entities (with mentions) and relations (with evidence).
public struct ArticleExtraction: Sendable {
    public var article: Article
    public var entities: [ExtractedEntity]
    public var mentions: [Mention]
    public var relations: [ExtractedRelation]
    /// Relations a rule matched but a negation cue in the sentence withdrew (kept for `kg show` and debugging).
    public var negated: [ExtractedRelation]
    /// Statements: who said, denied or reported what (StatementExtractor).
    public var statements: [ExtractedStatement] = []
}

/// A statement read in one article: a speaker (person or organisation of the article), what kind of statement it is
/// (`said`, `denied`, or `source` for "according to X"), the cue word, the quoted or reported text and the evidence.
public struct ExtractedStatement: Sendable, Equatable {
    public var speaker: Int
    public var kind: String
    public var cue: String
    public var quote: String
    public var evidence: Evidence
}

/// An entity as resolved inside one article.
public struct ExtractedEntity: Sendable {
    public var type: EntityType
    public var subtype: String
    public var entryID: String?
    /// Canonical surface name (the longest full name in the article).
    public var name: String
    public var language: String
    public var mentionIndices: [Int]
    public var eventType: String? = nil
    public var cameo: String? = nil
    /// When the event happened, resolved against the article date (DateResolver).
    public var startDate: ResolvedDate? = nil
    /// Casualty counts reported for the event (CasualtyExtractor).
    public var casualties: [Casualty] = []
    /// The entities that name the two sides of a match (the one written first first; a national team's country),
    /// which name it in English: "Croatia v Iceland".
    public var sides: [Int] = []
    /// An English name made from the name's parts where the entity has no entry: a place's body after its head
    /// (منتخب كرواتيا: "Croatia national team"; organization-heads.tsv `english`).
    public var englishName: String? = nil
}

/// A relation found in one article, between two entities of that article.
public struct ExtractedRelation: Sendable {
    public var subject: Int
    public var predicate: String
    public var object: Int
    public var evidence: Evidence
}

/// Where a fact was read: article, sentence, span, sentence text, rule, confidence.
public struct Evidence: Sendable, Equatable, Hashable {
    public var article: String
    public var sentence: Int
    public var start: Int
    public var end: Int
    public var sentenceStart: Int
    public var sentenceText: String
    public var rule: String
    public var confidence: Double

    /// Confidence of a fact read several times: the chance that not every reading is wrong (noisy-OR).
    public static func combinedConfidence(_ evidence: [Evidence]) -> Double {
        1 - evidence.reduce(1.0) { $0 * (1 - $1.confidence) }
    }

    /// The order evidence is kept and written in, so graphs compare and serialise the same however they were built.
    public static func canonicalOrder(_ a: Evidence, _ b: Evidence) -> Bool {
        (a.article, a.sentence, a.start, a.end, a.rule) < (b.article, b.sentence, b.start, b.end, b.rule)
    }
}
