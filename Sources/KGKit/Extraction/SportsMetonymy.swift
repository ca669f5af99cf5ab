/// In a sports report a city named on its own usually stands for its club: "Liverpool beat Manchester City",
/// "نقل إبراهيموفيتش إلى برشلونة" is a transfer to FC Barcelona. Where the article reads as a sports report (cue words
/// of rules/sports-context.tsv) and a one-word city mention is the name of a club of the gazetteer without its club
/// word (Liverpool FC, نادي برشلونة → Liverpool, برشلونة), the mention is relinked to the club — unless a locative
/// word or prefix puts it as a place (in Liverpool, في برشلونة, ببرشلونة).
struct SportsMetonymy: Sendable {
    /// Cue words a report needs before team words, match verbs and على read a club (a player word needs `minimumCues`):
    /// فريق العمل, تغلب القلب على العقل are no clubs in a text that mentions a match in passing.
    static let matchReportCues = 6
    static let minimumCues = 3

    /// The tables below, in one immutable box: an `ArticleExtractor` holds a SportsMetonymy and is copied several times
    /// per article (by the closures of `extract`), and a copy retains one reference instead of the forty-odd arrays
    /// the tables are made of; reads go straight into the box (`_read`).
    private final class Box: Sendable {
        let t: Tables
        init(_ t: Tables) { self.t = t }
    }
    private let box: Box

    init(lexicons: LexiconSet) { box = Box(Tables(lexicons: lexicons)) }

    private var clubs: KeyMap<String> { _read { yield box.t.clubs } }
    private var cues: KeySet { _read { yield box.t.cues } }
    private var weakCues: KeySet { _read { yield box.t.weakCues } }
    private var locatives: KeySet { _read { yield box.t.locatives } }
    private var nicknameKeys: KeySet { _read { yield box.t.nicknameKeys } }
    private var playerWords: KeySet { _read { yield box.t.playerWords } }
    private var coachWords: KeySet { _read { yield box.t.coachWords } }
    /// The head noun that names a country's national team (منتخب), from rules/sports-context.tsv.
    var nationalTeamHead: String? { box.t.nationalTeamHead }
    private var notClub: KeySet { _read { yield box.t.notClub } }
    private var teamWords: KeySet { _read { yield box.t.teamWords } }
    private var matchVerbs: KeySet { _read { yield box.t.matchVerbs } }
    private var versusWords: Set<String> { _read { yield box.t.versusWords } }
    private var clubsByFirstWord: [String: [(id: String, country: String)]] { _read { yield box.t.clubsByFirstWord } }
    private var clubCountry: [String: String] { _read { yield box.t.clubCountry } }

    private struct Tables: Sendable {
        /// Normalised one-word city name → the club's gazetteer id (byte-keyed: looked up for every token).
        var clubs = KeyMap<String>()
        var cues = KeySet()
        /// Cue words with another sense in general news (المهاجم "the attacker", أهداف "targets").
        var weakCues = KeySet()
        var locatives = KeySet()
        /// Nicknames (rules/sports-context.tsv), which may also be money (الريال).
        var nicknameKeys = KeySet()
        /// Words for a player, and definite words after them that are no club (rules/sports-context.tsv).
        var playerWords = KeySet()
        /// Words for a team's coach (rules/sports-context.tsv coach-word).
        var coachWords = KeySet()
        var nationalTeamHead: String? = nil
        var notClub = KeySet()
        /// Words right before a club's bare name (ضيفه, منافسه, فريقا), match verbs whose subject right after them is one
        /// (تعادل, فاز) and the words that introduce the other side after a match word (على, أمام).
        var teamWords = KeySet()
        var matchVerbs = KeySet()
        /// As written (على, not the name علي, which normalises the same).
        var versusWords: Set<String> = []
        /// Known clubs by the first word of an Arabic name, without the article (نصر of النصر السعودي), with their country
        /// (the place whose English demonym starts their description, "Saudi football club"; else that word): several
        /// countries have a club of that name, and a report on one country's football means its own.
        var clubsByFirstWord: [String: [(id: String, country: String)]] = [:]
        /// Each known club's country, as in `clubsByFirstWord`.
        var clubCountry: [String: String] = [:]

