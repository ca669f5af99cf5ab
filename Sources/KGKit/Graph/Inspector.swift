/// The `kg show` view: one entity with its names, relations and the sentences that support them.
public enum Inspector {
    public static func show(_ query: String, in g: KnowledgeGraph) -> String {
        let q = Normalizer.key(query)
        let surfaces = g.surfaceForms()
        let hits = g.entities.values.filter { e in
            e.key == query || e.names.values.contains { Normalizer.key($0).contains(q) } || (surfaces[e.key] ?? []).contains { Normalizer.key($0) == q }
        }.sorted { $0.key < $1.key }
        var out = ""
        for e in hits {
            out += "\(g.label(e.key, language: "en")) — \(e.type.rawValue)\(e.subtype.isEmpty ? "" : "/" + e.subtype)  [\(e.key)]\n"
            for (l, n) in e.names.sorted(by: { $0.key < $1.key }) { out += "  name@\(l): \(n)\n" }
            let alt = (surfaces[e.key] ?? []).sorted()
            if !alt.isEmpty { out += "  mentioned as: \(alt.joined(separator: " | "))\n" }
            if !e.sameAs.isEmpty { out += "  same as: \(e.sameAs.joined(separator: " "))\n" }
            if let t = e.eventType { out += "  event: \(t)\(e.cameo.map { " (CAMEO \($0))" } ?? "")\n" }
            if let d = e.startDate { out += "  date: \(d)\n" }
            if !e.casualties.isEmpty { out += "  casualties: \(e.casualties.map(CSVWriter.casualtyText).joined(separator: "; "))\n" }
            for (k, ev) in g.relations.sorted(by: { $0.key < $1.key }) where k.subject == e.key || k.object == e.key {
                let arrow = k.subject == e.key ? "—\(k.predicate)→ \(g.label(k.object, language: "en"))" : "←\(k.predicate)— \(g.label(k.subject, language: "en"))"
                out += "  \(arrow)  (\(ev.count) evidence)\n"
                for x in ev.prefix(3) {
                    out += "      [\(x.rule) \(x.confidence)] article \(x.article.prefix(12)) sentence \(x.sentence) @\(x.start)-\(x.end): \(x.sentenceText)\n"
                }
            }
            for (_, st) in g.statements.sorted(by: { $0.key < $1.key }) where st.speaker == e.key {
                out += "  \(st.kind) (\(st.cue)): \(st.quote)\n"
                out += "      [\(st.evidence.rule) \(st.evidence.confidence)] article \(st.evidence.article.prefix(12)) sentence \(st.evidence.sentence): \(st.evidence.sentenceText)\n"
            }
            out += "\n"
        }
        return out
    }
}
