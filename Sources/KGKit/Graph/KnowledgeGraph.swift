/// A node of the graph: a person, organisation, place or event.
public struct GraphEntity: Sendable, Equatable {
    /// Node key, e.g. `org/sdf`, `gn/173811`, `person/مظلوم-عبدي`; the `@id` is the base IRI plus this key.
    public var key: String
    public var type: EntityType
    public var subtype: String
    /// Preferred names by language tag (`ar`, `en`, `ar-Latn` for a transliteration).
    public var names: [String: String]
    public var sameAs: [String]
    /// Key of the containing place or parent organisation (from the gazetteer).
    public var partOf: String?
    public var description: String
    public var eventType: String?
    public var cameo: String?
    /// Events: when it happened (ISO 8601: `2024-03-12`, `2024-03` or `2024-W10`), resolved against the article date.
    public var startDate: String? = nil
    /// Events: casualty counts, by party where the text names one (sorted).
    public var casualties: [Casualty] = []
}

/// A statement (said / denied / source) by a person or organisation node, with the quoted text and its evidence.
public struct GraphStatement: Sendable, Equatable, Hashable {
    public var speaker: String
    /// `said`, `denied` or `source` ("according to X").
    public var kind: String
    public var cue: String
    public var quote: String
    public var evidence: Evidence

    public init(speaker: String, kind: String, cue: String, quote: String, evidence: Evidence) {
        self.speaker = speaker; self.kind = kind; self.cue = cue; self.quote = quote; self.evidence = evidence
    }

    /// Stable identity: article, sentence, offsets, speaker and kind.
    /// (The joined text's bytes written into one buffer: no array of six Strings and no joined String.)
    public var id: String {
        var b: [UInt8] = []
        b.reserveCapacity(evidence.article.utf8.count + speaker.utf8.count + kind.utf8.count + 40)
        func add(_ s: String) { withBytes(s) { b.append(contentsOf: $0) } }
        add(evidence.article); b.append(0x1F)
        add(String(evidence.sentence)); b.append(0x1F)
        add(String(evidence.start)); b.append(0x1F)
        add(String(evidence.end)); b.append(0x1F)
        add(speaker); b.append(0x1F)
        add(kind)
        return b.withUnsafeBufferPointer { SHA256.hex($0, digits: 24) }
    }
}

/// A mention of a node in an article.
public struct GraphMention: Sendable, Equatable, Hashable {
    public var entity: String
    public var sentence: Int
    public var start: Int
    public var end: Int
    public var surface: String
    public var rule: String
    /// A body described by its kind (الجيش الإسرائيلي, وزارة المالية), not named: ACE's nominal mention.
    public var nominal: Bool

    public init(entity: String, sentence: Int, start: Int, end: Int, surface: String, rule: String, nominal: Bool = false) {
        self.entity = entity
        self.sentence = sentence
        self.start = start
        self.end = end
        self.surface = surface
        self.rule = rule
        self.nominal = nominal
    }
}

/// An article node with what it contributed.
public struct GraphArticle: Sendable, Equatable {
    public var hash: String
    public var sourceID: String
    public var title: String
    public var url: String?
    public var date: String?
    public var language: String
    public var mentions: [GraphMention]
}

/// Identity of a relation: subject, predicate, object (node keys and predicate name).
public struct RelationKey: Sendable, Hashable, Comparable {
    public var subject: String
    public var predicate: String
    public var object: String
    public static func < (a: RelationKey, b: RelationKey) -> Bool {
        (a.subject, a.predicate, a.object) < (b.subject, b.predicate, b.object)
    }
}

/// The whole graph: nodes, articles with their mentions, relations with all their evidence.
/// Merging is by node key, so the same real-world entity keeps one node across articles and runs; adding an article
/// already in the graph (same content hash, or same source id) first removes what it contributed before.
///
/// A graph loaded from a file this kg wrote (`GraphStore.load`) starts out undecoded: `add` decodes only the nodes an
/// article touches and `JSONLDWriter` copies the other nodes' lines verbatim. Reading one of the four dictionaries
/// decodes the whole file once; changing one directly turns the graph into plain dictionaries.
public struct KnowledgeGraph: Sendable, Equatable {
    private var _entities: [String: GraphEntity] = [:]
    private var _articles: [String: GraphArticle] = [:]
    private var _relations: [RelationKey: [Evidence]] = [:]
    private var _statements: [String: GraphStatement] = [:]
    /// The file this graph was loaded from and what changed since; nil once everything is decoded.
    private(set) var stored: StoredOverlay?
    /// Source id → hashes of the articles with that id, so an edited article replaces its old version without a pass
    /// over all articles. Decoded graphs: every article, built on first use and kept up to date by `setArticle` and
    /// `removeArticle` (dropped when `articles` is changed from outside). Stored graphs: only the overlay's articles;
    /// the file's come from its own index.
    private var sourceIndex: [String: Set<String>]? = nil
    /// Decoded graphs: node uses and evidence by article (`NodeUses`), so removing an article needs no pass over the
    /// whole graph (which made re-building many articles onto a graph file read in full quadratic). Built at the first
    /// removal, kept up to date by the setters, dropped when the graph is changed from outside (`entities`,
    /// `articles`, `relations`, `statements`).
    private var useIndex: NodeUses? = nil

