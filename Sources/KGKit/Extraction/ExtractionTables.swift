/// Word tables for dates, casualties and statements (Resources/rules/dates.tsv, casualties.tsv, statement-cues.tsv),
/// loaded once and keyed by normalised word, so matching a token is one dictionary lookup on a key it already has.
struct CueTable<Value: Sendable>: Sendable {
    private var table = PhraseTable<Value>()

    mutating func add(_ words: String, _ value: Value, arabicConjunctions: Bool = false) {
        let keys = words.split(separator: " ").map { Normalizer.key(String($0)) }.filter { !$0.isEmpty }
        guard let first = keys.first else { return }
        var firsts = [first]
        // و / ف in front of an Arabic word is not split off by the tokenizer when the word is unknown (وقال, فأكدت)
        if arabicConjunctions, first.unicodeScalars.first.map({ $0.value >= 0x0600 && $0.value <= 0x06FF }) == true {
            firsts += ["و" + first, "ف" + first]
        }
        for f in firsts { table.add([f] + keys.dropFirst(), value) }
    }

    /// The longest phrase starting at token `i` (before `limit`), and the index after it. Tokens match by key, body or
    /// stem (the first token by its stem only if `stems`).
    func match(_ tokens: [Token], at i: Int, limit: Int, stems: Bool = true) -> (value: Value, end: Int)? {
        table.match(tokens, at: i, limit: limit, stems: stems, bodies: true)
    }

    /// Whether a phrase may start at token `t` (`PhraseTable.canStart`).
    func canStart(_ t: Token, stems: Bool = true) -> Bool { table.canStart(t, stems: stems) }

    var isEmpty: Bool { table.isEmpty }
}

/// The date, casualty and statement word tables of one `LexiconSet`: the bundled rows plus those of the user's
/// `--rules` files named like the table (`dates.tsv`, `casualties.tsv`, `statement-cues.tsv`).
public struct ExtractionTables: Sendable {
    /// Rows of a bundled rules table (`LexiconSet.table`: comments and the header skipped, cells split on tabs and
    /// trimmed); none if the file is missing.
    static func rows(_ path: String) -> [[String]] { (try? LexiconSet.table(path)) ?? [] }

    /// The bundled tables alone.
    public static let bundled = ExtractionTables(rows: rows)

    let dates: CueTable<DateWord>
    let casualties: CueTable<CasualtyWord>
    let statements: CueTable<StatementCueWord>
    let statementHelpers: [String: Set<String>]
    /// The complementizers of `statementHelpers`, byte-keyed (made once here, not by every article's StatementExtractor).
    let complementizers: KeySet

    init(rows: (String) -> [[String]]) {
        dates = Self.dates(rows("rules/dates.tsv"))
        // (a currency after a number is a sum, not people: money-words.tsv's currencies are units too)
        casualties = Self.casualties(rows("rules/casualties.tsv")
                                     + rows("rules/money-words.tsv").filter { $0.count >= 2 && $0[1] == "currency" }.map { [$0[0], "unit"] })
        let cues = rows("rules/statement-cues.tsv")
        statements = Self.statements(cues)
        var helpers: [String: Set<String>] = [:]
        for r in cues where r.count >= 2 && Self.statementHelperKinds.contains(r[1]) && !r[0].isEmpty {
            helpers[r[1], default: []].formUnion([r[0], Normalizer.key(r[0])])
        }
        statementHelpers = helpers
        complementizers = KeySet(helpers["complementizer"] ?? [])
    }

    enum DateWord: Sendable { case month(Int), weekday(Int), day(Int), week(Int), future, night(Bool), year }
    enum CasualtyWord: Sendable { case outcome(String), number(Int), generic, breakdown, atLeast, unit, stop }
    enum StatementCue: String, Sendable { case said, denied, source }

