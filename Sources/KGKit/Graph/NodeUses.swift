/// What removing an article needs without a pass over the whole graph: how many mentions, relation ends and statement
/// speakers use each node, the relations and statements each article gave evidence to, and the nodes that may have
/// lost their last use since the last pruning. Kept by decoded graphs (`KnowledgeGraph`) and by the stored overlay.
struct NodeUses: Sendable {
    /// Node key → uses (no entry for none).
    private(set) var counts: [String: Int] = [:]
    /// Article hash → relations and statements that held evidence from it (a superset: checked when used).
    var relationsByArticle: [String: Set<RelationKey>] = [:]
    var statementsByArticle: [String: Set<String>] = [:]
    /// Nodes that may be unused: pruning checks these only.
    var candidates: Set<String> = []

    func isUsed(_ key: String) -> Bool { counts[key] != nil }

    /// Adds `d` uses of `key` (negative: takes them away); a node left with none becomes a candidate.
    mutating func use(_ key: String, _ d: Int) {
        let n = (counts[key] ?? 0) + d
        if n > 0 { counts[key] = n; return }
        counts[key] = nil
        candidates.insert(key)
    }

    /// Files relation `k` under the articles of its evidence (lists are sorted by article: one insertion per run).
    mutating func file(_ k: RelationKey, evidence: [Evidence]) {
        var last: String?
        for e in evidence where e.article != last {
            relationsByArticle[e.article, default: []].insert(k)
            last = e.article
        }
    }
}