    /// Long strings the graph holds many times over (surface forms, sentence texts, quotations: the same across
    /// articles), kept once: `add` hands out the copy already here, so they share one buffer. Storage only: not
    /// part of the graph's value.
    private var interned = Set<InternedString>()

    /// A string compared and hashed by its UTF-8 bytes (no Unicode normalisation: cheaper, and only the same bytes
    /// are shared).
    struct InternedString: Hashable, Sendable {
        var string: String
        static func == (a: InternedString, b: InternedString) -> Bool { sameKey(a.string, b.string) }
        func hash(into h: inout Hasher) { withBytes(string) { h.combine(bytes: UnsafeRawBufferPointer($0)) } }
    }

    public init() {}

    /// A graph backed by a stored file, decoded on demand.
    init(stored file: StoredGraph) { stored = StoredOverlay(file); sourceIndex = [:] }

    public var entities: [String: GraphEntity] {
        get { stored?.decoded().entities ?? _entities }
        _modify { decodeAll(); useIndex = nil; yield &_entities }
        set { decodeAll(); useIndex = nil; _entities = newValue }
    }
    public var articles: [String: GraphArticle] {
        get { stored?.decoded().articles ?? _articles }
        _modify { decodeAll(); sourceIndex = nil; useIndex = nil; yield &_articles }
        set { decodeAll(); sourceIndex = nil; useIndex = nil; _articles = newValue }
    }
    public var relations: [RelationKey: [Evidence]] {
        get { stored?.decoded().relations ?? _relations }
        _modify { decodeAll(); useIndex = nil; yield &_relations }
        set { decodeAll(); useIndex = nil; _relations = newValue }
    }
    /// Statements by id (`GraphStatement.id`).
    public var statements: [String: GraphStatement] {
        get { stored?.decoded().statements ?? _statements }
        _modify { decodeAll(); useIndex = nil; yield &_statements }
        set { decodeAll(); useIndex = nil; _statements = newValue }
    }

    public static func == (a: KnowledgeGraph, b: KnowledgeGraph) -> Bool {
        a.entities == b.entities && a.articles == b.articles && a.relations == b.relations && a.statements == b.statements
    }

    /// Decodes every stored node; from then on the graph is plain dictionaries and is written in full.
    mutating func decodeAll() {
        guard let s = stored else { return }
        let d = s.decoded()
        _entities = d.entities; _articles = d.articles; _relations = d.relations; _statements = d.statements
        sourceIndex = nil
        useIndex = nil
        stored = nil
    }

    /// The overlay, unshared and ready to change.
    private mutating func overlay() -> StoredOverlay {
        if !isKnownUniquelyReferenced(&stored!) { stored = stored!.copy() }
        stored!.changed()
        return stored!
    }

    // MARK: access that decodes only what it needs

    var articleCount: Int { stored.map { $0.file.articles.count - $0.removedArticles.count + $0.articles.count } ?? _articles.count }

    var relationCount: Int {
        stored.map { $0.file.relations.count - $0.removedRelations.count + $0.addedRelations } ?? _relations.count
    }

    /// Number of nodes of each type.
    func entityCounts() -> [EntityType: Int] {
        guard let s = stored else {
            var out: [EntityType: Int] = [:]
            for e in _entities.values { out[e.type, default: 0] += 1 }
            return out
        }
        var out = s.file.entityTypeCounts
        for k in s.removedEntities { out[s.file.entityType(s.file.findEntity(k)!), default: 0] -= 1 }
        for (k, e) in s.entities {
            if !s.removedEntities.contains(k), let i = s.file.findEntity(k) { out[s.file.entityType(i), default: 0] -= 1 }
            out[e.type, default: 0] += 1
        }
        return out
    }

