/// CSV files in the header format of `neo4j-admin database import` (nodes with `:ID` and `:LABEL`, relationships with
/// `:START_ID`, `:END_ID` and `:TYPE`), for graphs too big for one JSON-LD file.
public enum Neo4jCSVWriter {
    public static func nodes(_ g: KnowledgeGraph) -> String {
        var out = CSVWriter.row(["id:ID", ":LABEL", "name_en", "name_ar", "name_translit", "subtype", "same_as:string[]"])
        for e in g.entities.values.sorted(by: { $0.key < $1.key }) {
            let labels = [e.type.rawValue] + (e.subtype.isEmpty || e.subtype == e.type.rawValue ? [] : [e.subtype.filter { $0.isLetter || $0.isNumber }])
            out += CSVWriter.row([e.key, labels.joined(separator: ";"), e.names["en"] ?? "", e.names["ar"] ?? "", e.names["ar-Latn"] ?? "",
                                  e.subtype, e.sameAs.sorted().joined(separator: ";")])
        }
        for a in g.articles.values.sorted(by: { $0.hash < $1.hash }) {
            out += CSVWriter.row(["article/" + a.hash, "NewsArticle", a.title, "", "", "", ""])
        }
        return out
    }

    public static func relationships(_ g: KnowledgeGraph) -> String {
        var out = CSVWriter.row([":START_ID", ":END_ID", ":TYPE", "confidence:double", "evidence_count:int", "rules:string[]"])
        for (k, ev) in g.relations.sorted(by: { $0.key < $1.key }) {
            let conf = Evidence.combinedConfidence(ev)
            out += CSVWriter.row([k.subject, k.object, k.predicate.uppercased(), JSONText.number(conf), String(ev.count),
                                  Set(ev.map(\.rule)).sorted().joined(separator: ";")], numeric: [3, 4])
        }
        for k in g.containmentEdges() { out += CSVWriter.row([k.subject, k.object, k.predicate.uppercased(), "1", "0", "gazetteer"], numeric: [3, 4]) }
        var mentioned = Set<String>()
        for a in g.articles.values.sorted(by: { $0.hash < $1.hash }) {
            for m in a.mentions where mentioned.insert(a.hash + "\u{1F}" + m.entity).inserted {
                out += CSVWriter.row(["article/" + a.hash, m.entity, "MENTIONS", "1", "1", m.rule], numeric: [3, 4])
            }
        }
        return out
    }
}