        init(lexicons: LexiconSet) {
            let rows = lexicons.rows("rules/sports-context.tsv")
            var clubWords: Set<String> = []
            var nicknames: [(String, String)] = []
            for row in rows where row.count >= 2 {
                let k = Normalizer.key(row[0])
                switch row[1] {
                case "cue": cues.insert(k)
                case "weak-cue": cues.insert(k); weakCues.insert(k)
                case "club-word": clubWords.insert(k)
                case "locative": locatives.insert(k)
                case "player-word": playerWords.insert(k)
                case "coach-word": coachWords.insert(k)
                case "national-team-head": nationalTeamHead = row[0]
                case "not-club": notClub.insert(k)
                case "team-word": teamWords.insert(k)
                case "match-verb": matchVerbs.insert(k)
                case "versus": versusWords.insert(row[0])
                case "nickname" where row.count >= 3: nicknames.append((k, row[2]))
                default: break
                }
            }
            var byName: [String: String] = [:]
            var ambiguous: Set<String> = []
            // (entries tested in place: only the few that pass are copied)
            let entries = lexicons.gazetteer.entries
            let clubEntries = entries.indices.filter { entries[$0].type == .organization && entries[$0].subtype == "SportsTeam" }
            for i in clubEntries {
                let e = entries[i]
                for name in e.allNames {
                    let words = name.split(separator: " ").map { Normalizer.key(String($0)) }
                    let rest = words.filter { !clubWords.contains($0) }
                    guard rest.count == 1, words.count > 1 else { continue }
                    if let other = byName[rest[0]], other != e.id { ambiguous.insert(rest[0]) }
                    byName[rest[0]] = e.id
                }
            }
            for (k, id) in byName where !ambiguous.contains(k) { clubs[k] = id }
            var countryOfDemonym: [String: String] = [:]
            for i in entries.indices where entries[i].type == .place && (entries[i].subtype == "Country" || entries[i].id.hasPrefix("adm1:gb-")) {
                for d in entries[i].demonyms where d.unicodeScalars.first?.isASCII == true && countryOfDemonym[d] == nil { countryOfDemonym[d] = entries[i].id }
            }
            // (descriptions also start with the short forms US and UK: "US football club")
            for (short, demonym) in [("US", "American"), ("UK", "British")] where countryOfDemonym[short] == nil {
                countryOfDemonym[short] = countryOfDemonym[demonym]
            }
            for i in clubEntries {
                let e = entries[i]
                let words = e.description.split(separator: " ", maxSplits: 2)
                guard let first = words.first.map(String.init) else { continue }
                // (a demonym of two words first: South African, South Korean, not "South")
                let country = (words.count > 2 ? countryOfDemonym[words[0] + " " + words[1]] : nil) ?? countryOfDemonym[first] ?? first
                clubCountry[e.id] = country
                for name in e.allNames where name.unicodeScalars.first.map({ !$0.isASCII }) == true {
                    let words = name.split(separator: " ")
                    let first = Normalizer.key(String(words[0]))
                    guard words.count > 1, first.hasPrefix("ال") else { continue }
                    let bare = String(first.dropFirst(2))
                    if !(clubsByFirstWord[bare] ?? []).contains(where: { $0.id == e.id }) { clubsByFirstWord[bare, default: []].append((e.id, country)) }
                }
            }
            for (k, id) in nicknames where lexicons.gazetteer.entry(id: id) != nil {
                clubs[k] = id
                nicknameKeys.insert(k)
            }
        }
    }