    func containsArticle(_ hash: String) -> Bool {
        guard let s = stored else { return _articles[hash] != nil }
        return s.articles[hash] != nil || (!s.removedArticles.contains(hash) && s.file.findArticle(hash) != nil)
    }

    func containsEntity(_ key: String) -> Bool {
        guard let s = stored else { return _entities[key] != nil }
        if s.entities[key] != nil { return true }
        return !s.removedEntities.contains(key) && s.file.findEntity(key) != nil
    }

    /// Type of a node, if present.
    func entityType(_ key: String) -> EntityType? {
        guard let s = stored else { return _entities[key]?.type }
        if let e = s.entities[key] { return e.type }
        guard !s.removedEntities.contains(key), let i = s.file.findEntity(key) else { return nil }
        return s.file.entityType(i)
    }

    private func sourceID(ofArticle hash: String) -> String? {
        guard let s = stored else { return _articles[hash]?.sourceID }
        if let a = s.articles[hash] { return a.sourceID }
        guard !s.removedArticles.contains(hash), let i = s.file.findArticle(hash) else { return nil }
        return StoredGraph.articleSourceID(s.file.bytes, s.file.starts[i], s.file.ends[i])
    }

    private mutating func setArticle(_ a: GraphArticle) {
        if stored == nil, useIndex != nil {
            for m in a.mentions { useIndex!.use(m.entity, 1) }
            for m in _articles[a.hash]?.mentions ?? [] { useIndex!.use(m.entity, -1) }
        }
        if stored == nil { _articles[a.hash] = a } else { overlay().articles[a.hash] = a }
        if !a.sourceID.isEmpty { sourceIndex?[a.sourceID, default: []].insert(a.hash) }
    }

    private mutating func setEntity(_ key: String, _ e: GraphEntity?) {
        guard stored != nil else { _entities[key] = e; useIndex?.candidates.insert(key); return }
        let s = overlay()
        s.entities[key] = e
        if e == nil, s.file.findEntity(key) != nil { s.removedEntities.insert(key) }
    }

    /// Changes an existing node (decoding it from the file first if needed).
    private mutating func updateEntity(_ key: String, _ change: (inout GraphEntity) -> Void) {
        guard stored != nil else { change(&_entities[key]!); return }
        let s = overlay()
        if s.entities[key] == nil { s.decodeEntity(key) }
        change(&s.entities[key]!)
    }

    private mutating func evidence(of k: RelationKey) -> [Evidence]? {
        guard stored != nil else { return _relations[k] }
        // no reference to the overlay may be held here: `overlay()` would see it shared and copy it
        if let ev = stored!.relations[k] { return ev }
        guard !stored!.removedRelations.contains(k), let i = stored!.file.findRelation(k) else { return nil }
        return overlay().decodeRelation(i)
    }

    private mutating func setRelation(_ k: RelationKey, _ ev: [Evidence]) {
        guard stored != nil else { noteRelation(k, ev); _relations[k] = ev; return }
        let s = overlay()
        if s.removedRelations.remove(k) == nil && s.relations[k] == nil && s.file.findRelation(k) == nil { s.addedRelations += 1 }
        s.relations[k] = ev
    }

    private mutating func setStatement(_ st: GraphStatement) {
        guard stored != nil else {
            if useIndex != nil {
                useIndex!.use(st.speaker, 1)
                if let old = _statements[st.id] { useIndex!.use(old.speaker, -1) }
                useIndex!.statementsByArticle[st.evidence.article, default: []].insert(st.id)
            }
            _statements[st.id] = st
            return
        }
        let s = overlay()
        s.statements[st.id] = st
        s.removedStatements.remove(st.id)
    }

    /// Decoded graphs: counts a relation's ends when it is new and files its evidence under its articles.
    private mutating func noteRelation(_ k: RelationKey, _ ev: [Evidence]) {
        guard useIndex != nil else { return }
        if _relations[k] == nil { useIndex!.use(k.subject, 1); useIndex!.use(k.object, 1) }
        useIndex!.file(k, evidence: ev)
    }

    /// The article a source id belongs to (the smallest hash if several share it).
    private mutating func article(withSource sourceID: String) -> String? {
        if sourceIndex == nil {
            var index: [String: Set<String>] = [:]
            for a in _articles.values where !a.sourceID.isEmpty { index[a.sourceID, default: []].insert(a.hash) }
            sourceIndex = index
        }
        var best = sourceIndex![sourceID]?.min()
        // (the file's first article with that id that is still there and still has that id)
        if let s = stored, let kept = s.file.articlesBySource[sourceID]?.first(where: { self.sourceID(ofArticle: $0) == sourceID }) {
            best = min(best ?? kept, kept)
        }
        return best
    }

