/// CSV files in the header format of `neo4j-admin database import` (nodes with `:ID` and `:LABEL`, relationships with
/// `:START_ID`, `:END_ID` and `:TYPE`), for graphs too big for one JSON-LD file: `nodes.csv` (entities and articles),
/// `quotations.csv` (statements) and `relationships.csv`. Rows are sorted, so the same graph gives byte-identical files.
public enum Neo4jCSVWriter {
    /// Neo4j's default array delimiter is `;`: an element must not contain one.
    static func arrayElement(_ s: String) -> String { s.replacingOccurrences(of: ";", with: ",") }

    public static func nodes(_ g: KnowledgeGraph) -> String {
        var out = CSVWriter.row(["id:ID", ":LABEL", "name_en", "name_ar", "name_translit", "subtype", "same_as:string[]",
                                 "event_type", "cameo_code", "start_date", "casualties:string[]", "killed:int", "injured:int"])
        for e in g.entities.values.sorted(by: { $0.key < $1.key }) {
            let labels = [e.type.rawValue] + (e.subtype.isEmpty || e.subtype == e.type.rawValue ? [] : [e.subtype.filter { $0.isLetter || $0.isNumber }])
            // the largest count given for an outcome: a lower bound of the total (party counts may be parts of it)
            func most(_ outcome: String) -> String { e.casualties.filter { $0.outcome == outcome }.map(\.count).max().map(String.init) ?? "" }
            out += CSVWriter.row([e.key, labels.joined(separator: ";"), e.names["en"] ?? "", e.names["ar"] ?? "", e.names["ar-Latn"] ?? "",
                                  e.subtype, e.sameAs.sorted().joined(separator: ";"), e.eventType ?? "", e.cameo ?? "", e.startDate ?? "",
                                  e.casualties.sorted().map { arrayElement(CSVWriter.casualtyText($0)) }.joined(separator: ";"),
                                  most("killed"), most("injured")], numeric: [11, 12])
        }
        for a in g.articles.values.sorted(by: { $0.hash < $1.hash }) {
            out += CSVWriter.row(["article/" + a.hash, "NewsArticle", a.title, "", "", "", "", "", "", "", "", "", ""])
        }
        return out
    }

    /// The relationship type from a speaker to a quotation: `SAID`, `DENIED` or `SOURCE` ("according to").
    public static func statementType(_ kind: String) -> String {
        let t = kind.uppercased().filter { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_") }
        return t.isEmpty ? "STATEMENT" : t
    }

    /// Quotation nodes (id `quote/<24 hex>`, as in the JSON-LD), label `Quotation`.
    public static func quotations(_ g: KnowledgeGraph) -> String {
        var out = CSVWriter.row(["id:ID", ":LABEL", "kind", "cue", "text", "cameo_code", "confidence:double", "article", "sentence:int",
                                 "start:int", "end:int", "sentence_text", "rule"])
        for (id, st) in g.statements.sorted(by: { $0.key < $1.key }) {
            let ev = st.evidence
            out += CSVWriter.row(["quote/" + id, "Quotation", st.kind, st.cue, st.quote, ExtractionTables.statementCAMEO[st.kind] ?? "",
                                  JSONText.number(ev.confidence), ev.article, String(ev.sentence), String(ev.start), String(ev.end),
                                  ev.sentenceText, ev.rule], numeric: [6, 8, 9, 10])
        }
        return out
    }

    public static func relationships(_ g: KnowledgeGraph) -> String {
        var out = CSVWriter.row([":START_ID", ":END_ID", ":TYPE", "confidence:double", "evidence_count:int", "rules:string[]",
                                 "nominal:boolean"])
        for (k, ev) in g.relations.sorted(by: { $0.key < $1.key }) {
            let conf = Evidence.combinedConfidence(ev)
            out += CSVWriter.row([k.subject, k.object, k.predicate.uppercased(), JSONText.number(conf), String(ev.count),
                                  Set(ev.map(\.rule)).sorted().joined(separator: ";"), ""], numeric: [3, 4])
        }
        for k in g.containmentEdges() { out += CSVWriter.row([k.subject, k.object, k.predicate.uppercased(), "1", "0", "gazetteer", ""], numeric: [3, 4]) }
        // one MENTIONS edge per article and entity, with the first mention's rule; nominal when the article only
        // describes the entity by its kind (every mention nominal or a definite description: وزارة المالية … الوزارة)
        for a in g.articles.values.sorted(by: { $0.hash < $1.hash }) {
            var first: [String: Int] = [:]
            var named = Set<String>()
            for (i, m) in a.mentions.enumerated() {
                if first[m.entity] == nil { first[m.entity] = i }
                if !m.nominal && m.rule != "definite-description" { named.insert(m.entity) }
            }
            for (i, m) in a.mentions.enumerated() where first[m.entity] == i {
                out += CSVWriter.row(["article/" + a.hash, m.entity, "MENTIONS", "1", "1", m.rule, named.contains(m.entity) ? "false" : "true"],
                                     numeric: [3, 4])
            }
        }
        // speaker -[:SAID|DENIED|SOURCE]-> quotation -[:QUOTED_IN]-> article
        for (id, st) in g.statements.sorted(by: { $0.key < $1.key }) {
            let conf = JSONText.number(st.evidence.confidence)
            out += CSVWriter.row([st.speaker, "quote/" + id, statementType(st.kind), conf, "1", st.evidence.rule, ""], numeric: [3, 4])
            if g.articles[st.evidence.article] != nil {
                out += CSVWriter.row(["quote/" + id, "article/" + st.evidence.article, "QUOTED_IN", conf, "1", st.evidence.rule, ""], numeric: [3, 4])
            }
        }
        return out
    }
}
