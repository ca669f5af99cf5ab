/// Applies the relation rules of `relations.rules` to each sentence: a small backtracking matcher over tokens and
/// mentions. Each match yields a relation with its evidence and the id of the rule that fired.
struct RelationMatcher {
    let lexicons: LexiconSet

    func extract(_ doc: AnalyzedText, article: Article, mentions: [Mention], entities: [ExtractedEntity],
                 relations: inout [ExtractedRelation], negated: inout [ExtractedRelation]) {
        var mentionAt: [Int: [Int]] = [:]
        for (i, m) in mentions.enumerated() where m.entity >= 0 && m.rule != "nested" && m.type != .event {
            mentionAt[m.tokens.lowerBound, default: []].append(i)
        }
        for s in doc.sentences {
            for p in s.tokens {
                for rule in lexicons.relationRules {
                    var binding: [Character: Int] = [:]
                    guard let end = match(rule.items, 0, p, s.tokens.upperBound, doc, mentions, mentionAt, &binding),
                          let o = binding["O"] else { continue }
                    guard let sm = binding["S"] else { continue }
                    let subj = mentions[sm], obj = mentions[o]
                    if subj.entity == obj.entity { continue }
                    if rule.predicate == "locatedIn" && !placeOrderOK(entities[subj.entity], entities[obj.entity], subj, obj) { continue }
                    let lo = min(subj.start, obj.start, doc.tokens[p].stemStart)
                    let hi = max(subj.end, obj.end, doc.tokens[end - 1].end)
                    let ev = Evidence(article: article.id, sentence: s.index, start: lo, end: hi, sentenceStart: s.start,
                                      sentenceText: doc.text(s.start, s.end), rule: rule.id, confidence: rule.confidence)
                    let r = ExtractedRelation(subject: subj.entity, predicate: rule.predicate, object: obj.entity, evidence: ev)
                    if isNegated(doc, from: max(s.tokens.lowerBound, p - 4), to: end) { negated.append(r) } else { relations.append(r) }
                }
            }
        }
    }

    private func isNegated(_ doc: AnalyzedText, from a: Int, to b: Int) -> Bool {
        for k in a..<b {
            let t = doc.tokens[k]
            if ArticleExtractor.negationCues.contains(t.key) || ArticleExtractor.negationCues.contains(t.stem) { return true }
        }
        return false
    }

    private func placeOrderOK(_ a: ExtractedEntity, _ b: ExtractedEntity, _ am: Mention, _ bm: Mention) -> Bool {
        guard a.type == .place, b.type == .place, !am.isDemonym, !bm.isDemonym else { return false }
        return level(a) < level(b)
    }

    private func level(_ e: ExtractedEntity) -> Int {
        if let id = e.entryID, let entry = lexicons.gazetteer.entry(id: id) { return entry.placeLevel }
        return PlaceLevel.of(subtype: e.subtype)
    }

    private func match(_ items: [RelationRule.Item], _ k: Int, _ p: Int, _ limit: Int, _ doc: AnalyzedText, _ mentions: [Mention],
                       _ mentionAt: [Int: [Int]], _ binding: inout [Character: Int]) -> Int? {
        if k == items.count { return p }
        switch items[k] {
        case let .literal(alts, optional):
            if p < limit {
                let t = doc.tokens[p]
                for a in alts {
                    if RelationRule.proclitics.contains(a) {
                        if t.prefix.contains(a), let r = match(items, k + 1, p, limit, doc, mentions, mentionAt, &binding) { return r }
                    } else if t.key == a || t.stem == a {
                        if let r = match(items, k + 1, p + 1, limit, doc, mentions, mentionAt, &binding) { return r }
                    }
                }
            }
            return optional ? match(items, k + 1, p, limit, doc, mentions, mentionAt, &binding) : nil
        case let .slot(role, types, optional):
            if p < limit, let cands = mentionAt[p] {
                for mi in cands where types.contains(mentions[mi].type) {
                    let saved = binding
                    if role != "E" { binding[role] = mi }
                    if let r = match(items, k + 1, mentions[mi].tokens.upperBound, limit, doc, mentions, mentionAt, &binding) { return r }
                    binding = saved
                }
            }
            return optional ? match(items, k + 1, p, limit, doc, mentions, mentionAt, &binding) : nil
        case let .comma(optional):
            if p < limit, doc.tokens[p].key == "," {
                if let r = match(items, k + 1, p + 1, limit, doc, mentions, mentionAt, &binding) { return r }
            }
            return optional ? match(items, k + 1, p, limit, doc, mentions, mentionAt, &binding) : nil
        case let .skip(n):
            var q = p
            while q <= min(limit, p + n) {
                if let r = match(items, k + 1, q, limit, doc, mentions, mentionAt, &binding) { return r }
                if q < limit, doc.tokens[q].kind == .punctuation, [",", ";", ":", ".", "?", "!"].contains(doc.tokens[q].key) { break }
                q += 1
            }
            return nil
        case let .not(alts):
            if p < limit, alts.contains(doc.tokens[p].key) || alts.contains(doc.tokens[p].stem) { return nil }
            return match(items, k + 1, p, limit, doc, mentions, mentionAt, &binding)
        }
    }
}