    /// Removes an article and everything only it contributed.
    public mutating func removeArticle(_ hash: String) {
        guard containsArticle(hash) else { return }
        // (read before `overlay()`: no reference to the overlay may be held across it, or it would be copied)
        if let id = stored != nil ? stored!.articles[hash]?.sourceID : _articles[hash]?.sourceID, !id.isEmpty {
            sourceIndex?[id]?.remove(hash)
        }
        if stored != nil { overlay().removeArticle(hash); return }
        if useIndex == nil { buildUseIndex() }
        for m in _articles[hash]?.mentions ?? [] { useIndex!.use(m.entity, -1) }
        _articles[hash] = nil
        for k in useIndex!.relationsByArticle.removeValue(forKey: hash) ?? [] {
            guard let ev = _relations[k] else { continue }
            let kept = ev.filter { $0.article != hash }
            if kept.isEmpty {
                _relations[k] = nil
                useIndex!.use(k.subject, -1); useIndex!.use(k.object, -1)
            } else if kept.count != ev.count { _relations[k] = kept }
        }
        for id in useIndex!.statementsByArticle.removeValue(forKey: hash) ?? [] {
            guard let st = _statements[id], st.evidence.article == hash else { continue }
            _statements[id] = nil
            useIndex!.use(st.speaker, -1)
        }
        pruneEntities()
    }

    private mutating func buildUseIndex() {
        var ix = NodeUses()
        for a in _articles.values { for m in a.mentions { ix.use(m.entity, 1) } }
        for (k, ev) in _relations {
            ix.use(k.subject, 1); ix.use(k.object, 1)
            ix.file(k, evidence: ev)
        }
        for (id, st) in _statements {
            ix.use(st.speaker, 1)
            ix.statementsByArticle[st.evidence.article, default: []].insert(id)
        }
        ix.candidates = Set(_entities.keys.filter { !ix.isUsed($0) })
        useIndex = ix
    }

    /// Drops nodes that no article mentions and no relation uses (with the use index: only the candidates).
    mutating func pruneEntities() {
        decodeAll()
        if useIndex != nil {
            for k in useIndex!.candidates where !useIndex!.isUsed(k) { _entities[k] = nil }
            useIndex!.candidates.removeAll(keepingCapacity: true)
            return
        }
        var used = Set<String>()
        for a in _articles.values { for m in a.mentions { used.insert(m.entity) } }
        for k in _relations.keys { used.insert(k.subject); used.insert(k.object) }
        for st in _statements.values { used.insert(st.speaker) }
        for k in _entities.keys where !used.contains(k) { _entities[k] = nil }
    }

    /// `s`, or the same bytes already in the graph (then sharing their buffer). Strings of up to 15 bytes are held
    /// inline and need no sharing; a string equal to one here but with other bytes (another Unicode normalisation) is
    /// kept as it is.
    private mutating func intern(_ s: String) -> String {
        guard stored == nil, s.utf8.count > 15 else { return s }
        return interned.insert(InternedString(string: s)).memberAfterInsert.string
    }

    private mutating func intern(_ e: Evidence) -> Evidence {
        var e = e
        e.sentenceText = intern(e.sentenceText)
        e.rule = intern(e.rule)     // event rules are made per article (event:attack:location)
        return e
    }

    /// The node key string the graph already holds for `key` (same bytes), so the article's mentions and relations
    /// share it.
    private func sharedKey(_ key: String) -> String {
        guard stored == nil, key.utf8.count > 15, let i = _entities.index(forKey: key) else { return key }
        let kept = _entities.keys[i]
        return kept.utf8.elementsEqual(key.utf8) ? kept : key
    }

