/// Writes Graphviz DOT: one node per entity (shape and colour by type), one edge per relation (labelled), labels in the
/// chosen language with fallback; events show their date under their name. Quotations are not drawn (they would swamp
/// the picture; statements.csv lists them). Every identifier and label is a quoted, escaped string, so no text from an article
/// can close a string or inject attributes.
public enum DOTWriter {
    static let style: [EntityType: String] = [
        .person: "shape=ellipse, style=filled, fillcolor=\"#cfe2ff\"",
        .organization: "shape=box, style=\"filled,rounded\", fillcolor=\"#d1e7dd\"",
        .place: "shape=house, style=filled, fillcolor=\"#fff3cd\"",
        .event: "shape=diamond, style=filled, fillcolor=\"#f8d7da\"",
    ]

    /// Escapes text for a double-quoted DOT string.
    public static func quote(_ s: String) -> String {
        var out = "\""
        for u in s.unicodeScalars {
            switch u {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n", "\r", "\u{2028}", "\u{2029}": out += " "
            default:
                if u.value < 0x20 || u.value == 0x7F { continue }
                out.unicodeScalars.append(u)
            }
        }
        return out + "\""
    }

    /// Several lines in one quoted DOT string: each line escaped as by `quote`, joined by DOT's `\n` line break.
    public static func quote(lines: [String]) -> String {
        "\"" + lines.map { String(quote($0).dropFirst().dropLast()) }.joined(separator: "\\n") + "\""
    }

    /// The label of a node: its name, and for an event its date on a second line when known (`attack\n2022-01-21`).
    static func label(_ e: GraphEntity, _ g: KnowledgeGraph, language: String) -> String {
        var lines = [g.label(e.key, language: language)]
        if e.type == .event, let d = e.startDate, !d.isEmpty { lines.append(d) }
        return quote(lines: lines)
    }

    public static func write(_ g: KnowledgeGraph, language: String) -> String {
        var out = "digraph kg {\n  graph [rankdir=LR, charset=\"UTF-8\", fontname=\"DejaVu Sans\"];\n"
        out += "  node [fontname=\"DejaVu Sans\", fontsize=11];\n  edge [fontname=\"DejaVu Sans\", fontsize=9];\n"
        for e in g.entities.values.sorted(by: { $0.key < $1.key }) {
            out += "  \(quote(e.key)) [label=\(label(e, g, language: language)), \(style[e.type]!)];\n"
        }
        var edges = g.relations.keys.sorted().map { ($0, g.relations[$0]!.count) }
        edges += g.containmentEdges().map { ($0, 0) }
        for (k, n) in edges.sorted(by: { $0.0 < $1.0 }) {
            let p = Predicate.all[k.predicate]
            var label = language == "ar" ? (p?.ar ?? k.predicate) : (p?.en ?? k.predicate)
            if n > 1 { label += " (\(n))" }
            out += "  \(quote(k.subject)) -> \(quote(k.object)) [label=\(quote(label))\(n == 0 ? ", style=dashed" : "")];\n"
        }
        return out + "}\n"
    }
}
