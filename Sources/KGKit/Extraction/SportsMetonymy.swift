/// In a sports report a city named on its own usually stands for its club: "Liverpool beat Manchester City",
/// "نقل إبراهيموفيتش إلى برشلونة" is a transfer to FC Barcelona. Where the article reads as a sports report (cue words
/// of rules/sports-context.tsv) and a one-word city mention is the name of a club of the gazetteer without its club
/// word (Liverpool FC, نادي برشلونة → Liverpool, برشلونة), the mention is relinked to the club — unless a locative
/// word or prefix puts it as a place (in Liverpool, في برشلونة, ببرشلونة).
struct SportsMetonymy: Sendable {
    /// Normalised one-word city name → the club's gazetteer id (byte-keyed: looked up for every token).
    private var clubs = KeyMap<String>()
    private var cues = KeySet()
    private var locatives = KeySet()
    /// Nicknames (rules/sports-context.tsv), which may also be money (الريال).
    private var nicknameKeys = KeySet()
    /// Words for a player, and definite words after them that are no club (rules/sports-context.tsv).
    private var playerWords = KeySet()
    /// Words for a team's coach (rules/sports-context.tsv coach-word).
    private var coachWords = KeySet()
    private var notClub = KeySet()
    static let minimumCues = 3

    init(lexicons: LexiconSet) {
        let rows = lexicons.rows("rules/sports-context.tsv")
        var clubWords: Set<String> = []
        var nicknames: [(String, String)] = []
        for row in rows where row.count >= 2 {
            let k = Normalizer.key(row[0])
            switch row[1] {
            case "cue": cues.insert(k)
            case "club-word": clubWords.insert(k)
            case "locative": locatives.insert(k)
            case "player-word": playerWords.insert(k)
            case "coach-word": coachWords.insert(k)
            case "not-club": notClub.insert(k)
            case "nickname" where row.count >= 3: nicknames.append((k, row[2]))
            default: break
            }
        }
        var byName: [String: String] = [:]
        var ambiguous: Set<String> = []
        for e in lexicons.gazetteer.entries where e.type == .organization && e.subtype == "SportsTeam" {
            for name in e.allNames {
                let words = name.split(separator: " ").map { Normalizer.key(String($0)) }
                let rest = words.filter { !clubWords.contains($0) }
                guard rest.count == 1, words.count > 1 else { continue }
                if let other = byName[rest[0]], other != e.id { ambiguous.insert(rest[0]) }
                byName[rest[0]] = e.id
            }
        }
        for (k, id) in byName where !ambiguous.contains(k) { clubs[k] = id }
        for (k, id) in nicknames where lexicons.gazetteer.entry(id: id) != nil {
            clubs[k] = id
            nicknameKeys.insert(k)
        }
    }

    /// Whether the text reads as a sports report: at least `minimumCues` cue words.
    func isSportsReport(_ doc: AnalyzedText) -> Bool {
        var n = 0
        var isCue = WordMemo(doc)
        for t in doc.tokens {
            if isCue[t] == nil { isCue[t] = cues.contains(t.key, hash: t.keyHash) || cues.contains(t.stem, hash: t.stemHash) }
            guard isCue[t]! else { continue }
            n += 1
            if n >= Self.minimumCues { return true }
        }
        return false
    }

    /// Relinks city names and nicknames to their clubs in a sports report (`sportsReport`: `isSportsReport(doc)`,
    /// which the caller also needs for events).
    func apply(_ doc: AnalyzedText, _ mentions: inout [Mention], lexicons: LexiconSet, sportsReport: Bool) {
        guard sportsReport else { return }
        defer { playersClubs(doc, &mentions, lexicons: lexicons) }
        guard !clubs.isEmpty else { return }
        func club(at k: Int) -> LexiconEntry? {
            let t = doc.tokens[k]
            guard let id = clubs[t.stem] ?? clubs[t.key], let e = lexicons.gazetteer.entry(id: id) else { return nil }
            // (a dateline's city is written in capitals: LIVERPOOL, England —)
            if t.script == .latin {
                let surface = doc.text(t.start, t.end)
                if !t.isCapitalized || surface.uppercased() == surface { return nil }
            }
            // (ب is "in": ببرشلونة is the city; ل is "for, to": هدف لإشبيلية, انتقل لروما are the club)
            if t.prefix.hasSuffix("ب") { return nil }
            if k > 0, locatives.contains(doc.tokens[k - 1].key) { return nil }
            // (a nickname next to an amount or a money word, or before a definite nisba, is not the club: مليون ريال and
            // الريال السعودي are money; rules/sports-context.tsv)
            if nicknameKeys.contains(t.stem) || nicknameKeys.contains(t.key) {
                if k > 0, doc.tokens[k - 1].kind == .number || lexicons.moneyWords[doc.tokens[k - 1].stem] != nil { return nil }
                if k + 1 < doc.tokens.count, doc.tokens[k + 1].script == .arabic, doc.tokens[k + 1].hasArticle,
                   EntityRecognizer.isNisbaShaped(doc.tokens[k + 1].key) { return nil }
            }
            return e
        }
        var covered = [Bool](repeating: false, count: doc.tokens.count)
        for i in mentions.indices {
            let m = mentions[i]
            for k in m.tokens { covered[k] = true }
            // (a place, or a one-word name the tagger typed otherwise: جيرونا read as a person; not an organisation
            // already linked: الأهلي cut from الأهلي القطري keeps the Qatari club)
            guard m.type == .place || (m.rule == "tagger" && (m.entryID == nil || m.type != .organization)),
                  !m.isDemonym, m.tokens.count == 1, m.rule != "nested",
                  let e = club(at: m.tokens.lowerBound) else { continue }
            mentions[i].type = .organization
            mentions[i].subtype = e.subtype
            mentions[i].entryID = e.id
            mentions[i].rule = "sports-metonymy"
        }
        // a club name nothing else took (Liverpool is in no place list)
        for s in doc.sentences {
            for k in s.tokens where !covered[k] && doc.tokens[k].kind == .word {
                guard let e = club(at: k) else { continue }
                let t = doc.tokens[k]
                mentions.append(Mention(tokens: k..<k + 1, start: t.stemStart, end: t.end, type: .organization, subtype: e.subtype,
                                        entryID: e.id, surface: doc.text(t.stemStart, t.end), rule: "sports-metonymy",
                                        confidence: 0.6, sentence: s.index))
            }
        }
    }

