import Foundation

/// What changed in a stored graph since it was loaded: nodes added, decoded from the file (and maybe changed since),
/// or removed.
final class StoredOverlay: @unchecked Sendable {
    /// Names a stored entity had in the file, and the alternate names written with them (its surface forms minus
    /// those names).
    struct StoredNames { var names: [String: String]; var alternateNames: [String] }

    /// The whole graph as dictionaries.
    struct Decoded {
        var entities: [String: GraphEntity] = [:]
        var articles: [String: GraphArticle] = [:]
        var relations: [RelationKey: [Evidence]] = [:]
        var statements: [String: GraphStatement] = [:]
    }

    let file: StoredGraph
    // the four kinds of overlay nodes remember what changed, so removing an article updates the indexes below from
    // the changes instead of scanning every overlay node (which made re-building many articles quadratic)
    var entities = TrackedDictionary<String, GraphEntity>()
    var removedEntities: Set<String> = []
    var storedNames: [String: StoredNames] = [:]
    var articles = TrackedDictionary<String, GraphArticle>()
    var relations = TrackedDictionary<RelationKey, [Evidence]>()
    /// Relations in `relations` that the file does not hold.
    var addedRelations = 0
    var statements = TrackedDictionary<String, GraphStatement>()
    var removedArticles: Set<String> = []
    var removedRelations: Set<RelationKey> = []
    var removedStatements: Set<String> = []
    /// Stored entities a removed stored article mentioned: their written alternate names may be stale.
    var staleSurfaces: Set<String> = []
    /// Subjects of removed stored relations: their written direct edges are stale.
    var staleEdges: Set<String> = []
    /// How many live stored lines use each entity IRI (mentions, relation ends, speakers); made on the first removal.
    private var baseUse: [String: Int]?
    /// IRIs of stored entities that no stored line uses any more, since the last pruning (at first: those no stored
    /// line uses): the only stored entities that pruning can newly drop.
    private var pruneCandidates: Set<String> = []
    /// Uses of entity keys by overlay mentions, relation ends and statement speakers, the overlay relations and
    /// statements by article (when last settled: relations may have lost the evidence since, checked when used), and
    /// the overlay entities that may be unused since the last pruning (set in the overlay, or their overlay use fell to
    /// zero), as of the last `settle()`. Pruning checks those candidates and `pruneCandidates` only: every other node
    /// was used when it last pruned.
    private var uses = NodeUses()
    /// Stored relation and statement lines whose uses were subtracted from `baseUse`.
    private var uncountedRelations: Set<RelationKey> = []
    private var uncountedStatements: Set<String> = []
    /// Article IRI → stored relation and quotation lines with evidence from it; made after a few removals.
    private var evidenceIndex: [String: [Int]]?
    private var removals = 0
    private var decoder = NodeDecoder()
    private let lock = NSLock()
    private var cache: Decoded?

    init(_ file: StoredGraph) { self.file = file }

    func copy() -> StoredOverlay {
        let c = StoredOverlay(file)
        c.entities = entities; c.removedEntities = removedEntities; c.storedNames = storedNames; c.articles = articles
        c.relations = relations; c.addedRelations = addedRelations; c.statements = statements; c.decoder = decoder
        c.removedArticles = removedArticles; c.removedRelations = removedRelations; c.removedStatements = removedStatements
        c.staleSurfaces = staleSurfaces; c.staleEdges = staleEdges; c.baseUse = baseUse; c.pruneCandidates = pruneCandidates
        c.uncountedRelations = uncountedRelations; c.uncountedStatements = uncountedStatements
        c.evidenceIndex = evidenceIndex; c.removals = removals
        c.uses = uses
        return c
    }

    /// Forgets the decoded copy (call before changing anything).
    func changed() {
        lock.lock(); cache = nil; lock.unlock()
    }

    /// Every node decoded, with the changes applied (computed once, then kept until the next change).
    func decoded() -> Decoded {
        lock.lock()
        defer { lock.unlock() }
        if let c = cache { return c }
        var g = Decoded()
        var dec = NodeDecoder()
        let window = 64 << 20
        var released = 0
        for i in 0..<file.starts.count {
            switch dec.decode(file.node(i)) {
            case let .article(a): g.articles[a.hash] = a
            case let .relation(k, ev): g.relations[k] = ev
            case let .statement(st): g.statements[st.id] = st
            case let .entity(e, _): g.entities[e.key] = e
            case .other: break
            }
            if file.ends[i] - released > window {
                StoredGraph.release(file.bytes, released..<file.starts[i])
                released = file.starts[i]
            }
        }
        for k in removedEntities { g.entities[k] = nil }
        for h in removedArticles { g.articles[h] = nil }
        for k in removedRelations { g.relations[k] = nil }
        for id in removedStatements { g.statements[id] = nil }
        for (k, e) in entities { g.entities[k] = e }
        for (h, a) in articles { g.articles[h] = a }
        for (k, ev) in relations { g.relations[k] = ev }
        for (id, st) in statements { g.statements[id] = st }
        cache = g
        return g
    }