    /// What must follow a cue word for it to attribute a statement (statement-cues.tsv, third column): نقل is also a
    /// transfer (نقل السفارة) unless عن names whom it quotes; تابع is also "affiliated" or "watched" (تابع للحكومة)
    /// unless a colon, a quote, أن / إن or قائلا introduces what was said.
    enum CueNeeds: String, Sendable { case nothing = "", an = "عن", clause }

    struct StatementCueWord: Sendable {
        let kind: StatementCue
        let needs: CueNeeds
    }

    static func dates(_ rows: [[String]]) -> CueTable<DateWord> {
        var t = CueTable<DateWord>()
        for r in rows where r.count >= 3 {
            let v = Int(r[2]) ?? 0
            switch r[1] {
            case "month": t.add(r[0], .month(v))
            case "weekday": t.add(r[0], .weekday(v))
            case "day": t.add(r[0], .day(v))
            case "week": t.add(r[0], .week(v))
            case "future": t.add(r[0], .future, arabicConjunctions: true)
            case "night": t.add(r[0], .night(v == 1), arabicConjunctions: true)
            case "year": t.add(r[0], .year, arabicConjunctions: true)
            default: break
            }
        }
        return t
    }

    static func casualties(_ rows: [[String]]) -> CueTable<CasualtyWord> {
        var t = CueTable<CasualtyWord>()
        for r in rows where r.count >= 2 {
            switch r[1] {
            case "killed", "injured": t.add(r[0], .outcome(r[1]), arabicConjunctions: true)
            case "number": t.add(r[0], .number(Int(r.count > 2 ? r[2] : "") ?? 0))
            case "generic": t.add(r[0], .generic)
            case "breakdown": t.add(r[0], .breakdown)
            case "atleast": t.add(r[0], .atLeast)
            case "unit": t.add(r[0], .unit)
            case "stop": t.add(r[0], .stop)
            default: break
            }
        }
        return t
    }

    /// CAMEO code of each statement kind (statement-cues.tsv, kind `cameo`): said 010, denied 016, source 010.
    public static let statementCAMEO: [String: String] = {
        var out: [String: String] = [:]
        for r in rows("rules/statement-cues.tsv") where r.count >= 3 && r[1] == "cameo" { out[r[0]] = r[2] }
        return out
    }()

    /// Kinds of statement-cues.tsv rows that are helper words, not cues (the other non-cue kind is `cameo`, codes).
    static let statementHelperKinds: Set<String> = ["quote", "complementizer", "pronoun", "saying", "quoting"]

    /// Checks a user's statement-cues.tsv (`--rules`): every row has a known kind and, for a cue, a known `needs`
    /// value; a typo would otherwise silently make a cue that needs nothing, or no cue at all.
    static func validateStatementCues(_ rows: [(line: Int, cells: [String])], file: String) throws {
        for (line, cells) in rows {
            guard cells.count >= 2 else { throw LexiconError.badRow(file: file, line: line, reason: "expected words<TAB>kind[<TAB>needs]") }
            if statementHelperKinds.contains(cells[1]) || cells[1] == "cameo" { continue }
            guard StatementCue(rawValue: cells[1]) != nil else {
                throw LexiconError.badRow(file: file, line: line, reason: "kind '\(cells[1])' is not said, denied, source, quote, complementizer, pronoun, saying, quoting or cameo")
            }
            if cells.count >= 3, CueNeeds(rawValue: cells[2]) == nil {
                throw LexiconError.badRow(file: file, line: line, reason: "needs '\(cells[2])' is not empty, عن or clause")
            }
        }
    }

    static func statements(_ rows: [[String]]) -> CueTable<StatementCueWord> {
        var t = CueTable<StatementCueWord>()
        for r in rows where r.count >= 2 {
            if let k = StatementCue(rawValue: r[1]) {
                t.add(r[0], StatementCueWord(kind: k, needs: r.count >= 3 ? CueNeeds(rawValue: r[2]) ?? .nothing : .nothing), arabicConjunctions: true)
            }
        }
        return t
    }
}
