/// Relation rules compiled for matching: literals become integer ids, and rules are indexed by what their first item
/// needs, so each token only tries the rules that can start there.
public struct CompiledRules: Sendable {
    /// One pattern item, plain data (no references), so matching copies and counts nothing.
    struct Item: Sendable {
        enum Kind: UInt8, Sendable { case literal, slot, comma, skip, not }
        var kind: Kind
        var optional = false
        /// Slots: place mentions must be demonyms.
        var demonymOnly = false
        /// Slots: 1 binds the subject, 2 the object, 0 nothing.
        var role: UInt8 = 0
        /// Slots: entity types allowed (bit `EntityType.rank`).
        var types: UInt8 = 0
        /// Literals: the proclitics among the alternatives (bit i: `CompiledRules.proclitics[i]`).
        var proclitics: UInt8 = 0
        /// Literals: the rule's item before is a comma (or an optional literal that follows one). Slots: the same, also
        /// through optional slots.
        var afterComma = false
        /// Literals after a comma: the item before that comma is a slot ({S:PER} ,? القائد).
        var commaAfterSlot = false
        /// Literals and `not`: alternatives `literalIDs[lo..<hi]`; skip: the most tokens skipped in `lo`.
        var lo: Int32 = 0
        var hi: Int32 = 0
    }
    struct Rule: Sendable {
        var source: RelationRule; var items: Range<Int>
        /// `RelationRule.notAfter` as literal ids: `literalIDs[notAfter]`.
        var notAfter: Range<Int> = 0..<0
        /// The script of the text the rule is tried on, from its id (ar-…, en-…); nil: both. The nisba of {NAT} {ORG}
        /// follows the noun in Arabic, so an English rule on Arabic text reads مسؤول إيراني لرويترز as Reuters of Iran.
        var script: Script?
    }

    /// The proclitic letters a literal may name, in mask bit order.
    static let proclitics: [String] = RelationRule.proclitics.sorted()

    var rules: [Rule] = []
    /// Every rule's items, one after the other (`Rule.items`).
    var items: [Item] = []
    var literalIDs: [Int32] = []
    var ids = KeyMap<Int32>()
    /// Rules whose first item is a literal, by the literal's id (`ids`; an array: ids are dense).
    var byFirstLiteral: [[Int]] = []
    /// Rules whose first item is a literal naming a proclitic, by the proclitic's one scalar.
    var byFirstProclitic: [Unicode.Scalar: [Int]] = [:]
    var slotFirst: [Int] = []
    /// The entity types the first slot of `slotFirst[i]` takes (bit `EntityType.rank`).
    var slotFirstTypes: [UInt8] = []
    var alwaysTry: [Int] = []

    static func bit(_ t: EntityType) -> UInt8 { 1 << UInt8(t.rank) }