    /// Whether the text reads as a sports report: at least `minimumCues` cue words.
    /// (One of them not a weak cue: a report of a knife attack says المهاجم "the attacker" six times, one of strikes on
    /// Syria أهداف "targets" twice and فريق "team" once.)
    func isSportsReport(_ doc: AnalyzedText) -> Bool { cueCount(doc, upTo: Self.minimumCues, strong: 1) >= Self.minimumCues }

    /// Whether the text is about sport throughout: `playReportCues` cue words, three different ones at least (a report
    /// of strikes on Syria has أهداف "targets" twice and فريق "team" once: a sports report by `isSportsReport`, not this).
    func isPlayReport(_ doc: AnalyzedText) -> Bool { cueCount(doc, upTo: Self.playReportCues, distinct: 3) >= Self.playReportCues }
    static let playReportCues = 5

    /// The number of cue words in the text, counted up to `limit` once `distinct` different cue words and `strong` cue
    /// words that are not weak cues are seen (0 if fewer are).
    func cueCount(_ doc: AnalyzedText, upTo limit: Int, distinct: Int = 1, strong: Int = 0) -> Int {
        var n = 0, strongSeen = 0
        var isCue = WordMemo(doc)
        var seen: [String] = []
        for t in doc.tokens {
            if isCue[t] == nil { isCue[t] = cues.contains(t.key, hash: t.keyHash) || cues.contains(t.stem, hash: t.stemHash) }
            guard isCue[t]! else { continue }
            n += 1
            if seen.count < distinct, !seen.contains(String(t.bareStem)) { seen.append(String(t.bareStem)) }
            if strongSeen < strong, !weakCues.contains(t.key, hash: t.keyHash), !weakCues.contains(t.stem, hash: t.stemHash) { strongSeen += 1 }
            if n >= limit && seen.count >= distinct && strongSeen >= strong { return n }
        }
        return seen.count >= distinct && strongSeen >= strong ? n : 0
    }