    /// Adds what one article yielded, replacing any earlier version of the same article. `events`: the named events
    /// of the lexicon (`LexiconSet.namedEvents`), which give such events their English name and links.
    public mutating func add(_ x: ArticleExtraction, gazetteer: Gazetteer, events: Gazetteer) {
        let a = x.article
        removeArticle(a.contentHash)
        if !a.sourceID.isEmpty, let old = article(withSource: a.sourceID), sourceID(ofArticle: old) == a.sourceID { removeArticle(old) }
        var keyOf: [Int: String] = [:]
        // events with no role, no date and no casualty count are dropped: a trigger word alone is not a fact (a match
        // named with its competition, نهائي دوري أبطال أوروبا, is one)
        let roleSubjects = Set(x.relations.filter { ["agent", "target", "location", "participant", "superEvent"].contains($0.predicate) }.map(\.subject))
        func isFact(_ i: Int) -> Bool {
            let e = x.entities[i]
            return e.type != .event || e.entryID != nil || roleSubjects.contains(i) || e.startDate != nil || !e.casualties.isEmpty
        }
        // the second and later events of one type in an article are numbered in order: …-attack, …-attack-2
        var eventOrdinal: [String: Int] = [:]
        let scope = Self.descriptionScope(x)
        for (i, e) in x.entities.enumerated() where isFact(i) && (!e.mentionIndices.isEmpty || x.relations.contains(where: { $0.subject == i || $0.object == i })) {
            var e = e
            var key = nodeKey(e, article: a)
            if Self.isBareDescription(i, x) {
                if scope.utf8.count == 2, let known = Self.knownBody(e, country: scope, gazetteer: gazetteer) {
                    e.entryID = known.id
                    e.subtype = known.subtype
                    key = nodeKey(e, article: a)
                } else {
                    key += "@" + scope
                }
            }
            if e.type == .event, e.entryID == nil {
                let n = eventOrdinal[key, default: 0] + 1
                eventOrdinal[key] = n
                if n > 1 { key += "-\(n)" }
            }
            key = sharedKey(key)
            keyOf[i] = key
            if !containsEntity(key) {
                setEntity(key, makeNode(e, key: key, gazetteer: gazetteer, events: events))
            } else if e.entryID == nil, e.type != .event {
                // several spellings share a key (حيّ الزهور / حي الزهور): keep the smallest, so order never matters
                let made = makeNode(e, key: key, gazetteer: gazetteer, events: events)
                updateEntity(key) {
                    $0.names = Self.mergeNames($0.names, made.names)
                    $0.subtype = Self.mergeSubtype($0.subtype, made.subtype)
                }
            }
        }
        // a match is named in English by its two sides (Croatia v Iceland), as people name matches
        for (i, e) in x.entities.enumerated() where e.sides.count == 2 && e.entryID == nil {
            guard let key = keyOf[i], let a = keyOf[e.sides[0]], let b = keyOf[e.sides[1]], a != b else { continue }
            let na = Self.englishName(makeNode(x.entities[e.sides[0]], key: a, gazetteer: gazetteer, events: events))
            let nb = Self.englishName(makeNode(x.entities[e.sides[1]], key: b, gazetteer: gazetteer, events: events))
            updateEntity(key) { $0.names["en"] = "\(na) v \(nb)" }
        }
        var mentions: [GraphMention] = []
        for m in x.mentions where m.entity >= 0 {
            guard let k = keyOf[m.entity] else { continue }
            mentions.append(GraphMention(entity: k, sentence: m.sentence, start: m.start, end: m.end, surface: intern(m.surface), rule: m.rule,
                                         nominal: m.isNominal))
        }
        mentions.sort { ($0.start, $0.end, $0.entity) < ($1.start, $1.end, $1.entity) }
        // drop repeats, keeping the first: equal mentions have the same start, end and entity, so after the sort they
        // lie in the same short run of those three
        var kept: [GraphMention] = []
        kept.reserveCapacity(mentions.count)
        var run = 0      // where the run of the current (start, end, entity) begins in `kept`
        for m in mentions {
            if let l = kept.last, l.start == m.start, l.end == m.end, l.entity == m.entity {
                if kept[run...].contains(m) { continue }
            } else {
                run = kept.count
            }
            kept.append(m)
        }
        mentions = kept
        setArticle(GraphArticle(hash: a.contentHash, sourceID: a.sourceID, title: a.title, url: a.url, date: a.date,
                                language: a.language, mentions: mentions))
        for r in x.relations {
            guard let s = keyOf[r.subject], let o = keyOf[r.object], s != o else { continue }
            let k = RelationKey(subject: s, predicate: r.predicate, object: o)
            if stored == nil {
                noteRelation(k, [r.evidence])
                Self.insertEvidence(intern(r.evidence), into: &_relations[k, default: []])   // in place: no copy of the list
            } else {
                var list = evidence(of: k) ?? []
                Self.insertEvidence(r.evidence, into: &list)
                setRelation(k, list)
            }
        }
        for st in x.statements {
            guard let sp = keyOf[st.speaker] else { continue }
            setStatement(GraphStatement(speaker: sp, kind: st.kind, cue: st.cue, quote: intern(st.quote), evidence: intern(st.evidence)))
        }
        // keep gazetteer parents (city → country) that are already nodes; nothing to add here: edges are derived on write
    }

