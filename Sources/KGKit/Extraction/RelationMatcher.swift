/// Relation rules compiled for matching: literals become integer ids, and rules are indexed by what their first item
/// needs, so each token only tries the rules that can start there.
public struct CompiledRules: Sendable {
    enum Item: Sendable {
        case literal(ids: [Int32], proclitics: [String], optional: Bool)
        case slot(role: Character, types: Set<EntityType>, optional: Bool, demonymOnly: Bool)
        case comma(optional: Bool)
        case skip(Int)
        case not([Int32])
    }
    struct Rule: Sendable { var source: RelationRule; var items: [Item] }

    var rules: [Rule] = []
    var ids = KeyMap<Int32>()
    var byFirstLiteral: [Int32: [Int]] = [:]
    var byFirstProclitic: [String: [Int]] = [:]
    var slotFirst: [Int] = []
    var alwaysTry: [Int] = []

    public init(_ source: [RelationRule]) {
        func id(_ s: String) -> Int32 {
            if let i = ids[s] { return i }
            let i = Int32(ids.count); ids[s] = i; return i
        }
        for (r, rule) in source.enumerated() {
            var items: [Item] = []
            for it in rule.items {
                switch it {
                case let .literal(alts, optional):
                    let pro = alts.filter { RelationRule.proclitics.contains($0) }
                    items.append(.literal(ids: alts.filter { !RelationRule.proclitics.contains($0) }.map(id), proclitics: pro, optional: optional))
                case let .slot(role, types, optional, nat): items.append(.slot(role: role, types: types, optional: optional, demonymOnly: nat))
                case let .comma(optional): items.append(.comma(optional: optional))
                case let .skip(n): items.append(.skip(n))
                case let .not(alts): items.append(.not(alts.map(id)))
                }
            }
            rules.append(Rule(source: rule, items: items))
            switch items.first {
            case let .literal(lits, pro, false)?:
                for l in lits { byFirstLiteral[l, default: []].append(r) }
                for p in pro { byFirstProclitic[p, default: []].append(r) }
            case .slot(_, _, false, _)?: slotFirst.append(r)
            default: alwaysTry.append(r)
            }
        }
    }
}

/// Applies the relation rules (Resources/rules/relations.rules) to each sentence: a small backtracking matcher over
/// tokens and mentions. Each match yields a relation with its evidence and the id of the rule that fired.
struct RelationMatcher {
    let lexicons: LexiconSet

    func extract(_ doc: AnalyzedText, article: Article, mentions: [Mention], entities: [ExtractedEntity],
                 relations: inout [ExtractedRelation], negated: inout [ExtractedRelation]) {
        let compiled = lexicons.compiledRules
        // mentions starting at each token (an array per token: looked up for every slot item at every position)
        var mentionAt = [[Int]](repeating: [], count: doc.tokens.count)
        for (i, m) in mentions.enumerated() where m.entity >= 0 && m.rule != "nested" && m.type != .event {
            mentionAt[m.tokens.lowerBound].append(i)
        }
        // token → literal ids of its key and stem (-1 when no rule mentions it)
        var keyID = [Int32](repeating: -1, count: doc.tokens.count), stemID = keyID
        for (k, t) in doc.tokens.enumerated() {
            keyID[k] = compiled.ids[t.key] ?? -1
            // the stem differs from the key only when clitics were split off
            stemID[k] = t.prefix.isEmpty && t.suffix.isEmpty ? keyID[k] : (compiled.ids[t.stem] ?? -1)
        }
        let ctx = Context(doc: doc, mentions: mentions, mentionAt: mentionAt, keyID: keyID, stemID: stemID)
        var candidates: [Int] = []
        for s in doc.sentences {
            for p in s.tokens {
                candidates.removeAll(keepingCapacity: true)
                candidates += compiled.alwaysTry
                if keyID[p] >= 0 { candidates += compiled.byFirstLiteral[keyID[p]] ?? [] }
                if stemID[p] >= 0 && stemID[p] != keyID[p] { candidates += compiled.byFirstLiteral[stemID[p]] ?? [] }
                if !mentionAt[p].isEmpty { candidates += compiled.slotFirst }
                for c in doc.tokens[p].prefix.unicodeScalars { candidates += compiled.byFirstProclitic[String(c)] ?? [] }
                candidates.sort()
                var last = -1
                for r in candidates where r != last {
                    last = r
                    let rule = compiled.rules[r]
                    var binding = Binding()
                    guard let end = match(rule.items, 0, p, s.tokens.upperBound, ctx, &binding),
                          let o = binding.o, let sm = binding.s else { continue }
                    let subj = mentions[sm], obj = mentions[o]
                    if subj.entity == obj.entity { continue }
                    if rule.source.predicate == "locatedIn" && !placeOrderOK(entities[subj.entity], entities[obj.entity], subj, obj) { continue }
                    if rule.source.predicate == "nationality" && !nationalityOK(entities[subj.entity], entities[obj.entity], obj) { continue }
                    let lo = min(subj.start, obj.start, doc.tokens[p].stemStart)
                    let hi = max(subj.end, obj.end, doc.tokens[end - 1].end)
                    let ev = Evidence(article: article.id, sentence: s.index, start: lo, end: hi, sentenceStart: s.start,
                                      sentenceText: doc.text(of: s), rule: rule.source.id, confidence: rule.source.confidence)
                    let rel = ExtractedRelation(subject: subj.entity, predicate: rule.source.predicate, object: obj.entity, evidence: ev)
                    if isNegated(doc, from: max(s.tokens.lowerBound, p - 4), to: end) { negated.append(rel) } else { relations.append(rel) }
                }
            }
        }
    }

