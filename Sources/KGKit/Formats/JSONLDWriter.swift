/// Writes a `KnowledgeGraph` as JSON-LD 1.1 with its `@context` inline (no network needed to read it).
///
/// Layout: one `@graph` array, one node per line, sorted — articles, then entities by key, then relation statements —
/// so the same graph always gives byte-identical output. Every relation appears twice: as a direct edge on the subject
/// node (easy SPARQL) and as a `RelationStatement` node carrying its evidence.
public enum JSONLDWriter {
    public static let formatVersion = "1"

    static let context: String = {
        var terms: [(String, String)] = [
            ("@version", "1.1"),
            ("@vocab", JSONText.string(KGIRI.vocab)),
            ("schema", JSONText.string(KGIRI.schema)),
            ("kg", JSONText.string(KGIRI.vocab)),
            ("xsd", JSONText.string("http://www.w3.org/2001/XMLSchema#")),
            ("Person", "\"schema:Person\""), ("Organization", "\"schema:Organization\""), ("Place", "\"schema:Place\""),
            ("Event", "\"schema:Event\""), ("NewsArticle", "\"schema:NewsArticle\""), ("Country", "\"schema:Country\""),
            ("City", "\"schema:City\""), ("AdministrativeArea", "\"schema:AdministrativeArea\""),
            ("GovernmentOrganization", "\"schema:GovernmentOrganization\""), ("NewsMediaOrganization", "\"schema:NewsMediaOrganization\""),
            ("NGO", "\"schema:NGO\""), ("SportsTeam", "\"schema:SportsTeam\""), ("Corporation", "\"schema:Corporation\""),
            ("EducationalOrganization", "\"schema:EducationalOrganization\""), ("PoliticalParty", "\"schema:PoliticalParty\""),
            ("RelationStatement", "\"kg:RelationStatement\""), ("Evidence", "\"kg:Evidence\""), ("Mention", "\"kg:Mention\""),
            ("name", "{\"@id\":\"schema:name\",\"@container\":\"@language\"}"),
            ("alternateName", "{\"@id\":\"schema:alternateName\",\"@container\":\"@set\"}"),
            ("description", "\"schema:description\""),
            ("sameAs", "{\"@id\":\"schema:sameAs\",\"@type\":\"@id\",\"@container\":\"@set\"}"),
            ("headline", "\"schema:headline\""), ("url", "\"schema:url\""), ("datePublished", "\"schema:datePublished\""),
            ("inLanguage", "\"schema:inLanguage\""), ("identifier", "\"schema:identifier\""),
            ("contentHash", "\"kg:contentHash\""), ("formatVersion", "\"kg:formatVersion\""),
            ("eventType", "\"kg:eventType\""), ("cameoCode", "\"kg:cameoCode\""), ("subtype", "\"kg:subtype\""),
            ("mention", "{\"@id\":\"kg:mention\",\"@container\":\"@list\"}"),
            ("entity", "{\"@id\":\"kg:entity\",\"@type\":\"@id\"}"),
            ("subject", "{\"@id\":\"kg:subject\",\"@type\":\"@id\"}"),
            ("predicate", "{\"@id\":\"kg:predicate\",\"@type\":\"@vocab\"}"),
            ("object", "{\"@id\":\"kg:object\",\"@type\":\"@id\"}"),
            ("confidence", "{\"@id\":\"kg:confidence\",\"@type\":\"xsd:double\"}"),
            ("evidenceCount", "{\"@id\":\"kg:evidenceCount\",\"@type\":\"xsd:integer\"}"),
            ("evidence", "{\"@id\":\"kg:evidence\",\"@container\":\"@set\"}"),
            ("article", "{\"@id\":\"kg:article\",\"@type\":\"@id\"}"),
            ("sentenceIndex", "{\"@id\":\"kg:sentenceIndex\",\"@type\":\"xsd:integer\"}"),
            ("startOffset", "{\"@id\":\"kg:startOffset\",\"@type\":\"xsd:integer\"}"),
            ("endOffset", "{\"@id\":\"kg:endOffset\",\"@type\":\"xsd:integer\"}"),
            ("sentenceStart", "{\"@id\":\"kg:sentenceStart\",\"@type\":\"xsd:integer\"}"),
            ("parent", "{\"@id\":\"kg:parent\",\"@type\":\"@id\"}"), ("Graph", "\"kg:Graph\""),
            ("sentenceText", "\"kg:sentenceText\""), ("surface", "\"kg:surface\""), ("rule", "\"kg:rule\""),
            ("startDate", "\"schema:startDate\""),
            ("casualty", "{\"@id\":\"kg:casualty\",\"@container\":\"@set\"}"), ("CasualtyCount", "\"kg:CasualtyCount\""),
            ("outcome", "\"kg:outcome\""), ("count", "{\"@id\":\"kg:count\",\"@type\":\"xsd:integer\"}"),
            ("party", "\"kg:party\""), ("atLeast", "{\"@id\":\"kg:atLeast\",\"@type\":\"xsd:boolean\"}"),
            ("Quotation", "\"schema:Quotation\""), ("creator", "{\"@id\":\"schema:creator\",\"@type\":\"@id\"}"),
            ("text", "\"schema:text\""), ("statementKind", "\"kg:statementKind\""), ("cue", "\"kg:cue\""),
        ]
        for (p, v) in Predicate.all.sorted(by: { $0.key < $1.key }) {
            terms.append((p, "{\"@id\":\(JSONText.string(v.iri)),\"@type\":\"@id\"}"))
        }
        return "{" + terms.map { "\(JSONText.string($0.0)):\($0.1)" }.joined(separator: ",") + "}"
    }()