    /// Relinks city names and nicknames to their clubs in a sports report (`sportsReport`: `isSportsReport(doc)`,
    /// which the caller also needs for events).
    func apply(_ doc: AnalyzedText, _ mentions: inout [Mention], lexicons: LexiconSet, sportsReport: Bool) {
        guard sportsReport else { return }
        nationalTeams(doc, &mentions, lexicons: lexicons)
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
            if t.prefix.endsWithLetters("ب") { return nil }
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
        // a bare club name linked to another country's club of that name is the report's own (الأهلي in a report on the
        // Saudi league is Al-Ahli Saudi, not Al Ahly of Cairo)
        if let country = reportCountry(doc, mentions) {
            let inFull = Self.clubsNamedInFull(mentions)
            for i in mentions.indices where mentions[i].type == .organization && mentions[i].tokens.count == 1
                && !inFull.contains(mentions[i].entryID ?? "") {
                let t = doc.tokens[mentions[i].tokens.lowerBound]
                // (linked by its bare name: not الأهلي cut by the tagger from الأهلي القطري)
                guard let id = mentions[i].entryID, let e = lexicons.gazetteer.entry(id: id), e.subtype == "SportsTeam",
                      clubCountry[id] != country, t.hasArticle, e.allNames.contains(where: { Normalizer.key($0) == t.stem }),
                      let own = ownClub(t, country) else { continue }
                mentions[i].entryID = own
            }
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

    /// The country whose football the report is about, if one has more votes than any other: the known clubs it names in
    /// full (النصر السعودي) and the nisbas right after a competition or team word (الدوري السعودي, المنتخب المغربي).
    private func reportCountry(_ doc: AnalyzedText, _ mentions: [Mention]) -> String? {
        var votes: [String: Int] = [:]
        for m in mentions where m.isDemonym {
            let k = m.tokens.lowerBound
            guard let id = m.entryID, k > 0, cues.contains(doc.tokens[k - 1].stem) || cues.contains(doc.tokens[k - 1].key) else { continue }
            // (not a player's or coach's nationality: مهاجمه البرازيلي, المدرب البرتغالي say nothing of the league)
            let bare = String(doc.tokens[k - 1].bareStem)
            if playerWords.contains(bare) || coachWords.contains(bare) { continue }
            votes[id, default: 0] += 1
        }
        // (a bare name may be another country's club, which is what this decides)
        for id in Self.clubsNamedInFull(mentions) { if let c = clubCountry[id] { votes[c, default: 0] += 1 } }
        let ranked = votes.sorted { ($0.value, $0.key) > ($1.value, $1.key) }
        guard let top = ranked.first else { return nil }
        if ranked.count == 1 || ranked[1].value < top.value { return top.key }
        // a tie goes to the country with more of the report's bare definite words naming one of its clubs (a Saudi
        // report that names Chile's Colo-Colo once, and الهلال, الفتح, التعاون bare)
        let tied = ranked.prefix { $0.value == top.value }.map(\.key)
        var bareWords: [String: Set<String>] = [:]
        for t in doc.tokens where t.script == .arabic && t.hasArticle {
            for c in tied where ownClub(t, c) != nil { bareWords[c, default: []].insert(String(t.bareStem)) }
        }
        let byBare = tied.map { ($0, bareWords[$0]?.count ?? 0) }.sorted { ($0.1, $0.0) > ($1.1, $1.0) }
        guard byBare.count == 1 || byBare[1].1 < byBare[0].1 else { return nil }
        return byBare[0].0
    }

    /// The known bodies an article names in full: by a name of two words or more (النصر السعودي), or by one the tagger
    /// cut before its nisba (الأهلي | المصري).
    static func clubsNamedInFull(_ mentions: [Mention]) -> Set<String> {
        var demonymAt: Set<Int> = []
        for m in mentions where m.isDemonym { demonymAt.insert(m.tokens.lowerBound) }
        var out: Set<String> = []
        for m in mentions where m.type == .organization && (m.tokens.count > 1 || demonymAt.contains(m.tokens.upperBound)) {
            if let id = m.entryID { out.insert(id) }
        }
        return out
    }

    /// The one known club of `country` named by this bare definite word.
    private func ownClub(_ t: Token, _ country: String) -> String? {
        let own = (clubsByFirstWord[String(t.bareStem)] ?? []).filter { $0.country == country }
        return own.count == 1 ? own[0].id : nil
    }

    /// In a sports report a country named right after a coach or player word is its national team (مدرب إنجلترا غاريث
    /// ساوثغيت, مهاجم إنجلترا هاري كين): the mention becomes an unlinked team (rule `national-team`, named like منتخب
    /// إنجلترا by `ArticleExtractor`), and the country stays as a mention nested in it, as in منتخب إنجلترا.
    /// (Not after ل / ب / ك, the player's destination or a comparison: انتقل اللاعب لإنجلترا.)
    private func nationalTeams(_ doc: AnalyzedText, _ mentions: inout [Mention], lexicons: LexiconSet) {
        guard nationalTeamHead != nil, !playerWords.isEmpty || !coachWords.isEmpty else { return }
        var nested: [Mention] = []
        for i in mentions.indices where mentions[i].type == .place && mentions[i].entryID != nil
            // (England, Scotland and Wales are first-level areas of the UK in the gazetteer, with teams of their own)
            && (mentions[i].subtype == "Country" || mentions[i].subtype == "AdministrativeArea")
            && !mentions[i].isDemonym && mentions[i].rule != "nested" {
            let k = mentions[i].tokens.lowerBound
            guard k > doc.sentences[mentions[i].sentence].tokens.lowerBound, doc.tokens[k].prefix.isEmpty else { continue }
            let w = doc.tokens[k - 1]
            guard w.script == .arabic, w.suffix.isEmpty, !w.hasArticle,
                  coachWords.contains(w.stem) || playerWords.contains(w.stem) || playerWords.contains(w.key) else { continue }
            var place = mentions[i]
            place.rule = "nested"
            nested.append(place)
            mentions[i].type = .organization
            mentions[i].subtype = "SportsTeam"
            mentions[i].entryID = nil
            mentions[i].rule = "national-team"
        }
        mentions += nested
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
                // the person right after it, past an adjective and a nationality (مهاجمه البرازيلي جورجينيو, مهاجمه الشاب
                // فراس البريكان)
                var n = k + 1
                if n + 1 < s.tokens.upperBound, startingAt[n] == nil, doc.tokens[n].script == .arabic, doc.tokens[n].kind == .word,
                   doc.tokens[n].hasArticle, doc.tokens[n].prefix.isEmpty, doc.tokens[n].suffix.isEmpty { n += 1 }
                if n < s.tokens.upperBound, let d = startingAt[n], mentions[d].isDemonym { n = mentions[d].tokens.upperBound }
                guard n < s.tokens.upperBound, let p = startingAt[n], mentions[p].type == .person else { continue }
                // the team: the first body the sentence names before the player word, its subject (وواصل السد أفضليته وسط
                // ارتباك لدفاع الأهلي، وتمكن لاعبه خوخي بوعلام: Al Sadd's player), not the last one
                guard let team = mentions.indices.filter({ i in
                    let m = mentions[i]
                    return m.type == .organization && m.entity >= 0 && m.rule != "nested" && m.sentence == s.index && m.tokens.upperBound <= k
                        && m.subtype != "NewsMediaOrganization"   // (the outlet reporting it: وقالت وكالة فرانس برس إن … مدربه)
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

    /// In a sports report, a bare definite word in a team's slot that no mention covers names a club, unlinked: after a
    /// player word (محمد عبد الشافي لاعب الفتح, لاعبي الرائد), after a team word (على ضيفه التعاون, فريقا الباطن), right
    /// after a match verb (تعادل الفيصلي, حقق الرائد فوزاً) or after على / أمام following a match word (فاز على الشباب).
    /// Bare club names are often common words (الفتح, الاتفاق, الشباب), which the gazetteer does not list alone; the slot
    /// says what they are here, and the article's other bare uses of the same word name the same club.
    private func playersClubs(_ doc: AnalyzedText, _ mentions: inout [Mention], lexicons: LexiconSet) {
        guard !playerWords.isEmpty || !teamWords.isEmpty || !matchVerbs.isEmpty else { return }
        var covered = [Bool](repeating: false, count: doc.tokens.count)
        for i in mentions.indices { for k in mentions[i].tokens { covered[k] = true } }
        /// A bare definite word that can be a club's name (not a noun with its adjective: لاعب الدوري الإنجليزي); `to`:
        /// also after ل (هدف الفوز للنصر).
        func bareName(_ n: Int, in s: Sentence, to: Bool = false) -> Bool {
            guard n < s.tokens.upperBound, !covered[n] else { return false }
            let t = doc.tokens[n]
            guard t.kind == .word, t.script == .arabic, t.hasArticle, t.suffix.isEmpty,
                  t.prefix.isEmpty || t.prefix == "و" || (to && (t.prefix == "ل" || t.prefix == "ول")),
                  t.stem.unicodeScalars.count >= 5, !notClub.contains(t.stem), !cues.contains(t.stem),
                  !lexicons.functionWords.contains(t.stem), !lexicons.stopwords.contains(t.stem),
                  // (the article as written: إليسا and أليانزا only normalise to it)
                  !["أ", "إ"].contains(doc.text(t.stemStart, t.stemStart + 1)) else { return false }
            guard n + 1 < s.tokens.upperBound else { return true }
            let next = doc.tokens[n + 1]
            return !(next.kind == .word && next.hasArticle && next.prefix.isEmpty && EntityRecognizer.isNisbaShaped(next.stem))
        }
        let matchReport = cueCount(doc, upTo: Self.matchReportCues) >= Self.matchReportCues
        // a known club the report names in full lends its entry to its bare first word (اتحاد جدة … الاتحاد), unless
        // two clubs of the report share that word
        var clubOfWord: [String: String] = [:], sharedWords: Set<String> = []
        for m in mentions where m.type == .organization {
            guard let id = m.entryID, lexicons.gazetteer.entry(id: id)?.subtype == "SportsTeam" else { continue }
            let first = String(doc.tokens[m.tokens.lowerBound].bareStem)
            if let other = clubOfWord[first], other != id { sharedWords.insert(first) }
            clubOfWord[first] = id
        }
        for w in sharedWords { clubOfWord[w] = nil }
        // (else the known club of that name of the report's country: النصر in a report on the Saudi league)
        let country = reportCountry(doc, mentions)
        func club(_ t: Token) -> String? {
            guard t.hasArticle else { return nil }
            return clubOfWord[String(t.bareStem)] ?? country.flatMap { ownClub(t, $0) }
        }
        // a one-word organisation that no rule linked, named like a known club of the report's country, is that club
        // (النصر and القادسية read by the tagger in a report on the Saudi league)
        if let country {
            for i in mentions.indices where mentions[i].type == .organization && mentions[i].entryID == nil && mentions[i].tokens.count == 1 {
                let t = doc.tokens[mentions[i].tokens.lowerBound]
                guard t.script == .arabic, t.hasArticle, let own = ownClub(t, country) else { continue }
                mentions[i].entryID = own
                mentions[i].subtype = "SportsTeam"
            }
        }
        var clubKeys: [String] = []
        for s in doc.sentences {
            var sinceMatch = 100
            for k in s.tokens {
                let t = doc.tokens[k]
                let match = matchReport && t.script == .arabic && !t.hasArticle && t.suffix.isEmpty && matchVerbs.contains(t.stem)
                sinceMatch = match ? 0 : min(sinceMatch + 1, 100)
                guard t.script == .arabic, k + 1 < s.tokens.upperBound else { continue }
                // (a team word as written, without a pronoun: فريقه الجديد; not a count: 16 فريقا)
                let team = matchReport && teamWords.contains(t.body) && !(k > s.tokens.lowerBound && doc.tokens[k - 1].kind == .number)
                let slot = playerWords.contains(t.key) || playerWords.contains(t.body) || coachWords.contains(t.key) || team || match
                    || (sinceMatch <= 3 && versusWords.contains(doc.text(t.stemStart, t.end)))
                guard slot, bareName(k + 1, in: s), doc.tokens[k + 1].prefix.isEmpty else { continue }
                // and the clubs coordinated with it (فريقا الرائد والاتفاق, على فريقي الاتحاد والتعاون)
                var n = k + 1
                repeat {
                    let c = doc.tokens[n]
                    mentions.append(Mention(tokens: n..<n + 1, start: c.stemStart, end: c.end, type: .organization, subtype: "SportsTeam",
                                            entryID: club(c), surface: doc.text(c.stemStart, c.end), rule: "player-club",
                                            confidence: 0.6, sentence: s.index))
                    covered[n] = true
                    clubKeys.append(c.stem)
                    n += 1
                } while bareName(n, in: s) && doc.tokens[n].prefix == "و"
            }
        }
        guard !clubKeys.isEmpty else { return }
        // the same bare word elsewhere in the article (not after a locative: في الشباب is rarely "at Al Shabab")
        let keys = KeySet(clubKeys)
        for s in doc.sentences {
            for k in s.tokens where keys.contains(doc.tokens[k].stem) && bareName(k, in: s, to: true) {
                if k > s.tokens.lowerBound, locatives.contains(doc.tokens[k - 1].key) { continue }
                let n = doc.tokens[k]
                mentions.append(Mention(tokens: k..<k + 1, start: n.stemStart, end: n.end, type: .organization, subtype: "SportsTeam",
                                        entryID: club(n), surface: doc.text(n.stemStart, n.end), rule: "player-club",
                                        confidence: 0.55, sentence: s.index))
                covered[k] = true
            }
        }
    }
}