    /// Decodes the stored entity `key` into `entities`.
    func decodeEntity(_ key: String) {
        guard let i = file.findEntity(key), case let .entity(e, alt) = decoder.decode(file.node(i)) else {
            preconditionFailure("\(file.path): entity \(key) is indexed but does not decode")
        }
        entities[key] = e
        storedNames[key] = StoredNames(names: e.names, alternateNames: alt)
    }

    /// Decodes the stored entity on line `i` without keeping it, with its alternate names.
    func entity(atLine i: Int) -> (GraphEntity, [String]) {
        var d = NodeDecoder()
        guard case let .entity(e, alt) = d.decode(file.node(i)) else {
            preconditionFailure("\(file.path): line \(i) is not an entity")
        }
        return (e, alt)
    }

    /// Evidence of the stored relation on line `i`.
    func decodeRelation(_ i: Int) -> [Evidence] {
        guard case let .relation(_, ev) = decoder.decode(file.node(i)) else {
            preconditionFailure("\(file.path): line \(i) is not a relation")
        }
        return ev
    }

    // MARK: removing an article without decoding the graph

    /// Removes an article and what only it contributed, as `KnowledgeGraph.removeArticle` does on dictionaries:
    /// its evidence (overlay nodes found through the article indexes of `uses`, stored lines by
    /// searching them for its IRI), then every node nothing uses any more.
    func removeArticle(_ hash: String) {
        countBaseUse()
        settle()
        if articles.removeValue(forKey: hash) == nil, let i = file.findArticle(hash), !removedArticles.contains(hash) {
            removedArticles.insert(hash)
            for iri in file.mentionIRIs(i) {
                unuse(iri)
                if let k = KGIRI.key(ofNode: iri) { staleSurfaces.insert(k) }
            }
        }
        func dropStoredRelation(_ k: RelationKey) {
            removedRelations.insert(k)
            staleEdges.insert(k.subject)
            if uncountedRelations.insert(k).inserted { unuse(KGIRI.node(k.subject)); unuse(KGIRI.node(k.object)) }
        }
        for k in uses.relationsByArticle.removeValue(forKey: hash) ?? [] {
            guard let ev = relations[k] else { continue }
            let kept = ev.filter { $0.article != hash }
            guard kept.count != ev.count else { continue }
            if !kept.isEmpty { relations[k] = kept; continue }
            relations[k] = nil
            if file.findRelation(k) != nil { dropStoredRelation(k) } else { addedRelations -= 1 }
        }
        let lines = evidenceLines(of: hash)
        for i in lines where file.relations.contains(i) {
            let k = file.relationKey(i)
            guard relations[k] == nil, !removedRelations.contains(k) else { continue }
            let kept = decodeRelation(i).filter { $0.article != hash }
            if kept.isEmpty { dropStoredRelation(k) } else { relations[k] = kept }
        }
        for id in uses.statementsByArticle.removeValue(forKey: hash) ?? [] where statements[id]?.evidence.article == hash {
            statements[id] = nil
        }
        for i in lines where file.statements.contains(i) {
            let id = file.statementID(i)
            guard removedStatements.insert(id).inserted else { continue }
            if uncountedStatements.insert(id).inserted { unuse(file.speakerIRI(i)) }
        }
        settle()
        prune()
    }

    /// Stored relation and quotation lines with evidence from article `hash`, in file order: searched for the
    /// article's IRI while removals are few, from an index of every evidence record once they are not.
    private func evidenceLines(of hash: String) -> [Int] {
        removals += 1
        if evidenceIndex == nil && removals > 3 {
            var index: [String: [Int]] = [:]
            let open = Array("\"article\":\"".utf8)
            let range = file.byteRange(file.relations.lowerBound..<file.statements.upperBound)
            var line = range.isEmpty ? 0 : file.relations.lowerBound
            file.forEachOccurrence(of: open, in: range) { at in
                while file.ends[line] < at { line += 1 }
                let from = at + open.count
                let q = memchr(file.bytes.baseAddress! + from, 0x22, file.ends[line] - from)!
                let iri = String(decoding: UnsafeRawBufferPointer(rebasing: file.bytes[from..<file.bytes.baseAddress!.distance(to: UnsafeRawPointer(q))]), as: UTF8.self)
                if index[iri]?.last != line { index[iri, default: []].append(line) }
            }
            evidenceIndex = index
        }
        if let index = evidenceIndex { return index[KGIRI.article(hash)] ?? [] }
        let needle = Array(("\"article\":" + JSONText.string(KGIRI.article(hash))).utf8)
        var out: [Int] = []
        for at in file.occurrences(of: needle, in: file.byteRange(file.relations.lowerBound..<file.statements.upperBound)) {
            let i = file.lineIndex(ofOffset: at)
            if out.last != i { out.append(i) }
        }
        return out
    }

