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
    /// The tokens name-only annotation (CoNLL, ANERcorp) tags instead of the whole mention: the known place a region is
    /// named after (غزة in قطاع غزة, أفريقيا in شمال أفريقيا), a known body's name without its nisba (هيئة المسح الجيولوجي
    /// of هيئة المسح الجيولوجي الأمريكية). The graph keeps the whole mention.
    public var nameOnlySpan: Range<Int>? = nil
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

extension Mention {
    /// Makes the mention name what resolution found it names (one sense per article): that entity's type, subtype and
    /// gazetteer entry.
    mutating func retype(_ type: EntityType, subtype: String, entryID: String?) {
        self.type = type
        self.subtype = subtype
        self.entryID = entryID
    }

    /// Moves the mention to tokens `r`, from code point `start` to the end of the last token, and rereads its surface:
    /// recognition rules widen a name over more words or start it at a clitic the name owns.
    mutating func respan(_ r: Range<Int>, start: Int, in doc: AnalyzedText) {
        tokens = r
        self.start = start
        end = doc.tokens[r.upperBound - 1].end
        surface = doc.text(start, end)
    }

    /// Organisation mentions written after a bare head noun that no mention covers (تنظيم داعش, حركة حماس read as داعش,
    /// حماس): `(head token, mention index)`. Event roles and relation patterns read such a mention as starting at its
    /// head noun, so "هجوم تنظيم داعش على" has its agent right after the trigger whichever span the recogniser chose.
    static func headNounStarts(_ doc: AnalyzedText, _ mentions: [Mention], lexicons: LexiconSet) -> [(token: Int, mention: Int)] {
        var covered = [Bool](repeating: false, count: doc.tokens.count)
        // (mentions and tokens read in place: a copy retains their strings)
        for i in mentions.indices { for k in mentions[i].tokens { covered[k] = true } }
        var out: [(token: Int, mention: Int)] = []
        for i in mentions.indices where mentions[i].type == .organization && mentions[i].rule != "nested" && mentions[i].entity >= 0 {
            let h = mentions[i].tokens.lowerBound - 1
            guard h >= doc.sentences[mentions[i].sentence].tokens.lowerBound, !covered[h] else { continue }
            let t = doc.tokens[h]
            guard t.kind == .word, t.script == .arabic, !t.hasArticle, doc.tokens[h + 1].prefix.isEmpty,
                  lexicons.organizationHeads.contains(key: t.stem) else { continue }
            out.append((h, i))
        }
        return out
    }
}

extension Array where Element == Mention {
    /// `body` of the mention at `i`, read in place: in the recogniser's long function `out[i].type` stays a call of
    /// Array's getter, which copies the whole mention (its seven strings retained and released) for one field; and
    /// a Mention argument was copied too, so `body` reads the fields it tests through the pointer.
    @inline(__always) func read<T>(_ i: Int, _ body: (UnsafePointer<Mention>) -> T) -> T {
        withUnsafeBufferPointer { body($0.baseAddress! + i) }
    }

    /// The tokens of the mention at `i`, read in place (see `read`).
    @inline(__always) func tokens(at i: Int) -> Range<Int> { read(i) { $0.pointee.tokens } }
}