    /// In a sports report, a player word with a pronoun before a person (وتقدم القادسية عن طريق مهاجمه البرازيلي
    /// جورجينيو) makes the person a member of the team the sentence names first, its subject; a coach word so (مدربه)
    /// makes him its leader.
    func playersOfTeams(_ doc: AnalyzedText, article: Article, mentions: [Mention], relations: inout [ExtractedRelation]) {
        guard !playerWords.isEmpty || !coachWords.isEmpty else { return }
        var startingAt: [Int: Int] = [:]
        for (i, m) in mentions.enumerated() where m.entity >= 0 && m.rule != "nested" && startingAt[m.tokens.lowerBound] == nil {
            startingAt[m.tokens.lowerBound] = i
        }
        var have = Set(relations.map { "\($0.subject)|\($0.predicate)|\($0.object)" })
        for s in doc.sentences {
            for k in s.tokens {
                let t = doc.tokens[k]
                guard t.script == .arabic, !t.suffix.isEmpty, !t.hasArticle else { continue }
                let coach = coachWords.contains(t.stem)
                guard coach || playerWords.contains(t.stem) else { continue }
                // the person right after it, past a nationality (مهاجمه البرازيلي جورجينيو)
                var n = k + 1
                if n < s.tokens.upperBound, let d = startingAt[n], mentions[d].isDemonym { n = mentions[d].tokens.upperBound }
                guard n < s.tokens.upperBound, let p = startingAt[n], mentions[p].type == .person else { continue }
                // the team: the first body the sentence names before the player word, its subject (وواصل السد أفضليته وسط
                // ارتباك لدفاع الأهلي، وتمكن لاعبه خوخي بوعلام: Al Sadd's player), not the last one
                guard let team = mentions.indices.filter({ i in
                    let m = mentions[i]
                    return m.type == .organization && m.entity >= 0 && m.rule != "nested" && m.sentence == s.index && m.tokens.upperBound <= k
                }).min(by: { mentions[$0].tokens.lowerBound < mentions[$1].tokens.lowerBound }) else { continue }
                let predicate = coach ? "leads" : "memberOf"
                let subject = mentions[p].entity, object = mentions[team].entity
                guard subject != object, have.insert("\(subject)|\(predicate)|\(object)").inserted else { continue }
                relations.append(ExtractedRelation(subject: subject, predicate: predicate, object: object, evidence: Evidence(
                    article: article.id, sentence: s.index, start: mentions[team].start, end: mentions[p].end, sentenceStart: s.start,
                    sentenceText: doc.text(of: s), rule: coach ? "team-coach" : "team-player", confidence: 0.65)))
            }
        }
    }

    /// In a sports report, the definite word right after a player word that no mention covers names his club (محمد
    /// عبد الشافي لاعب الفتح, محمود شيكابالا ومحمد عطوة لاعبي الرائد): an unlinked club. Bare club names are often common
    /// words (الفتح, الاتفاق, الشباب), which the gazetteer does not list alone; the player word says what they are here.
    private func playersClubs(_ doc: AnalyzedText, _ mentions: inout [Mention], lexicons: LexiconSet) {
        guard !playerWords.isEmpty else { return }
        var covered = [Bool](repeating: false, count: doc.tokens.count)
        for i in mentions.indices { for k in mentions[i].tokens { covered[k] = true } }
        for s in doc.sentences {
            for k in s.tokens where k + 1 < s.tokens.upperBound && !covered[k + 1] {
                let p = doc.tokens[k], t = doc.tokens[k + 1]
                guard p.script == .arabic, playerWords.contains(p.key) || playerWords.contains(p.body),
                      t.kind == .word, t.script == .arabic, t.hasArticle, t.prefix.isEmpty, t.suffix.isEmpty,
                      t.key.unicodeScalars.count >= 5, !notClub.contains(t.key), !lexicons.functionWords.contains(t.key),
                      // (not the first word of a longer phrase: لاعب الدوري الإنجليزي)
                      k + 2 >= s.tokens.upperBound || doc.tokens[k + 2].kind != .word || !doc.tokens[k + 2].hasArticle
                else { continue }
                mentions.append(Mention(tokens: k + 1..<k + 2, start: t.stemStart, end: t.end, type: .organization, subtype: "SportsTeam",
                                        entryID: nil, surface: doc.text(t.stemStart, t.end), rule: "player-club",
                                        confidence: 0.6, sentence: s.index))
                covered[k + 1] = true
            }
        }
    }
}