    /// Schema.org or kg class for a subtype, if any.
    static func subtypeClass(_ s: String) -> String? {
        switch s {
        case "Country", "City", "AdministrativeArea", "GovernmentOrganization", "NewsMediaOrganization", "NGO", "SportsTeam",
             "Corporation", "EducationalOrganization", "PoliticalParty": return s
        case "", "Person", "Organization", "Place", "Event": return nil
        default:
            let ok = s.unicodeScalars.allSatisfy { ($0.value < 128) && ($0.properties.isAlphabetic || ("0"..."9").contains($0)) }
            return ok ? "kg:" + s : nil
        }
    }

    static func evidence(_ e: Evidence) -> String {
        "{\"@type\":\"Evidence\",\"article\":\(JSONText.string(KGIRI.article(e.article))),\"sentenceIndex\":\(e.sentence),\"startOffset\":\(e.start),\"endOffset\":\(e.end),\"sentenceStart\":\(e.sentenceStart),\"sentenceText\":\(JSONText.string(e.sentenceText)),\"rule\":\(JSONText.string(e.rule)),\"confidence\":\(JSONText.number(e.confidence))}"
    }

    /// The whole graph file as one string (see `write(_:to:)` for large graphs).
    public static func write(_ g: KnowledgeGraph) -> String {
        var whole = ""
        write(g) { whole += $0 }
        return whole
    }