    /// `Evidence.canonicalOrder`, without making tuples.
    @inline(__always) static func canonicalLess(_ a: Evidence, _ b: Evidence) -> Bool {
        if a.article != b.article { return a.article < b.article }
        if a.sentence != b.sentence { return a.sentence < b.sentence }
        if a.start != b.start { return a.start < b.start }
        if a.end != b.end { return a.end < b.end }
        return a.rule < b.rule
    }

    /// Adds `e` to an evidence list unless it holds it already, leaving the list as appending and sorting it again
    /// in canonical order would (the sort is stable: `e` goes after the evidence that ties with it). A list in
    /// canonical order (any this graph made) takes a binary search and one insertion instead of a copy and a sort,
    /// which made adding evidence to a relation read thousands of times quadratic.
    static func insertEvidence(_ e: Evidence, into list: inout [Evidence]) {
        var i = 1
        while i < list.count && !canonicalLess(list[i], list[i - 1]) { i += 1 }
        guard i >= list.count else {     // not in canonical order (a graph file kg did not write): as before
            if !list.contains(e) { list.append(e) }
            list.sort(by: Evidence.canonicalOrder)
            return
        }
        var lo = 0, hi = list.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if canonicalLess(e, list[mid]) { hi = mid } else { lo = mid + 1 }
        }
        // evidence equal to `e` ties with it in canonical order: it lies just before the insertion point
        var j = lo
        while j > 0 && !canonicalLess(list[j - 1], e) {
            if list[j - 1] == e { return }
            j -= 1
        }
        list.insert(e, at: lo)
    }

    /// Merges another graph into this one (articles of `other` replace same-hash articles here).
    public mutating func merge(_ other: KnowledgeGraph) {
        for (h, _) in other.articles { removeArticle(h) }
        for (k, e) in other.entities {
            if var mine = entities[k] {
                mine.names = Self.mergeNames(mine.names, e.names)
                mine.subtype = Self.mergeSubtype(mine.subtype, e.subtype)
                if let d = e.startDate, mine.startDate.map({ d < $0 }) ?? true { mine.startDate = d }
                if mine.casualties.isEmpty { mine.casualties = e.casualties }
                entities[k] = mine
            } else { entities[k] = e }
        }
        for (h, a) in other.articles { articles[h] = a }
        decodeAll()
        for (k, ev) in other.relations {
            // one by one, each after the evidence it ties with: the order appending all and sorting once gave
            if ev.isEmpty && _relations[k] == nil { _relations[k] = [] }
            for e in ev { Self.insertEvidence(e, into: &_relations[k, default: []]) }
        }
        for (id, st) in other.statements { statements[id] = st }
    }

    /// The subtype of a node two readings give: the one that says something, else the smaller (commutative and
    /// associative, so a graph does not depend on the order its articles came in).
    static func mergeSubtype(_ a: String, _ b: String) -> String { a.isEmpty ? b : b.isEmpty ? a : min(a, b) }

    /// Union of two name maps; where both name a language, the smaller string wins (commutative and associative).
    static func mergeNames(_ a: [String: String], _ b: [String: String]) -> [String: String] {
        var out = a
        for (l, n) in b { if let m = out[l] { out[l] = min(m, n) } else { out[l] = n } }
        return out
    }

    /// Whether entity `i` is an organisation only described by its kind, with no country in its words (وزارة المالية,
    /// مجلس النواب, then الوزارة): every finance ministry of the corpus has that name, so its node is scoped
    /// (`descriptionScope`) instead of keyed by the name alone. الحكومة القطرية names its country and is not scoped.
    static func isBareDescription(_ i: Int, _ x: ArticleExtraction) -> Bool {
        let e = x.entities[i]
        guard e.type == .organization, e.entryID == nil, !e.mentionIndices.isEmpty else { return false }
        var nominal = false
        for k in e.mentionIndices {
            let m = x.mentions[k]
            if m.isNominal {
                nominal = true
                if x.mentions.contains(where: { ($0.isDemonym || $0.rule == "demonym-in-name") && m.tokens.contains($0.tokens.lowerBound) }) {
                    return false
                }
            } else if m.rule != "definite-description" {
                return false
            }
        }
        return nominal
    }

    /// The known body a bare description names in news about one country: the one organisation the gazetteer names
    /// with the description and that country's nisba (مجلس النواب in news about the US is مجلس النواب الأميركي; الحكومة in
    /// news about Egypt, الحكومة المصرية), if exactly one.
    static func knownBody(_ e: ExtractedEntity, country: String, gazetteer: Gazetteer) -> LexiconEntry? {
        guard e.language == "ar", let c = gazetteer.entry(id: "country:" + country) else { return nil }
        let words = e.name.split(separator: " ").map { Normalizer.key(String($0)) }
        guard !words.isEmpty else { return nil }
        var found: LexiconEntry? = nil
        // (the definite nisba, also made from an indefinite one the entry lists: السعودية of سعودية)
        let definite = Set(c.demonyms.compactMap { d -> String? in
            guard let f = d.unicodeScalars.first, f.properties.generalCategory == .otherLetter else { return nil }
            return Normalizer.key(d.hasPrefix("ال") ? d : "ال" + d)
        }).sorted()
        for d in definite {
            for n in gazetteer.names(keys: words + [d], type: .organization) {
                let entry = gazetteer.entries[n.entry]
                if let f = found, f.id != entry.id { return nil }
                found = entry
            }
        }
        return found
    }

    /// Where a bare description's node lives: the country the article is about (`eg` when Egypt has more than half of
    /// the article's country mentions, at least two), else the article itself (the first 16 hex digits of its hash).
    static func descriptionScope(_ x: ArticleExtraction) -> String {
        var counts: [String: Int] = [:]
        var total = 0
        for e in x.entities {
            guard let id = e.entryID, id.hasPrefix("country:") else { continue }
            counts[id, default: 0] += e.mentionIndices.count
            total += e.mentionIndices.count
        }
        if let best = counts.max(by: { ($0.value, $1.key) < ($1.value, $0.key) }), best.value >= 2, best.value * 2 > total {
            return String(best.key.dropFirst("country:".count))
        }
        return String(x.article.contentHash.prefix(16))
    }

    func nodeKey(_ e: ExtractedEntity, article: Article) -> String {
        if let id = e.entryID { return Self.slashed(id) }
        if e.type == .event { return "event/" + article.contentHash.prefix(16) + "-" + (e.eventType ?? "event") }
        return e.type.slug + "/" + EntityKey.of(e.name)
    }

    /// A gazetteer id as a node key: `:` becomes `/` (ASCII ids byte by byte; others through Foundation as before).
    static func slashed(_ id: String) -> String {
        var s = id
        let ascii = s.withUTF8 { u in u.allSatisfy { $0 < 0x80 } }
        guard ascii else { return id.replacingOccurrences(of: ":", with: "/") }
        guard s.utf8.contains(0x3A) else { return id }
        return String(decoding: s.utf8.map { $0 == 0x3A ? 0x2F : $0 }, as: UTF8.self)
    }

    /// A node's name for English text: its English name, else its transliteration, else its name.
    static func englishName(_ e: GraphEntity) -> String {
        e.names["en"] ?? e.names["ar-Latn"] ?? e.names.values.sorted().first ?? e.key
    }

    func makeNode(_ e: ExtractedEntity, key: String, gazetteer: Gazetteer, events: Gazetteer) -> GraphEntity {
        if let id = e.entryID, let entry = gazetteer.entry(id: id) ?? events.entry(id: id) {
            var names: [String: String] = [:]
            if !entry.nameAr.isEmpty { names["ar"] = entry.nameAr }
            if !entry.nameEn.isEmpty { names["en"] = entry.nameEn }
            return GraphEntity(key: key, type: entry.type, subtype: entry.subtype, names: names, sameAs: entry.sameAs,
                               partOf: entry.partOf.isEmpty ? nil : Self.slashed(entry.partOf),
                               description: entry.description, eventType: entry.type == .event ? entry.subtype : nil, cameo: nil)
        }
        var names: [String: String] = [e.language == "ar" ? "ar" : "en": e.name]
        if e.language == "ar" && e.type != .event { names["ar-Latn"] = Transliteration.latin(e.name) }
        if e.language == "ar", let en = e.englishName { names["en"] = en }
        if e.type == .event, let t = e.eventType { names["en"] = e.englishName ?? t }
        return GraphEntity(key: key, type: e.type, subtype: e.subtype, names: names, sameAs: [], partOf: nil, description: "",
                           eventType: e.eventType, cameo: e.cameo, startDate: e.startDate?.iso, casualties: e.casualties.sorted())
    }

    /// Mentions that refer to a node without naming it (أميركية, التنظيم, the group, the trigger word of an event).
    static let nonNameRules: Set<String> = ["demonym", "demonym-in-name", "definite-description"]

    /// `nonNameRules.contains(rule)` by String equality with each (the same test without hashing the rule per mention).
    @inline(__always) static func isNonNameRule(_ rule: String) -> Bool {
        rule == "demonym" || rule == "demonym-in-name" || rule == "definite-description"
    }

    /// Surface forms per node, gathered from all mentions (without forms that lost their article's alif after ل, see
    /// `withoutElidedArticles`).
    public func surfaceForms() -> [String: Set<String>] {
        let entities = self.entities
        var out: [String: Set<String>] = [:]
        // (room for every node made once: growing rehashed all the keys, each hashed by canonical equivalence)
        out.reserveCapacity(entities.count)
        // (a node's surface seen again with the same bytes, as most of its mentions are, is not hashed again by
        // canonical equivalence: only first sightings go into the sets, and only they ever changed them)
        var seen = Set<SurfaceSighting>()
        for a in articles.values {
            for m in a.mentions where !Self.isNonNameRule(m.rule) {
                guard seen.insert(SurfaceSighting(entity: m.entity, surface: m.surface)).inserted else { continue }
                out[m.entity, default: []].insert(m.surface)
            }
        }
        for i in out.indices {
            out.values[i] = Self.withoutElidedArticles(out.values[i], names: entities[out.keys[i]]?.names.values.map { $0 } ?? [])
        }
        return out
    }

    /// A node key and one of its surface forms, compared and hashed by their UTF-8 bytes (as `InternedString`).
    struct SurfaceSighting: Hashable {
        var entity: String
        var surface: String
        static func == (a: SurfaceSighting, b: SurfaceSighting) -> Bool { sameKey(a.entity, b.entity) && sameKey(a.surface, b.surface) }
        func hash(into h: inout Hasher) {
            withBytes(entity) { h.combine(bytes: UnsafeRawBufferPointer($0)) }
            h.combine(UInt8(0xFF))     // (no byte of UTF-8: where the key ends)
            withBytes(surface) { h.combine(bytes: UnsafeRawBufferPointer($0)) }
        }
    }

    /// Surface forms minus those written after ل without their article's alif: للصين is ل + الصين, so its mention's
    /// text is لصين, which is no name of China. A form that starts with ل is dropped when the node is also named (or
    /// written) with the alif (الصين), or with a longer name that starts so (لرسوم الجمركية of الرسوم الجمركية
    /// الأميركية), or when its first word is no word of the node's names; لبنان, ليبيا and لوس أنجلوس stay.
    public static func withoutElidedArticles(_ surfaces: Set<String>, names: [String]) -> Set<String> {
        let lam: Unicode.Scalar = "\u{0644}"
        guard surfaces.contains(where: { $0.unicodeScalars.first == lam }) else { return surfaces }
        let nameKeys = names.map(Normalizer.key)
        var known = Set(nameKeys)
        for n in surfaces { known.insert(Normalizer.key(n)) }
        // (the words of the node's names: a name that starts with ل keeps its surface, لبنان, لجنة نوبل, لافروف of سيرغي
        // لافروف; a ل form of none of them is an elided one, لسفارة الإسرائيلية of سفارة إسرائيل)
        let hasArabicName = names.contains { $0.unicodeScalars.contains { (0x0621...0x064A).contains($0.value) } }
        var nameWords = Set<Substring>()
        for n in nameKeys { for w in n.split(separator: " ") { nameWords.insert(w) } }
        return surfaces.filter { s in
            guard s.unicodeScalars.first == lam else { return true }
            let k = Normalizer.key("\u{0627}" + s)
            if known.contains(k) || known.contains(where: { $0.hasPrefix(k + " ") }) { return false }
            let first = Normalizer.key(s).split(separator: " ").first ?? ""
            return !hasArabicName || nameWords.contains(first)
        }
    }

    /// Gazetteer containment edges between nodes both present: city → country (`containedInPlace`), ministry →
    /// government or country (`parentOrganization`).
    public func containmentEdges() -> [RelationKey] {
        entities.values.compactMap { e in
            guard let p = e.partOf, let parent = entities[p] else { return nil }
            if e.type == .place && parent.type == .place { return RelationKey(subject: e.key, predicate: "containedInPlace", object: p) }
            if e.type == .organization { return RelationKey(subject: e.key, predicate: "parentOrganization", object: p) }
            return nil
        }.sorted()
    }

    /// Preferred label of a node in a language, falling back to the other languages.
    public func label(_ key: String, language: String) -> String {
        guard let e = entities[key] else { return key }
        for l in [language, language == "ar" ? "en" : "ar", "ar-Latn"] { if let n = e.names[l], !n.isEmpty { return n } }
        return e.names.values.sorted().first ?? key
    }
}