    public init(_ source: [RelationRule]) {
        func id(_ s: String) -> Int32 {
            if let i = ids[s] { return i }
            let i = Int32(ids.count); ids[s] = i; return i
        }
        func literals(_ ss: [String]) -> (Int32, Int32) {
            let lo = Int32(literalIDs.count)
            literalIDs += ss.map(id)
            return (lo, Int32(literalIDs.count))
        }
        for (r, rule) in source.enumerated() {
            let first = items.count
            /// The item a new one follows, back over optional literals after a comma (with no conjunction of their own:
            /// `{S:LOC} ,? و? محيط` writes it) and, for slots, optional slots.
            func commaBefore(throughSlots: Bool) -> Int {
                var c = items.count - 1
                while c > first, items[c].optional,
                      items[c].kind == .literal && items[c].afterComma && items[c].proclitics == 0 || throughSlots && items[c].kind == .slot { c -= 1 }
                return c
            }
            for it in rule.items {
                switch it {
                case let .literal(alts, optional):
                    var mask: UInt8 = 0
                    for (i, p) in Self.proclitics.enumerated() where alts.contains(p) { mask |= 1 << UInt8(i) }
                    let (lo, hi) = literals(alts.filter { !RelationRule.proclitics.contains($0) })
                    // (the comma before, through optional literals: {S:PER} , نائب? وزير; not where the rule writes the
                    // conjunction itself: {S:LOC} ,? و? محيط)
                    let c = commaBefore(throughSlots: false)
                    let afterComma = c >= first && items[c].kind == .comma
                    items.append(Item(kind: .literal, optional: optional, proclitics: mask, afterComma: afterComma,
                                      commaAfterSlot: afterComma && c > first && items[c - 1].kind == .slot, lo: lo, hi: hi))
                case let .slot(role, types, optional, nat):
                    let mask = types.reduce(UInt8(0)) { $0 | Self.bit($1) }
                    let c = commaBefore(throughSlots: true)
                    items.append(Item(kind: .slot, optional: optional, demonymOnly: nat, role: role == "S" ? 1 : role == "O" ? 2 : 0, types: mask,
                                      afterComma: c >= first && items[c].kind == .comma))
                case let .comma(optional): items.append(Item(kind: .comma, optional: optional))
                case let .skip(n): items.append(Item(kind: .skip, lo: Int32(n)))
                case let .not(alts):
                    let (lo, hi) = literals(alts)
                    items.append(Item(kind: .not, lo: lo, hi: hi))
                }
            }
            let (nlo, nhi) = literals(rule.notAfter)
            rules.append(Rule(source: rule, items: first..<items.count, notAfter: Int(nlo)..<Int(nhi),
                              script: rule.id.hasPrefix("ar-") ? .arabic : rule.id.hasPrefix("en-") ? .latin : nil))
            switch rule.items.first {
            case let .literal(alts, false)?:
                for l in alts where !RelationRule.proclitics.contains(l) {
                    let i = Int(ids[l]!)
                    if byFirstLiteral.count <= i { byFirstLiteral += Array(repeating: [], count: i + 1 - byFirstLiteral.count) }
                    byFirstLiteral[i].append(r)
                }
                // a proclitic is looked up by each scalar of a token's prefix: only one-scalar proclitics can be found
                for p in alts where RelationRule.proclitics.contains(p) {
                    if p.unicodeScalars.count == 1 { byFirstProclitic[p.unicodeScalars.first!, default: []].append(r) }
                }
            case .slot(_, _, false, _)?:
                slotFirst.append(r)
                slotFirstTypes.append(items[first].types)
            default: alwaysTry.append(r)
            }
        }
    }
}

/// Applies the relation rules (Resources/rules/relations.rules) to each sentence: a small backtracking matcher over
/// tokens and mentions. Each match yields a relation with its evidence and the id of the rule that fired.
///
/// Matching works on plain data made once per document: literal ids of each token's key and stem, token flags,
/// which proclitics its prefix holds, and the mentions starting at each token as index ranges.
struct RelationMatcher {
    let lexicons: LexiconSet

