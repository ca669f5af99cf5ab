/// Writes the graph as three RFC 4180 CSV tables: nodes, edges and mentions (columns in README.md).
///
/// Cells that a spreadsheet would run as a formula (starting with = + - @ tab or CR) are prefixed with `'`
/// (OWASP CSV injection advice), except in numeric columns, where negative numbers stay numbers.
public enum CSVWriter {
    public static func cell(_ s: String, numeric: Bool = false) -> String {
        var v = s
        if !numeric, let f = v.unicodeScalars.first, ["=", "+", "-", "@", "\t", "\r"].contains(f) { v = "'" + v }
        if v.unicodeScalars.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) {
            return "\"" + v.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        }
        return v
    }

    static func row(_ cells: [String], numeric: Set<Int> = []) -> String {
        cells.enumerated().map { cell($0.element, numeric: numeric.contains($0.offset)) }.joined(separator: ",") + "\r\n"
    }

    public static func nodes(_ g: KnowledgeGraph) -> String {
        var out = row(["id", "type", "subtype", "name_en", "name_ar", "name_translit", "alternate_names", "same_as", "part_of", "mentions", "articles",
                       "start_date", "casualties"])
        var counts: [String: Int] = [:], arts: [String: Set<String>] = [:]
        for a in g.articles.values { for m in a.mentions { counts[m.entity, default: 0] += 1; arts[m.entity, default: []].insert(a.hash) } }
        let surfaces = g.surfaceForms()
        for e in g.entities.values.sorted(by: { $0.key < $1.key }) {
            out += row([e.key, e.type.rawValue, e.subtype, e.names["en"] ?? "", e.names["ar"] ?? "", e.names["ar-Latn"] ?? "",
                        (surfaces[e.key] ?? []).sorted().joined(separator: " | "), e.sameAs.sorted().joined(separator: " "),
                        e.partOf ?? "", String(counts[e.key] ?? 0), String(arts[e.key]?.count ?? 0), e.startDate ?? "",
                        e.casualties.map(casualtyText).joined(separator: " | ")], numeric: [9, 10])
        }
        return out
    }

    public static func edges(_ g: KnowledgeGraph) -> String {
        var out = row(["subject", "predicate", "object", "subject_name", "object_name", "confidence", "evidence_count", "rules", "example_sentence"])
        for (k, ev) in g.relations.sorted(by: { $0.key < $1.key }) {
            let conf = Evidence.combinedConfidence(ev)
            let first = ev.min { ($0.article, $0.sentence) < ($1.article, $1.sentence) }
            out += row([k.subject, k.predicate, k.object, g.label(k.subject, language: "en"), g.label(k.object, language: "en"),
                        JSONText.number(conf), String(ev.count), Set(ev.map(\.rule)).sorted().joined(separator: " "), first?.sentenceText ?? ""],
                       numeric: [5, 6])
        }
        for k in g.containmentEdges() {
            out += row([k.subject, k.predicate, k.object, g.label(k.subject, language: "en"), g.label(k.object, language: "en"), "1", "0", "gazetteer", ""], numeric: [5, 6])
        }
        return out
    }

    /// `killed 9+`, `killed 5 civilians`: outcome, count (`+` for "at least") and party.
    static func casualtyText(_ c: Casualty) -> String {
        "\(c.outcome) \(c.count)\(c.atLeast ? "+" : "")" + (c.party.map { " " + $0 } ?? "")
    }

    /// Statements: who said, denied or reported what, with the sentence it was read in.
    public static func statements(_ g: KnowledgeGraph) -> String {
        var out = row(["id", "speaker", "speaker_name", "kind", "cue", "text", "article", "sentence", "confidence", "sentence_text"])
        for (id, st) in g.statements.sorted(by: { $0.key < $1.key }) {
            out += row([id, st.speaker, g.label(st.speaker, language: "en"), st.kind, st.cue, st.quote, st.evidence.article,
                        String(st.evidence.sentence), JSONText.number(st.evidence.confidence), st.evidence.sentenceText], numeric: [7, 8])
        }
        return out
    }

    public static func mentions(_ g: KnowledgeGraph) -> String {
        var out = row(["article", "article_id", "entity", "sentence", "start", "end", "surface", "rule", "nominal"])
        for a in g.articles.values.sorted(by: { $0.hash < $1.hash }) {
            for m in a.mentions {
                out += row([a.hash, a.sourceID, m.entity, String(m.sentence), String(m.start), String(m.end), m.surface, m.rule,
                            m.nominal ? "true" : "false"], numeric: [3, 4, 5])
            }
        }
        return out
    }
}