    struct Context {
        let doc: AnalyzedText
        let mentions: [Mention]
        let mentionAt: [[Int]]
        let keyID: [Int32]
        let stemID: [Int32]
    }

    struct Binding { var s: Int? = nil; var o: Int? = nil }

    private func isNegated(_ doc: AnalyzedText, from a: Int, to b: Int) -> Bool {
        for k in a..<b {
            let t = doc.tokens[k]
            if lexicons.negationCues.contains(t.key) || lexicons.negationCues.contains(t.stem) { return true }
        }
        return false
    }

    /// A nationality is a country named by a nisba, and not another country than the one the gazetteer gives the
    /// subject (الجيش linked to the Egyptian army is not Tunisian because "الجيش التونسي" follows).
    private func nationalityOK(_ s: ExtractedEntity, _ o: ExtractedEntity, _ om: Mention) -> Bool {
        guard om.isDemonym, o.subtype == "Country" else { return false }
        if let id = s.entryID, let entry = lexicons.gazetteer.entry(id: id), entry.partOf.hasPrefix("country:"), entry.partOf != o.entryID { return false }
        return true
    }

    /// A place is inside a larger one (a district in a city, not a country in a city); an organisation is in a place
    /// named as such (not a demonym). An unknown place may lie in a known one of the same rank (قضاء العمادية بمحافظة
    /// دهوك: both administrative areas): the gazetteer holds the larger places.
    private func placeOrderOK(_ a: ExtractedEntity, _ b: ExtractedEntity, _ am: Mention, _ bm: Mention) -> Bool {
        guard b.type == .place, !am.isDemonym, !bm.isDemonym else { return false }
        if a.type == .organization { return true }
        guard a.type == .place else { return false }
        let la = level(a), lb = level(b)
        return la < lb || (la == lb && a.entryID == nil && b.entryID != nil)
    }

    private func level(_ e: ExtractedEntity) -> Int {
        if let id = e.entryID, let entry = lexicons.gazetteer.entry(id: id) { return entry.placeLevel }
        return PlaceLevel.of(subtype: e.subtype)
    }

    private static let stopPunctuation: Set<String> = [",", ";", ":", ".", "?", "!"]

    private func match(_ items: [CompiledRules.Item], _ k: Int, _ p: Int, _ limit: Int, _ c: Context, _ binding: inout Binding) -> Int? {
        if k == items.count { return p }
        switch items[k] {
        case let .literal(ids, proclitics, optional):
            if p < limit {
                if ids.contains(c.keyID[p]) || (c.stemID[p] >= 0 && ids.contains(c.stemID[p])) {
                    if let r = match(items, k + 1, p + 1, limit, c, &binding) { return r }
                }
                if !proclitics.isEmpty, !c.doc.tokens[p].prefix.isEmpty,
                   proclitics.contains(where: { c.doc.tokens[p].prefix.contains($0) }),
                   let r = match(items, k + 1, p, limit, c, &binding) { return r }
            }
            return optional ? match(items, k + 1, p, limit, c, &binding) : nil
        case let .slot(role, types, optional, demonymOnly):
            if p < limit, case let cands = c.mentionAt[p], !cands.isEmpty {
                for mi in cands where types.contains(c.mentions[mi].type) && (!demonymOnly || c.mentions[mi].type != .place || c.mentions[mi].isDemonym) {
                    let saved = binding
                    if role == "S" { binding.s = mi } else if role == "O" { binding.o = mi }
                    if let r = match(items, k + 1, c.mentions[mi].tokens.upperBound, limit, c, &binding) { return r }
                    binding = saved
                }
            }
            return optional ? match(items, k + 1, p, limit, c, &binding) : nil
        case let .comma(optional):
            if p < limit, c.doc.tokens[p].key == "," {
                if let r = match(items, k + 1, p + 1, limit, c, &binding) { return r }
            }
            return optional ? match(items, k + 1, p, limit, c, &binding) : nil
        case let .skip(n):
            var q = p
            while q <= min(limit, p + n) {
                if let r = match(items, k + 1, q, limit, c, &binding) { return r }
                if q < limit, c.doc.tokens[q].kind == .punctuation, Self.stopPunctuation.contains(c.doc.tokens[q].key) { break }
                q += 1
            }
            return nil
        case let .not(ids):
            if p < limit, ids.contains(c.keyID[p]) || ids.contains(c.stemID[p]) { return nil }
            return match(items, k + 1, p, limit, c, &binding)
        }
    }
}
