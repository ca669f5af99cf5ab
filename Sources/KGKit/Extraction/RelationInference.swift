/// Relations read from how offices and names are built rather than from one pattern (data in rules/offices.tsv):
/// - a minister leads the ministry of the same portfolio named in the article (وزير الدفاع التركي يشار غولر →
///   وزارة الدفاع التركية; "Interior Minister Nancy Faeser" → "her Interior Ministry"), if the countries agree;
/// - a head of government or minister titled with a nisba (رئيس الوزراء العراقي X, Saudi Energy Minister X) leads or
///   is a member of that country's government when the article names it (الحكومة العراقية, the Saudi government);
/// - an organisation whose name ends in a nisba (القيادة المركزية الأميركية) is a member of that country, when the
///   country is named in the article too;
/// - a head of government leads the one cabinet the article names;
/// - a city lies in the region named after it (Kharkiv in Kharkiv Oblast) when both are named;
/// - a known head of state or government named after a head title (President Donald Trump, الرئيس رجب طيب أردوغان)
///   leads the country the lexicon says they lead (people.tsv `leads`), when the article names it;
/// - a head of state or government who speaks of "his government" / حكومته leads the government it refers to.
struct RelationInference {
    let lexicons: LexiconSet

    /// Office words of rules/offices.tsv (bundled rows plus a user's `--rules offices.tsv`).
    struct Tables: Sendable {
        var minister: Set<String> = []
        var ministry: Set<String> = []
        var headOfGovernment: [[String]] = []
        var governmentMember: Set<String> = []
        var stateBodies: Set<String> = []
        var cabinet: [[String]] = []
        var headOfState: [[String]] = []

        init(rows: [[String]]) {
            for c in rows where c.count >= 2 {
                let words = c[0].split(separator: " ").map { Normalizer.key(String($0)) }
                guard let first = words.first else { continue }
                switch c[1] {
                case "minister": minister.insert(first)
                case "ministry": ministry.insert(first)
                case "head-of-government": headOfGovernment.append(words)
                case "government-member": governmentMember.insert(first)
                case "state-body": stateBodies.insert(c[0])
                case "cabinet": cabinet.append(words)
                case "head-of-state": headOfState.append(words)
                default: break
                }
            }
        }

        static let bundled = Tables(rows: ExtractionTables.rows("rules/offices.tsv"))
    }

