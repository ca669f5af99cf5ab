/// Writes the graph as N-Triples, or as N-Quads with each article's facts in a graph named by the article, for
/// loading into triple stores. Blank nodes are avoided: evidence, mentions and casualty counts get stable IRIs derived
/// from their content, so loading the same export twice adds nothing. Terms use the IRIs the JSON-LD `@context` maps
/// them to (docs/vocabulary.md, "In other formats").
public enum NTriplesWriter {
    static let rdfType = "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>"
    static let xsd = "http://www.w3.org/2001/XMLSchema#"

    static func iri(_ s: String) -> String {
        var out = "<"
        for u in s.unicodeScalars {
            switch u {
            case "<", ">", "\"", "{", "}", "|", "^", "`", "\\", " ": out += String(format: "%%%02X", u.value)
            default: if u.value <= 0x20 { out += String(format: "%%%02X", u.value) } else { out.unicodeScalars.append(u) }
            }
        }
        return out + ">"
    }

    static func literal(_ s: String, lang: String? = nil) -> String {
        var out = "\""
        for u in s.unicodeScalars {
            switch u {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            default:
                if u.value < 0x20 || u.value == 0x7F { out += String(format: "\\u%04X", u.value) } else { out.unicodeScalars.append(u) }
            }
        }
        out += "\""
        if let l = lang { out += "@" + l }
        return out
    }

    static func typed(_ v: Int) -> String { "\"\(v)\"^^<\(xsd)integer>" }
    static func typed(_ v: Double) -> String { "\"\(JSONText.number(v))\"^^<\(xsd)double>" }
    static func typed(_ v: Bool) -> String { "\"\(v)\"^^<\(xsd)boolean>" }