    /// Hands the graph file over in pieces of about `pieceSize` bytes, in order, so a large graph is never held twice
    /// in memory.
    public static func write(_ g: KnowledgeGraph, pieceSize: Int = 1 << 20, to sink: (String) throws -> Void) rethrows {
        var out = "{\"@context\":" + context + ",\n\"@graph\":[\n"
        out += "{\"@id\":\(JSONText.string(KGIRI.node + "graph")),\"@type\":\"Graph\",\"formatVersion\":\"kg-graph/\(formatVersion)\"}"
        var failure: Error? = nil
        func emit(_ fields: [String]) {
            guard failure == nil else { return }   // the sink failed: make nothing more
            if out.utf8.count >= pieceSize {
                do { try sink(out) } catch { failure = error }
                out = ""
            }
            out += ",\n{"
            var first = true
            for f in fields {
                if !first { out += "," }
                out += f
                first = false
            }
            out += "}"
        }
        let surfaces = g.surfaceForms()
        // articles
        for a in g.articles.values.sorted(by: { $0.hash < $1.hash }) {
            var f: [String] = ["\"@id\":\(JSONText.string(KGIRI.article(a.hash)))", "\"@type\":\"NewsArticle\""]
            f.append("\"identifier\":\(JSONText.string(a.sourceID))")
            f.append("\"headline\":\(JSONText.string(a.title))")
            if let u = a.url { f.append("\"url\":\(JSONText.string(u))") }
            if let d = a.date { f.append("\"datePublished\":\(JSONText.string(d))") }
            f.append("\"inLanguage\":\(JSONText.string(a.language))")
            f.append("\"contentHash\":\(JSONText.string("sha256:" + a.hash))")
            let ms = a.mentions.map { m in
                "{\"@type\":\"Mention\",\"entity\":\(JSONText.string(KGIRI.node(m.entity))),\"sentenceIndex\":\(m.sentence),\"startOffset\":\(m.start),\"endOffset\":\(m.end),\"surface\":\(JSONText.string(m.surface)),\"rule\":\(JSONText.string(m.rule))}"
            }
            f.append("\"mention\":[" + ms.joined(separator: ",") + "]")
            emit(f)
        }
        // direct edges grouped by subject
        var edges: [String: [(String, String)]] = [:]
        for k in g.relations.keys { edges[k.subject, default: []].append((k.predicate, k.object)) }
        for k in g.containmentEdges() { edges[k.subject, default: []].append((k.predicate, k.object)) }
        for e in g.entities.values.sorted(by: { $0.key < $1.key }) {
            var types = [e.type.rawValue]
            if let s = subtypeClass(e.subtype), s != e.type.rawValue { types.append(s) }
            var f: [String] = ["\"@id\":\(JSONText.string(KGIRI.node(e.key)))",
                               "\"@type\":[" + types.map(JSONText.string).joined(separator: ",") + "]"]
            let names = e.names.sorted { $0.key < $1.key }.map { "\(JSONText.string($0.key)):\(JSONText.string($0.value))" }
            f.append("\"name\":{" + names.joined(separator: ",") + "}")
            let preferred = Set(e.names.values)
            let alt = (surfaces[e.key] ?? []).subtracting(preferred).sorted()
            if !alt.isEmpty { f.append("\"alternateName\":[" + alt.map(JSONText.string).joined(separator: ",") + "]") }
            if !e.subtype.isEmpty { f.append("\"subtype\":\(JSONText.string(e.subtype))") }
            if !e.description.isEmpty { f.append("\"description\":\(JSONText.string(e.description))") }
            if !e.sameAs.isEmpty { f.append("\"sameAs\":[" + e.sameAs.sorted().map(JSONText.string).joined(separator: ",") + "]") }
            if let t = e.eventType { f.append("\"eventType\":\(JSONText.string(t))") }
            if let c = e.cameo { f.append("\"cameoCode\":\(JSONText.string(c))") }
            if let d = e.startDate { f.append("\"startDate\":\(JSONText.string(d))") }
            if !e.casualties.isEmpty {
                let cs = e.casualties.sorted().map { c in
                    "{\"@type\":\"CasualtyCount\",\"outcome\":\(JSONText.string(c.outcome)),\"count\":\(c.count)"
                        + (c.party.map { ",\"party\":\(JSONText.string($0))" } ?? "") + (c.atLeast ? ",\"atLeast\":true" : "") + "}"
                }
                f.append("\"casualty\":[" + cs.joined(separator: ",") + "]")
            }
            if let p = e.partOf { f.append("\"parent\":\(JSONText.string(KGIRI.node(p)))") }
            var byPred: [String: [String]] = [:]
            for (p, o) in edges[e.key] ?? [] { byPred[p, default: []].append(o) }
            for (p, os) in byPred.sorted(by: { $0.key < $1.key }) {
                f.append("\(JSONText.string(p)):[" + os.sorted().map { JSONText.string(KGIRI.node($0)) }.joined(separator: ",") + "]")
            }
            emit(f)
        }
        // statements with evidence
        for (k, ev) in g.relations.sorted(by: { $0.key < $1.key }) {
            let sortedEv = ev.sorted(by: Evidence.canonicalOrder)
            let conf = Evidence.combinedConfidence(sortedEv)
            let id = KGIRI.statement(k)
            var f: [String] = ["\"@id\":\(JSONText.string(id))", "\"@type\":\"RelationStatement\"",
                               "\"subject\":\(JSONText.string(KGIRI.node(k.subject)))",
                               "\"predicate\":\(JSONText.string(k.predicate))",
                               "\"object\":\(JSONText.string(KGIRI.node(k.object)))",
                               "\"confidence\":\(JSONText.number(conf))",
                               "\"evidenceCount\":\(sortedEv.count)"]
            f.append("\"evidence\":[" + sortedEv.map(evidence).joined(separator: ",") + "]")
            emit(f)
        }
        // statements (quotations) with their evidence
        for (id, st) in g.statements.sorted(by: { $0.key < $1.key }) {
            let f: [String] = ["\"@id\":\(JSONText.string(KGIRI.node("quote/" + id)))", "\"@type\":\"Quotation\"",
                               "\"creator\":\(JSONText.string(KGIRI.node(st.speaker)))",
                               "\"statementKind\":\(JSONText.string(st.kind))", "\"cue\":\(JSONText.string(st.cue))"]
                + (ExtractionTables.statementCAMEO[st.kind].map { ["\"cameoCode\":\(JSONText.string($0))"] } ?? []) + [
                               "\"text\":\(JSONText.string(st.quote))", "\"confidence\":\(JSONText.number(st.evidence.confidence))",
                               "\"evidence\":[" + evidence(st.evidence) + "]"]
            emit(f)
        }
        out += "\n]}\n"
        if let failure { try { throw failure }() }
        try sink(out)
    }
}
