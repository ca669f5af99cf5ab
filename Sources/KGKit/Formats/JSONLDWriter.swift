import Foundation

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
            ("nominal", "{\"@id\":\"kg:nominal\",\"@type\":\"xsd:boolean\"}"),
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

    static func appendEvidence(_ e: Evidence, to w: inout JSONBytes) {
        w.raw("{\"@type\":\"Evidence\",\"article\":"); w.string(KGIRI.article(e.article))
        w.raw(",\"sentenceIndex\":"); w.int(e.sentence)
        w.raw(",\"startOffset\":"); w.int(e.start)
        w.raw(",\"endOffset\":"); w.int(e.end)
        w.raw(",\"sentenceStart\":"); w.int(e.sentenceStart)
        w.raw(",\"sentenceText\":"); w.string(e.sentenceText)
        w.raw(",\"rule\":"); w.string(e.rule)
        w.raw(",\"confidence\":"); w.number(e.confidence)
        w.raw("}")
    }

    /// The whole graph file as one string (see `write(_:to:)` for large graphs).
    public static func write(_ g: KnowledgeGraph) -> String {
        var whole = ""
        write(g) { whole += $0 }
        return whole
    }

    /// What follows the last node.
    static let tail = "\n]}\n"

    /// A node is written after the node before it as `,\n{`, its fields, `}`; as UTF-8 bytes into one buffer
    /// (`JSONBytes`), not as a String per field and per interpolation.
    static func articleNode(_ a: GraphArticle, into w: inout JSONBytes) {
        w.raw(",\n{\"@id\":"); w.string(KGIRI.article(a.hash))
        w.raw(",\"@type\":\"NewsArticle\",\"identifier\":"); w.string(a.sourceID)
        w.raw(",\"headline\":"); w.string(a.title)
        if let u = a.url { w.raw(",\"url\":"); w.string(u) }
        if let d = a.date { w.raw(",\"datePublished\":"); w.string(d) }
        w.raw(",\"inLanguage\":"); w.string(a.language)
        w.raw(",\"contentHash\":"); w.string("sha256:" + a.hash)
        w.raw(",\"mention\":[")
        for (i, m) in a.mentions.enumerated() {
            if i > 0 { w.raw(",") }
            w.raw("{\"@type\":\"Mention\",\"entity\":"); w.nodeIRI(m.entity)
            w.raw(",\"sentenceIndex\":"); w.int(m.sentence)
            w.raw(",\"startOffset\":"); w.int(m.start)
            w.raw(",\"endOffset\":"); w.int(m.end)
            w.raw(",\"surface\":"); w.string(m.surface)
            w.raw(",\"rule\":"); w.string(m.rule)
            if m.nominal { w.raw(",\"nominal\":true") }
            w.raw("}")
        }
        w.raw("]}")
    }

    /// An entity node: `surfaces` are its surface forms over all articles, `edges` its direct edges (predicate, object).
    static func entityNode(_ e: GraphEntity, surfaces: Set<String>, edges: [(String, String)], into w: inout JSONBytes) {
        w.raw(",\n{\"@id\":"); w.nodeIRI(e.key)
        w.raw(",\"@type\":["); w.string(e.type.rawValue)
        if let s = subtypeClass(e.subtype), s != e.type.rawValue { w.raw(","); w.string(s) }
        w.raw("],\"name\":{")
        for (i, n) in e.names.sorted(by: { $0.key < $1.key }).enumerated() {
            if i > 0 { w.raw(",") }
            w.string(n.key); w.raw(":"); w.string(n.value)
        }
        w.raw("}")
        // (the few names are compared, not hashed into a set: the same `==`)
        let names = Array(e.names.values)
        let alt = KnowledgeGraph.withoutElidedArticles(surfaces, names: names).sorted().filter { !names.contains($0) }
        if !alt.isEmpty { w.raw(",\"alternateName\":"); appendArray(alt, to: &w) }
        if !e.subtype.isEmpty { w.raw(",\"subtype\":"); w.string(e.subtype) }
        if !e.description.isEmpty { w.raw(",\"description\":"); w.string(e.description) }
        if !e.sameAs.isEmpty { w.raw(",\"sameAs\":"); appendArray(e.sameAs.sorted(), to: &w) }
        if let t = e.eventType { w.raw(",\"eventType\":"); w.string(t) }
        if let c = e.cameo { w.raw(",\"cameoCode\":"); w.string(c) }
        if let d = e.startDate { w.raw(",\"startDate\":"); w.string(d) }
        if !e.casualties.isEmpty {
            w.raw(",\"casualty\":[")
            for (i, c) in e.casualties.sorted().enumerated() {
                if i > 0 { w.raw(",") }
                w.raw("{\"@type\":\"CasualtyCount\",\"outcome\":"); w.string(c.outcome)
                w.raw(",\"count\":"); w.int(c.count)
                if let p = c.party { w.raw(",\"party\":"); w.string(p) }
                if c.atLeast { w.raw(",\"atLeast\":true") }
                w.raw("}")
            }
            w.raw("]")
        }
        if let p = e.partOf { w.raw(",\"parent\":"); w.nodeIRI(p) }
        var byPred: [String: [String]] = [:]
        for (p, o) in edges { byPred[p, default: []].append(o) }
        for (p, os) in byPred.sorted(by: { $0.key < $1.key }) {
            w.raw(","); w.string(p); w.raw(":")
            w.raw("[")
            for (i, o) in os.sorted().enumerated() {
                if i > 0 { w.raw(",") }
                w.nodeIRI(o)
            }
            w.raw("]")
        }
        w.raw("}")
    }

    /// `[` the strings, quoted and comma-separated `]`.
    static func appendArray(_ items: [String], to w: inout JSONBytes) {
        w.raw("[")
        for (i, s) in items.enumerated() {
            if i > 0 { w.raw(",") }
            w.string(s)
        }
        w.raw("]")
    }

    /// A relation's statement node, its evidence in canonical order.
    static func relationNode(_ k: RelationKey, _ ev: [Evidence], into w: inout JSONBytes) {
        let sortedEv = ev.sorted(by: Evidence.canonicalOrder)
        w.raw(",\n{\"@id\":"); w.string(KGIRI.statement(k))
        w.raw(",\"@type\":\"RelationStatement\",\"subject\":"); w.nodeIRI(k.subject)
        w.raw(",\"predicate\":"); w.string(k.predicate)
        w.raw(",\"object\":"); w.nodeIRI(k.object)
        w.raw(",\"confidence\":"); w.number(Evidence.combinedConfidence(sortedEv))
        w.raw(",\"evidenceCount\":"); w.int(sortedEv.count)
        w.raw(",\"evidence\":[")
        for (i, e) in sortedEv.enumerated() {
            if i > 0 { w.raw(",") }
            appendEvidence(e, to: &w)
        }
        w.raw("]}")
    }

    /// A quotation node.
    static func statementNode(_ id: String, _ st: GraphStatement, into w: inout JSONBytes) {
        w.raw(",\n{\"@id\":"); w.nodeIRI("quote/" + id)
        w.raw(",\"@type\":\"Quotation\",\"creator\":"); w.nodeIRI(st.speaker)
        w.raw(",\"statementKind\":"); w.string(st.kind)
        w.raw(",\"cue\":"); w.string(st.cue)
        if let c = ExtractionTables.statementCAMEO[st.kind] { w.raw(",\"cameoCode\":"); w.string(c) }
        w.raw(",\"text\":"); w.string(st.quote)
        w.raw(",\"confidence\":"); w.number(st.evidence.confidence)
        w.raw(",\"evidence\":[")
        appendEvidence(st.evidence, to: &w)
        w.raw("]}")
    }

    /// Hands the graph file over in pieces of about `pieceSize` bytes, in order, so a large graph is never held twice
    /// in memory. A graph loaded from a file this kg wrote is written by copying the lines of the nodes nothing
    /// changed, and encoding only the others: the bytes are the same as encoding every node.
    public static func write(_ g: KnowledgeGraph, pieceSize: Int = 1 << 20, to sink: (String) throws -> Void) rethrows {
        var out = head()
        var failure: Error? = nil
        // an atomic write of a graph file gets the file's fingerprint when this writer made all of it
        let target = GraphStore.AtomicWrite.current
        let targetStart = target?.total
        var written = 0
        // The sink was seen to write into `target`: later pieces go there as they are, without being made a String
        // (which would check their UTF-8 again).
        var direct = false
        func flush() {
            guard failure == nil, !out.isEmpty else { return }
            let n = out.count
            if direct, let t = target {
                do { try out.withUnsafeBytes { try t.write($0) } } catch { failure = error }
            } else {
                let before = target?.total
                do { try sink(String(decoding: out, as: UTF8.self)) } catch { failure = error }
                if let t = target, let b = before, t.total == b + n { direct = true }
            }
            written += n
            out.removeAll(keepingCapacity: true)
        }
        /// Appends encoded nodes (pieces end between nodes only, so none splits a character); false once the sink
        /// has failed, to stop making more.
        func emit(_ nodes: [UInt8]) -> Bool {
            guard failure == nil else { return false }
            if out.count >= pieceSize { flush() }
            out += nodes
            return failure == nil
        }
        /// Copies stored node lines `lines` (consecutive in the file, separators included) after a separator.
        func copy(_ file: StoredGraph, _ lines: Range<Int>) {
            guard failure == nil, !lines.isEmpty else { return }
            out += ",\n".utf8
            var i = lines.lowerBound
            while i < lines.upperBound && failure == nil {
                // whole lines only, so a piece never splits a character
                var j = i + 1
                while j < lines.upperBound && file.ends[j - 1] - file.starts[i] < pieceSize { j += 1 }
                let range = file.starts[i]..<file.ends[j - 1]
                let bytes = UnsafeRawBufferPointer(rebasing: file.bytes[range])
                flush()
                if direct, let t = target {
                    do { try t.write(bytes) } catch { failure = error }
                    written += bytes.count
                } else {
                    out += bytes
                    flush()
                }
                StoredGraph.release(file.bytes, range)
                if j < lines.upperBound { out += ",\n".utf8 }
                i = j
            }
        }
        if let s = g.stored {
            writeStored(s, emit: { _ = emit($0) }, copy: copy)
        } else {
            writeDecoded(g, emit: emit)
        }
        out += tail.utf8
        if let failure { try { throw failure }() }
        flush()
        if let failure { try { throw failure }() }
        if let t = target, t.total == (targetStart ?? -1) + written, targetStart == 0 { t.wholeGraph = true }
    }

    /// What precedes the first node: the context and the graph's own node.
    static func head() -> [UInt8] {
        var out = Array(("{\"@context\":" + context + ",\n\"@graph\":[\n").utf8)
        out += "{\"@id\":\(JSONText.string(KGIRI.node + "graph")),\"@type\":\"Graph\",\"formatVersion\":\"kg-graph/\(formatVersion)\"}".utf8
        return out
    }

    /// The bytes of `write(_:to:)` without their line breaks, made a String once (`Fragments.line`). A new graph is
    /// encoded straight into one byte array; a graph loaded from a file goes through `write(_:to:)`, which copies the
    /// lines of its unchanged nodes.
    static func line(_ g: KnowledgeGraph) -> String {
        var out: [UInt8]
        if g.stored == nil {
            out = head()
            writeDecoded(g) { out += $0; return true }
            out += tail.utf8
        } else {
            out = []
            write(g) { out += $0.utf8 }
        }
        // (the few line breaks found by memchr and the text between them moved up: removeAll(where:) took a dozen
        // instructions a byte)
        let n = out.count
        let kept = out.withUnsafeMutableBufferPointer { b -> Int in
            let base = b.baseAddress!
            var read = 0, write = 0
            while read < n {
                let at = memchr(base + read, 0x0A, n - read).map { $0.assumingMemoryBound(to: UInt8.self) - base } ?? n
                if write != read { memmove(base + write, base + read, at - read) }
                write += at - read
                read = at + 1
            }
            return write
        }
        out.removeLast(n - kept)
        return String(decoding: out, as: UTF8.self)
    }

    /// The bytes `node` writes.
    static func encoded(_ node: (inout JSONBytes) -> Void) -> [UInt8] {
        var w = JSONBytes(capacity: 4096)
        node(&w)
        return w.finish()
    }

    /// The cores, read once: `kg extract` writes a graph per article, and reading the count opens cgroup files each
    /// time (3% of its run).
    static let cores = ProcessInfo.processInfo.activeProcessorCount

    /// Encodes nodes `0..<count` (written by `node`) on all cores, in chunks, and hands each chunk's bytes to `emit` in
    /// order: the bytes are the same as encoding them one after the other. Stops when `emit` returns false.
    static func encodeNodes(_ count: Int, _ node: (Int, inout JSONBytes) -> Void, emit: ([UInt8]) -> Bool) {
        let chunk = 256
        let chunks = (count + chunk - 1) / chunk
        func encode(_ c: Int) -> [UInt8] {
            encoded { w in for i in (c * chunk)..<min(count, (c + 1) * chunk) { node(i, &w) } }
        }
        guard chunks > 1, case let threads = Self.cores, threads > 1 else {
            for c in 0..<chunks where !emit(encode(c)) { return }
            return
        }
        final class Work: @unchecked Sendable { let encode: (Int) -> [UInt8]; init(_ e: @escaping (Int) -> [UInt8]) { encode = e } }
        final class Slots: @unchecked Sendable { var texts: [[UInt8]]; init(_ n: Int) { texts = Array(repeating: [], count: n) } }
        let window = threads * 2      // chunks encoded together: a few MB held at once
        var first = 0
        while first < chunks {
            let n = min(window, chunks - first)
            let slots = Slots(n)
            let lock = NSLock()
            let base = first
            withoutActuallyEscaping(encode) { encode in
                // the graph is only read while the chunks are encoded
                let work = Work(encode)
                DispatchQueue.concurrentPerform(iterations: n) { j in
                    let text = work.encode(base + j)
                    lock.lock(); slots.texts[j] = text; lock.unlock()
                }
            }
            for j in 0..<n where !emit(slots.texts[j]) { return }
            first += n
        }
    }

    /// Indices of a dictionary's entries in the order of `key` (made once per entry, not per comparison).
    /// (Whether each key is a plain key is found once too: two plain keys, as most node keys are, compare by their
    /// bytes, which is `<` without its normalisation of Arabic text at every comparison.)
    static func sortedIndices<K, V>(_ d: [K: V], by key: (Dictionary<K, V>.Index) -> String) -> [Dictionary<K, V>.Index] {
        var pairs = d.indices.map { i -> (String, Bool, Dictionary<K, V>.Index) in
            let k = key(i)
            return (k, withBytes(k, isPlainKey), i)
        }
        pairs.sort { a, b in
            guard a.1 && b.1 else { return a.0 < b.0 }
            return withBytes(a.0) { x in withBytes(b.0) { y in plainKeysLess(x, y) } }
        }
        return pairs.map(\.2)
    }

    private static func writeDecoded(_ g: KnowledgeGraph, emit: ([UInt8]) -> Bool) {
        let articles = g.articles, entities = g.entities, relations = g.relations, statements = g.statements
        let articleOrder = sortedIndices(articles) { articles.values[$0].hash }
        encodeNodes(articleOrder.count, { articleNode(articles.values[articleOrder[$0]], into: &$1) }, emit: emit)
        do {    // surface forms and edges are needed for the entities only
            let surfaces = g.surfaceForms()
            // direct edges grouped by subject
            var edges: [String: [(String, String)]] = [:]
            for k in relations.keys { edges[k.subject, default: []].append((k.predicate, k.object)) }
            for k in g.containmentEdges() { edges[k.subject, default: []].append((k.predicate, k.object)) }
            let entityOrder = sortedIndices(entities) { entities.values[$0].key }
            encodeNodes(entityOrder.count, { i, w in
                let e = entities.values[entityOrder[i]]
                entityNode(e, surfaces: surfaces[e.key] ?? [], edges: edges[e.key] ?? [], into: &w)
            }, emit: emit)
        }
        var relationOrder = Array(relations.indices)
        relationOrder.sort { relations.keys[$0] < relations.keys[$1] }
        encodeNodes(relationOrder.count, { i, w in
            let (k, ev) = relations[relationOrder[i]]
            relationNode(k, ev, into: &w)
        }, emit: emit)
        let statementOrder = sortedIndices(statements) { statements.keys[$0] }
        encodeNodes(statementOrder.count, { i, w in
            let (id, st) = statements[statementOrder[i]]
            statementNode(id, st, into: &w)
        }, emit: emit)
    }

    /// Writes a stored graph: every node in the order `writeDecoded` uses, copying the lines of stored nodes whose
    /// serialisation cannot have changed. An entity's line depends on other nodes too (alternate names come from
    /// mentions, direct edges from relations and from its parent being present), so entities that new articles
    /// mention, that new relations start from, or whose parent was added or removed are encoded again.
    private static func writeStored(_ s: StoredOverlay, emit: ([UInt8]) -> Void, copy: (StoredGraph, Range<Int>) -> Void) {
        let file = s.file
        /// Walks `range` of stored lines: `replaced` lines are encoded (or dropped for nil), `inserted` nodes go before
        /// the line index they are paired with; everything else is copied.
        func walk(_ range: Range<Int>, replaced: [Int: () -> [UInt8]?], inserted: [(Int, () -> [UInt8])]) {
            var run = range.lowerBound
            var next = 0
            for i in range {
                guard replaced[i] != nil || (next < inserted.count && inserted[next].0 == i) else { continue }
                copy(file, run..<i)
                while next < inserted.count && inserted[next].0 == i { emit(inserted[next].1()); next += 1 }
                if let r = replaced[i] {
                    if let f = r() { emit(f) }
                    run = i + 1
                } else {
                    run = i
                }
            }
            copy(file, run..<range.upperBound)
            while next < inserted.count { emit(inserted[next].1()); next += 1 }
        }

        // articles
        let newArticles = s.articles.values.sorted { $0.hash < $1.hash }
        var removedArticles: [Int: () -> [UInt8]?] = [:]
        for h in s.removedArticles { if let i = file.findArticle(h) { removedArticles[i] = { nil } } }
        walk(file.articles, replaced: removedArticles, inserted: newArticles.map { a in
            (file.lowerBound(file.articles, a.hash, file.articleHash), { encoded { articleNode(a, into: &$0) } })
        })

        // entities
        var overlaySurfaces: [String: Set<String>] = [:]
        var mentioned = Set<String>()
        for a in s.articles.values {
            for m in a.mentions {
                mentioned.insert(m.entity)
                if !KnowledgeGraph.nonNameRules.contains(m.rule) { overlaySurfaces[m.entity, default: []].insert(m.surface) }
            }
        }
        var subjects: [String: [(String, String)]] = [:]    // changed or added relations by subject
        for k in s.relations.keys { subjects[k.subject, default: []].append((k.predicate, k.object)) }
        var addedKeys = Set<String>()
        var dirty: [Int: String] = [:]       // stored entity lines to encode again, with their key
        for k in s.entities.keys {
            if let i = file.findEntity(k) { dirty[i] = k } else { addedKeys.insert(k) }
        }
        for k in mentioned.union(subjects.keys).union(s.staleSurfaces).union(s.staleEdges) { if let i = file.findEntity(k) { dirty[i] = k } }
        for i in file.children(of: addedKeys.union(s.removedEntities)) { dirty[i] = file.entityKey(i) }

        func present(_ key: String) -> EntityType? {
            if let e = s.entities[key] { return e.type }
            guard !s.removedEntities.contains(key), let i = file.findEntity(key) else { return nil }
            return file.entityType(i)
        }
        // stored entities whose written alternate names cannot simply be extended: search the articles, all at once
        func writtenNamesSuffice(_ key: String, _ names: [String: String], _ stored: StoredOverlay.StoredNames?) -> Bool {
            guard let old = stored, !s.staleSurfaces.contains(key) else { return false }
            return Set(old.names.values).isSubset(of: Set(names.values))
        }
        var search = Set<String>()
        for (i, k) in dirty {
            if let e = s.entities[k] {
                if !writtenNamesSuffice(k, e.names, s.storedNames[k]) { search.insert(k) }
            } else if s.staleSurfaces.contains(k) && !s.removedEntities.contains(k) {
                search.insert(file.entityKey(i))
            }
        }
        let searched = file.surfaces(of: search, skipping: s.removedArticles)
        func node(_ e: GraphEntity, stored: StoredOverlay.StoredNames?) -> [UInt8] {
            var surfaces = overlaySurfaces[e.key] ?? []
            if file.findEntity(e.key) != nil {
                if writtenNamesSuffice(e.key, e.names, stored) {
                    // the file wrote surface forms minus names; names that are still names are subtracted again anyway
                    surfaces.formUnion(stored!.alternateNames)
                } else {
                    surfaces.formUnion(searched[e.key] ?? file.surfaces(of: e.key, skipping: s.removedArticles))
                }
            }
            var edges: [(String, String)] = []
            var seen = Set<RelationKey>()
            for i in file.relations(withSubject: e.key) {
                let k = file.relationKey(i)
                if s.removedRelations.contains(k) { continue }
                seen.insert(k)
                edges.append((k.predicate, k.object))
            }
            for (p, o) in subjects[e.key] ?? [] where !seen.contains(RelationKey(subject: e.key, predicate: p, object: o)) {
                edges.append((p, o))
            }
            if let p = e.partOf, let t = present(p) {
                if e.type == .place && t == .place { edges.append(("containedInPlace", p)) }
                else if e.type == .organization { edges.append(("parentOrganization", p)) }
            }
            return encoded { entityNode(e, surfaces: surfaces, edges: edges, into: &$0) }
        }
        var replaced: [Int: () -> [UInt8]?] = [:]
        for (i, k) in dirty {
            replaced[i] = {
                if let e = s.entities[k] { return node(e, stored: s.storedNames[k]) }
                if s.removedEntities.contains(k) { return nil }
                let (e, alt) = s.entity(atLine: i)
                return node(e, stored: StoredOverlay.StoredNames(names: e.names, alternateNames: alt))
            }
        }
        for k in s.removedEntities where s.entities[k] == nil { if let i = file.findEntity(k) { replaced[i] = { nil } } }
        let added = addedKeys.sorted().map { k in (file.lowerBound(file.entities, k, file.entityKey), { node(s.entities[k]!, stored: nil) }) }
        walk(file.entities, replaced: replaced, inserted: added)

        // relations
        var relReplaced: [Int: () -> [UInt8]?] = [:]
        var relAdded: [(RelationKey, Int)] = []
        for k in s.relations.keys {
            let at = file.lowerBound(file.relations, k, file.relationKey)
            if at < file.relations.upperBound && file.relationKey(at) == k { relReplaced[at] = { encoded { relationNode(k, s.relations[k]!, into: &$0) } } }
            else { relAdded.append((k, at)) }
        }
        for k in s.removedRelations where s.relations[k] == nil { if let i = file.findRelation(k) { relReplaced[i] = { nil } } }
        walk(file.relations, replaced: relReplaced, inserted: relAdded.sorted { $0.0 < $1.0 }.map { k, at in (at, { encoded { relationNode(k, s.relations[k]!, into: &$0) } }) })

        // statements
        var stReplaced: [Int: () -> [UInt8]?] = [:]
        var stAdded: [(String, Int)] = []
        for id in s.statements.keys {
            let at = file.lowerBound(file.statements, id, file.statementID)
            if at < file.statements.upperBound && file.statementID(at) == id { stReplaced[at] = { encoded { statementNode(id, s.statements[id]!, into: &$0) } } }
            else { stAdded.append((id, at)) }
        }
        for id in s.removedStatements where s.statements[id] == nil { if let i = file.findStatement(id) { stReplaced[i] = { nil } } }
        walk(file.statements, replaced: stReplaced, inserted: stAdded.sorted { $0.0 < $1.0 }.map { id, at in (at, { encoded { statementNode(id, s.statements[id]!, into: &$0) } }) })
    }
}