    /// An event date: `xsd:date` when it is a valid calendar day (`2024-03-12`), `xsd:gYear` for a year (`1996`), else
    /// a plain literal (`2024-03`, `2024-W10`), as `DateResolver` gives month and week precision.
    static func date(_ d: String) -> String {
        if d.utf8.count == 4, d.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) { return "\"\(d)\"^^<\(xsd)gYear>" }
        let p = d.split(separator: "-", omittingEmptySubsequences: false)
        if d.utf8.count == 10, p.count == 3, p[0].count == 4, p[1].count == 2, p[2].count == 2,
           p.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }),
           let y = Int(p[0]), let m = Int(p[1]), let day = Int(p[2]), y >= 1, (1...12).contains(m) {
            let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0
            let last = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1]
            if (1...last).contains(day) { return "\"\(d)\"^^<\(xsd)date>" }
        }
        return literal(d)
    }
    static func vocab(_ t: String) -> String { iri(KGIRI.vocab + t) }
    static func schema(_ t: String) -> String { iri(KGIRI.schema + t) }

    /// N-Triples (`quads == false`) or N-Quads (article facts in the article's named graph). Lines sorted: deterministic.
    public static func write(_ g: KnowledgeGraph, quads: Bool) -> String {
        var lines: [String] = []
        func emit(_ s: String, _ p: String, _ o: String, graph: String? = nil) {
            if quads, let gr = graph { lines.append("\(s) \(p) \(o) \(iri(gr)) .") } else { lines.append("\(s) \(p) \(o) .") }
        }
        /// An `Evidence` node, in the graph of its article.
        func emitEvidence(_ en: String, _ ev: Evidence) {
            let art = KGIRI.article(ev.article)
            emit(en, rdfType, vocab("Evidence"), graph: art)
            emit(en, vocab("article"), iri(art), graph: art)
            emit(en, vocab("sentenceIndex"), typed(ev.sentence), graph: art)
            emit(en, vocab("startOffset"), typed(ev.start), graph: art)
            emit(en, vocab("endOffset"), typed(ev.end), graph: art)
            emit(en, vocab("sentenceStart"), typed(ev.sentenceStart), graph: art)
            emit(en, vocab("sentenceText"), literal(ev.sentenceText), graph: art)
            emit(en, vocab("rule"), literal(ev.rule), graph: art)
            emit(en, vocab("confidence"), typed(ev.confidence), graph: art)
        }
        let surfaces = g.surfaceForms()
        for e in g.entities.values {
            let s = iri(KGIRI.node(e.key))
            emit(s, rdfType, schema(e.type.rawValue))
            if let sub = JSONLDWriter.subtypeClass(e.subtype) {
                emit(s, rdfType, sub.hasPrefix("kg:") ? vocab(String(sub.dropFirst(3))) : schema(sub))
            }
            for (l, n) in e.names { emit(s, schema("name"), literal(n, lang: l)) }
            for a in (surfaces[e.key] ?? []).subtracting(Set(e.names.values)) { emit(s, schema("alternateName"), literal(a)) }
            for x in e.sameAs { emit(s, schema("sameAs"), iri(x)) }
            if !e.description.isEmpty { emit(s, schema("description"), literal(e.description)) }
            if let t = e.eventType { emit(s, vocab("eventType"), literal(t)) }
            if let c = e.cameo { emit(s, vocab("cameoCode"), literal(c)) }
            if let d = e.startDate { emit(s, schema("startDate"), date(d)) }
            for c in e.casualties {
                let parts = [e.key, c.outcome, String(c.count), c.party ?? "", c.atLeast ? "+" : ""]
                let cn = iri(KGIRI.node("casualty/" + SHA256.hex(parts.joined(separator: "\u{1F}"), digits: 24)))
                emit(s, vocab("casualty"), cn)
                emit(cn, rdfType, vocab("CasualtyCount"))
                emit(cn, vocab("outcome"), literal(c.outcome))
                emit(cn, vocab("count"), typed(c.count))
                if let p = c.party { emit(cn, vocab("party"), literal(p)) }
                // as in the JSON-LD: only "at least" is stated; no atLeast triple means the text gave the exact number
                if c.atLeast { emit(cn, vocab("atLeast"), typed(true)) }
            }
        }
        for k in g.containmentEdges() { emit(iri(KGIRI.node(k.subject)), iri(Predicate.iri(k.predicate)), iri(KGIRI.node(k.object))) }
        for (k, evidence) in g.relations {
            let st = iri(KGIRI.statement(k))
            let (s, p, o) = (iri(KGIRI.node(k.subject)), iri(Predicate.iri(k.predicate)), iri(KGIRI.node(k.object)))
            emit(st, rdfType, vocab("RelationStatement"))
            emit(st, vocab("subject"), s); emit(st, vocab("predicate"), p); emit(st, vocab("object"), o)
            emit(st, vocab("evidenceCount"), typed(evidence.count))
            for ev in evidence {
                let art = KGIRI.article(ev.article)
                emit(s, p, o, graph: art)
                let en = iri(KGIRI.node("evidence/" + SHA256.hex("\(k.subject)\u{1F}\(k.predicate)\u{1F}\(k.object)\u{1F}\(ev.article)\u{1F}\(ev.sentence)\u{1F}\(ev.start)\u{1F}\(ev.rule)", digits: 24)))
                emit(st, vocab("evidence"), en, graph: art)
                emitEvidence(en, ev)
            }
        }
        // quotations: everything in the graph of the one article they were read in
        for (id, q) in g.statements {
            let art = KGIRI.article(q.evidence.article)
            let qn = iri(KGIRI.node("quote/" + id))
            emit(qn, rdfType, schema("Quotation"), graph: art)
            emit(qn, schema("creator"), iri(KGIRI.node(q.speaker)), graph: art)
            emit(qn, vocab("statementKind"), literal(q.kind), graph: art)
            emit(qn, vocab("cue"), literal(q.cue), graph: art)
            if let c = ExtractionTables.statementCAMEO[q.kind] { emit(qn, vocab("cameoCode"), literal(c), graph: art) }
            emit(qn, schema("text"), literal(q.quote), graph: art)
            emit(qn, vocab("confidence"), typed(q.evidence.confidence), graph: art)
            let en = iri(KGIRI.node("evidence/" + SHA256.hex("quote\u{1F}" + id, digits: 24)))
            emit(qn, vocab("evidence"), en, graph: art)
            emitEvidence(en, q.evidence)
        }
        for a in g.articles.values {
            let s = iri(KGIRI.article(a.hash))
            emit(s, rdfType, schema("NewsArticle"), graph: KGIRI.article(a.hash))
            emit(s, schema("headline"), literal(a.title), graph: KGIRI.article(a.hash))
            emit(s, schema("identifier"), literal(a.sourceID), graph: KGIRI.article(a.hash))
            emit(s, schema("inLanguage"), literal(a.language), graph: KGIRI.article(a.hash))
            emit(s, vocab("contentHash"), literal("sha256:" + a.hash), graph: KGIRI.article(a.hash))
            if let u = a.url { emit(s, schema("url"), literal(u), graph: KGIRI.article(a.hash)) }
            if let d = a.date { emit(s, schema("datePublished"), literal(d), graph: KGIRI.article(a.hash)) }
            for (i, m) in a.mentions.enumerated() {
                let mn = iri(KGIRI.article(a.hash) + "/mention/\(i)")
                emit(s, vocab("mention"), mn, graph: KGIRI.article(a.hash))
                emit(mn, vocab("entity"), iri(KGIRI.node(m.entity)), graph: KGIRI.article(a.hash))
                emit(mn, vocab("startOffset"), typed(m.start), graph: KGIRI.article(a.hash))
                emit(mn, vocab("endOffset"), typed(m.end), graph: KGIRI.article(a.hash))
                emit(mn, vocab("surface"), literal(m.surface), graph: KGIRI.article(a.hash))
                if m.nominal { emit(mn, vocab("nominal"), typed(true), graph: KGIRI.article(a.hash)) }
            }
        }
        return Array(Set(lines)).sorted().joined(separator: "\n") + "\n"
    }
}