    func extract(_ doc: AnalyzedText, article: Article, mentions: [Mention], entities: [ExtractedEntity],
                 relations: inout [ExtractedRelation], negated: inout [ExtractedRelation]) {
        let compiled = lexicons.compiledRules
        let n = doc.tokens.count
        // mentions starting at each token, in mention order: mentionList[mentionFrom[p]..<mentionFrom[p + 1]]; an
        // organisation after a bare head noun also starts at the head (`Mention.headNounStarts`)
        var mentionFrom = [Int](repeating: 0, count: n + 1)
        var mentionTypes = [UInt8](repeating: 0, count: n)     // the types of the mentions starting there
        let headStarts = Mention.headNounStarts(doc, mentions, lexicons: lexicons)
        // (mentions are read in place: a Mention copy retains its strings)
        for i in mentions.indices where mentions[i].entity >= 0 && mentions[i].rule != "nested" && mentions[i].type != .event {
            mentionFrom[mentions[i].tokens.lowerBound + 1] += 1
        }
        for (h, _) in headStarts { mentionFrom[h + 1] += 1 }
        for p in 0..<n { mentionFrom[p + 1] += mentionFrom[p] }
        var mentionList = [Int](repeating: 0, count: mentionFrom[n])
        var filled = mentionFrom
        var mType = [UInt8](repeating: 0, count: mentions.count), mDemonym = [Bool](repeating: false, count: mentions.count)
        var mEnd = [Int](repeating: 0, count: mentions.count)
        for i in mentions.indices {
            mType[i] = CompiledRules.bit(mentions[i].type); mDemonym[i] = mentions[i].isDemonym; mEnd[i] = mentions[i].tokens.upperBound
            guard mentions[i].entity >= 0 && mentions[i].rule != "nested" && mentions[i].type != .event else { continue }
            let p = mentions[i].tokens.lowerBound
            mentionList[filled[p]] = i
            filled[p] += 1
            mentionTypes[p] |= mType[i]
        }
        for (h, i) in headStarts {
            mentionList[filled[h]] = i
            filled[h] += 1
            mentionTypes[h] |= mType[i]
        }
        // token → literal ids of its key and stem (-1 when no rule mentions it), flags, proclitics of its prefix; worked
        // out once per distinct word of the document (`Token.entry`; Arabic words apart, as only they have clitics)
        var keyID = [Int32](repeating: -1, count: n), stemID = keyID
        var flags = [UInt8](repeating: 0, count: n)
        var procliticMask = [UInt8](repeating: 0, count: n)
        var procliticRules = [[Int]](repeating: [], count: n)
        let words = 2 * doc.keys.count
        var wordDone = [Bool](repeating: false, count: words)
        var wordKeyID = [Int32](repeating: -1, count: words), wordStemID = wordKeyID
        var wordFlags = [UInt8](repeating: 0, count: words)
        var wordPrefix = [Int32](repeating: -1, count: words)     // index into prefixInfo, -1 none
        var prefixInfo: [(UInt8, [Int])] = []
        // the document's few distinct prefixes (و ب ل وب...), short strings found by a linear search
        var prefixes: [String] = []
        let tokens = doc.tokens
        for k in 0..<n {
            let e = 2 * Int(tokens[k].entry) + (tokens[k].script == .arabic && tokens[k].kind == .word ? 1 : 0)
            if !wordDone[e] {
                wordDone[e] = true
                let t = tokens[k]
                let key = t.key
                wordKeyID[e] = compiled.ids.value(key, hash: t.keyHash) ?? -1
                let prefix = t.prefix, suffix = t.suffix
                // the stem differs from the key only when clitics were split off
                wordStemID[e] = prefix.isEmpty && suffix.isEmpty ? wordKeyID[e] : (compiled.ids.value(t.stem, hash: t.stemHash) ?? -1)
                if keysEqual(key, ",") { wordFlags[e] |= Self.comma }
                if Self.isStopPunctuation(key) { wordFlags[e] |= Self.stop }
                if !prefix.isEmpty {
                    if let i = prefixes.firstIndex(where: { sameRepresentation($0, prefix) }) { wordPrefix[e] = Int32(i) } else {
                        var mask: UInt8 = 0
                        for (i, p) in CompiledRules.proclitics.enumerated() where plainContains(prefix, p) ?? prefix.contains(p) { mask |= 1 << UInt8(i) }
                        var rules: [Int] = []
                        for c in prefix.unicodeScalars { rules += compiled.byFirstProclitic[c] ?? [] }
                        wordPrefix[e] = Int32(prefixInfo.count)
                        prefixes.append(prefix)
                        prefixInfo.append((mask, rules))
                    }
                }
            }
            keyID[k] = wordKeyID[e]
            stemID[k] = wordStemID[e]
            // (a word's stop mark counts on punctuation tokens only)
            flags[k] = tokens[k].kind == .punctuation ? wordFlags[e] : wordFlags[e] & ~Self.stop
            if wordPrefix[e] >= 0 { (procliticMask[k], procliticRules[k]) = prefixInfo[Int(wordPrefix[e])] }
        }
        let ctx = Context(items: compiled.items, literalIDs: compiled.literalIDs, mentionFrom: mentionFrom, mentionList: mentionList,
                          mType: mType, mDemonym: mDemonym, mEnd: mEnd, keyID: keyID, stemID: stemID, flags: flags,
                          procliticMask: procliticMask)
        var candidates: [Int] = []
        let byFirst = compiled.byFirstLiteral
        for s in doc.sentences {
            for p in s.tokens {
                let byKey = keyID[p] >= 0 && Int(keyID[p]) < byFirst.count
                let byStem = stemID[p] >= 0 && stemID[p] != keyID[p] && Int(stemID[p]) < byFirst.count
                // (most tokens start no rule of their own: they try `alwaysTry` as it is, without the list being
                // emptied and refilled)
                let plain = !byKey && !byStem && mentionTypes[p] == 0 && procliticRules[p].isEmpty
                if !plain {
                    candidates.removeAll(keepingCapacity: true)
                    candidates += compiled.alwaysTry
                    if byKey { candidates += byFirst[Int(keyID[p])] }
                    if byStem { candidates += byFirst[Int(stemID[p])] }
                    // a first slot that takes none of the types of the mentions here cannot match
                    if mentionTypes[p] != 0 {
                        for (i, r) in compiled.slotFirst.enumerated() where compiled.slotFirstTypes[i] & mentionTypes[p] != 0 { candidates.append(r) }
                    }
                    candidates += procliticRules[p]
                    // (`alwaysTry` is in rule order already: only a token that adds rules of its own needs the sort)
                    if candidates.count > compiled.alwaysTry.count { candidates.sort() }
                }
                var last = -1
                for r in plain ? compiled.alwaysTry : candidates where r != last {
                    last = r
                    // (a rule named ar-… is tried on Arabic text only, en-… on the rest)
                    if let script = compiled.rules[r].script, (script == .arabic) != (tokens[p].script == .arabic) { continue }
                    if !compiled.rules[r].notAfter.isEmpty, p > s.tokens.lowerBound,
                       compiled.rules[r].notAfter.contains(where: { compiled.literalIDs[$0] == keyID[p - 1] || compiled.literalIDs[$0] == stemID[p - 1] }) { continue }
                    var binding = Binding()
                    guard let end = match(compiled.rules[r].items.lowerBound, compiled.rules[r].items.upperBound, p, s.tokens.upperBound, ctx, &binding),
                          binding.o >= 0, binding.s >= 0 else { continue }
                    let subj = mentions[binding.s], obj = mentions[binding.o]
                    if subj.entity == obj.entity { continue }
                    let source = compiled.rules[r].source
                    if source.predicate == "locatedIn" && !placeOrderOK(entities[subj.entity], entities[obj.entity], subj, obj) { continue }
                    if source.predicate == "nationality" && !nationalityOK(entities[subj.entity], entities[obj.entity], obj) { continue }
                    // (a nisba joined by و after a name is coordinated with the name's own: القوات السورية والروسية are
                    // Syrian and Russian forces, not Syrian forces of Russian nationality)
                    if source.predicate == "nationality", obj.tokens.lowerBound >= subj.tokens.upperBound,
                       doc.tokens[obj.tokens.lowerBound].prefix.hasPrefix("و") { continue }
                    let lo = min(subj.start, obj.start, doc.tokens[p].stemStart)
                    let hi = max(subj.end, obj.end, doc.tokens[end - 1].end)
                    let ev = Evidence(article: article.id, sentence: s.index, start: lo, end: hi, sentenceStart: s.start,
                                      sentenceText: doc.text(of: s), rule: source.id, confidence: source.confidence)
                    let rel = ExtractedRelation(subject: subj.entity, predicate: source.predicate, object: obj.entity, evidence: ev)
                    if isNegated(doc, from: max(s.tokens.lowerBound, p - 4), to: end) { negated.append(rel) } else { relations.append(rel) }
                }
            }
        }
    }

