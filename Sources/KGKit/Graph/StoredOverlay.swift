import Foundation

/// What changed in a stored graph since it was loaded: nodes added, decoded from the file (and maybe changed since),
/// or removed. Articles, relations and statements are never removed here: removing an article decodes the whole
/// graph first (`KnowledgeGraph.removeArticle`).
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
    var entities: [String: GraphEntity] = [:]
    var removedEntities: Set<String> = []
    var storedNames: [String: StoredNames] = [:]
    var articles: [String: GraphArticle] = [:]
    var relations: [RelationKey: [Evidence]] = [:]
    /// Relations in `relations` that the file does not hold.
    var addedRelations = 0
    var statements: [String: GraphStatement] = [:]
    private var decoder = NodeDecoder()
    private let lock = NSLock()
    private var cache: Decoded?

    init(_ file: StoredGraph) { self.file = file }

    func copy() -> StoredOverlay {
        let c = StoredOverlay(file)
        c.entities = entities; c.removedEntities = removedEntities; c.storedNames = storedNames; c.articles = articles
        c.relations = relations; c.addedRelations = addedRelations; c.statements = statements; c.decoder = decoder
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
}