    func infer(_ doc: AnalyzedText, article: Article, mentions: [Mention], entities: [ExtractedEntity], relations: inout [ExtractedRelation]) {
        let t = lexicons.offices
        var have = Set<String>()
        for r in relations { have.insert("\(r.subject)|\(r.predicate)|\(r.object)") }
        var added: [ExtractedRelation] = []
        func add(_ s: Int, _ p: String, _ o: Int, sentence: Int, start: Int, end: Int, rule: String, confidence: Double) {
            guard s != o, have.insert("\(s)|\(p)|\(o)").inserted else { return }
            let sen = doc.sentences[sentence]
            added.append(ExtractedRelation(subject: s, predicate: p, object: o, evidence: Evidence(
                article: article.id, sentence: sentence, start: start, end: end, sentenceStart: sen.start,
                sentenceText: doc.text(of: sen), rule: rule, confidence: confidence)))
        }
        func entry(_ e: Int) -> LexiconEntry? { entities[e].entryID.flatMap { lexicons.gazetteer.entry(id: $0) } }
        func isCountry(_ e: Int) -> Bool { entities[e].type == .place && (entry(e)?.subtype ?? entities[e].subtype) == "Country" }
        // the government of each country named in the article
        var government: [String: Int] = [:]
        for e in entities.indices where entities[e].type == .organization {
            guard let en = entry(e), !en.partOf.isEmpty, en.subtype == "GovernmentOrganization",
                  en.nameEn.lowercased().contains("government") else { continue }
            government[en.partOf] = e
        }
        func keys(_ r: Range<Int>) -> [String] { r.map { doc.tokens[$0].key } }
        func contains(_ words: [String], in r: Range<Int>) -> Bool {
            guard !words.isEmpty, r.count >= words.count else { return false }
            var i = r.lowerBound
            while i + words.count <= r.upperBound {
                if (0..<words.count).allSatisfy({ keysEqual(doc.tokens[i + $0].key, words[$0]) || keysEqual(doc.tokens[i + $0].stem, words[$0]) }) { return true }
                i += 1
            }
            return false
        }
        func tokens(of ev: Evidence) -> Range<Int> {
            let s = doc.sentences[ev.sentence]
            var lo = s.tokens.upperBound, hi = s.tokens.lowerBound
            for k in s.tokens where doc.tokens[k].start >= ev.start && doc.tokens[k].end <= ev.end { lo = min(lo, k); hi = max(hi, k + 1) }
            return lo < hi ? lo..<hi : s.tokens.lowerBound..<s.tokens.lowerBound
        }
        // 1. titled with a nisba: the country's government
        for r in relations where (r.predicate == "leads" || r.predicate == "memberOf") && entities[r.subject].type == .person && isCountry(r.object) {
            guard let cid = entities[r.object].entryID, let gov = government[cid] else { continue }
            let span = tokens(of: r.evidence)
            if t.headOfGovernment.contains(where: { contains($0, in: span) }) {
                add(r.subject, "leads", gov, sentence: r.evidence.sentence, start: r.evidence.start, end: r.evidence.end, rule: "government-head", confidence: 0.75)
            } else if span.contains(where: { t.governmentMember.contains(doc.tokens[$0].key) || t.governmentMember.contains(doc.tokens[$0].stem) }) {
                add(r.subject, "memberOf", gov, sentence: r.evidence.sentence, start: r.evidence.start, end: r.evidence.end, rule: "government-member", confidence: 0.7)
            }
        }
        // 2. a minister and the ministry of the same portfolio
        var ministries: [(entity: Int, tokens: Range<Int>)] = []
        for idx in mentions.indices where mentions[idx].type == .organization && mentions[idx].entity >= 0 && mentions[idx].rule != "nested" {
            let m = mentions[idx]
            if m.tokens.contains(where: { t.ministry.contains(doc.tokens[$0].key) || t.ministry.contains(doc.tokens[$0].stem) }) {
                ministries.append((m.entity, m.tokens))
            }
        }
        if !ministries.isEmpty {
            for idx in mentions.indices where mentions[idx].type == .person && mentions[idx].entity >= 0 && mentions[idx].rule != "nested" {
                let m = mentions[idx]
                let s = doc.sentences[m.sentence]
                let lo = max(s.tokens.lowerBound, m.tokens.lowerBound - 6)
                var portfolio: String? = nil
                var titleStart = m.tokens.lowerBound
                for j in stride(from: m.tokens.lowerBound - 1, through: lo, by: -1) {
                    let tok = doc.tokens[j]
                    if tok.kind == .punctuation { break }
                    guard t.minister.contains(tok.key) || t.minister.contains(tok.stem) else { continue }
                    if tok.script == .arabic, j + 1 < m.tokens.lowerBound { portfolio = doc.tokens[j + 1].stem; titleStart = j }
                    else if tok.script != .arabic, j - 1 >= s.tokens.lowerBound, doc.tokens[j - 1].kind == .word { portfolio = doc.tokens[j - 1].key; titleStart = j - 1 }
                    break
                }
                guard let p = portfolio, !t.ministry.contains(p) else { continue }
                // the country of the title's nisba (وزير الدفاع التركي, Iranian Foreign Minister)
                let window = max(s.tokens.lowerBound, titleStart - 2)..<m.tokens.lowerBound
                let nisba = mentions.first { $0.isDemonym && $0.entity >= 0 && window.contains($0.tokens.lowerBound) }
                let country = nisba.flatMap { entities[$0.entity].entryID }
                let candidates = Set(ministries.filter { mi in
                    guard mi.tokens.contains(where: { keysEqual(doc.tokens[$0].key, p) || keysEqual(doc.tokens[$0].stem, p) }) else { return false }
                    if let en = entry(mi.entity), !en.partOf.isEmpty { return country == nil || en.partOf == country }
                    // a ministry kg found by its head noun: its own nisba, if any, must name the title's country
                    // (وزير المالية المصري + وزارة المالية [المصرية])
                    let own = mentions.first { $0.isDemonym && $0.entity >= 0 && mi.tokens.contains($0.tokens.lowerBound) }
                    return country == nil || own == nil || own.flatMap({ entities[$0.entity].entryID }) == country
                }.map(\.entity))
                guard candidates.count == 1, let org = candidates.first else { continue }
                add(m.entity, "leads", org, sentence: m.sentence, start: doc.tokens[titleStart].stemStart, end: m.end, rule: "minister-ministry", confidence: 0.7)
            }
        }
        // 3. a state body whose name ends in a country's nisba (Arabic) or starts with the country (English: U.S. Africa
        //    Command, Somali National Army)
        var countryEntity: [String: Int] = [:]
        for e in entities.indices where isCountry(e) { if let id = entities[e].entryID { countryEntity[id] = e } }
        if !countryEntity.isEmpty {
            for idx in mentions.indices where mentions[idx].type == .organization && mentions[idx].entity >= 0 && mentions[idx].rule != "nested" && mentions[idx].tokens.count >= 2 {
                let m = mentions[idx]
                let last = doc.tokens[m.tokens.upperBound - 1]
                let edge = last.script == .arabic ? last : doc.tokens[m.tokens.lowerBound]
                guard edge.kind == .word else { continue }
                var country: String? = nil
                for k in [edge.key, edge.body, edge.stem] {
                    for n in lexicons.gazetteer.names(startingWith: k) where n.keys.count == 1 && (n.isDemonym || edge.script == .latin) {
                        let en = lexicons.gazetteer.entries[n.entry]
                        if en.subtype == "Country" { country = en.id; break }
                    }
                    if country != nil { break }
                }
                guard let c = country, let ce = countryEntity[c], ce != m.entity else { continue }
                if let en = entry(m.entity), en.partOf == c { continue }   // the gazetteer already places it there
                guard t.stateBodies.contains(entry(m.entity)?.subtype ?? entities[m.entity].subtype) else { continue }
                add(m.entity, "memberOf", ce, sentence: m.sentence, start: m.start, end: m.end, rule: "org-name-nisba", confidence: 0.7)
            }
        }
        // 4. a head of government leads the one cabinet the article names (رئيس الوزراء مصطفى مدبولي + مجلس الوزراء المصري)
        let cabinets = Set(mentions.filter { m in
            m.type == .organization && m.entity >= 0 && m.rule != "nested" && t.cabinet.contains { contains($0, in: m.tokens) }
        }.map(\.entity))
        if cabinets.count == 1, let cabinet = cabinets.first {
            for idx in mentions.indices where mentions[idx].type == .person && mentions[idx].entity >= 0 && mentions[idx].rule != "nested" {
                let m = mentions[idx]
                let lo = max(doc.sentences[m.sentence].tokens.lowerBound, m.tokens.lowerBound - 4)
                guard let title = t.headOfGovernment.first(where: { contains($0, in: lo..<m.tokens.lowerBound) }) else { continue }
                let start = (lo..<m.tokens.lowerBound).first { keysEqual(doc.tokens[$0].key, title[0]) || keysEqual(doc.tokens[$0].stem, title[0]) } ?? m.tokens.lowerBound
                add(m.entity, "leads", cabinet, sentence: m.sentence, start: doc.tokens[start].stemStart, end: m.end, rule: "cabinet-head", confidence: 0.7)
            }
        }
        // 5. a city in the region named after it (Kharkiv → Kharkiv Oblast, Duhok → Duhok Governorate), both known to
        //    the gazetteer in the same country; English names only (ريف دمشق is not the region of دمشق)
        let places = entities.indices.filter { entities[$0].type == .place && entry($0) != nil }
        for r in places where ["AdministrativeArea", "Region"].contains(entry(r)!.subtype) {
            let region = entry(r)!
            let words = Set(region.nameEn.split(separator: " ").map { $0.lowercased() })
            for c in places where entry(c)!.subtype == "City" && entry(c)!.partOf == region.partOf && !region.partOf.isEmpty {
                guard words.contains(entry(c)!.nameEn.lowercased()),
                      let m = mentions.first(where: { $0.entity == r && $0.rule != "nested" }) else { continue }
                add(c, "locatedIn", r, sentence: m.sentence, start: m.start, end: m.end, rule: "region-named-after-city", confidence: 0.7)
            }
        }
        // the start of one of `titles` written right before token `end`, no earlier than `lo`
        func titleStart(_ titles: [[String]], endingAt end: Int, from lo: Int) -> Int? {
            for w in titles where end - w.count >= lo {
                let a = end - w.count
                if (0..<w.count).allSatisfy({ keysEqual(doc.tokens[a + $0].key, w[$0]) || keysEqual(doc.tokens[a + $0].stem, w[$0]) }) { return a }
            }
            return nil
        }
        let heads = t.headOfState + t.headOfGovernment
        // 6. a known leader after a head title: the country or body the lexicon says they lead, if the article names it
        var byEntry: [String: Int] = [:]
        for e in entities.indices { if let id = entities[e].entryID, byEntry[id] == nil { byEntry[id] = e } }
        for idx in mentions.indices where mentions[idx].type == .person && mentions[idx].entity >= 0 && mentions[idx].rule != "nested" {
            let m = mentions[idx]
            guard let id = m.entryID, let en = lexicons.gazetteer.entry(id: id), !en.leads.isEmpty, let led = byEntry[en.leads],
                  !doc.tokens[m.tokens.lowerBound].prefix.hasPrefix("و") else { continue }   // (الرئيس الفرنسي وترامب: the title is Macron's)
            let honorific = m.tokens.lowerBound - 1
            let honorificOK = honorific >= 0 && !mentions.contains { $0.tokens.contains(honorific) } && doc.tokens[honorific].kind == .word
            let lo = max(doc.sentences[m.sentence].tokens.lowerBound, m.tokens.lowerBound - 4)
            // the title ends right before the name or before one honorific word (Supreme Leader Ayatollah Ali Khamenei)
            var title: Int? = nil
            for end in [m.tokens.lowerBound, m.tokens.lowerBound - 1] where end > lo && (end == m.tokens.lowerBound || honorificOK) {
                title = titleStart(heads, endingAt: end, from: lo)
                if title != nil { break }
            }
            guard let a = title else { continue }
            add(m.entity, "leads", led, sentence: m.sentence, start: doc.tokens[a].stemStart, end: m.end, rule: "head-title-lexicon", confidence: 0.7)
        }
        // 7. "President X … said his government", الرئيس X … حكومته: a head title before the person, then a possessive
        //    government in the same sentence that the article resolved to a government
        for d in mentions where d.rule == "definite-description" && d.type == .organization && d.entity >= 0 {
            let first = doc.tokens[d.tokens.lowerBound]
            guard first.key == "his" || first.key == "her" || (first.script == .arabic && !first.suffix.isEmpty) else { continue }
            // the nearest person before it in the sentence, named after a head title
            guard let p = mentions.filter({ $0.type == .person && $0.entity >= 0 && $0.sentence == d.sentence && $0.tokens.upperBound <= d.tokens.lowerBound })
                    .max(by: { $0.tokens.lowerBound < $1.tokens.lowerBound }) else { continue }
            let lo = max(doc.sentences[p.sentence].tokens.lowerBound, p.tokens.lowerBound - 3)
            guard (lo...p.tokens.lowerBound).contains(where: { titleStart(heads, endingAt: $0, from: lo) != nil }) else { continue }
            add(p.entity, "leads", d.entity, sentence: d.sentence, start: p.start, end: d.end, rule: "head-his-government", confidence: 0.65)
        }
        // 8. a head title before a person the lexicon does not know, in an article about one country (named at least
        //    twice, twice as often as any other): the person leads that country (الرئيس الحالي بابلو كوتشينسكي, Peru)
        var countryMentions: [Int: Int] = [:]
        for i in mentions.indices where mentions[i].type == .place && mentions[i].entity >= 0 && isCountry(mentions[i].entity) {
            countryMentions[mentions[i].entity, default: 0] += 1
        }
        let ranked = countryMentions.sorted { ($0.value, -$0.key) > ($1.value, -$1.key) }
        if let top = ranked.first, top.value >= 2, ranked.count == 1 || ranked[1].value * 2 <= top.value {
            // (not a prince's or an emir's title — أمير is also a given name)
            let princely: Set<String> = ["الامير", "امير", "prince", "emir"].reduce(into: []) { $0.insert(Normalizer.key($1)) }
            let rulers = heads.filter { !princely.contains($0[0]) }
            let modifiers: Set<String> = ["الحالي", "السابق", "الاسبق", "الراحل", "current", "former", "late"].reduce(into: []) { $0.insert(Normalizer.key($1)) }
            for idx in mentions.indices where mentions[idx].type == .person && mentions[idx].entity >= 0 && mentions[idx].rule != "nested" && mentions[idx].entryID == nil {
                let m = mentions[idx]
                let lo = max(doc.sentences[m.sentence].tokens.lowerBound, m.tokens.lowerBound - 4)
                var end = m.tokens.lowerBound
                if end - 1 >= lo, modifiers.contains(doc.tokens[end - 1].key) { end -= 1 }
                // (not a title inside another name: مدينة الملك عبد الله is a place)
                guard let a = titleStart(rulers, endingAt: end, from: lo) else { continue }
                if mentions.contains(where: { $0.entity >= 0 && $0.entity != m.entity && $0.tokens.lowerBound <= a && a < $0.tokens.upperBound }) { continue }
                // (مدينة الملك عبد الله، مركز الملك فهد الثقافي: a place or a body named after a king)
                if a > 0, lexicons.placeTriggers.contains(key: doc.tokens[a - 1].stem) || lexicons.organizationHeads.contains(key: doc.tokens[a - 1].stem)
                    || lexicons.placeTriggers.contains(key: doc.tokens[a - 1].key) || lexicons.organizationHeads.contains(key: doc.tokens[a - 1].key)
                    || ["مركز", "center", "centre"].contains(doc.tokens[a - 1].stem) { continue }
                // (not a title with its own country or body: الرئيس الفرنسي X, President of Y — rules read those)
                if a > lo, mentions.contains(where: { $0.tokens.upperBound == a && $0.type == .person }) { continue }
                add(m.entity, "leads", top.key, sentence: m.sentence, start: doc.tokens[a].stemStart, end: m.end, rule: "head-title-article-country", confidence: 0.5)
            }
            // … and a minister's title (no nisba) before a person is a member of that country's government, when the
            // article names it (وزير الدولة لشؤون بريكست ستيف بايكر + الحكومة البريطانية)
            if let cid = entities[top.key].entryID, let gov = government[cid] {
                for idx in mentions.indices where mentions[idx].type == .person && mentions[idx].entity >= 0 && mentions[idx].rule != "nested" {
                    let m = mentions[idx]
                    let lo = max(doc.sentences[m.sentence].tokens.lowerBound, m.tokens.lowerBound - 6)
                    guard let a = (lo..<m.tokens.lowerBound).first(where: { t.governmentMember.contains(doc.tokens[$0].key) || t.governmentMember.contains(doc.tokens[$0].stem) }),
                          !(a..<m.tokens.lowerBound).contains(where: { k in mentions.contains { $0.entity >= 0 && $0.entity != m.entity && $0.tokens.contains(k) && ($0.isDemonym || $0.type != .event) } }),
                          !(a..<m.tokens.lowerBound).contains(where: { doc.tokens[$0].kind == .punctuation }) else { continue }
                    add(m.entity, "memberOf", gov, sentence: m.sentence, start: doc.tokens[a].stemStart, end: m.end, rule: "minister-article-country", confidence: 0.5)
                }
            }
        }
        relations += added
    }
}