    /// Counts, once, what every stored line uses.
    private func countBaseUse() {
        guard baseUse == nil else { return }
        var use: [String: Int] = [:]
        var released = 0
        func done(_ i: Int) {
            // drop what was read from the resident set as we go
            if file.ends[i] - released > 64 << 20 { StoredGraph.release(file.bytes, released..<file.starts[i]); released = file.starts[i] }
        }
        for i in file.articles { for iri in file.mentionIRIs(i) { use[iri, default: 0] += 1 }; done(i) }
        for i in file.entities { done(i) }
        for i in file.relations {
            let (s, _, o) = file.relationFields(i)
            use[s, default: 0] += 1; use[o, default: 0] += 1
            done(i)
        }
        for i in file.statements { use[file.speakerIRI(i), default: 0] += 1; done(i) }
        for i in file.entities {
            let iri = file.iri(i)
            if use[iri] == nil { pruneCandidates.insert(iri) }
        }
        baseUse = use
    }

    private func unuse(_ iri: String) {
        let n = (baseUse![iri] ?? 0) - 1
        baseUse![iri] = n
        if n <= 0 { pruneCandidates.insert(iri) }
    }

    /// Brings `uses` up to date with the overlay nodes changed since the last call: work in proportion to the
    /// changes, not to the overlay.
    private func settle() {
        // uses are added before they are taken away, so a node that keeps a use never looks unused
        for (h, old) in articles.takeChanges() {
            for m in articles[h]?.mentions ?? [] { uses.use(m.entity, 1) }
            for m in old?.mentions ?? [] { uses.use(m.entity, -1) }
        }
        for (k, old) in relations.takeChanges() {
            if let ev = relations[k] {
                if old == nil { uses.use(k.subject, 1); uses.use(k.object, 1) }
                uses.file(k, evidence: ev)
            } else if old != nil {
                uses.use(k.subject, -1); uses.use(k.object, -1)
            }
        }
        for (id, old) in statements.takeChanges() {
            if let st = statements[id] {
                uses.use(st.speaker, 1)
                uses.statementsByArticle[st.evidence.article, default: []].insert(id)
            }
            if let o = old { uses.use(o.speaker, -1) }
        }
        for (k, _) in entities.takeChanges() where entities[k] != nil { uses.candidates.insert(k) }
    }

    /// Drops every node nothing uses, as `KnowledgeGraph.pruneEntities` does over all nodes. Only candidates can
    /// be unused: after the last pruning every node was used, and a node becomes unused only when it is set in the
    /// overlay, loses its last overlay use (`uses.candidates`) or its last stored use (`pruneCandidates`).
    private func prune() {
        var candidates = uses.candidates
        for iri in pruneCandidates { if let k = KGIRI.key(ofNode: iri) { candidates.insert(k) } }
        uses.candidates = []
        pruneCandidates = []
        for k in candidates where !uses.isUsed(k) {
            let stored = file.findEntity(k) != nil
            guard entities[k] != nil || (stored && !removedEntities.contains(k)) else { continue }
            if stored && (baseUse![KGIRI.node(k)] ?? 0) > 0 { continue }
            entities[k] = nil
            if stored { removedEntities.insert(k) }
        }
    }
}

/// A dictionary that remembers which keys changed since `takeChanges()` and what each held before, so the overlay
/// updates its indexes from the changes alone. Reads and iteration are those of the dictionary.
struct TrackedDictionary<Key: Hashable, Value>: Sequence {
    private(set) var dictionary: [Key: Value] = [:]
    /// Key → its value before its first change since `takeChanges()` (nil: absent).
    private var before: [Key: Value?] = [:]

    subscript(key: Key) -> Value? {
        get { dictionary[key] }
        set {
            if before.index(forKey: key) == nil { before.updateValue(dictionary[key], forKey: key) }
            dictionary[key] = newValue
        }
    }

    @discardableResult
    mutating func removeValue(forKey key: Key) -> Value? {
        guard let old = dictionary.removeValue(forKey: key) else { return nil }
        if before.index(forKey: key) == nil { before.updateValue(old, forKey: key) }
        return old
    }

    /// The keys changed since the last call, each with its value before; forgets them.
    mutating func takeChanges() -> [Key: Value?] {
        defer { before = [:] }
        return before
    }

    var keys: Dictionary<Key, Value>.Keys { dictionary.keys }
    var values: Dictionary<Key, Value>.Values { dictionary.values }
    var count: Int { dictionary.count }
    var isEmpty: Bool { dictionary.isEmpty }
    var underestimatedCount: Int { dictionary.count }
    func makeIterator() -> Dictionary<Key, Value>.Iterator { dictionary.makeIterator() }
}

extension TrackedDictionary: Sendable where Key: Sendable, Value: Sendable {}