    static let comma: UInt8 = 1, stop: UInt8 = 2

    struct Context {
        let items: [CompiledRules.Item]
        let literalIDs: [Int32]
        let mentionFrom: [Int]
        let mentionList: [Int]
        let mType: [UInt8]
        let mDemonym: [Bool]
        let mEnd: [Int]
        let keyID: [Int32]
        let stemID: [Int32]
        let flags: [UInt8]
        let procliticMask: [UInt8]

        @inline(__always) func has(_ it: CompiledRules.Item, _ id: Int32) -> Bool {
            guard id >= 0 else { return false }
            var i = Int(it.lo)
            while i < Int(it.hi) { if literalIDs[i] == id { return true }; i += 1 }
            return false
        }
    }

    /// Mentions bound to the subject and object (-1: none yet).
    struct Binding { var s = -1; var o = -1 }

    private func isNegated(_ doc: AnalyzedText, from a: Int, to b: Int) -> Bool {
        for k in a..<b {
            let t = doc.tokens[k]
            if lexicons.negationCues.contains(t.key, hash: t.keyHash) || lexicons.negationCues.contains(t.stem, hash: t.stemHash) { return true }
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

    /// The proclitic mask bits of و and ف.
    static let conjunctions: UInt8 = CompiledRules.proclitics.enumerated().reduce(0) { m, p in p.element == "و" || p.element == "ف" ? m | 1 << UInt8(p.offset) : m }

    /// Whether a key is one of , ; : . ? ! (normalised keys: one ASCII byte, no canonical-equivalence work).
    private static func isStopPunctuation(_ key: String) -> Bool {
        var u = key.utf8.makeIterator()
        guard let b = u.next(), u.next() == nil else { return false }
        return b == 0x2C || b == 0x3B || b == 0x3A || b == 0x2E || b == 0x3F || b == 0x21
    }

    /// Matches items `k..<end` from token `p`; the token after the match, or nil.
    private func match(_ k: Int, _ end: Int, _ p: Int, _ limit: Int, _ c: Context, _ binding: inout Binding) -> Int? {
        if k == end { return p }
        let it = c.items[k]
        switch it.kind {
        case .literal:
            if p < limit {
                // (a word joined by و or ف where the rule has its comma starts another phrase, no apposition: الملك
                // عبدالله، ورئيس الوزراء الإسرائيلي نتنياهو is not Abdullah as Israel's prime minister; nor, right after the
                // name, without the comma: السراج والقائد العام للجيش الليبي is not Sarraj as the army's commander. After
                // words that follow a name, و may join a relative clause: حركة فتح والتي أسسها ياسر عرفات)
                let coordinated = it.afterComma && p > 0 && c.procliticMask[p] & Self.conjunctions != 0
                    && (c.flags[p - 1] & Self.comma != 0 || it.commaAfterSlot)
                if !coordinated && (c.has(it, c.keyID[p]) || c.has(it, c.stemID[p])) {
                    if let r = match(k + 1, end, p + 1, limit, c, &binding) { return r }
                }
                // a proclitic the token's prefix holds: zero-width
                if it.proclitics & c.procliticMask[p] != 0, let r = match(k + 1, end, p, limit, c, &binding) { return r }
            }
            return it.optional ? match(k + 1, end, p, limit, c, &binding) : nil
        case .slot:
            // (nor does a name joined by و or ف right after the rule's comma: the next item of a list, مدافع أرسنال،
            // والجزائري إسلام سليماني مهاجم نيوكاسل is not Slimani of Arsenal)
            if p < limit, !(it.afterComma && p > 0 && c.flags[p - 1] & Self.comma != 0 && c.procliticMask[p] & Self.conjunctions != 0) {
                for j in c.mentionFrom[p]..<c.mentionFrom[p + 1] {
                    let mi = c.mentionList[j]
                    guard c.mType[mi] & it.types != 0 && (!it.demonymOnly || c.mType[mi] != CompiledRules.bit(.place) || c.mDemonym[mi]) else { continue }
                    let saved = binding
                    if it.role == 1 { binding.s = mi } else if it.role == 2 { binding.o = mi }
                    if let r = match(k + 1, end, c.mEnd[mi], limit, c, &binding) { return r }
                    binding = saved
                }
            }
            return it.optional ? match(k + 1, end, p, limit, c, &binding) : nil
        case .comma:
            if p < limit, c.flags[p] & Self.comma != 0 {
                if let r = match(k + 1, end, p + 1, limit, c, &binding) { return r }
            }
            return it.optional ? match(k + 1, end, p, limit, c, &binding) : nil
        case .skip:
            var q = p
            while q <= min(limit, p + Int(it.lo)) {
                if let r = match(k + 1, end, q, limit, c, &binding) { return r }
                if q < limit, c.flags[q] & Self.stop != 0 { break }
                q += 1
            }
            return nil
        case .not:
            if p < limit, c.has(it, c.keyID[p]) || c.has(it, c.stemID[p]) { return nil }
            return match(k + 1, end, p, limit, c, &binding)
        }
    }
}
