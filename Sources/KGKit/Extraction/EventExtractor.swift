/// Finds events from trigger words and fills their roles from the mentions around the trigger: the agent (the
/// organisation right after a noun trigger, or before the verb that launched it), the target (after على / ضد / on /
/// against) and the place (after في / ب / in / at). All triggers of one type in an article are one event, and an
/// event is kept only when at least one role is filled.
struct EventExtractor {
    let lexicons: LexiconSet

    static let targetCues: Set<String> = ["علي", "ضد", "on", "against", "targeting"]
    static let placeCues: Set<String> = ["في", "داخل", "قرب", "in", "at", "near", "outside", "inside"]
    static let agentCues: Set<String> = ["by"]
    static let attackTypes: Set<String> = ["attack", "airstrike", "bombing"]
    /// Verbs that make the mention before them the agent of the event after them (شنت غارتين, launched an attack).
    static let launchVerbs: Set<String> = ["شن", "شنت", "شنه", "شنوا", "نفذ", "نفذت", "ينفذ", "تنفذ", "يشن", "تشن", "launched", "carried", "conducted", "staged", "mounted", "claimed"]
    /// Words that open a new clause: roles are not looked for beyond them.
    static let clauseBreaks: Set<String> = ["منذ", "بعد", "قبل", "عندما", "حين", "since", "after", "before", "when", "while"]

    func extract(_ doc: AnalyzedText, article: Article, claimed: inout [Bool], mentions: inout [Mention],
                 entities: inout [ExtractedEntity], relations: inout [ExtractedRelation]) {
        var eventOfType: [String: Int] = [:]
        var mentionAt: [Int: Int] = [:]
        for (i, m) in mentions.enumerated() where m.rule != "nested" && m.entity >= 0 {
            if mentionAt[m.tokens.lowerBound] == nil { mentionAt[m.tokens.lowerBound] = i }
        }
        var newMentions: [Mention] = []
        var roleRelations: [ExtractedRelation] = []
        for s in doc.sentences {
            var k = s.tokens.lowerBound
            while k < s.tokens.upperBound {
                guard !claimed[k], let trig = lexicons.eventTriggers.match(doc.tokens, at: k, limit: s.tokens.upperBound) else { k += 1; continue }
                let type = trig.value.type
                var agent: Int? = nil, target: Int? = nil, place: Int? = nil
                // agent: genitive right after the trigger (هجوم تنظيم داعش), or "by X"
                if let mi = mentionAt[trig.end], [.organization, .person].contains(mentions[mi].type) || mentions[mi].isDemonym { agent = mi }
                var j = trig.end
                var cue: String? = nil
                while j < min(s.tokens.upperBound, trig.end + 20) {
                    let t = doc.tokens[j]
                    if t.kind == .punctuation && t.key != "," && t.key != "\"" { break }
                    if Self.clauseBreaks.contains(t.key) { break }
                    if Self.targetCues.contains(t.key) { cue = "target" }
                    else if Self.placeCues.contains(t.key) || t.prefix.hasSuffix("ب") && mentionAt[j] != nil && mentions[mentionAt[j]!].type == .place { cue = "place" }
                    else if Self.agentCues.contains(t.key) { cue = "agent" }
                    if let mi = mentionAt[j], j != trig.end || agent == nil {
                        let m = mentions[mi]
                        if t.prefix.hasSuffix("ب") && m.type == .place && cue != "target" { cue = "place" }
                        switch cue {
                        case "target" where target == nil && !m.isDemonym: target = mi; if m.type == .place && place == nil { place = mi }
                        case "place" where place == nil && m.type == .place && !m.isDemonym: place = mi
                        case "agent" where agent == nil && m.type != .place: agent = mi
                        default: break
                        }
                        j = m.tokens.upperBound
                        continue
                    }
                    j += 1
                }
                // agent before the trigger: ORG/PER/nisba within a few tokens (طائرة حربية أميركية شنت غارتين)
                if agent == nil {
                    var b = k - 1
                    var launched = false
                    while b >= s.tokens.lowerBound && k - b <= 5 {
                        if doc.tokens[b].kind == .punctuation { break }
                        if Self.launchVerbs.contains(doc.tokens[b].stem) || Self.launchVerbs.contains(doc.tokens[b].key) { launched = true }
                        if !launched { b -= 1; continue }
                        if let mi = mentions.lastIndex(where: { $0.tokens.upperBound == b + 1 && $0.rule != "nested" && $0.entity >= 0 }) {
                            let m = mentions[mi]
                            if m.type == .organization || m.type == .person || m.isDemonym { agent = mi }
                            break
                        }
                        b -= 1
                    }
                }
                // English noun compounds: "A Russian missile and drone attack" — a demonym before the trigger, only
                // lower-case words between
                if agent == nil, doc.tokens[k].script == .latin {
                    var b = k - 1
                    while b >= s.tokens.lowerBound && k - b <= 5, doc.tokens[b].kind == .word {
                        if let mi = mentions.lastIndex(where: { $0.tokens.upperBound == b + 1 && $0.isDemonym && $0.entity >= 0 }) { agent = mi; break }
                        if doc.tokens[b].isCapitalized { break }
                        b -= 1
                    }
                }
                guard agent != nil || target != nil || place != nil else { k = trig.end; continue }
                let e: Int
                if let existing = eventOfType[type] { e = existing } else {
                    e = entities.count
                    eventOfType[type] = e
                    entities.append(ExtractedEntity(type: .event, subtype: type, entryID: nil, name: doc.text(doc.tokens[k].stemStart, doc.tokens[trig.end - 1].end),
                                                    language: doc.language, mentionIndices: [], eventType: type, cameo: trig.value.cameo))
                }
                let t0 = doc.tokens[k]
                let em = Mention(tokens: k..<trig.end, start: t0.stemStart, end: doc.tokens[trig.end - 1].end, type: .event, subtype: type,
                                 entryID: nil, surface: doc.text(t0.stemStart, doc.tokens[trig.end - 1].end), rule: "event-trigger",
                                 confidence: 0.7, eventType: type, cameo: trig.value.cameo, entity: e, sentence: s.index)
                newMentions.append(em)
                for c in k..<trig.end { claimed[c] = true }
                func role(_ p: String, _ mi: Int?) {
                    guard let mi, mentions[mi].entity >= 0 else { return }
                    let m = mentions[mi]
                    let lo = min(em.start, m.start), hi = max(em.end, m.end)
                    roleRelations.append(ExtractedRelation(subject: e, predicate: p, object: m.entity, evidence: Evidence(
                        article: article.id, sentence: s.index, start: lo, end: hi, sentenceStart: s.start,
                        sentenceText: doc.text(s.start, s.end), rule: "event:\(type):\(p)", confidence: 0.7)))
                }
                role("agent", agent)
                role("target", target)
                role("location", place)
                if Self.attackTypes.contains(type), let a = agent, let t = target, mentions[a].entity != mentions[t].entity {
                    let m1 = mentions[a], m2 = mentions[t]
                    roleRelations.append(ExtractedRelation(subject: m1.entity, predicate: "attacks", object: m2.entity, evidence: Evidence(
                        article: article.id, sentence: s.index, start: min(m1.start, em.start), end: max(m2.end, em.end), sentenceStart: s.start,
                        sentenceText: doc.text(s.start, s.end), rule: "event:\(type)", confidence: 0.7)))
                }
                k = trig.end
            }
        }
        for m in newMentions { mentions.append(m) }
        relations += roleRelations
    }
}
