/// Finds entity mentions in an analysed document: gazetteer names, then context rules (titles before person
/// names, organisation head nouns, place triggers), English capitalised names, name lists, and the statistical
/// tagger for what the rules leave. Later passes never overwrite earlier, more specific ones.
public struct EntityRecognizer: Sendable {
    public let lexicons: LexiconSet

    public init(lexicons: LexiconSet) { self.lexicons = lexicons }

    private static let comma: Set<String> = [","]
    /// Corpus count from which a one-word gazetteer name is also a common word (`Vocabulary.count`).
    static let commonWordCount = 500
    /// How often a word may occur in news text to be read as a name from the list it stands in (step 9c).
    static let rareListWordCount = 100
    /// Pronoun endings (normalised) a list item may not carry on a known word.
    static let pronounEndings = ["هما", "هم", "ها", "نا", "كم", "ه"]
    /// Pronoun endings that hardly ever end a one-word name as the segmenter splits it (not نا, ه, ي: جيرونا, عبده).
    static let nameFreePronounEndings: Set<String> = ["هما", "هم", "هن", "كم", "كما", "كن", "ها"]
    /// Punctuation that closes a list (not a quote mark: كيم وأقام "علاقة جيدة").
    static let listClosers: Set<String> = [",", "،", ".", ";", "؛", ":", ")", "!", "?", "؟"]
    /// Arabic name words that always take another name word after them (أبو علي, بن علي, عبد الله).
    static let kunyaWords: Set<String> = ["ابو", "ابي", "ابا", "بن", "ابن", "بنت", "عبد", "ال"]

    /// A normalised Arabic word ending like a nisba adjective (-ي, -ية normalised to -يه): الدولي, العقربي, المصرية.
    static func isNisbaShaped(_ key: String) -> Bool { key.hasSuffix("ي") || key.hasSuffix("يه") }
    /// A sound plural's ending (مسلحون, معارضين, منظمات): a noun, not a given name.
    static func isPluralShaped(_ key: String) -> Bool { key.count > 4 && (key.hasSuffix("ون") || key.hasSuffix("ين") || key.hasSuffix("ات")) }

    /// A frequent Arabic word that news writes like a name, not like a common word: almost never with the article, and
    /// often after ب or ل (تويتر, رويترز, يوفنتوس; not البيت, أفاد or نصر); or, with the article, almost never without
    /// it (الحوثيون, الكونغرس, السيسي; not البيت, الحياة or الاتحاد). A known body or person so written needs no tagger
    /// reading to be named, though the tagger never saw it.
    func usedLikeAName(_ stem: String) -> Bool {
        let v = lexicons.vocabulary
        let c = v.count(stem)
        guard c > 0 else { return false }
        if stem.hasPrefix("ال") {
            let bare = String(stem.unicodeScalars.dropFirst(2))
            return bare.unicodeScalars.count >= 3 && v.count(bare) * 25 < c
        }
        return v.count("ال" + stem) * 50 < c && (v.count("ب" + stem) + v.count("ل" + stem)) * 100 >= c
    }

    /// An Arabic word written without the article whose definite form is at least as common in news (جافة: الجافة,
    /// تجاري: التجاري) is a common noun or adjective; names of places and people rarely take the article (غزة, حلب).
    func definiteFormIsCommon(_ t: Token) -> Bool {
        guard t.script == .arabic, !t.hasArticle else { return false }
        let definite = lexicons.vocabulary.count("ال" + t.stem)
        return definite >= 20 && definite >= lexicons.vocabulary.count(t.stem)
    }
    private static let nameConnectorsEn: Set<String> = ["al-", "bin", "ibn", "de", "van", "von", "da", "del", "la", "abu", "el", "al", "of"]
    private static let constructPlaceWords: Set<String> = ["دير", "راس", "عين", "تل", "ابو", "بني", "بيت", "كفر", "جسر", "ام", "بئر", "جبل", "مرج", "سيدي", "خان", "قصر", "حمام", "مدينه"]

    /// All mentions of the document, sorted by position; nested place names inside longer names included.
    /// The tagger reads the Arabic sentences as one document (`SequenceTagger.tag(document:)`): a word read as a name
    /// in some sentences is a name in the others too.
    public func recognize(_ doc: AnalyzedText) -> [Mention] { read(doc).mentions }

    /// The mentions of `doc` and the tagger's BIO labels of each Arabic sentence (by sentence index), as
    /// `recognize(_:)` found them; `kg analyze --names` prints both.
    public func read(_ doc: AnalyzedText) -> (mentions: [Mention], tagger: [Int: [String]]) {
        var all: [Mention] = []
        let pool = lexicons.taggerWords
        let words = pool.take()
        defer { pool.put(words) }
        let memo = TaggerWordMemo(doc, known: words)
        var readings: [Int: [String]] = [:]
        // the gazetteer matches of each sentence (by position), found once for the tagger's features and the rules
        var gazetteer = [[GazMatch?]?](repeating: nil, count: doc.sentences.count)
        if let tagger = lexicons.tagger {
            let arabic = doc.sentences.indices.filter { doc.sentences[$0].script == .arabic }
            if tagger.wordCaches != nil { memo.prefetch(doc, arabic, self) }
            let tokens = arabic.map { p in
                let g = gazetteerMatches(doc, doc.sentences[p].tokens)
                gazetteer[p] = g
                return taggerTokens(doc, doc.sentences[p].tokens, gazetteer: g, memo: memo)
            }
            for (p, labels) in zip(arabic, tagger.tag(document: tokens)) { readings[doc.sentences[p].index] = labels }
        }
        for (p, s) in doc.sentences.enumerated() {
            all += recognize(doc, sentence: s, memo: memo, tagged: readings[s.index], gazetteer: gazetteer[p])
        }
        return (placesByCountryNamed(Self.surnamesOverBodies(all, doc, readings), doc), readings)
    }

    /// A one-word place name that the gazetteer gives to a country and to a city of another country (عمان: Oman, and
    /// Amman in Jordan) is the city where the article names the city's country or its known leader, or calls it a
    /// capital or city right before it, and gives no other sign of the country (سلطنة عمان, العماني): العاصمة الأردنية عمان is Amman.
    func placesByCountryNamed(_ all: [Mention], _ doc: AnalyzedText) -> [Mention] {
        let gaz = lexicons.gazetteer
        var out = all
        for i in all.indices where all[i].type == .place && all[i].rule == "gazetteer" && !all[i].isDemonym && all[i].tokens.count == 1
            && all[i].subtype == "Country" {
            let t = doc.tokens[all[i].tokens.lowerBound]
            guard t.script == .arabic, let current = all[i].entryID else { continue }
            let cities = gaz.names(startingWith: t.key, hash: t.keyHash).compactMap { n -> LexiconEntry? in
                let e = gaz.entries[n.entry]
                return n.keys.count == 1 && !n.isDemonym && e.type == .place && e.subtype == "City" && !e.partOf.isEmpty && e.partOf != current ? e : nil
            }
            guard cities.count == 1, let city = cities.first else { continue }
            // (signs of the country: a mention of it written otherwise, or its nisba)
            let countrySign = all.contains { $0.entryID == current && doc.tokens[$0.tokens.lowerBound].key != t.key }
            if countrySign { continue }
            let k = all[i].tokens.lowerBound
            let classWord = k > 0 && doc.tokens[k - 1].script == .arabic && Self.cityClassWords.contains(doc.tokens[k - 1].key)
            // (or its known leader: الملك عبدالله الثاني leads Jordan)
            let cityCountryNamed = all.contains { m in
                m.entryID == city.partOf || (m.type == .person && m.entryID.flatMap { gaz.entry(id: $0)?.leads } == city.partOf)
            }
            guard classWord || cityCountryNamed else { continue }
            out[i].entryID = city.id
            out[i].subtype = city.subtype
        }
        return out
    }
    /// Words that call the place after them a city (العاصمة عمان, مدينة عمان); a nisba between is read as a mention.
    private static let cityClassWords: Set<String> = ["العاصمه", "عاصمه", "مدينه", "بالعاصمه", "والعاصمه"]

    /// A one-word known body that the tagger reads as a person stays the body (`recognize(_:sentence:)`), except where
    /// that word ends a longer person name of the same document: فاغنر after ساندرو فاغنر is the footballer, not the
    /// Wagner group.
    static func surnamesOverBodies(_ all: [Mention], _ doc: AnalyzedText, _ readings: [Int: [String]]) -> [Mention] {
        let toks = doc.tokens
        var surnames = Set<String>()
        for i in all.indices where all[i].type == .person && all[i].tokens.count > 1 { surnames.insert(toks[all[i].tokens.upperBound - 1].key) }
        guard !surnames.isEmpty else { return all }
        var out = all
        for i in all.indices where all[i].type == .organization && all[i].rule == "gazetteer" && all[i].tokens.count == 1
            && surnames.contains(toks[all[i].tokens.lowerBound].key) {
            let m = all[i]
            guard let labels = readings[m.sentence],
                  let lo = doc.sentences.first(where: { $0.index == m.sentence })?.tokens.lowerBound,
                  labels[m.tokens.lowerBound - lo] == "B-PER" else { continue }
            out[i].type = .person
            out[i].entryID = nil
            out[i].subtype = ""
            out[i].rule = "tagger"
            out[i].confidence = 0.55
        }
        return out
    }

    // MARK: - per sentence

    struct GazMatch {
        var end: Int; var entry: Int; var isDemonym: Bool
        /// Matched on the whole first word, clitic letters included (وانغ يي is Wang Yi, not و + انغ).
        var wholeWord = false
        /// Matched after a first letter the segmenter left on the word (بكيم جونغ أون: ب + كيم جونغ أون): the mention
        /// starts one letter in.
        var afterLetter = false
    }

    func recognize(_ doc: AnalyzedText, sentence s: Sentence, memo: TaggerWordMemo? = nil, tagged documentReading: [String]? = nil,
                   gazetteer known: [GazMatch?]? = nil) -> [Mention] {
        let toks = doc.tokens
        let lo = s.tokens.lowerBound, hi = s.tokens.upperBound
        let gaz = known ?? gazetteerMatches(doc, lo..<hi)
        // the tagger's reading of the sentence: heuristic rules (head-noun chains, name lists) must agree with it
        let tagged: [String]? = documentReading
            ?? ((lexicons.tagger != nil && s.script == .arabic) ? lexicons.tagger!.tag(taggerTokens(doc, lo..<hi, gazetteer: gaz, memo: memo)) : nil)
        func taggerSays(_ k: Int, _ type: String) -> Bool { tagged.map { $0[k - lo].hasSuffix(type) } ?? true }
        var i = lo
        var claimed = [Bool](repeating: false, count: hi - lo)
        var out: [Mention] = []
        func isFree(_ a: Int, _ b: Int) -> Bool {
            for k in a..<b where claimed[k - lo] { return false }
            return true
        }
        func claim(_ a: Int, _ b: Int) { for k in a..<b { claimed[k - lo] = true } }
        func gazAt(_ k: Int) -> GazMatch? { k >= lo && k < hi ? gaz[k - lo] : nil }
        func entry(_ g: GazMatch) -> LexiconEntry { lexicons.gazetteer.entries[g.entry] }
        func make(_ a: Int, _ b: Int, _ type: EntityType, _ subtype: String, _ rule: String, _ conf: Double, entry: String? = nil) -> Mention {
            let start = toks[a].stemStart
            return Mention(tokens: a..<b, start: start, end: toks[b - 1].end, type: type, subtype: subtype, entryID: entry,
                           surface: doc.text(start, toks[b - 1].end), rule: rule, confidence: conf, sentence: s.index)
        }
        // a head that is also an adjective (البحرية) qualifies a definite word before it: التجارة البحرية
        func qualifiesWordBefore(_ head: LexiconSet.OrganizationHead, _ i: Int) -> Bool {
            head.adjective && i > lo && toks[i - 1].script == .arabic && toks[i - 1].hasArticle
        }
        func gazMention(_ k: Int, _ g: GazMatch) -> Mention {
            let e = entry(g)
            var m = make(k, g.end, e.type, e.subtype, g.isDemonym ? "demonym" : "gazetteer", g.isDemonym ? 0.8 : 0.95, entry: e.id)
            m.isDemonym = g.isDemonym
            if g.wholeWord { m.respan(m.tokens, start: toks[k].start, in: doc) }
            if g.afterLetter { m.respan(m.tokens, start: toks[k].start + 1, in: doc) }
            return m
        }

        // 1. person titles: the name after a title (Arabic apposition, English title + capitalised name)
        i = lo
        while i < hi {
            guard let (role, tEnd) = lexicons.titles.match(toks, at: i, limit: hi).map({ ($0.value, $0.end) }) else { i += 1; continue }
            if let (a, b, viaComma) = personAfterTitle(doc, from: tEnd, limit: hi, gazAt: gazAt, spokesperson: role == "spokesperson"),
               // (a title with ك is "as a coach": what follows its comma is no apposition: أنا كمدرب، بشكل علني، أحاول)
               !(viaComma && toks[i].script == .arabic && toks[i].prefix.endsWithLetters("ك")) {
                // President Volodymyr + Zelenskiy (a gazetteer surname right after the given name): one linked mention
                // (not a second person joined by و or named with a title: الرئيس حسني مبارك والملك حمد)
                // (not after a known person's whole name: ترامب برانسون is Trump, then Brunson)
                if let g = gazAt(b), entry(g).type == .person, b > a, isFree(a, g.end), toks[b].prefix.isEmpty,
                   lexicons.titles.match(toks, at: b, limit: hi) == nil,
                   gazAt(a).map({ entry($0).type == .person && $0.end == b }) != true {
                    var m = make(a, g.end, .person, entry(g).subtype, "title+gazetteer", 0.9, entry: entry(g).id)
                    m.role = role
                    out.append(m); claim(a, g.end); i = g.end; continue
                }
                if let g = gazAt(a), entry(g).type == .person {
                    var m = gazMention(a, g); m.role = role
                    if isFree(a, g.end) { out.append(m); claim(a, g.end) }
                    i = g.end; continue
                }
                if isFree(a, b) {
                    var m = make(a, b, .person, "", viaComma ? "title-apposition" : "title", viaComma ? 0.85 : 0.8)
                    // after an apposition comma a name does not take ب/ل/ك: باسم العوضي is the name Basem, not ب + اسم
                    if viaComma, !toks[a].prefix.isEmpty, !toks[a].prefix.startsWithLetters("و"), !toks[a].prefix.startsWithLetters("ف") {
                        m.respan(m.tokens, start: toks[a].start, in: doc)
                    }
                    m.role = role
                    out.append(m); claim(a, b)
                    i = b; continue
                }
            }
            i = tEnd
        }
        // 1b. a name between a verb of saying and the title after it (وقال مهاد ضور النائب عن ..., وقال هانس كلوغه مدير
        // ...): how Arabic news introduces an official it names before saying who they are
        if s.script == .arabic {
            func nameLike(_ k: Int) -> Bool {
                let t = toks[k]
                guard t.script == .arabic, t.kind == .word, t.prefix.isEmpty, !t.hasArticle, t.suffix.isEmpty, !claimed[k - lo],
                      !lexicons.functionWords.contains(t.key), !lexicons.stopwords.contains(t.stem), !lexicons.titles.contains(key: t.stem),
                      gazAt(k) == nil else { return false }     // (known names are the gazetteer pass's, linked)
                return lexicons.vocabulary.count(t.stem) < Self.commonWordCount || isPersonWord(t, first: false)
            }
            let statements = lexicons.cues.statements
            i = lo
            while i + 3 < hi {
                guard toks[i].script == .arabic, statements.canStart(toks[i], stems: false),
                      let cue = statements.match(toks, at: i, limit: hi, stems: false), cue.value.kind == .said else { i += 1; continue }
                var j = cue.end
                while j < min(hi, cue.end + 3), nameLike(j) { j += 1 }
                if j - cue.end >= 2, j < hi, toks[j].hasArticle || toks[j].prefix.isEmpty, let t = lexicons.titles.match(toks, at: j, limit: hi),
                   t.end < hi, toks[t.end].kind == .word {
                    var m = make(cue.end, j, .person, "", "name-before-title", 0.7)
                    m.role = t.value
                    out.append(m); claim(cue.end, j)
                }
                i = max(i + 1, j)
            }
        }

        // 2. organisation head nouns (Arabic construct chains; English capitalised names with a head noun)
        i = lo
        let leaderBodies = lexicons.leaderBodies
        while i < hi {
            if claimed[i - lo] { i += 1; continue }
            // a known leader's body named with his name (إدارة ترامب, حكومة نتنياهو; rules/leader-bodies.tsv)
            if i + 1 < hi, let body = leaderBodies.value(toks[i].stem, hash: toks[i].stemHash),
               toks[i].script == .arabic, toks[i].suffix.isEmpty, !toks[i].hasArticle, toks[i + 1].prefix.isEmpty {
                if let g = gazAt(i + 1), entry(g).type == .person, !entry(g).leads.isEmpty, isFree(i, g.end) {
                    out.append(make(i, g.end, .organization, body.subtype, "leader-body", 0.75))
                    var m = gazMention(i + 1, g); m.rule = "nested"; out.append(m)
                    claim(i, g.end); i = g.end; continue
                }
                // or with his title between (إدارة الرئيس الأمريكي دونالد ترامب): the title's mention of him stays, with
                // its role, inside the body's
                if let title = lexicons.titles.match(toks, at: i + 1, limit: hi) {
                    var j = title.end
                    while let g = gazAt(j), g.isDemonym, toks[j].prefix.isEmpty { j = g.end }
                    if let g = gazAt(j), entry(g).type == .person, !entry(g).leads.isEmpty, toks[j].prefix.isEmpty,
                       isFree(i, j), out.contains(where: { $0.type == .person && $0.tokens == j..<g.end }) {
                        // (the nisba in the title stays free: الأمريكي still names the country he is president of)
                        out.append(make(i, g.end, .organization, body.subtype, "leader-body", 0.75))
                        claim(i, title.end); i = title.end; continue
                    }
                }
            }
            if let g = gazAt(i), entry(g).type != .place || (!g.isDemonym && toks[i].script == .arabic) {
                i = g.end; continue
            }
            if let (b, subtype, inner, standalone) = orgChain(doc, at: i, limit: hi, gazAt: gazAt), isFree(i, b),
               standalone || taggerSays(i, "ORG") || inner.contains(where: { !$0.1.isDemonym }) {
                out.append(make(i, b, .organization, subtype, "org-head", 0.75))
                for (k, g) in inner where entry(g).type == .place {
                    var m = gazMention(k, g); m.rule = g.isDemonym ? "demonym-in-name" : "nested"; out.append(m)
                }
                claim(i, b); i = b; continue
            }
            // a head noun before a quoted name of up to 6 words: the name in the quotes (حركة "الدرب المضيء", تنظيم "داعش",
            // موقع "سبورت 360" with the heads of rules/quoted-name-heads.tsv)
            // (the head takes no pronoun: قواتها "لا تستهدف المدنيين" is a quotation; the quote starts like a name)
            // (a quote mark within the three words after it first: the heads are matched only then)
            if toks[i].script == .arabic, !toks[i].hasArticle, toks[i].suffix.isEmpty,
               (i + 1..<min(hi, i + 4)).contains(where: { toks[$0].kind == .punctuation && StatementExtractor.quoteMarks.contains(toks[$0].key) }),
               let (head, quotedOnly) = lexicons.organizationHeads.match(toks, at: i, limit: hi).map({ ($0, false) })
                   ?? lexicons.quotedNameHeads.match(toks, at: i, limit: hi).map({ ($0, true) }),
               head.end + 2 < hi, StatementExtractor.quoteMarks.contains(toks[head.end].key),
               // (after a word that is also a common noun, a frequent word in the quotes is no name: موقع "الهجوم الكيمياوي"
               // is the site of the attack)
               !quotedOnly || lexicons.vocabulary.count(toks[head.end + 1].stem) < Self.commonWordCount || usedLikeAName(toks[head.end + 1].stem),
               let close = (head.end + 2..<min(hi, head.end + 8)).first(where: { StatementExtractor.quoteMarks.contains(toks[$0].key) }),
               (head.end + 1..<close).allSatisfy({ toks[$0].kind == .word || (toks[$0].kind == .number && $0 > head.end + 1) }),
               isFree(head.end + 1, close),
               !lexicons.functionWords.contains(toks[head.end + 1].key), !lexicons.stopwords.contains(toks[head.end + 1].stem) {
                // (a known body in the quotes is that body; a known place or person names a new one: حزب "كولورادو"
                // is Paraguay's Colorado Party, not the state. A club's city stays the city: sports reports name clubs
                // by their city, and SportsMetonymy links نادي "ليفربول" to the club)
                if let g = gazAt(head.end + 1), g.end == close,
                   g.isDemonym || entry(g).type == .organization || (entry(g).type == .place && head.value.subtype == "SportsTeam") {
                    out.append(gazMention(head.end + 1, g))
                } else if let e = knownName(toks, i..<head.end, head.end + 1..<close, type: .organization) {
                    // the gazetteer knows head and name together (قناة "العربية" is قناة العربية, Al Arabiya)
                    out.append(make(head.end + 1, close, .organization, e.subtype, "org-head-quoted", 0.9, entry: e.id))
                } else {
                    // (a name in quotes is written whole: شركة "فالف" is Valve, not ف + الف; a clitic stands outside them)
                    var m = make(head.end + 1, close, .organization, head.value.subtype, "org-head-quoted", 0.75)
                    m.respan(m.tokens, start: toks[head.end + 1].start, in: doc)
                    out.append(m)
                }
                claim(head.end + 1, close); i = close + 1; continue
            }
            // a definite head noun, its nisba (or facility-adjectives.tsv) adjectives and a complement with ل: the pattern
            // of Arabic agency names
            // (الجهاز المركزي للتعبئة العامة والإحصاء, الهيئة الاتحادية للتنافسية والإحصاء, المؤسسة الوطنية للنفط)
            if let b = definiteAgencyEnd(i), isFree(i, b),
               let head = lexicons.organizationHeads.value(key: String(toks[i].bareStem)), !qualifiesWordBefore(head, i) {
                out.append(make(i, b, .organization, head.subtype, "org-head-agency", 0.7))
                claim(i, b); i = b; continue
            }
            // a definite head noun and a nisba: that state's body (البورصة المصرية, الشرطة الأفغانية, القوات الأمريكية),
            // also past up to two definite adjectives of the body (المحكمة الدستورية التركية, القوات الجوية الأمريكية)
            if toks[i].script == .arabic, toks[i].hasArticle, toks[i].suffix.isEmpty, i + 1 < hi {
                var n = i + 1
                while n < min(hi, i + 3), gazAt(n) == nil, !claimed[n - lo], toks[n].script == .arabic, toks[n].kind == .word,
                      toks[n].hasArticle, toks[n].prefix.isEmpty, toks[n].suffix.isEmpty,
                      Self.isNisbaShaped(toks[n].key) || lexicons.facilityAdjectives.contains(toks[n].key) { n += 1 }
                // (past adjectives, only heads that name a body alone: محكمة, مجلس, حكومة; not البرنامج النووي الإيراني)
                if n < hi, let g = gazAt(n), g.isDemonym, isFree(i, g.end),
                   let head = lexicons.organizationHeads.value(key: String(toks[i].bareStem)), !qualifiesWordBefore(head, i),
                   n == i + 1 || head.standalone || head.ofPlace {
                    out.append(make(i, g.end, .organization, head.subtype, "org-head-nisba", 0.7))
                    var m = gazMention(n, g); m.rule = "demonym-in-name"; out.append(m)
                    claim(i, g.end); i = g.end; continue
                }
            }
            i += 1
        }

        func definiteAgencyEnd(_ i: Int) -> Int? {
            func definite(_ k: Int) -> Bool {
                k < hi && toks[k].script == .arabic && toks[k].kind == .word && toks[k].hasArticle && toks[k].suffix.isEmpty
                    && gazAt(k) == nil && !lexicons.stopwords.contains(toks[k].stem)
            }
            guard definite(i), toks[i].prefix.isEmpty || toks[i].prefix.endsWithLetters("و") || toks[i].prefix.endsWithLetters("ب") else { return nil }
            func nameAdjective(_ k: Int) -> Bool {
                definite(k) && toks[k].prefix.isEmpty
                    && (Self.isNisbaShaped(toks[k].key) || lexicons.facilityAdjectives.contains(toks[k].key))
            }
            var k = i + 1
            while k < i + 3, nameAdjective(k) { k += 1 }
            guard k > i + 1, k < hi, toks[k].prefix.endsWithLetters("ل"), definite(k) else { return nil }
            k += 1
            while k < hi, k < i + 7, definite(k), toks[k].prefix.isEmpty || toks[k].prefix == "و" { k += 1 }
            return k
        }
        // a facility's name runs on over a person's name and the adjectives of facility-adjectives.tsv (ملعب حمادي
        // العقربي, مطار رفيق الحريري, استاد القاهرة الدولي; not معبر أدري الحدودي), up to three words after the trigger's
        // name, stopping at known names
        func facilityNameEnd(_ end: Int, start: Int) -> Int {
            var e = end
            var personName = isPersonWord(toks[end - 1], first: true)
            while e < hi, e - start < 4, !claimed[e - lo], gazAt(e) == nil, toks[e].script == .arabic, toks[e].kind == .word, toks[e].prefix.isEmpty {
                let t = toks[e]
                // after a given name, or where the tagger reads a name, a definite nisba is a family name (حمادي العقربي)
                // (so is a definite nisba rare in news right after the name: ملعب حمادي العقربي, not معبر رفح البري)
                let familyName = (personName || tagged.map { $0[e - lo] != "O" } == true || e == end && lexicons.vocabulary.count(t.stem) < 50)
                    && t.hasArticle && Self.isNisbaShaped(t.key)
                guard lexicons.facilityAdjectives.contains(t.key) || familyName || isPersonWord(t, first: false) else { break }
                personName = isPersonWord(t, first: false)
                e += 1
            }
            return e
        }
        // 3. place triggers: حي الزهور, سجن الصناعة, مدينة الحسكة, the city of X, X province
        // (not inside a known organisation's or person's name: إقليم in حكومة إقليم كردستان)
        var insideKnownName = [Bool](repeating: false, count: hi - lo)
        for p in lo..<hi {
            guard let g = gaz[p - lo], !g.isDemonym, entry(g).type != .place, g.end > p + 1 else { continue }
            for q in (p + 1)..<g.end { insideKnownName[q - lo] = true }
        }
        i = lo
        while i < hi {
            if claimed[i - lo] || insideKnownName[i - lo] { i += 1; continue }
            guard toks[i].script == .arabic || toks[i].script == .latin,
                  let trig = lexicons.placeTriggers.match(toks, at: i, limit: hi), !toks[i].hasArticle,
                  // (a class word with a pronoun names no place after it: بلده الأصلي is "his home country")
                  toks[i].script == .latin || toks[i].suffix.isEmpty else { i += 1; continue }
            // the gazetteer knows the whole phrase (محافظة البصرة is the governorate, not the city): step 4 takes it
            if let g = gazAt(i), entry(g).type == .place, g.end > trig.end { i = g.end; continue }
            // "the Neukölln district of Berlin": the name is before a lower-case trigger (the next pass), and Berlin
            // is where it lies
            if toks[i].script == .latin, !toks[i].isCapitalized, i > lo, !claimed[i - 1 - lo], toks[i - 1].script == .latin,
               toks[i - 1].kind == .word, toks[i - 1].isCapitalized, i - 1 > lo || toks[i - 1].key != "the" { i += 1; continue }
            var nameStart = trig.end
            // "سجن سجن الصناعة": a repeated trigger word
            if nameStart < hi, toks[nameStart].stem == toks[i].stem { nameStart += 1; i += 1 }
            if toks[i].script == .latin && nameStart < hi && toks[nameStart].key == "of" { nameStart += 1 }
            guard nameStart < hi, !claimed[nameStart - lo] else { i += 1; continue }
            // (a facility named after a titled person is found once the person's name is known: step 8b)
            if trig.value.subtype == "Facility", toks[i].script == .arabic {
                var t0 = nameStart
                if let inner = lexicons.placeTriggers.match(toks, at: t0, limit: hi), !inner.value.keep { t0 = inner.end }
                if t0 < hi, lexicons.titles.match(toks, at: t0, limit: hi) != nil { i += 1; continue }
            }
            if let g = gazAt(nameStart), entry(g).type == .place, !g.isDemonym {
                if trig.value.keep {
                    let end = trig.value.subtype == "Facility" ? facilityNameEnd(g.end, start: nameStart) : g.end
                    out.append(make(i, end, .place, trig.value.subtype, "place-trigger", 0.8))
                    var inner = gazMention(nameStart, g); inner.rule = "nested"; out.append(inner)
                    claim(i, end); i = end; continue
                } else {
                    out.append(gazMention(nameStart, g))
                }
                claim(i, g.end); i = g.end; continue
            }
            // a facility named after a known person (مطار رفيق الحريري الدولي): the facility, with the person nested
            if let g = gazAt(nameStart), entry(g).type == .person, trig.value.keep, trig.value.subtype == "Facility" {
                let end = facilityNameEnd(g.end, start: nameStart)
                out.append(make(i, end, .place, trig.value.subtype, "place-trigger", 0.8))
                var inner = gazMention(nameStart, g); inner.rule = "nested"; out.append(inner)
                claim(i, end); i = end; continue
            }
            if gazAt(nameStart) != nil { i += 1; continue }
            var nameEnd = placeNameEnd(doc, from: nameStart, limit: hi)
            // a class word inside the name after a kept trigger (حي مدينة نصر: the district named "Nasr City")
            if nameEnd == nameStart, trig.value.keep, toks[i].script == .arabic, toks[nameStart].prefix.isEmpty,
               let inner = lexicons.placeTriggers.match(toks, at: nameStart, limit: hi), !inner.value.keep, inner.end < hi,
               gazAt(inner.end) == nil, !claimed[inner.end - lo] {
                nameEnd = placeNameEnd(doc, from: inner.end, limit: hi)
                if nameEnd == inner.end { i += 1; continue }
            }
            guard nameEnd > nameStart else { i += 1; continue }
            // (God's name after a class word is no place: قضاء الله وقدره is "God's decree", not a district)
            if nameEnd == nameStart + 1, toks[nameStart].key == Self.godKey { i += 1; continue }
            if trig.value.subtype == "Facility" { nameEnd = facilityNameEnd(nameEnd, start: nameStart) }
            // common words after a trigger that the tagger does not read as a name are a description, not a name
            // (منطقة التجارة, ميناء تجاري, مستشفى ميداني)
            if let t = tagged, (nameStart..<nameEnd).allSatisfy({ k in
                t[k - lo] == "O" && lexicons.nameWords[toks[k].stem] == nil
                    && (lexicons.vocabulary.count(toks[k].stem) >= Self.commonWordCount || definiteFormIsCommon(toks[k]))
            }) {
                i += 1; continue
            }
            let a = trig.value.keep ? i : nameStart
            out.append(make(a, nameEnd, .place, trig.value.subtype, "place-trigger", 0.75))
            claim(i, nameEnd); i = nameEnd
        }
        // English: "X province", "X prison" (trigger after a capitalised name)
        i = lo
        while i < hi {
            if claimed[i - lo] || toks[i].script != .latin || !toks[i].isCapitalized { i += 1; continue }
            // (a known name may follow an unknown first word: Lower Juba region; a capitalised trigger is part of the
            // name: Eastern Province, Kharkiv Oblast)
            var j = i
            let firstKnown = gazAt(i) != nil
            while j < hi, !claimed[j - lo], toks[j].script == .latin, toks[j].isCapitalized, gazAt(j) == nil || j == i || !firstKnown,
                  j == i || lexicons.placeTriggers.match(toks, at: j, limit: hi) == nil { j += 1 }
            if j > i, j < hi, let trig = lexicons.placeTriggers.match(toks, at: j, limit: hi), !claimed[j - lo],
               lexicons.titles.match(toks, at: i, limit: hi) == nil {
                // the gazetteer knows the whole phrase (Kharkiv region is the oblast, not the city; Manchester City is a
                // club): step 4 takes it
                if let g = gazAt(i), g.end >= trig.end { i = g.end; continue }
                let b = trig.value.keep || toks[j].isCapitalized ? trig.end : j
                out.append(make(i, b, .place, trig.value.subtype, "place-trigger", 0.7))
                claim(i, trig.end); i = trig.end; continue
            }
            i = max(j, i + 1)
        }

        func isEnglishNameWord(_ k: Int) -> Bool {
            let t = toks[k]
            return t.script == .latin && t.kind == .word && t.isCapitalized && !claimed[k - lo] && gazAt(k) == nil
                && !lexicons.stopwords.contains(t.key) && !commonEnglish.contains(t.key) && lexicons.titles.match(toks, at: k, limit: hi) == nil
        }
        // 4. gazetteer matches not taken by a longer rule; an English place before a lower-case head is an
        // organisation of that place (Berlin police)
        i = lo
        while i < hi {
            // (also a country's: Somalia's federal government, Ukraine's police)
            if let g = gaz[i - lo], toks[i].script == .latin, entry(g).type == .place, !g.isDemonym, isFree(i, g.end),
               let b = trailingHeadEnd(toks, g.end, limit: hi)
                   ?? (g.end + 1 < hi && toks[g.end].key == "'s" && entry(g).subtype == "Country" ? trailingHeadEnd(toks, g.end + 1, limit: hi) : nil),
               isFree(g.end, b) {
                out.append(make(i, b, .organization, "", "place+head", 0.65))
                var m = gazMention(i, g); m.rule = "nested"; out.append(m)
                claim(i, b); i = b; continue
            }
            // a one-word place inside a run of capitalised words is part of a name (Abdifatah Aden Hassan)
            if let g = gaz[i - lo], g.end == i + 1, toks[i].script == .latin, !g.isDemonym, entry(g).type == .place,
               i > s.tokens.lowerBound, i + 1 < hi, isEnglishNameWord(i - 1), isEnglishNameWord(i + 1) {
                i += 1; continue
            }
            // an indefinite nisba right after a definite one is no adjective of it but a name (البرازيلي جورجي داسيلفا:
            // Jorge, not Georgian)
            if let g = gaz[i - lo], g.isDemonym, toks[i].script == .arabic, !toks[i].hasArticle, toks[i].prefix.isEmpty, i > lo,
               toks[i - 1].hasArticle, let p = gaz[i - 1 - lo], p.isDemonym, p.end == i {
                i = g.end; continue
            }
            if let g = gaz[i - lo] {
                // a one-word Arabic town name is often also a common word (وقف, نصر): keep it only where the tagger
                // reads a place
                let e = entry(g)
                let single = g.end - i == 1 && toks[i].script == .arabic && !g.isDemonym
                let ambiguousTown = single && e.type == .place && e.subtype == "City" && !e.description.hasPrefix("capital")
                    && !taggerSays(i, "LOC")
                    // (a definite town name news hardly writes without the article is the town, unless a definite noun it
                    // could qualify comes before it: البذور الزيتية)
                    && !(toks[i].hasArticle && usedLikeAName(toks[i].stem)
                         && !(i > lo && toks[i - 1].script == .arabic && toks[i - 1].kind == .word && toks[i - 1].hasArticle))
                // so is a one-word name that is also a frequent word of news text (البيت "the house" ≠ إلبيت Elbit, أفاد
                // "reported" ≠ AFAD): it needs the tagger to read a name of that type there — unless news writes it like a
                // name (usedLikeAName); for places only countries (السعودية, الإمارات), as a bank or a region word is often
                // not the region (الضفة الأخرى is "the other bank", not the West Bank)
                let commonWord = single && lexicons.vocabulary.count(toks[i].stem) >= Self.commonWordCount
                    && !taggerSays(i, e.type == .person ? "PER" : e.type == .organization ? "ORG" : "LOC")
                    && ((e.type == .place && e.subtype != "Country") || !usedLikeAName(toks[i].stem)
                        // (a country's name that is also its feminine nisba qualifies a definite noun or a quoted name
                        // before it: الأسر السعودية, "الشرق الأوسط" السعودية)
                        || (e.type == .place && i > lo && (toks[i - 1].hasArticle || StatementExtractor.quoteMarks.contains(toks[i - 1].key))))
                // and a name shaped like a nisba right after an indefinite noun is that noun's adjective (دعم مالي
                // "financial support", not Mali)
                let adjective = single && e.type == .place && toks[i].prefix.isEmpty && !toks[i].hasArticle
                    && toks[i].key.endsWithLetters("ي") && i > lo && toks[i - 1].script == .arabic && toks[i - 1].kind == .word
                    && !toks[i - 1].hasArticle && toks[i - 1].suffix.isEmpty && !lexicons.functionWords.contains(toks[i - 1].key)
                    && gazAt(i - 1) == nil && !lexicons.placeTriggers.contains(key: toks[i - 1].stem) && !taggerSays(i, "LOC")
                if isFree(i, g.end) && !ambiguousTown && !commonWord && !adjective {
                    out.append(gazMention(i, g)); claim(i, g.end)
                    // a known body whose name holds its own country's name or nisba (هيئة المسح الجيولوجي الأمريكية,
                    // part_of country:us): that word is a nested mention, as in bodies the rules find, so the article
                    // still says whose body it is
                    if e.type == .organization, !e.partOf.isEmpty, g.end - i >= 2 {
                        var k = i + 1
                        while k < g.end {
                            guard let inner = gazetteerMatch(doc, at: k, limit: g.end) else { k += 1; continue }
                            if entry(inner).id == e.partOf, entry(inner).type == .place {
                                // (a country's name that ends a definite body's name is its nisba: الحكومة السعودية;
                                // in construct state it is a place the body is in: مصرف لبنان)
                                let nisba = inner.isDemonym || (inner.end == g.end && toks[i].hasArticle && toks[k].hasArticle)
                                var m = gazMention(k, inner); m.rule = nisba ? "demonym-in-name" : "nested"; out.append(m)
                            }
                            k = inner.end
                        }
                    }
                }
                i = g.end
            } else { i += 1 }
        }

        // 5. English capitalised names not yet explained
        i = lo
        while i < hi {
            let t = toks[i]
            guard !claimed[i - lo], t.script == .latin, t.isCapitalized, t.kind == .word else { i += 1; continue }
            var j = i
            while j < hi, !claimed[j - lo], toks[j].kind == .word,
                  toks[j].isCapitalized || (Self.nameConnectorsEn.contains(toks[j].key) && j + 1 < hi && toks[j + 1].isCapitalized && j > i) {
                j += 1
            }
            // a number after an acronym belongs to the name (GSG 9, G7 is one token already)
            if j > i, j < hi, toks[j].kind == .number, !claimed[j - lo], toks[j].start == toks[j - 1].end + 1,
               doc.text(toks[j - 1].start, toks[j - 1].end).unicodeScalars.allSatisfy({ !$0.properties.isLowercase }),
               toks[j - 1].end - toks[j - 1].start >= 2 {
                j += 1
            }
            // sentence-initial capital on a common word: drop it
            var a = i
            while a < j, a == s.tokens.lowerBound || isQuoteStart(toks, a, lo), lexicons.stopwords.contains(toks[a].key) || commonEnglish.contains(toks[a].key) { a += 1 }
            while a < j, commonEnglish.contains(toks[a].key) || lexicons.stopwords.contains(toks[a].key) { a += 1 }
            if a < j, let b = trailingHeadEnd(toks, j, limit: hi), isFree(j, b) {
                out.append(make(a, b, .organization, "", "capitalised+head", 0.65))
                claim(a, b); i = b; continue
            }
            // an acronym introduced as the name of a body: "an African Union force, known as AUSSOM"
            if a < j, a >= lo + 2, toks[a - 1].key == "as", toks[a - 2].key == "known" || toks[a - 2].key == "dubbed",
               j == a + 1, doc.text(toks[a].start, toks[a].end).unicodeScalars.allSatisfy({ !$0.properties.isLowercase }),
               toks[a].end - toks[a].start >= 3 {
                out.append(make(a, j, .organization, "", "known-as", 0.6))
                claim(a, j); i = j; continue
            }
            if a < j, let type = classifyEnglishName(toks, a, j) ?? personByContext(toks, a, j, limit: hi) {
                out.append(make(a, j, type.0, type.1, "capitalised", 0.6))
                claim(a, j)
            } else if j - a >= 2, j - a <= 3, (a..<j).allSatisfy({ k in
                // two or three capitalised words no list explains, none a head noun, trigger, title or acronym: in
                // English news most such names are people's (Cody Gakpo, Trent Alexander-Arnold)
                let t = toks[k]
                let letters = doc.text(t.start, t.end).unicodeScalars.filter { $0.properties.isAlphabetic }
                return letters.count >= 2 && letters.contains { $0.properties.isLowercase }
                    && !lexicons.organizationHeads.contains(key: t.key) && !lexicons.placeTriggers.contains(key: t.key)
                    && lexicons.titles.match(toks, at: k, limit: k + 1) == nil && lexicons.eventTriggers.match(toks, at: k, limit: k + 1) == nil
                    && !lexicons.stopwords.contains(t.key) && !commonEnglish.contains(t.key) && gazAt(k) == nil
                    && !Self.compassWordsEn.contains(t.key)
            }) {
                out.append(make(a, j, .person, "", "capitalised-person", 0.5))
                claim(a, j)
            }
            i = max(j, i + 1)
        }

        // 6. Arabic names from name lists: two or more consecutive person-name words
        i = lo
        while i < hi {
            guard !claimed[i - lo], toks[i].script == .arabic, isPersonWord(toks[i], first: true) else { i += 1; continue }
            var j = i + 1
            while j < hi, j - i < 4, !claimed[j - lo], toks[j].prefix.isEmpty, isPersonWord(toks[j], first: false) { j += 1 }
            if j - i >= 2 && taggerSays(i, "PER") {
                out.append(make(i, j, .person, "", "name-list", 0.6))
                claim(i, j)
            }
            i = j
        }

        // 7. the statistical tagger. Its names, with their boundaries tidied: two names joined by و (نانسي وأحلام)
        // are two mentions (keep the first), a name-ending word cuts the name (وزارة الصحة | التابعة للحوثيين), and
        // function words never end a name (عبدي كذلك).
        var taggerSpans: [(a: Int, b: Int, type: EntityType)] = []
        // (tagger names whose first word is read whole, proclitic included: واين روني)
        var wholeWordStarts = Set<Int>()
        // (a regnal number the tagger reads as the last word of a one-word person name stays in it: فؤاد الأول,
        // تشارلز الأول; not محمد صلاح | الثاني, a player ranked second; rules/name-continuations.tsv)
        func isRegnalNumber(at c: Int, end b: Int, nameStart a: Int) -> Bool {
            c - a == 1 && toks[c].prefix.isEmpty
                && lexicons.nameContinuations.match(toks, at: c, limit: b, stems: false).map { $0.value == .ordinal && $0.end == b } ?? false
        }
        // (a person's name read by the tagger does not take in the common words around it: a definite noun before it,
        // الثوار | أوليفر كرومول; a common word after a preposition, شوماخر | بافتقاد, or a name after one, ماتيراتزي |
        // لزيدان; an indefinite accusative after it, عزت أبو عوف | برنامجا. Words the name lists or the gazetteer know stay)
        func trimmedPersonSpan(_ a0: Int, _ b0: Int) -> (Int, Int) {
            var a = a0, b = b0
            let v = lexicons.vocabulary
            // (آلان is Alain, though its key is that of الآن "now": a word written with آ has no article)
            if b - a >= 2, toks[a].script == .arabic, toks[a].hasArticle, toks[a].prefix.isEmpty, gazAt(a) == nil,
               doc.scalars[toks[a].start] != "\u{0622}",
               !isPersonWord(toks[a], first: false), !Self.isNisbaShaped(toks[a].key), v.count(toks[a].stem) >= 100 { a += 1 }
            if let c = (a + 1..<b).first(where: { k in
                let t = toks[k]
                guard t.script == .arabic, !t.hasArticle, t.prefix.endsWithLetters("ب") || t.prefix.endsWithLetters("ل"), gazAt(k) == nil,
                      v.count(t.stem) >= 100, lexicons.nameWords[t.key]?.cls != "PERSON" else { return false }
                // (a frequent name after ل starts another person's; after ب a name's own word can look so: ريم بنا)
                // (the common word must be a noun, seen with the article, no nisba, and the word as written must be
                // common after the preposition: جمال بيومي, محمد باقر are surnames the segmenter split, and جيروم باول
                // is rare as بأول against أول)
                return isPersonWord(t, first: true) ? t.prefix.endsWithLetters("ل")
                    : !Self.isNisbaShaped(t.stem) && v.count("ال" + t.stem) >= 20 && v.count(t.key) * 10 >= v.count(t.stem)
            }) { b = c }
            if b - a >= 2 {
                let t = toks[b - 1]
                if t.script == .arabic, !t.hasArticle, t.prefix.isEmpty, t.stem.endsWithLetters("ا"), gazAt(b - 1) == nil,
                   !isPersonWord(t, first: false), v.count(t.stem) >= 30, case let bare = String(t.stem.dropLast()),
                   bare.unicodeScalars.count >= 3, v.count(bare) >= 100, lexicons.nameWords[bare] == nil { b -= 1 }
            }
            return (a, b)
        }
        if let labels = tagged {
            var k = 0
            while k < labels.count {
                let l = labels[k]
                guard l.hasPrefix("B-") || l.hasPrefix("I-") else { k += 1; continue }
                let ty = l.dropFirst(2)
                var e = k + 1
                while e < labels.count, labels[e].hasPrefix("I-"), labels[e].dropFirst(2) == ty { e += 1 }
                var a = lo + k
                var b = lo + e
                // (nor a name inside a fixed phrase: مسقط رأسه is "his birthplace"; rules/idioms.tsv)
                if (max(lo, a - 3)..<b).contains(where: { j in lexicons.idioms.match(toks, at: j, limit: hi, stems: false).map { $0.end > a } ?? false }) {
                    k = e; continue
                }
                // (a name does not start with a verb in the future tense: وسيترأس | ميناوي)
                while a < b, toks[a].prefix.endsWithLetters("س") { a += 1 }
                // (nor is the dual of a common word one, alone or with a dual adjective: توقع خبيران اقتصاديان is "two
                // economists"; before another word it can be a given name: طوران قشلقجي)
                if ty == "PER" { while a < b, isCommonDual(toks[a]), b == a + 1 || isCommonDual(toks[a + 1]) { a += 1 } }
                // (nor is one word that is never part of a name a name alone: وقال متعاملون, في أبريل نيسان; a longer
                // name may start with one: صباح الأحمد الجابر الصباح; rules/name-stopwords.txt)
                if b == a + 1, toks[a].script == .arabic, lexicons.stopwords.contains(toks[a].stem) { k = e; continue }
                // (nor one word with a pronoun ending the name lists do not know as written: عن رضاهم is
                // "their satisfaction", not Reda; نا "our" is left alone, جيرونا and أرنونا end so)
                if ty == "PER", b == a + 1, toks[a].script == .arabic, Self.nameFreePronounEndings.contains(toks[a].suffix), gazAt(a) == nil,
                   lexicons.nameWords[toks[a].key] == nil { k = e; continue }
                // (one definite plural is no person: المحامون, الصحفيين)
                if ty == "PER", b == a + 1, toks[a].script == .arabic, toks[a].hasArticle, Self.isPluralShaped(toks[a].key),
                   gazAt(a) == nil, !isPersonWord(toks[a], first: false) { k = e; continue }
                // (nor with a title, which is the name's context: المهندس | شريف إسماعيل; وولي | عهد أبوظبي is no name)
                if ty == "PER", a < b, let t = lexicons.titles.match(toks, at: a, limit: hi) { a = min(t.end, b) }
                // (nor with a definite nisba before it, which describes the person: الإيرلندي | خالد كيلي, العاجي | إيمانويل
                // إيبوي)
                if ty == "PER", b - a >= 2, toks[a].hasArticle, let g = gazAt(a), g.isDemonym, g.end < b { a = g.end }
                guard a < b else { k = e; continue }
                if let c = (a + 1..<b).first(where: { toks[$0].prefix.startsWithLetters("و") || lexicons.stopwords.contains(toks[$0].stem) }),
                   !(ty == "PER" && isRegnalNumber(at: c, end: b, nameStart: a)) { b = c }
                // (nor a verb after the name: وابنته يوليا يرقدان, an imperfect dual or plural no name list knows)
                if ty == "PER", let c = (a + 1..<b).first(where: { isImperfectPlural(toks[$0]) && gazAt($0) == nil }) { b = c }
                // (a known place after a preposition is no word of a person's name: عبدالله | بالقصيم; a name the
                // segmenter reads so is: مايكل بالاك, عبد الحكيم بالحاج)
                if ty == "PER", let c = (a + 1..<b).first(where: { k in
                    toks[k].hasArticle && !toks[k].prefix.isEmpty && lexicons.nameWords[toks[k].key]?.cls != "PERSON"
                        && gazAt(k).map({ !$0.isDemonym && entry($0).type == .place }) == true }) { b = c }
                if ty == "PER" { (a, b) = trimmedPersonSpan(a, b) }
                // (the word after أبو / بن / عبد is a name even when it reads as a function word: وسام أبو علي)
                while b > a + 1, !Self.kunyaWords.contains(toks[b - 2].key), !(ty == "PER" && isRegnalNumber(at: b - 1, end: b, nameStart: a)),
                      lexicons.functionWords.contains(toks[b - 1].key) || lexicons.stopwords.contains(toks[b - 1].stem) { b -= 1 }
                if b < hi, b - lo < labels.count, labels[b - lo] == "O", Self.kunyaWords.contains(toks[b - 1].key),
                   toks[b].kind == .word, toks[b].prefix.isEmpty { b += 1 }
                // (a person's first word that the segmenter reads as a proclitic and a function word is that whole word
                // where the tagger reads a name of it and the words after it: واين روني; its stem where that is a known
                // person's word, وعلي خليل (and so a first word that is a function word only once normalised: علي محمد
                // الحمادي, Ali, not على); not فإن + a known person's name, فان ترامب)
                var wholeFirstWord = false, stemFirstWord = false
                if ty == "PER", b - a >= 2, toks[a].script == .arabic, toks[a].suffix.isEmpty, lexicons.functionWords.contains(toks[a].stem) {
                    // (written with ى it is as often the preposition: على ديبالا, على بن رعد)
                    if toks[a].prefix.isEmpty {
                        stemFirstWord = lexicons.personNameWords.contains(toks[a].stem) && doc.scalars[toks[a].end - 1] != "\u{0649}"
                    }
                    else if let g = gazAt(a + 1), !g.isDemonym, entry(g).type == .person { a += 1 }
                    else if lexicons.personNameWords.contains(toks[a].stem) { stemFirstWord = true }
                    else { wholeFirstWord = true }
                }
                // (a one-word name ending in ئ is an adjective the normalisation made look like one: هادئ "calm" ≠ هادي)
                let hamzaFinal = b == a + 1 && doc.scalars[toks[a].end - 1] == "\u{0626}"
                if let type = EntityType(label: String(ty)), wholeFirstWord || stemFirstWord || !lexicons.functionWords.contains(toks[a].stem), !hamzaFinal,
                   !isCurrency(doc, a, b, lo: lo, gazAt: gazAt),
                   // (a name has a word; a body or place is no lone letter name: بي of "بي" إلى "بي+", a rating)
                   (a..<b).contains(where: { toks[$0].kind == .word }),
                   !(type != .person && b == a + 1 && toks[a].script == .arabic && toks[a].key.unicodeScalars.count <= 2),
                   // (nor a head noun alone: حزب before its quoted name; nor one with indefinite adjectives only, a
                   // description: تصنيفه منظمة إرهابية)
                   !(toks[a].script == .arabic && !toks[a].hasArticle && lexicons.organizationHeads.contains(key: toks[a].stem)
                     && (a + 1..<b).allSatisfy { k in
                         !toks[k].hasArticle && toks[k].prefix.isEmpty && Self.isNisbaShaped(toks[k].key) && countAsWritten(toks[k]) >= 100 }),
                   // (one common word is no person: أول read as the باول of the article's جيروم باول)
                   !(type == .person && b == a + 1 && toks[a].script == .arabic && isCommonWord(toks[a].stem)),
                   // (nor a patronymic link alone: ابنه "his son", ولد "was born")
                   !(type == .person && b == a + 1 && lexicons.nameContinuations.value(key: toks[a].stem) == .link) {
                    taggerSpans.append((a, b, type))
                    if wholeFirstWord { wholeWordStarts.insert(a) }
                }
                k = e
            }
        }
        // a name right after a newspaper's, channel's or university's head noun names that body: two one-word bodies
        // read side by side are one (صحيفة ديلي | ستار), a person there is the body's name (لإذاعة توك سبورت, جامعة جيمس
        // كوك), and a university's head is part of its name (news media are named without theirs, as ANERcorp does)
        if taggerSpans.count > 1 {
            var merged: [(a: Int, b: Int, type: EntityType)] = []
            for t in taggerSpans {
                // (two unknown words, or after a news medium's head; not two known names: مباراة الأهلي الزمالك is two clubs)
                if let p = merged.last, p.type == .organization, t.type == .organization, p.b == t.a, p.b - p.a == 1, t.b - t.a == 1,
                   toks[t.a].script == .arabic, toks[t.a].prefix.isEmpty, toks[p.a].kind == .word, toks[t.a].kind == .word,
                   gazAt(p.a) == nil && gazAt(t.a) == nil
                    || (gazAt(p.a) == nil || gazAt(t.a) == nil) && p.a > lo
                       && lexicons.organizationHeads.match(toks, at: p.a - 1, limit: p.a)?.value.subtype == "NewsMediaOrganization" {
                    merged[merged.count - 1].b = t.b
                } else {
                    merged.append(t)
                }
            }
            taggerSpans = merged
        }
        // (a bare word between a news medium's head and the name the tagger reads there is the name's first word:
        // صحيفة ديلي | ستار; not an adjective, صحيفة بريطانية, موقع إخباري)
        taggerSpans = taggerSpans.map { t in
            let w = t.a - 1
            guard t.type == .organization || t.type == .person, w - 1 >= lo, toks[w].script == .arabic, toks[w].kind == .word,
                  toks[w].prefix.isEmpty, !toks[w].hasArticle, !toks[w].key.endsWithLetters("يه"), !definiteFormIsCommon(toks[w]), gazAt(w) == nil,
                  !lexicons.functionWords.contains(toks[w].key), countAsWritten(toks[w]) < Self.veryCommonWordCount,
                  !taggerSpans.contains(where: { $0.a <= w && w < $0.b }),
                  let head = lexicons.organizationHeads.match(toks, at: w - 1, limit: w), head.end == w,
                  head.value.subtype == "NewsMediaOrganization" else { return t }
            return (w, t.b, t.type)
        }
        taggerSpans = taggerSpans.map { t in
            let h = t.a - 1
            guard t.type == .person || t.type == .organization, h >= lo, toks[h].script == .arabic, !toks[h].hasArticle,
                  toks[h].suffix.isEmpty, toks[t.a].prefix.isEmpty,
                  let head = lexicons.organizationHeads.match(toks, at: h, limit: t.a), head.end == t.a else { return t }
            switch head.value.subtype {
            case "NewsMediaOrganization": return (t.a, t.b, .organization)
            case "EducationalOrganization": return (h, t.b, .organization)
            default: return t
            }
        }
        // a person the gazetteer knows by a name of two or more words, read by the tagger as the end of a longer name, is
        // that person, and the words before it are a name of their own (وهاجم رايولا بيب غوارديولا: Raiola attacked Pep
        // Guardiola) — unless they can all be given names (محمد before a known بن سلمان), or are one common word
        if taggerSpans.contains(where: { $0.type == .person }) {
            taggerSpans = taggerSpans.compactMap { t in
                guard t.type == .person,
                      let gi = out.firstIndex(where: { $0.rule == "gazetteer" && $0.type == .person && $0.tokens.count >= 2
                                                       && $0.tokens.upperBound == t.b && $0.tokens.lowerBound > t.a }) else { return t }
                let g = out[gi]
                let head = t.a..<g.tokens.lowerBound
                if head.allSatisfy({ isPersonWord(toks[$0], first: $0 == t.a) }) { return t }
                // (nor when a patronymic link joins them: حمدان بن | محمد بن راشد آل مكتوم is the son, another person)
                if head.count >= 2, lexicons.nameContinuations.match(toks, at: g.tokens.lowerBound - 1, limit: g.tokens.lowerBound,
                                                                     stems: false)?.value == .link { return t }
                if head.count == 1 && (isCommonWord(toks[t.a].stem) || toks[t.a].kind != .word) { return nil }
                return (t.a, g.tokens.lowerBound, t.type)
            }
        }
        func isNameLink(_ k: Int) -> Bool {
            guard let c = lexicons.nameContinuations.match(toks, at: k, limit: k + 1, stems: false) else { return false }
            return c.value == .link || c.value == .family
        }
        // a known person's full name that the tagger reads on into a word that cannot continue it ends there: before
        // another person's name (ترامب | برانسون: Trump described Brunson) or a word after the name (آل مكتوم | باسماً). A
        // name continues over links and the word after one, family names, a definite word (nisbas, صلاح الدين) and the
        // words of rules/name-continuations.tsv (جونيور); bodies are not cut (سوني بيكتشرز, ياهو نيوز are names)
        taggerSpans = taggerSpans.flatMap { t -> [(a: Int, b: Int, type: EntityType)] in
            // (after a one-word known name, a common word no name list knows ends it: إليسا | اصطحبت)
            if toks[t.a].script == .arabic, t.type == .person,
               let g = out.first(where: { $0.rule == "gazetteer" && $0.type == .person && $0.tokens.lowerBound == t.a
                                          && $0.tokens.count == 1 && $0.tokens.upperBound < t.b }) {
                let w = toks[g.tokens.upperBound]
                if w.script == .arabic, !w.hasArticle, !isPersonWord(w, first: false), !isNameLink(g.tokens.upperBound),
                   lexicons.nameWords[w.stem] == nil, lexicons.nameContinuations.match(toks, at: g.tokens.upperBound, limit: t.b) == nil,
                   countAsWritten(w) >= 20 {
                    return [(t.a, g.tokens.upperBound, t.type)]
                }
            }
            guard toks[t.a].script == .arabic, t.type == .person,
                  let g = out.first(where: { $0.rule == "gazetteer" && $0.type == .person && $0.tokens.lowerBound <= t.a
                                             && t.a < $0.tokens.upperBound && $0.tokens.upperBound < t.b && $0.tokens.count >= 2
                                             && !($0.tokens.count == 2 && Self.kunyaWords.contains(toks[$0.tokens.lowerBound].key)) }),
                  let cut = (g.tokens.upperBound..<t.b).first(where: { k in
                      let w = toks[k]
                      if w.script != .arabic || w.hasArticle || k > g.tokens.upperBound && isNameLink(k - 1) { return false }
                      return lexicons.nameContinuations.match(toks, at: k, limit: k + 1, stems: false) == nil   // (links included)
                  }) else { return [t] }
            // (the words after a person's name, read as a name, are the next person's: برانسون)
            // (not a common word behind an unsplit و: وولي | عهد أبوظبي is "and the crown prince of")
            if cut == g.tokens.upperBound, isPersonWord(toks[cut], first: true),
               !(toks[cut].prefix.isEmpty && toks[cut].key.startsWithLetters("و")
                 && lexicons.vocabulary.count(String(toks[cut].key.dropFirst())) >= Self.commonAfterConjunction) {
                return [(t.a, cut, t.type), (cut, t.b, t.type)]
            }
            return [(t.a, cut, t.type)]
        }
        // a known body's name that the tagger reads on into a given name ends there, and the words from the given name
        // on are a person's (ومدير وكالة الطاقة الدولية | فاتح بيرول: Fatih Birol of the IEA)
        taggerSpans = taggerSpans.flatMap { t -> [(a: Int, b: Int, type: EntityType)] in
            guard toks[t.a].script == .arabic, t.type == .organization,
                  let g = out.first(where: { $0.rule == "gazetteer" && $0.type == .organization && $0.tokens.lowerBound == t.a
                                             && $0.tokens.upperBound < t.b }),
                  (2...4).contains(t.b - g.tokens.upperBound), toks[g.tokens.upperBound].prefix.isEmpty,
                  (g.tokens.upperBound..<t.b).allSatisfy({ toks[$0].kind == .word && toks[$0].key.unicodeScalars.count >= 3 }),
                  // (a given name of the name lists, or words too rare and bare to be the body's: فاتح بيرول)
                  isPersonWord(toks[g.tokens.upperBound], first: true)
                    || (g.tokens.upperBound..<t.b).allSatisfy({ !toks[$0].hasArticle && toks[$0].prefix.isEmpty && countAsWritten(toks[$0]) < 100
                                                                 && lexicons.organizationHeads.match(toks, at: $0, limit: t.b) == nil })
            else { return [t] }
            return [(t.a, g.tokens.upperBound, t.type), (g.tokens.upperBound, t.b, .person)]
        }
        // a name after a title runs on where the tagger reads it longer from the same word (الرئيس جون | كندي,
        // الشيخ راشد بن محمد بن راشد آل مكتوم): the title rule stops at the first word the name lists do not know
        for idx in out.indices where out.read(idx, { $0.pointee.rule == "title" && $0.pointee.type == .person }) {
            let r = out[idx].tokens
            guard toks[r.lowerBound].script == .arabic,
                  let t = taggerSpans.first(where: { $0.type == .person && $0.a == r.lowerBound && $0.b > r.upperBound }) else { continue }
            // (over words of the name lists, family nisbas and name links only: محمد فهد الحمادي, not دييغو غودين |
            // عراب, nor a word with a proclitic: هاري روك | لراديو; never ending on a link: هوسيه رامون | دي)
            var b = (r.upperBound..<t.b).first(where: { k in
                !toks[k].prefix.isEmpty || !(isPersonWord(toks[k], first: false) || isNameLink(k)
                    || toks[k].hasArticle && toks[k].suffix.isEmpty && Self.isNisbaShaped(toks[k].key) && gazAt(k) == nil)
            }) ?? t.b
            while b > r.upperBound, isNameLink(b - 1) || lexicons.functionWords.contains(toks[b - 1].key)
                    || toks[b - 1].key.unicodeScalars.count <= 2 { b -= 1 }
            guard b > r.upperBound, isFree(r.upperBound, b) else { continue }
            claim(r.upperBound, b)
            out[idx].respan(r.lowerBound..<b, start: out[idx].start, in: doc)
        }
        // a body named by its head noun and a nisba runs on over the complement with ل the tagger reads in its name
        // (الرابطة الألمانية | لصناعة النفط, الاتحاد العالمي | لعلماء المسلمين): names of that shape are common, and
        // a ل after a body is as often its object (دعم الحكومة المصرية للقرار), so only where the tagger agrees
        for idx in out.indices where out.read(idx, { $0.pointee.rule == "org-head-nisba" && $0.pointee.type == .organization }) {
            let r = out[idx].tokens
            guard r.upperBound < hi, toks[r.upperBound].script == .arabic, toks[r.upperBound].prefix == "ل",
                  let t = taggerSpans.first(where: { $0.type == .organization && $0.a == r.lowerBound && $0.b > r.upperBound + 1 }),
                  (r.upperBound + 1..<t.b).allSatisfy({ toks[$0].script == .arabic && toks[$0].prefix.isEmpty && toks[$0].hasArticle }),
                  isFree(r.upperBound, t.b) else { continue }
            claim(r.upperBound, t.b)
            out[idx].respan(r.lowerBound..<t.b, start: out[idx].start, in: doc)
        }
        // Where the tagger reads a name over an Arabic rule or gazetteer mention with other boundaries or another type,
        // the tagger wins: it weighs the context the rule ignores (عبدالله → عبدالله الثاني; الجزيرة the channel, not
        // the peninsula; حركة حماس → حماس). A tagger name inside the mention it replaces, of the same type, keeps that
        // mention's gazetteer entry and subtype, so linking is not lost. Titles (they carry a role), demonyms, and
        // facilities, neighbourhoods and known places named with their trigger word (سجن الحسكة is not الحسكة) stay.
        var dropped: [Mention] = [], innerNames: [(outer: Range<Int>, inner: Range<Int>)] = []
        if !taggerSpans.isEmpty {
            // (a tagger person name over two known persons is the two of them: ترامب بكيم جونغ أون is Trump and Kim)
            let knownPersons = out.filter { $0.type == .person && $0.rule == "gazetteer" }.map { ($0.tokens, $0.entryID) }
            out.removeAll { m in
                // (a demonym ending a person name the tagger reads is that name's family nisba: أبو حمزة المصري; an
                // indefinite one the name lists give as a name is a name word anywhere in it: كيني ميلر, بيتر كينيون)
                if m.isDemonym {
                    let k = m.tokens.lowerBound
                    let surname = m.tokens.count == 1 && taggerSpans.contains { t in
                        t.type == .person && t.a <= k && k < t.b
                            && (t.b == k + 1 && t.a < k && isNisbaSurname(doc, at: k, nameStart: t.a, taggerName: true)
                                || !toks[k].hasArticle && toks[k].prefix.isEmpty && toks[k].suffix.isEmpty
                                   && lexicons.nameWords[toks[k].stem]?.cls == "PERSON")
                    }
                    if surname { dropped.append(m) }
                    return surname
                }
                guard toks[m.tokens.lowerBound].script == .arabic,
                      !["nested", "demonym-in-name", "title", "title+gazetteer", "name-before-title", "org-head-nisba", "org-head-quoted"].contains(m.rule),
                      !(m.rule == "place-trigger" && (m.subtype == "Facility" || m.subtype == "Neighborhood")),
                      // a known name that starts with its class word (محافظة دهوك: the governorate) is more specific than
                      // the tagger's bare name (دهوك, which the gazetteer gives the city)
                      !(m.rule == "gazetteer" && m.type == .place && m.tokens.count > 1
                        && lexicons.placeTriggers.match(toks, at: m.tokens.lowerBound, limit: m.tokens.upperBound) != nil),
                      // an acronym spelled out in letter names (سي إن بي سي, إف بي آي) is read by the gazetteer, not the tagger
                      !(m.rule == "gazetteer" && m.tokens.count > 1 && m.tokens.allSatisfy({ toks[$0].key.unicodeScalars.count <= 3 })) else { return false }
                let r = m.tokens
                let conflict = taggerSpans.contains { t in
                    guard t.a < r.upperBound && r.lowerBound < t.b else { return false }
                    if t.type == .person, m.type == .person, m.rule == "gazetteer", t.a <= r.lowerBound, r.upperBound <= t.b,
                       knownPersons.contains(where: { $0.0 != r && $0.1 != m.entryID && t.a <= $0.0.lowerBound && $0.0.upperBound <= t.b }) {
                        return false
                    }
                    if t.a == r.lowerBound && t.b == r.upperBound {
                        guard t.type != m.type else { return false }
                        // (a known body that the tagger reads as a person is still that body unless its words can be a
                        // person's name: البنتاغون is no one's; a known place of several words unless all of them can:
                        // يانغ of بيونغ يانغ can, بيونغ cannot. Not one-word places: رياض is as often a man as the city)
                        // (nor is a known place of several words that the tagger reads as a body, when no known body has
                        // that name: بيونغ يانغ standing for its government is still the city)
                        if t.type == .organization, m.type == .place, m.rule == "gazetteer", r.count > 1,
                           lexicons.gazetteer.names(keys: r.map { toks[$0].stem }, type: .organization).isEmpty { return false }
                        // (nor a known person's name the tagger reads as a body, when no known body has that name: حميدتي
                        // in quotes after المعروف بـ)
                        if t.type == .organization, m.type == .person, m.rule == "gazetteer",
                           lexicons.gazetteer.names(keys: r.map { toks[$0].stem }, type: .organization).isEmpty { return false }
                        guard t.type == .person, m.rule == "gazetteer", m.type == .organization || r.count > 1 else { return true }
                        // (a known body of several words only if all of them can: فرانس of فرانس برس can, برس cannot)
                        let personWords = r.filter { isPersonWord(toks[$0], first: $0 == r.lowerBound) }.count
                        return m.type == .organization && r.count == 1 ? personWords > 0 : personWords == r.count
                    }
                    // a name after a title and its comma keeps the given names the tagger leaves out of it (رئيس الوزراء،
                    // شريف إسماعيل; وزير الخارجية، مولود تشاووش أوغلو)
                    // (or any word, where the apposition is closed by a second comma: المتحدث باسم الحكومة، باسم
                    // العوضي، — باسم is "in the name of" as often as the given name)
                    if m.rule == "title-apposition", t.type == .person, t.b == r.upperBound, t.a > r.lowerBound,
                       (r.lowerBound..<t.a).allSatisfy({ isPersonWord(toks[$0], first: $0 == r.lowerBound) })
                        || (r.count <= 3 && r.upperBound < hi && toks[r.upperBound].key == ",") { return false }
                    // a place inside an organisation's name (مصرف لبنان) does not undo the organisation. (Keeping every
                    // known multi-word name against a tagger name inside it cost 2 F1 on ANERcorp LOC and ORG: not done.)
                    // Nor does a known place inside the name of a known place undo it: جنوب أفريقيا is not Africa, قطاع
                    // غزة not Gaza City. Name-only annotation tags the inner name of a region (ANERcorp: أفريقيا in شمال
                    // أفريقيا, غزة in قطاع غزة), so the mention keeps it as its `nameOnlySpan` (not for countries).
                    if t.type == .place, m.type == .place, m.rule == "gazetteer", r.count > 1, r.lowerBound <= t.a, t.b <= r.upperBound,
                       let g = gazetteerMatch(doc, at: t.a, limit: t.b), g.end == t.b, !g.isDemonym,
                       entry(g).type == .place, entry(g).id != m.entryID {
                        if m.subtype != "Country" { innerNames.append((r, t.a..<t.b)) }
                        return false
                    }
                    // a known body the tagger reads without its last nisba adjectives is still that body: the nisba
                    // says whose it is (هيئة المسح الجيولوجي | الأمريكية is the USGS); name-only annotation tags the
                    // tagger's words
                    if t.type == .organization, m.type == .organization, m.rule == "gazetteer", t.a == r.lowerBound,
                       t.b < r.upperBound, t.b - t.a >= 2,
                       (t.b..<r.upperBound).allSatisfy({ toks[$0].hasArticle && toks[$0].prefix.isEmpty && Self.isNisbaShaped(toks[$0].key) }) {
                        innerNames.append((r, t.a..<t.b))
                        return false
                    }
                    // a known team of several words is not undone by the tagger's reading of a part of it: ريال | مدريد
                    // (a body and a city) is Real Madrid, شباب | الأهلي is Shabab Al-Ahli, not Cairo's الأهلي
                    if m.type == .organization, m.rule == "gazetteer", m.subtype == "SportsTeam", r.count > 1,
                       r.lowerBound <= t.a, t.b <= r.upperBound { return false }
                    // nor is a known person's full name cut short by the tagger's reading of its first words: محمد شياع |
                    // السوداني is the prime minister's family nisba, not "the Sudanese". (Where the tagger leaves out
                    // the first words, they are a title the alias has, الملك | عبدالله الثاني: the tagger wins there.)
                    if m.type == .person, t.type == .person, m.rule == "gazetteer", t.a == r.lowerBound, t.b < r.upperBound { return false }
                    // (unless they are no title, nor a rank or a common definite word: الباجي قائد | السبسي is the whole
                    // known name, الفريق | سامي عنان a general's)
                    if m.type == .person, t.type == .person, m.rule == "gazetteer", t.a > r.lowerBound, t.b == r.upperBound,
                       !(r.lowerBound..<t.a).contains(where: { lexicons.titles.match(toks, at: $0, limit: r.upperBound) != nil
                           || toks[$0].hasArticle && lexicons.vocabulary.count(toks[$0].stem) >= Self.commonWordCount }) { return false }
                    // a known body is not cut short by the tagger's reading of its first words either (منظمة حظر |
                    // الأسلحة الكيميائية); name-only annotation tags the tagger's words
                    if t.type == .organization, m.type == .organization, m.rule == "gazetteer", t.a == r.lowerBound, t.b < r.upperBound {
                        innerNames.append((r, t.a..<t.b))
                        return false
                    }
                    return t.type == m.type || t.a < r.lowerBound || t.b > r.upperBound
                }
                if conflict { dropped.append(m) }
                return conflict
            }
            for (outer, inner) in innerNames {
                if let i = out.firstIndex(where: { $0.tokens == outer && $0.type != .person }) { out[i].nameOnlySpan = inner }
            }
            if !dropped.isEmpty {
                out.removeAll { m in
                    (m.rule == "nested" || m.rule == "demonym-in-name") && dropped.contains { $0.tokens.contains(m.tokens.lowerBound) }
                }
                for m in dropped { for k in m.tokens { claimed[k - lo] = false } }
            }
        }
        // a known place the tagger reads inside a known organisation's name is named there too (لبنان in مصرف لبنان):
        // a nested mention, so the body is placed in it (not inside a place's name: محافظة دهوك does not name the city)
        for t in taggerSpans {
            guard let outer = out.firstIndex(where: { $0.rule == "gazetteer" && $0.type == .organization && $0.tokens.count > 1
                                                      && $0.tokens.lowerBound <= t.a && t.b <= $0.tokens.upperBound
                                                      && ($0.tokens.lowerBound, $0.tokens.upperBound) != (t.a, t.b) }),
                  let g = gazetteerMatch(doc, at: t.a, limit: t.b), g.end == t.b, !g.isDemonym, entry(g).type == t.type,
                  entry(g).id != out[outer].entryID, out.firstIndex(where: { $0.tokens == t.a..<t.b }) == nil,
                  // (no club inside a club's name: the الأهلي of شباب الأهلي is not Cairo's; nor a body that only starts
                  // the known one's name: سكاي نيوز of سكاي نيوز عربية is no second channel)
                  !(out[outer].subtype == "SportsTeam" && entry(g).type == .organization),
                  !(entry(g).type == .organization && out[outer].tokens.lowerBound == t.a) else { continue }
            var m = gazMention(t.a, g); m.rule = "nested"; out.append(m)
        }
        // a known body's name written with a period and no space inside it (العربية.نت, the site the gazetteer names
        // العربية نت) is that body, whatever the tagger reads
        var p = lo + 1
        while p + 1 < hi {
            if toks[p].kind == .punctuation, keysEqual(toks[p].key, "."), toks[p - 1].end == toks[p].start, toks[p].end == toks[p + 1].start,
               toks[p - 1].kind == .word, toks[p + 1].kind == .word, isFree(p - 1, p + 2),
               let e = knownName([toks[p - 1].key, toks[p + 1].key], type: .organization) {
                out.append(make(p - 1, p + 2, .organization, e.subtype, "gazetteer", 0.9, entry: e.id))
                claim(p - 1, p + 2)
                p += 2
                continue
            }
            p += 1
        }
        for t in taggerSpans where isFree(t.a, t.b) {
            var m = make(t.a, t.b, t.type, "", "tagger", 0.55)
            if wholeWordStarts.contains(t.a) { m.respan(m.tokens, start: toks[t.a].start, in: doc) }
            // a known name the tagger cut short before its nisba says who it is (الأهلي of الأهلي القطري is the Qatari
            // club, not Cairo's الأهلي); otherwise the tagger's own words, if the gazetteer knows them
            let inside = dropped.first { $0.type == t.type && $0.tokens.lowerBound <= t.a && t.b <= $0.tokens.upperBound }
            // (and a known name the tagger cut short at its end is still that name, where the conflict above dropped it:
            // الجزائر of الجزائر العاصمة is Algiers; a known body or person cut so is kept whole above)
            if let d = inside, d.entryID != nil, d.tokens.lowerBound == t.a, d.tokens.upperBound > t.b,
               d.rule == "gazetteer" || (t.b..<d.tokens.upperBound).allSatisfy({ toks[$0].script == .arabic && Self.isNisbaShaped(toks[$0].key) }) {
                m.entryID = d.entryID
                m.subtype = d.subtype
            } else if let g = gazetteerMatch(doc, at: t.a, limit: t.b), g.end == t.b, !g.isDemonym, entry(g).type == t.type {
                m.entryID = entry(g).id
                m.subtype = entry(g).subtype
            } else if let d = inside {
                m.entryID = d.entryID
                m.subtype = d.subtype
            } else if t.type == .organization, t.b == t.a + 1, toks[t.a].script == .arabic,
                      let e = lexicons.organisationsAfterHeads[toks[t.a].body], e >= 0 {
                // a known body's name without its head noun, where the tagger reads a body (ليفربول: نادي ليفربول; bare,
                // it is also the city, so it is no alias). The word as written, pronoun included: رومانا is no روما + نا
                m.entryID = lexicons.gazetteer.entries[e].id
                m.subtype = lexicons.gazetteer.entries[e].subtype
            } else if (t.a..<t.b).contains(where: { toks[$0].kind == .punctuation }),
                      let known = knownName((t.a..<t.b).filter { Gazetteer.isNameKey(toks[$0].kind, toks[$0].key) }.map { toks[$0].key },
                                            type: t.type) {
                // (looked up by the keys the gazetteer indexes names by: العربية.نت is the name العربية نت)
                m.entryID = known.id
                m.subtype = known.subtype
            }
            out.append(m)
            claim(t.a, t.b)
        }
        // 8. a person's name runs on over what rules/name-continuations.tsv lists: a regnal number after a head's title
        // and a short name (الملك عبدالله الثاني, Queen Elizabeth II), a family marker and its word (آل ثاني), a
        // patronymic link and a word that can be a name (ولد سلامة, بن جبر; not بن الرئيس)
        func canBeName(_ k: Int) -> Bool {
            let t = toks[k]
            guard t.kind == .word, t.prefix.isEmpty, !claimed[k - lo], !lexicons.functionWords.contains(t.key),
                  !lexicons.stopwords.contains(t.stem), lexicons.titles.match(toks, at: k, limit: hi) == nil else { return false }
            return isPersonWord(t, first: false) || (tagged != nil && taggerSays(k, "PER"))
                || lexicons.vocabulary.count(t.stem) < Self.commonWordCount
        }
        for idx in out.indices where out.read(idx, { $0.pointee.type == .person && $0.pointee.rule != "nested" }) {
            var a = out.tokens(at: idx).lowerBound
            var b = out.tokens(at: idx).upperBound
            // a name read from its patronymic link (الهادي | ولد | علي where the tagger marks only ولد): the link takes
            // the word after it that can be a name and the given name before it; a link alone names no one
            if out.read(idx, { $0.pointee.entryID == nil }), toks[a].prefix.isEmpty,
               let c = lexicons.nameContinuations.match(toks, at: a, limit: a + 1, stems: false), c.end == a + 1, c.value == .link {
                if b == a + 1, b < hi, !claimed[b - lo], canBeName(b) { b += 1 }
                if a - 1 >= lo, !claimed[a - 1 - lo], toks[a - 1].kind == .word, toks[a - 1].script == .arabic,
                   toks[a - 1].prefix.isEmpty || toks[a - 1].prefix == "و", isPersonWord(toks[a - 1], first: true) {
                    a -= 1
                }
                if b - a < 2 {
                    out[idx].rule = "joined-away"
                    continue
                }
                claim(a, b)
                out[idx].respan(a..<b, start: toks[a].stemStart, in: doc)
            }
            continuation: while b < hi, !claimed[b - lo], toks[b].prefix.isEmpty, toks[b].script == toks[b - 1].script,
                                let c = lexicons.nameContinuations.match(toks, at: b, limit: hi, stems: false) {
                switch c.value {
                case .ordinal:
                    // (only after a head's title, with or without a nisba between: اللاعب محفوظ الثاني is a player
                    // ranked second; القيصر الروسي ألكسندر الثاني a tsar)
                    let titleEnd = a - 1 >= lo && toks[a - 1].hasArticle && gazAt(a - 1).map({ $0.isDemonym && $0.end == a }) == true ? a - 1 : a
                    guard b - a <= 2, toks[b].script == .arabic || toks[b].isCapitalized,
                          (max(lo, titleEnd - 3)..<titleEnd).contains(where: { k in
                              lexicons.titles.match(toks, at: k, limit: titleEnd).map { $0.end == titleEnd && $0.value == "head" } ?? false }),
                          (b..<c.end).allSatisfy({ !claimed[$0 - lo] }) else { break continuation }
                    b = c.end
                    break continuation
                case .family:
                    guard c.end < hi, toks[c.end].kind == .word, toks[c.end].prefix.isEmpty, !claimed[c.end - lo],
                          !lexicons.functionWords.contains(toks[c.end].key) else { break continuation }
                    b = c.end + 1
                case .link:
                    guard c.end < hi, canBeName(c.end) else { break continuation }
                    b = c.end + 1
                case .kin:
                    break continuation
                }
            }
            // a given name, then a family marker or a patronymic link, before an unlinked name: the name starts at the
            // given name (يحيى آل اسحاق, where the tagger reads only اسحاق)
            var start = a
            // (a given name of the name lists, or a word the tagger reads as a name, or before آل a rare word not shaped
            // like a plural; not a kin-group noun such as قبيلة: مسلحون آل غليس, قبيلة آل غليس)
            if out.read(idx, { $0.pointee.entryID == nil }), a - 2 >= lo, toks[a].prefix.isEmpty, toks[a - 1].prefix.isEmpty, !claimed[a - 1 - lo],
               let c = lexicons.nameContinuations.match(toks, at: a - 1, limit: a, stems: false), c.end == a,
               c.value == .family || c.value == .link, toks[a - 2].script == .arabic, !toks[a - 2].hasArticle, canBeName(a - 2),
               !definiteFormIsCommon(toks[a - 2]), lexicons.nameContinuations.match(toks, at: a - 2, limit: a - 1, stems: false)?.value != .kin,
               isPersonWord(toks[a - 2], first: true) || tagged != nil && taggerSays(a - 2, "PER")
                   || c.value == .family && !Self.isPluralShaped(toks[a - 2].stem) {
                start = a - 2
            }
            guard b > out.tokens(at: idx).upperBound || start < a else { continue }
            claim(start, b)
            out[idx].respan(start..<b, start: toks[start].stemStart, in: doc)
        }
        // a person's name that ends on a family marker or a patronymic link runs on over the unlinked name right after it
        // (الشيخ بدر آل | زيدان, where the title's name and the tagger's part at آل)
        // (a name that ran into the one before it takes nothing more: that name has its end)
        for p in out.indices where out.read(p, { $0.pointee.type == .person && $0.pointee.rule != "nested" && $0.pointee.rule != "joined-away" && $0.pointee.tokens.count >= 2 }) {
            let e = out.tokens(at: p).upperBound
            guard e < hi, let c = lexicons.nameContinuations.match(toks, at: e - 1, limit: e, stems: false), c.end == e,
                  c.value == .family || c.value == .link,
                  let q = out.indices.first(where: { out[$0].tokens.lowerBound == e && out[$0].type == .person && out[$0].rule != "nested"
                                                     && out[$0].entryID == nil && toks[e].prefix.isEmpty }) else { continue }
            out[p].respan(out[p].tokens.lowerBound..<out[q].tokens.upperBound, start: out[p].start, in: doc)
            out[q].rule = "joined-away"
        }
        out.removeAll { $0.rule == "joined-away" }
        // a name still ending on a patronymic link before another word ends before the link: محمد سالم | ولد | با علي,
        // where no word after the link could be read as a name (a link that ends the sentence may be a surname: Benn)
        for p in out.indices where out.read(p, { $0.pointee.type == .person && $0.pointee.rule != "nested" && $0.pointee.entryID == nil && $0.pointee.tokens.count >= 2 }) {
            let e = out.tokens(at: p).upperBound
            guard e < hi, toks[e].kind == .word, toks[e].script == .arabic,
                  let c = lexicons.nameContinuations.match(toks, at: e - 1, limit: e, stems: false), c.end == e, c.value == .link else { continue }
            out[p].respan(out[p].tokens.lowerBound..<e - 1, start: out[p].start, in: doc)
        }
        // 8b. a facility named after a titled person (ستاد الأمير فيصل بن فهد, ستاد مدينة الملك عبدالله): the facility's
        // class word, a class word such as مدينة, the title and the person's name are the facility; the person is
        // nested in it
        for p in out.indices where out.read(p, { $0.pointee.type == .person && $0.pointee.rule != "nested" && toks[$0.pointee.tokens.lowerBound].script == .arabic }) {
            let a = out.tokens(at: p).lowerBound
            guard let t = (max(lo, a - 3)..<a).first(where: { k in
                      !claimed[k - lo] && lexicons.titles.match(toks, at: k, limit: a).map { $0.end == a } == true }) else { continue }
            var f = t - 1
            if f >= lo, let inner = lexicons.placeTriggers.match(toks, at: f, limit: t), inner.end == t, !inner.value.keep { f -= 1 }
            // (not a verbal noun after a preposition: قضت بسجن الرئيس حسني مبارك; nor a class word whose adjective after the
            // name is no facility's: قاعدة الرئيس دونالد ترامب الانتخابية, his electoral base)
            let after = out.tokens(at: p).upperBound
            guard f >= lo, !claimed[f - lo], !toks[f].hasArticle, toks[f].suffix.isEmpty,
                  toks[f].prefix.isEmpty || toks[f].prefix == "و" || toks[f].prefix == "ف",
                  let trig = lexicons.placeTriggers.match(toks, at: f, limit: a), trig.value.keep, trig.value.subtype == "Facility",
                  (f..<a).allSatisfy({ !claimed[$0 - lo] }),
                  !(after < hi && toks[after].hasArticle && toks[after].prefix.isEmpty && Self.isNisbaShaped(toks[after].key)
                    && !lexicons.facilityAdjectives.contains(toks[after].key) && gazAt(after) == nil) else { continue }
            // (the facility's adjectives end its name, not the person's: مطار الملك خالد | الدولي)
            var pEnd = after
            while pEnd - 1 > a, lexicons.facilityAdjectives.contains(toks[pEnd - 1].key) { pEnd -= 1 }
            var end = after
            while end < hi, !claimed[end - lo], toks[end].prefix.isEmpty, lexicons.facilityAdjectives.contains(toks[end].key) { end += 1 }
            if pEnd < after {
                out[p].respan(a..<pEnd, start: out[p].start, in: doc)
            }
            out[p].rule = "nested"
            out[p].role = nil
            out.append(make(f, end, .place, "Facility", "place-trigger", 0.8))
            claim(f, end)
        }
        // 8a. a person's name joined by a hyphen to the next word, with no space on either side, runs on over it
        // (نازانين زغاري-راتكليف, جان-لوك ميلانشون): the next word, or the unlinked name that starts there
        // (not a known person's name: ترمب-كيم is two people); a known name written with the hyphen is linked
        // (كيم جونغ-أون). So does a place named after its class word, over each hyphen (مدينة روستوف-أون-دون).
        for idx in out.indices where out.read(idx, { $0.pointee.type == .person && $0.pointee.rule != "nested" && $0.pointee.entryID == nil
                                         || $0.pointee.type == .place && $0.pointee.rule == "place-trigger" && $0.pointee.entryID == nil }) {
            while out.read(idx, { $0.pointee.entryID == nil }) {
                let e = out.tokens(at: idx).upperBound
                guard e + 1 < hi, toks[e].kind == .punctuation, toks[e].key == "-", toks[e].start == toks[e - 1].end,
                      toks[e + 1].start == toks[e].end, toks[e + 1].kind == .word, toks[e + 1].script == toks[e - 1].script,
                      toks[e + 1].script == .arabic else { break }
                var end = e + 2
                if let j = out.indices.first(where: { out[$0].tokens.lowerBound == e + 1 && out[$0].rule != "nested" && out[$0].rule != "joined" }) {
                    guard out.read(j, { $0.pointee.entryID == nil }) else { break }
                    end = out.tokens(at: j).upperBound
                    out[j].rule = "joined"
                } else if claimed[e + 1 - lo] {
                    break
                }
                claim(e, end)
                let a = out.tokens(at: idx).lowerBound
                out[idx].respan(a..<end, start: out[idx].start, in: doc)
                let words = (a..<end).filter { toks[$0].kind == .word }.map { $0 == a ? toks[$0].body : toks[$0].key }
                if let known = knownName(words, type: out[idx].type) {
                    out[idx].entryID = known.id
                    out[idx].subtype = known.subtype
                }
                if out[idx].type == .person { break }
            }
        }
        // and back: an unlinked name read after the hyphen starts at the word before it, and at a given name or a rare
        // word before that (بنازانين زغاري-راتكليف where the tagger reads راتكليف)
        for idx in out.indices where out.read(idx, { $0.pointee.type == .person && $0.pointee.rule != "nested" && $0.pointee.entryID == nil }) {
            let a = out.tokens(at: idx).lowerBound
            guard a - 2 >= lo, toks[a - 1].kind == .punctuation, toks[a - 1].key == "-", toks[a - 1].end == toks[a].start,
                  toks[a - 2].end == toks[a - 1].start, toks[a - 2].kind == .word, toks[a - 2].script == .arabic,
                  toks[a].script == .arabic, toks[a].prefix.isEmpty, !claimed[a - 2 - lo], !toks[a - 2].hasArticle,
                  !definiteFormIsCommon(toks[a - 2]) else { continue }
            var start = a - 2
            if start - 1 >= lo, !claimed[start - 1 - lo], toks[start].prefix.isEmpty, toks[start - 1].kind == .word,
               toks[start - 1].script == .arabic, !toks[start - 1].hasArticle,
               isPersonWord(toks[start - 1], first: true) || lexicons.vocabulary.count(toks[start - 1].stem) < 50
                   && !lexicons.functionWords.contains(toks[start - 1].key) && !definiteFormIsCommon(toks[start - 1])
                   && lexicons.titles.match(toks, at: start - 1, limit: start) == nil {
                start -= 1
            }
            claim(start, a)
            out[idx].respan(start..<out[idx].tokens.upperBound, start: toks[start].stemStart, in: doc)
        }
        out.removeAll { $0.rule == "joined" }
        // 8b. a known name of two or more words written in another transliteration (أتليتيكو مدريد for أتلتيكو مدريد,
        // مانشستر يونايتيد): where a mention starts, the words match a known name by spelling skeleton
        // (`SpellingVariants`), each word written otherwise is rare, and what the span holds is unlinked or one known
        // place of one word (مدريد in the club's name): one mention of that entry. Only where one entry fits.
        let variants = lexicons.spellingVariants
        if !variants.isEmpty && !out.isEmpty {
            // (read in place: a Mention copy retains its strings)
            var starts: [Int] = []
            for i in out.indices where out.read(i, { $0.pointee.rule != "nested" && toks[$0.pointee.tokens.lowerBound].script == .arabic }) {
                let a = out.tokens(at: i).lowerBound
                // (and the word before, unread: أتليتيك of أتليتيك بيلباو where the tagger reads بيلباو)
                if a > lo, !claimed[a - 1 - lo], toks[a - 1].script == .arabic { starts.append(a - 1) }
                starts.append(a)
            }
            starts.sort()
            // (a continuation word's skeleton is only needed where a first word matched: rarely)
            func skeleton(_ k: Int) -> UInt64 { SpellingVariants.skeleton(toks[k].key) }
            var previous = -1
            for a in starts where a != previous && toks[a].kind == .word {
                previous = a
                var found: (end: Int, entry: Int)? = nil
                var ambiguous = false
                // (the first word without its proclitics: وأتليتيكو مدريد, لأتليتيكو مدريد)
                let firstBody = toks[a].body
                let firstSkeleton = SpellingVariants.skeleton(firstBody)
                for v in variants.names(firstSkeleton: firstSkeleton) {
                    let n = v.skeletons.count
                    if a + n > hi { continue }
                    if let f = found, a + n < f.end { break }
                    var differs = false
                    var fits = true
                    for k in 0..<n {
                        let t = toks[a + k]
                        let word = k == 0 ? firstBody : t.key
                        guard t.kind == .word, t.script == .arabic, k == 0 || t.prefix.isEmpty,
                              (k == 0 ? firstSkeleton : skeleton(a + k)) == v.skeletons[k] else { fits = false; break }
                        if !keysEqual(word, v.name.keys[k]) {
                            // (a rare word of five letters or more, not an Arabic feminine noun — منظومة "system" is no
                            // منظمة —, and no given name of its own: ليونيل موسى is not Messi)
                            guard word.unicodeScalars.count >= 5, word.unicodeScalars.last != "\u{0647}",
                                  lexicons.vocabulary.count(word) < Self.commonWordCount,
                                  lexicons.nameWords[word] == nil else { fits = false; break }
                            differs = true
                        }
                    }
                    // (short names collide: لي تشونغ is not لي تشيانغ)
                    guard fits, differs, v.name.keys.reduce(0, { $0 + $1.unicodeScalars.count }) >= 9 else { continue }
                    if let f = found, f.entry != v.name.entry { ambiguous = true } else { found = (a + n, v.name.entry) }
                }
                // (a name written as the gazetteer writes it was weighed by the passes above)
                guard let f = found, !ambiguous, (gazetteerMatch(doc, at: a, limit: hi)?.end ?? a) < f.end else { continue }
                let e = lexicons.gazetteer.entries[f.entry]
                let inside = out.indices.filter { out[$0].tokens.lowerBound < f.end && a < out[$0].tokens.upperBound }
                guard inside.allSatisfy({ i in
                    let m = out[i]
                    guard m.tokens.lowerBound >= a, m.tokens.upperBound <= f.end, !m.isDemonym || m.rule == "nested" else { return false }
                    return m.entryID == nil || m.entryID == e.id || (m.type == .place && m.tokens.count == 1) || m.rule == "nested"
                }) else { continue }
                for i in inside.reversed() { out.remove(at: i) }
                out.append(make(a, f.end, e.type, e.subtype, "gazetteer-variant", 0.85, entry: e.id))
                claim(a, f.end)
            }
        }
        // 9. the unknown name after a product noun is the product's (هاتف آيفون تن, جهاز آيباد برو, صاروخ هواسونغ):
        // no person, place or body is named there (rules/product-heads.tsv)
        let productHeads = lexicons.productHeads
        if !productHeads.isEmpty {
            var productWord: [Bool] = []     // made at the first product noun of the sentence
            for h in lo..<hi where toks[h].script == .arabic && toks[h].suffix.isEmpty && productHeads.contains(toks[h].stem, hash: toks[h].stemHash) {
                if productWord.isEmpty { productWord = [Bool](repeating: false, count: hi - lo) }
                var k = h + 1
                while k < min(hi, h + 5), toks[k].prefix.isEmpty, !toks[k].hasArticle,
                      toks[k].kind == .word || (toks[k].kind == .number && k > h + 1),
                      !lexicons.functionWords.contains(toks[k].key), !lexicons.stopwords.contains(toks[k].stem),
                      gazAt(k).map({ $0.isDemonym }) != true,
                      !(k == h + 1 && toks[k].script == .arabic
                        && (isPersonWord(toks[k], first: true) || lexicons.personNameWords.contains(toks[k].stem))) {
                    productWord[k - lo] = true; k += 1
                }
            }
            if !productWord.isEmpty {
                out.removeAll { m in
                    m.entryID == nil && m.type != .event && productWord[m.tokens.lowerBound - lo]
                        && !(m.rule == "nested" || m.rule == "demonym-in-name")
                }
            }
        }
        // which tokens of the sentence a mention covers
        func coverage() -> [Bool] {
            var covered = [Bool](repeating: false, count: hi - lo)
            for m in out { for k in m.tokens { covered[k - lo] = true } }
            return covered
        }
        // 9b. an acronym written letter by letter is one name (مؤسسة آي دي سي, not دي سي): a name that starts or ends
        // inside a run of letter names (rules/letter-names.txt) takes the run, and a run read as a person is a body
        let letterNames = lexicons.letterNames
        if !letterNames.isEmpty {
            func letter(_ k: Int) -> Bool { k >= lo && k < hi && toks[k].script == .arabic && toks[k].prefix.isEmpty && letterNames.contains(toks[k].key, hash: toks[k].keyHash) }
            func plainLetter(_ k: Int) -> Bool { letter(k) && !lexicons.functionWords.contains(toks[k].key) }
            var covered = coverage()
            for idx in out.indices where out.read(idx, { $0.pointee.rule != "nested" && $0.pointee.entryID == nil && toks[$0.pointee.tokens.lowerBound].script == .arabic }) {
                var a = out.tokens(at: idx).lowerBound, b = out.tokens(at: idx).upperBound
                guard letter(a) || letter(b - 1) else { continue }
                // (a letter that is also a function word only inside the run, or written آي / إي: أي is "any", إن "that")
                while letter(a - 1), !covered[a - 1 - lo], letter(a),
                      plainLetter(a - 1) || ["\u{0622}", "\u{0625}"].contains(doc.scalars[toks[a - 1].start]) && toks[a - 1].key != "ان" { a -= 1 }
                while letter(b), !covered[b - lo], letter(b - 1), plainLetter(b) || plainLetter(b + 1) { b += 1 }
                if a == out.tokens(at: idx).lowerBound && b == out.tokens(at: idx).upperBound && !(a..<b).allSatisfy(letter) { continue }
                for k in a..<b { covered[k - lo] = true }
                out[idx].respan(a..<b, start: toks[a].start, in: doc)
                // (not a name after a person's title: مغني الراب جاي زي)
                if out[idx].type == .person && b - a >= 2 && (a..<b).allSatisfy(letter) && !out[idx].rule.hasPrefix("title") {
                    out[idx].type = .organization; out[idx].subtype = ""
                }
            }
        }
        // 9c. a rare word joined by و to a person's or a place's name is a name of the same kind: lists join like with
        // like (هندرسن وميلنر وفيجنالدوم, الحديدة والصليف). Never a word with a pronoun, a plural, a context word
        // (title, head noun, place trigger) or a word whose definite form is as common; for persons not a definite word.
        if s.script == .arabic && tagged != nil {
            var covered = coverage()
            func listWord(_ k: Int, _ type: EntityType) -> Bool {
                guard k >= lo, k < hi, !covered[k - lo] else { return false }
                let t = toks[k]
                guard t.script == .arabic, t.kind == .word, t.suffix.isEmpty, !(type == .person && t.hasArticle),
                      t.key.unicodeScalars.count > 2, !lexicons.functionWords.contains(t.key), !lexicons.stopwords.contains(t.stem),
                      lexicons.vocabulary.count(t.stem) < Self.rareListWordCount, !Self.isPluralShaped(t.key),
                      !definiteFormIsCommon(t), lexicons.titles.match(toks, at: k, limit: hi) == nil,
                      !lexicons.placeTriggers.contains(key: t.stem), !lexicons.organizationHeads.contains(key: t.stem),
                      gazAt(k) == nil else { return false }
                // (a pronoun the segmenter left on a known word: حلفائنا, شركائها, أصدقائه)
                for ending in Self.pronounEndings where t.key.endsWithLetters(ending) {
                    let rest = String(t.key.unicodeScalars.dropLast(ending.unicodeScalars.count))
                    if lexicons.vocabulary.count(rest) >= 20 { return false }
                }
                // (a definite word only if news hardly writes it without the article: الصليف, not الضواحي)
                return !t.hasArticle || lexicons.vocabulary.count(t.stem) < 3 || usedLikeAName(t.stem)
            }
            var added: [Mention] = []
            func add(_ a: Int, _ b: Int, _ type: EntityType) {
                added.append(make(a, b, type, "", "list", 0.5))
                for k in a..<b { covered[k - lo] = true }
            }
            for m in out where (m.type == .person || m.type == .place) && m.rule != "nested" && !m.isDemonym
                && m.rule != "demonym-in-name" && toks[m.tokens.lowerBound].script == .arabic {
                // (a person's item may have two words: وروبرتو فيرمينو)
                func itemEnd(_ k: Int) -> Int {
                    m.type == .person && listWord(k + 1, .person) && toks[k + 1].prefix.isEmpty && k + 2 <= hi
                        && !(k + 2 < hi && toks[k + 2].prefix.isEmpty && listWord(k + 2, .person)) ? k + 2 : k + 1
                }
                // (an item ends the sentence or a clause, or another item follows: a verb after و starts a clause and
                // has words after it: كين قائد إيرلندا وخدعت الحارس)
                func closes(_ e: Int) -> Bool {
                    e >= hi || toks[e].kind == .punctuation && Self.listClosers.contains(toks[e].key)
                        || toks[e].prefix == "و" && (covered[e - lo] || listWord(e, m.type))
                }
                // (and و is a conjunction there, not the first letter of a name written more often whole: دانا وايت)
                func joined(_ k: Int) -> Bool {
                    toks[k].prefix == "و" && lexicons.vocabulary.count(toks[k].key) <= 2 * lexicons.vocabulary.count(toks[k].stem)
                }
                var k = m.tokens.upperBound
                while k < hi, joined(k), listWord(k, m.type) {
                    let e = itemEnd(k)
                    guard closes(e) else { break }
                    add(k, e, m.type)
                    k = e
                }
                // the item before: X وM, where X starts the list after a punctuation mark or a function word (بين X وM)
                let a = m.tokens.lowerBound
                if joined(a), a - 1 >= lo, toks[a - 1].prefix.isEmpty, listWord(a - 1, m.type),
                   a - 2 < lo || toks[a - 2].kind == .punctuation || lexicons.functionWords.contains(toks[a - 2].key) {
                    add(a - 1, a, m.type)
                }
            }
            out += added
        }
        // 10. organisations described by their kind (rules/nominal-bodies.tsv) are marked nominal
        if !lexicons.nominalBodies.isEmpty {
            for idx in out.indices where out.read(idx, { $0.pointee.type == .organization && $0.pointee.rule != "nested" }) {
                out[idx].isNominal = isNominal(out[idx], doc)
            }
        }
        // 11. demonyms left: evidence of a country
        return out.sorted { ($0.tokens.lowerBound, -$0.tokens.count) < ($1.tokens.lowerBound, -$1.tokens.count) }
    }

    /// Whether an Arabic organisation mention describes a body by its kind (الجيش الإسرائيلي, وزارة المالية, مجلس
    /// الوزراء) rather than names it (قوات سوريا الديمقراطية; الجيش السوري الحر as an armed group's entry), by
    /// rules/nominal-bodies.tsv.
    func isNominal(_ m: Mention, _ doc: AnalyzedText) -> Bool {
        let r = m.tokens, toks = doc.tokens
        guard toks[r.lowerBound].script == .arabic else { return false }
        guard r.count >= 2 else { return false }
        let head = String(toks[r.lowerBound].bareStem)
        let two = head + " " + toks[r.lowerBound + 1].stem
        let (need, complement): (LexiconSet.NominalComplement, Range<Int>)
        if let n = lexicons.nominalBodies[two] { (need, complement) = (n, r.lowerBound + 2..<r.upperBound) }
        else if let n = lexicons.nominalBodies[head] { (need, complement) = (n, r.lowerBound + 1..<r.upperBound) }
        else { return false }
        if let id = m.entryID, let e = lexicons.gazetteer.entry(id: id),
           !["GovernmentOrganization", "MilitaryOrganization", ""].contains(e.subtype) { return false }
        var demonym = false
        for k in complement {
            let t = toks[k]
            // (the words of a known name have no match of their own: look the word up alone)
            if let g = gazetteerMatch(doc, at: k, limit: k + 1) {
                if g.isDemonym { demonym = true; continue }
                return false
            }
            guard t.kind == .word, lexicons.functionWords.contains(t.key) || lexicons.vocabulary.count(t.stem) >= Self.commonWordCount,
                  !isPersonWord(t, first: false) else { return false }
        }
        return need == .common || demonym
    }

    // MARK: - tagger features

    /// The tagger's view of a token range: strings plus gazetteer (BIO) and name-list features. Training
    /// (`TaggerTraining`) and recognition both build tokens here, so the features always agree.
    func taggerTokens(_ doc: AnalyzedText, _ range: Range<Int>, gazetteer gaz: [GazMatch?], memo: TaggerWordMemo? = nil) -> [TaggerToken] {
        var labels = [String](repeating: "", count: range.count)
        for (off, g) in gaz.enumerated() {
            guard let g, !g.afterLetter else { continue }
            let e = lexicons.gazetteer.entries[g.entry]
            let ty = g.isDemonym ? "DEM" : (e.type == .person ? "PER" : e.type == .organization ? "ORG" : "LOC")
            labels[off] = "B-" + ty
            var k = range.lowerBound + off + 1
            while k < g.end { labels[k - range.lowerBound] = "I-" + ty; k += 1 }
        }
        let toks = doc.tokens
        if let memo, lexicons.tagger?.wordCaches != nil {
            // the tagger's word cache reads the hashes, not the strings: no surface String, each word hashed once
            let scalars = doc.scalars
            return range.map { k in
                let t = toks[k]
                let w = memo.word(t, self)
                var word = w.word
                let a = max(0, t.start), b = min(t.end, scalars.count)
                word.setToken(TaggerFeatureExtractor.shapeHash(scalars: scalars[a..<max(a, b)]), capitalized: t.isCapitalized, lexical: w.lexical)
                var tok = TaggerToken(surface: "", key: t.key, stem: w.stem, gazetteer: labels[k - range.lowerBound],
                                      isCapitalized: t.isCapitalized, lexical: w.lexical)
                tok.word = word
                return tok
            }
        }
        return range.map { k in
            let t = toks[k]
            let stem = t.stem
            let w = memo?.info(t, self) ?? wordInfo(t)
            return TaggerToken(surface: doc.surface(t), key: t.key, stem: stem == t.key ? "" : stem, prefix: t.prefix, suffix: t.suffix,
                               gazetteer: labels[k - range.lowerBound], nameClass: w.nameClass, isCapitalized: t.isCapitalized,
                               lexical: w.lexical)
        }
    }

    /// What the lexicons say about a token's word for the tagger: name-list class and context classes.
    func wordInfo(_ t: Token) -> TaggerWordMemo.Info { wordInfo(t, stemHash: TaggerFeature.fnv(t.stem)) }

    /// `wordInfo(t)` given `TaggerFeature.fnv(t.stem)`.
    func wordInfo(_ t: Token, stemHash: UInt64) -> TaggerWordMemo.Info {
        let stem = t.stem
        var lexical: UInt8 = 0
        // titles, head nouns, triggers and function words are all frequent words of news text (corpus count ≥ 100,
        // read from the hash-keyed cluster table): rarer words skip these String lookups, the costly part of featurising
        if t.kind == .word && WordClusters.bundled.countDigits(stemHash) >= 3 {
            let h = t.stemHash
            if lexicons.titles.contains(key: stem, hash: h) { lexical |= TaggerToken.title }
            if lexicons.organizationHeads.contains(key: stem, hash: h) { lexical |= TaggerToken.organizationHead }
            if lexicons.placeTriggers.contains(key: stem, hash: h) { lexical |= TaggerToken.placeTrigger }
            if lexicons.functionWords.contains(t.key, hash: t.keyHash) || lexicons.stopwords.contains(stem, hash: h) { lexical |= TaggerToken.functionWord }
        }
        return TaggerWordMemo.Info(nameClass: lexicons.nameWords.value(stem, hash: t.stemHash)?.cls ?? "", lexical: lexical)
    }

    /// Greedy longest gazetteer matches over a token range (the first pass of recognition).
    func gazetteerMatches(_ doc: AnalyzedText, _ range: Range<Int>) -> [GazMatch?] {
        var gaz = [GazMatch?](repeating: nil, count: range.count)
        var i = range.lowerBound
        var free: [Int] = []      // tokens no match covers, where a name after an unsplit proclitic letter may start
        while i < range.upperBound {
            // (no name inside a fixed phrase: مسقط رأسه, للنيل من; rules/idioms.tsv)
            if let idiom = lexicons.idioms.match(doc.tokens, at: i, limit: range.upperBound, stems: false) { i = idiom.end; continue }
            if let m = gazetteerMatch(doc, at: i, limit: range.upperBound) { gaz[i - range.lowerBound] = m; i = m.end } else { free.append(i); i += 1 }
        }
        // (only over tokens no match covers or starts, so the tagger's labels, which leave these out, stay as they were)
        var covered = -1
        for k in free where k > covered {
            guard let m = gazetteerMatchAfterLetter(doc, at: k, limit: range.upperBound),
                  (k + 1..<m.end).allSatisfy({ free.contains($0) }) else { continue }
            gaz[k - range.lowerBound] = m
            covered = m.end - 1
        }
        return gaz
    }

    // MARK: - gazetteer

    func gazetteerMatch(_ doc: AnalyzedText, at i: Int, limit: Int) -> GazMatch? {
        let toks = doc.tokens
        let t = toks[i]
        guard t.kind == .word || t.kind == .number else { return nil }
        let key = t.key, body = t.body
        var best: GazMatch? = nil
        // a word after the future marker س is a verb (ستدمر "will destroy", not Palmyra): only its whole form may match
        let futureVerb = t.prefix.endsWithLetters("س")
        for pass in 0..<(keysEqual(body, key) || futureVerb ? 1 : 2) {
            outer: for name in lexicons.gazetteer.names(startingWith: pass == 0 ? key : body, hash: pass == 0 ? t.keyHash : t.bodyHash) {
                let n = name.keys.count
                if i + n > limit { continue }
                if let b = best, i + n <= b.end { continue }
                for k in 1..<n { if !keysEqual(toks[i + k].key, name.keys[k]) { continue outer } }
                let e = lexicons.gazetteer.entries[name.entry]
                if t.script == .latin, !isCapitalizedName(doc, i, i + n, e) { continue }
                // a nisba ends in ي, never in ى, which normalisation merges with it: اليمنى "right" is not اليمني "Yemeni"
                if name.isDemonym, doc.scalars[toks[i + n - 1].end - 1] == "\u{0649}" { continue }
                best = GazMatch(end: i + n, entry: name.entry, isDemonym: name.isDemonym, wholeWord: pass == 0 && !keysEqual(body, key))
                break
            }
        }
        return best
    }

    /// A known name of two or more words whose first word carries a proclitic letter the segmenter did not split off
    /// (بكيم جونغ أون: كيم is rare alone, برام الله): the rest of the word and the next words are the name. The rules
    /// see such matches (`gazetteerMatches`); the tagger's gazetteer features leave them out.
    func gazetteerMatchAfterLetter(_ doc: AnalyzedText, at i: Int, limit: Int) -> GazMatch? {
        let toks = doc.tokens
        let t = toks[i]
        guard t.script == .arabic, t.prefix.isEmpty, t.kind == .word, let c = t.key.unicodeScalars.first,
              CliticSegmenter.procliticLetters.contains(c), t.key.unicodeScalars.count >= 4, i + 1 < limit else { return nil }
        let rest = String(t.key.unicodeScalars.dropFirst())
        outer: for name in lexicons.gazetteer.names(startingWith: rest) where name.keys.count >= 2 && !name.isDemonym {
            let n = name.keys.count
            if i + n > limit { continue }
            for k in 1..<n { if !keysEqual(toks[i + k].key, name.keys[k]) { continue outer } }
            return GazMatch(end: i + n, entry: name.entry, isDemonym: false, afterLetter: true)
        }
        return nil
    }

    /// English names written with a capital in the lexicon need a capital in the text (so "aid" ≠ "Aid"); all-capital
    /// short names (US, UN, SDF) need all capitals.
    private func isCapitalizedName(_ doc: AnalyzedText, _ a: Int, _ b: Int, _ e: LexiconEntry) -> Bool {
        let surface = doc.text(doc.tokens[a].start, doc.tokens[b - 1].end)
        let letters = surface.unicodeScalars.filter { $0.properties.isAlphabetic }
        if letters.count <= 4 && b - a == 1 {
            // acronyms: the text must be upper-case too
            let upper = letters.allSatisfy { $0.properties.isUppercase }
            let nameIsAcronym = e.allNames.contains { $0.unicodeScalars.count <= 5 && $0.unicodeScalars.allSatisfy { !$0.properties.isLowercase } && Normalizer.key($0).replacingOccurrences(of: ".", with: "") == doc.tokens[a].key.replacingOccurrences(of: ".", with: "") }
            if nameIsAcronym { return upper }
        }
        return doc.tokens[a].isCapitalized || doc.tokens[a].key == "the"
    }

    // MARK: - persons

    /// The name after a title: skips the organisation or nisba that qualifies the title, and an apposition comma.
    func personAfterTitle(_ doc: AnalyzedText, from start: Int, limit: Int, gazAt: (Int) -> GazMatch?, spokesperson: Bool = false) -> (Int, Int, Bool)? {
        let toks = doc.tokens
        var j = start
        var viaComma = false
        var skipped = 0
        while j < limit && skipped < 8 {
            let t = toks[j]
            if t.key == "," { viaComma = true; j += 1; break }
            if t.kind == .punctuation { return nil }
            if let g = gazAt(j) {
                if lexicons.gazetteer.entries[g.entry].type == .person { return (j, g.end, viaComma) }
                if isNisbaGivenName(doc, g, at: j, limit: limit, gazAt: gazAt) { break }
                j = g.end; skipped += 1; continue
            }
            if t.script == .arabic {
                if t.hasArticle || t.key == "باسم" || t.prefix.endsWithLetters("ل") || lexicons.titles.contains(key: t.stem) {
                    if lexicons.stopwords.contains(t.stem) { return nil }
                    j += 1; skipped += 1; continue
                }
                if lexicons.organizationHeads.contains(key: t.stem) { j += 1; skipped += 1; continue }
                break
            } else {
                if t.isCapitalized { break }
                // "spokesman for the X": what follows is the organisation, not the name
                if (t.key == "for" || t.key == "of") && j == start { return nil }
                if t.key == "of" || t.key == "for" || t.key == "the" || t.key == "'s" || lexicons.titles.contains(key: t.key) { j += 1; skipped += 1; continue }
                return nil
            }
        }
        guard j < limit else { return nil }
        if let g = gazAt(j), lexicons.gazetteer.entries[g.entry].type == .person { return (j, g.end, viaComma) }
        var k = j
        var aliAt = -2
        while k < limit && k - j < 4 {
            let t = toks[k]
            // (an English one-word place between two name words is part of the name: Maj. Abdifatah Aden Hassan)
            if t.kind != .word { break }
            // a country's nisba after one given name (or a kunya) is the family name, not a nationality:
            // الشيخ خالد المصري, الشيخ أبو حمزة المصري
            if !viaComma, let g = gazAt(k), g.isDemonym, g.end == k + 1, isNisbaSurname(doc, at: k, nameStart: j, afterTitle: true) { k += 1; break }
            if k == j, let g = gazAt(k), isNisbaGivenName(doc, g, at: k, limit: limit, gazAt: gazAt) { k += 2; break }
            if let g = gazAt(k), !(t.script == .latin && k > j && g.end == k + 1 && !g.isDemonym && k + 1 < limit
                                   && toks[k + 1].script == .latin && toks[k + 1].isCapitalized && gazAt(k + 1) == nil) { break }
            if t.script == .latin {
                if !(t.isCapitalized || (Self.nameConnectorsEn.contains(t.key) && k > j && k + 1 < limit && toks[k + 1].isCapitalized)) { break }
                if lexicons.stopwords.contains(t.key) && k == j { return nil }
            } else {
                // (علي written with ي before a rare word is the given name, not على "on": وزير العمل علي ربيعي)
                let ali = k == j && t.key == "علي" && t.prefix.isEmpty && doc.scalars[t.end - 1] == "\u{064A}" && k + 1 < limit
                    && toks[k + 1].script == .arabic && toks[k + 1].kind == .word && toks[k + 1].prefix.isEmpty && !toks[k + 1].hasArticle
                    && !lexicons.functionWords.contains(toks[k + 1].key)
                    && (isPersonWord(toks[k + 1], first: false) || lexicons.vocabulary.count(toks[k + 1].stem) < Self.commonWordCount)
                if ali { aliAt = k; k += 1; continue }
                if lexicons.functionWords.contains(t.key) || lexicons.functionWords.contains(t.stem)
                    || lexicons.stopwords.contains(t.stem) || lexicons.stopwords.contains(t.key) { break }
                if k > j && !t.prefix.isEmpty { break }
                if !viaComma {
                    if !isPersonWord(t, first: k == j) {
                        // after a spokesman's title, two or three words rare in news and then what they said are a name
                        // the lists do not know (المتحدث باسم وزارة الصحة الأفغانية وحيد مجروه أن …)
                        // (and the rare word after the given name علي: وزير العمل علي ربيعي)
                        // (not the place or body the spokesman speaks for: المتحدث باسم إقليم نانجارهار)
                        guard spokesperson || k == aliAt + 1, t.prefix.isEmpty, !t.hasArticle, lexicons.vocabulary.count(t.stem) < 1000,
                              lexicons.eventTriggers.match(toks, at: k, limit: k + 1) == nil,
                              lexicons.placeTriggers.match(toks, at: k, limit: k + 1) == nil,
                              !lexicons.organizationHeads.contains(key: t.stem) else { break }
                    }
                } else if t.hasArticle && !isPersonWord(t, first: false) && k == j {
                    return nil
                } else if k == j && (lexicons.titles.contains(key: t.stem) || lexicons.titles.contains(key: t.key))
                            && (!isPersonWord(t, first: true) || lexicons.vocabulary.count(t.stem) >= Self.veryCommonWordCount) {
                    // (an apposition that starts with a title is another role of the same person: ، رئيس الهيئة العامة،;
                    // أمين is also a given name, رئيس hardly ever)
                    return nil
                } else if k == j && t.prefix.startsWithLetters("و") && !isPersonWord(t, first: true) {
                    // (an apposition does not start with "and": شريط مصور، ووضع قيد التوقيف is no name)
                    return nil
                }
            }
            k += 1
        }
        if k == j { return nil }
        if toks[j].script == .arabic && !viaComma && k - j < 2 { return nil }
        // an Arabic apposition is closed by punctuation (المبعوث السعودي، نزار العلولا، في …); words running on into the
        // sentence are a clause, not a name (مدير المخابرات، لاقت خطوته ترحيبا)
        if viaComma, toks[j].script == .arabic, k < limit, toks[k].kind != .punctuation, !isPersonWord(toks[j], first: true) { return nil }
        // (a lenient spokesman's name must be followed by what was said: أن / إن / a comma / a colon)
        if spokesperson, toks[j].script == .arabic, !viaComma, !(j..<k).allSatisfy({ isPersonWord(toks[$0], first: $0 == j) }) {
            guard k < limit, ["ان", ",", ":", "قوله"].contains(toks[k].key) || toks[k].key == Normalizer.key("إن") else { return nil }
        }
        // (no word of a name carries a pronoun, unless the lists know it so: أبعد نفسه, قولها are no names; عبده is one)
        if toks[j].script == .arabic && viaComma && (j..<k).contains(where: { !toks[$0].suffix.isEmpty && !isPersonWord(toks[$0], first: $0 == j) }) {
            return nil
        }
        // an Arabic apposition must look like a name: some word in it is a known name word or rare in news text
        if toks[j].script == .arabic && viaComma && !(j..<k).contains(where: { isPersonWord(toks[$0], first: $0 == j) || lexicons.vocabulary.count(toks[$0].stem) < 300 }) {
            return nil
        }
        if toks[j].script == .latin && lexicons.organizationHeads.contains(key: toks[k - 1].key) { return nil }
        return (j, k, viaComma)
    }

    /// The gazetteer entry of `type` named by the words of `head` followed by those of `name` (quotes between them
    /// left out), if exactly one.
    func knownName(_ toks: [Token], _ head: Range<Int>, _ name: Range<Int>, type: EntityType) -> LexiconEntry? {
        knownName((head.map { toks[$0].key }) + name.map { toks[$0].key }, type: type)
    }

    /// The one gazetteer entry of `type` with a name written with exactly these keys, if only one has it.
    func knownName(_ keys: [String], type: EntityType) -> LexiconEntry? {
        let found = lexicons.gazetteer.names(keys: keys, type: type)
        guard let first = found.first, found.allSatisfy({ $0.entry == first.entry }) else { return nil }
        return lexicons.gazetteer.entries[first.entry]
    }

    /// Corpus count from which a word read behind an unsplit و (وولي = و + ولي) is that common word, not a name.
    static let commonAfterConjunction = 1000

    /// The normalised key of الله.
    static let godKey = Normalizer.key("الله")

    /// Corpus count (ANT word counts) from which an Arabic word is too common to be a person's name on its own.
    static let veryCommonWordCount = 3000

    /// Whether an Arabic stem is a word news uses all the time (أول, العربية) and no person's name: neither a person
    /// name word of the name lists nor a word of a gazetteer person's name (ترامب, صلاح stay names; الثاني of
    /// عبدالله الثاني is a regnal number, rules/name-continuations.tsv, and stays "the second").
    func isCommonWord(_ stem: String) -> Bool {
        lexicons.vocabulary.count(stem) >= Self.veryCommonWordCount && lexicons.nameWords[stem]?.cls != "PERSON"
            && (!lexicons.personNameWords.contains(stem) || lexicons.nameContinuations.contains(key: stem))
    }

    /// Whether the name read over `a..<b` is a currency (rules/money-words.tsv): its first word is one, after an amount
    /// or a price word (3 مليارات ريال, سعر الريال), or alone before a nisba (الريال السعودي).
    func isCurrency(_ doc: AnalyzedText, _ a: Int, _ b: Int, lo: Int, gazAt: (Int) -> GazMatch?) -> Bool {
        let toks = doc.tokens
        func money(_ k: Int) -> LexiconSet.MoneyWord? {
            guard toks[k].script == .arabic, toks[k].kind == .word else { return nil }
            return lexicons.moneyWords[toks[k].stem] ?? lexicons.moneyWords[String(toks[k].bareStem)]
        }
        guard money(a) == .currency, gazAt(a).map({ $0.end > b }) != true else { return false }
        if a > lo, toks[a - 1].kind == .number || [.amount, .price].contains(money(a - 1)) { return true }
        guard b == a + 1, b < toks.count, toks[b].script == .arabic, toks[b].kind == .word, toks[b].prefix.isEmpty else { return false }
        return Self.isNisbaShaped(toks[b].key) || gazAt(b)?.isDemonym == true
    }

    /// Whether the demonym matched at `k` is a given name before a family name: an indefinite nisba that the name
    /// lists give as a person's name, then a family name (العقيد تركي المالكي: Turki, not "Turkish").
    func isNisbaGivenName(_ doc: AnalyzedText, _ g: GazMatch, at k: Int, limit: Int, gazAt: (Int) -> GazMatch?) -> Bool {
        let toks = doc.tokens
        guard g.isDemonym, g.end == k + 1, k + 1 < limit, toks[k].script == .arabic, !toks[k].hasArticle, toks[k].prefix.isEmpty,
              lexicons.nameWords[toks[k].stem]?.cls == "PERSON" else { return false }
        let next = toks[k + 1]
        return next.kind == .word && next.prefix.isEmpty && gazAt(k + 1) == nil
            && (isPersonWord(next, first: false) || (next.hasArticle && Self.isNisbaShaped(next.key)))
    }

    /// Whether the one-word demonym at `k` ends a person's name that starts at `nameStart`: a definite country nisba
    /// right after one given name or a kunya (خالد المصري, أبو حمزة المصري) is a family name.
    /// A country's nisba after a given name, or after a kunya and its word, is the family name, not a nationality
    /// (خالد المصري, أبو حمزة المصري); after a definite title, an indefinite one is too (الرئيس جون كندي: a nationality
    /// there would take the article). `afterTitle`: the name follows a title.
    func isNisbaSurname(_ doc: AnalyzedText, at k: Int, nameStart j: Int, afterTitle: Bool = false, taggerName: Bool = false) -> Bool {
        let toks = doc.tokens
        guard toks[k].script == .arabic, toks[k].prefix.isEmpty, toks[k].suffix.isEmpty, k > j else { return false }
        if !toks[k].hasArticle {
            // (not after an indefinite title, زعيم كردي سوري, nor before a definite noun: محمد مصري الجنسية)
            return afterTitle && k == j + 1 && j > 0 && toks[j - 1].hasArticle && isPersonWord(toks[j], first: true)
                && !(k + 1 < toks.count && toks[k + 1].kind == .word && toks[k + 1].hasArticle)
        }
        if k == j + 1 && isPersonWord(toks[j], first: true) { return true }
        if k == j + 2 && Self.kunyaWords.contains(toks[j].stem) && toks[j].key != "ال" && toks[j + 1].kind == .word { return true }
        // (after one to three bare words the tagger reads as one person's name with it, as its last word: فيصل السويدي,
        // محمد سعيد الكندي; a nationality follows a name only after a comma or a title in news; but a name in
        // parentheses that the nisba closes is a player's club and its country: (قاسم باشا التركي))
        let parenthesised = j > 0 && k + 1 < toks.count && toks[j - 1].key == "(" && toks[k + 1].key == ")"
        return taggerName && !parenthesised && k - j <= 3 && (j..<k).allSatisfy { w in
            let t = toks[w]
            return t.script == .arabic && t.kind == .word && t.prefix.isEmpty && t.suffix.isEmpty && !t.hasArticle
                && !lexicons.functionWords.contains(t.key) && !isCommonWord(t.stem)
        }
    }

    /// An Arabic word shaped like an imperfect verb in the dual or plural (يرقدان, يقولون, تطالبان) that no name list
    /// has: a verb after a name, not a word of it.
    /// (Its singular must be a word news writes, يرقد of يرقدان, and it a word news writes too unless the singular is
    /// frequent, يدرك of يدركان; not a nisba's ‑يان, ‑يون: يعقوبيان, تهرانيان; nor a name whose shorter form is no word,
    /// تشارلتون, or a rare one: توبون of توب, تيسون.)
    func isImperfectPlural(_ t: Token) -> Bool {
        guard t.script == .arabic, !t.hasArticle, t.suffix.isEmpty, t.key.unicodeScalars.count >= 5,
              let first = t.key.unicodeScalars.first, first == "\u{064A}" || first == "\u{062A}",
              t.key.endsWithLetters("ان") || t.key.endsWithLetters("ون"), !t.key.endsWithLetters("يان"), !t.key.endsWithLetters("يون") else { return false }
        let singular = String(t.key.unicodeScalars.dropLast(2))
        let singularCount = lexicons.vocabulary.count(singular)
        return singularCount >= 3 && (singularCount >= 50 || lexicons.vocabulary.count(t.key) >= 3) && lexicons.nameWords[t.key] == nil && !lexicons.personNameWords.contains(t.key)
    }

    /// A dual (…ان) of a word news writes often, that no name list knows as written: خبيران, اقتصاديان (not سلمان,
    /// عدنان, حمدان, which the lists know).
    func isCommonDual(_ t: Token) -> Bool {
        guard t.script == .arabic, t.prefix.isEmpty, !t.hasArticle, t.suffix.isEmpty, t.key.endsWithLetters("ان"),
              t.key.unicodeScalars.count >= 5, lexicons.nameWords[t.key] == nil, !lexicons.personNameWords.contains(t.key) else { return false }
        let single = lexicons.vocabulary.count(String(t.key.unicodeScalars.dropLast(2)))
        return single >= 100 && single >= 5 * lexicons.vocabulary.count(t.key)
    }

    func isPersonWord(_ t: Token, first: Bool) -> Bool {
        if lexicons.functionWords.contains(t.key, hash: t.keyHash) || lexicons.stopwords.contains(t.stem, hash: t.stemHash) { return false }
        if let w = lexicons.nameWords.value(t.stem, hash: t.stemHash) ?? lexicons.nameWords.value(t.key, hash: t.keyHash) {
            // (a title as frequent in news as رئيس or وزير is that title, though the lists have رييس, Reyes)
            return w.cls == "PERSON"
                && !(lexicons.titles.contains(key: t.stem, hash: t.stemHash) && lexicons.vocabulary.count(t.stem) >= Self.veryCommonWordCount)
        }
        if !first, t.hasArticle, let w = lexicons.nameWords[String(t.bareStem)] { return w.cls == "PERSON" }
        return false
    }

    // MARK: - organisations

    /// An Arabic construct chain after an organisation head noun (قوات سوريا الديمقراطية), or an English
    /// capitalised name containing a head noun (Syrian Democratic Forces, Ministry of Defence).
    /// `standalone`: the head is marked so in organization-heads.tsv and its complement is only definite words and known
    /// names (وزارة المالية, not لجنة تقيّم المشتركين), so the chain needs no agreement from the tagger.
    func orgChain(_ doc: AnalyzedText, at i: Int, limit: Int, gazAt: (Int) -> GazMatch?)
        -> (end: Int, subtype: String, inner: [(Int, GazMatch)], standalone: Bool)? {
        let toks = doc.tokens
        let t = toks[i]
        if t.script == .arabic {
            guard !t.hasArticle, t.suffix.isEmpty, let head = lexicons.organizationHeads.match(toks, at: i, limit: limit) else { return nil }
            // بقيادة / برئاسة / بزعامة X is "led by X", not a body named "قيادة X" (التحالف العربي بقيادة السعودية)
            if t.prefix.endsWithLetters("ب"), Self.ledByNouns.contains(t.stem) { return nil }
            var j = head.end
            var inner: [(Int, GazMatch)] = []
            var words = 0
            while j < limit && words < 6 {
                let u = toks[j]
                if u.kind != .word || (j > head.end && !u.prefix.isEmpty && u.prefix != "ل") { break }
                if lexicons.stopwords.contains(u.stem) || lexicons.functionWords.contains(u.key) { break }
                // (no body's name has a pronoun in it: تحت قيادة | مدربه الجديد is "under the command of its coach")
                if !u.suffix.isEmpty { break }
                // a title after the name starts the person's name, not the body's (هيئة قناة السويس | الفريق أسامة ربيع)
                if u.hasArticle, lexicons.titles.contains(key: u.stem) { break }
                if let g = gazAt(j) {
                    let e = lexicons.gazetteer.entries[g.entry]
                    if e.type == .person { break }
                    // an indefinite nisba does not describe a definite name (هيئة الرياضة | تركي آل الشيخ: a given name)
                    if g.isDemonym, !u.hasArticle, j > head.end, toks[j - 1].hasArticle { break }
                    inner.append((j, g)); j = g.end; words += 1; continue
                }
                // (right after a place's name, a definite word is the body's adjective or no part of it: منتخب كرواتيا
                // الأول, بنك الكويت الوطني; not منتخب كرواتيا | العلامة الكاملة, the full marks it achieved)
                if u.hasArticle, let last = inner.last, last.1.end == j, !last.1.isDemonym,
                   lexicons.gazetteer.entries[last.1.entry].type == .place, u.prefix.isEmpty,
                   !(Self.isNisbaShaped(u.key) || lexicons.facilityAdjectives.contains(u.key)
                     || lexicons.nameContinuations.match(toks, at: j, limit: j + 1, stems: false)?.value == .ordinal) { break }
                if u.hasArticle { j += 1; words += 1; continue }
                // an indefinite noun continues the chain only when a definite word follows (مكافحة الإرهاب); right after
                // a known name only with ل (مؤسسة دبي لتنمية الاستثمار, not حكومة الإمارات | شدد المجلس); never a word for an
                // event, nor a head noun after the complement (منتخب أوروغواي لكرة القدم | مباراة البرتغال; مجلس الشورى |
                // هيئة تنظيم الكهرباء; but مجموعة بنك الكويت الوطني)
                if j + 1 < limit, toks[j + 1].hasArticle, toks[j + 1].prefix.isEmpty, !lexicons.stopwords.contains(toks[j + 1].stem),
                   !Self.kunyaWords.contains(toks[j + 1].key),   // (هيئة الرياضة | تركي آل الشيخ: a person)
                   u.prefix == "ل" || inner.last.map({ $0.1.end != j }) ?? true,
                   j == head.end || !lexicons.organizationHeads.contains(key: u.stem),
                   lexicons.eventTriggers.match(toks, at: j, limit: j + 1) == nil {
                    j += 1; words += 1; continue
                }
                // an unknown proper name right after the head (حركة حماس, جماعة الحوثي)
                if j == head.end, u.prefix.isEmpty, vocabularyRare(u) { j += 1; words += 1; break }
                break
            }
            if j == head.end { return nil }
            // a ministry of two portfolios (وزارة الداخلية والبلديات, وزارة الصحة والسكان): a definite word joined by و
            // that is no other body, place, title or known name
            var coordinated = -1
            if j < limit, j > head.end, words < 4, lexicons.offices.ministry.contains(t.stem) || lexicons.offices.ministry.contains(t.key) {
                let u = toks[j]
                if u.kind == .word, u.prefix == "و", u.hasArticle, gazAt(j) == nil, !lexicons.organizationHeads.contains(key: u.stem),
                   !lexicons.placeTriggers.contains(key: u.stem), !lexicons.titles.contains(key: u.stem), !lexicons.stopwords.contains(u.stem),
                   j + 1 >= limit || !(toks[j + 1].kind == .word && toks[j + 1].prefix.isEmpty && toks[j + 1].hasArticle && gazAt(j + 1) != nil) {
                    coordinated = j
                    j += 1
                }
            }
            var plain = head.value.standalone
            var k = head.end
            while plain && k < j {
                if let g = inner.first(where: { $0.0 == k }) { k = g.1.end; continue }
                plain = toks[k].hasArticle && (toks[k].prefix.isEmpty || k == coordinated)
                k += 1
            }
            return (j, head.value.subtype, inner, plain)
        }
        guard t.script == .latin, t.isCapitalized else { return nil }
        var j = i
        var headSubtype: String? = nil
        while j < limit {
            let u = toks[j]
            // (a possessive inside the name: the Federal Prosecutor's Office)
            guard u.kind == .word, u.isCapitalized || (["of", "for", "and", "the", "al-", "'s"].contains(u.key) && j > i && j + 1 < limit && toks[j + 1].isCapitalized) else { break }
            if lexicons.titles.contains(key: u.key) && j == i { return nil }
            if let h = lexicons.organizationHeads.match(toks, at: j, limit: limit), u.isCapitalized { headSubtype = h.value.subtype }
            j += 1
        }
        guard let sub = headSubtype, j - i >= 2 else { return nil }
        return (j, sub, [], false)
    }

    private func vocabularyRare(_ t: Token) -> Bool {
        (lexicons.vocabulary.count(t.stem) < 30 || lexicons.nameWords[t.stem] != nil) && !lexicons.functionWords.contains(t.key)
            && lexicons.eventTriggers.match([t], at: 0, limit: 1) == nil
    }

    // MARK: - places

    func placeNameEnd(_ doc: AnalyzedText, from j: Int, limit: Int) -> Int {
        let toks = doc.tokens
        guard j < limit else { return j }
        let t = toks[j]
        guard t.kind == .word else { return j }
        if t.script == .latin {
            var k = j
            while k < limit, toks[k].isCapitalized, toks[k].kind == .word, k - j < 3 { k += 1 }
            return k
        }
        if !t.prefix.isEmpty || lexicons.functionWords.contains(t.key) || lexicons.stopwords.contains(t.stem) { return j }
        if lexicons.placeTriggers.contains(key: t.stem) || lexicons.organizationHeads.contains(key: t.stem) { return j }
        if Self.constructPlaceWords.contains(t.stem), j + 1 < limit, toks[j + 1].kind == .word, toks[j + 1].prefix.isEmpty,
           !lexicons.stopwords.contains(toks[j + 1].stem) {
            return j + 2
        }
        // a common indefinite noun after a trigger word is not a name (منطقة واسعة), nor an indefinite feminine
        // adjective that agrees with it (قاعدة شعبية, منطقة صناعية)
        if !t.hasArticle && lexicons.nameWords[t.stem] == nil {
            if lexicons.vocabulary.count(t.stem) > 2000 || (t.key.endsWithLetters("يه") && countAsWritten(t) >= 100) { return j }
        }
        return j + 1
    }

    /// A word's corpus count, of its stem or of the word as written if that is higher: an adjective written with a
    /// final ه (شعبيه) may be read as stem + pronoun, and its stem is then rare.
    func countAsWritten(_ t: Token) -> Int {
        max(lexicons.vocabulary.count(t.stem), lexicons.vocabulary.count(t.key))
    }

    // MARK: - English names

    private static let locativePrepositionsEn: Set<String> = ["in", "near", "outside", "across", "from"]
    /// Nouns that after ب mean "led by" (بقيادة, برئاسة, بزعامة, بإشراف), normalised.
    static let ledByNouns: Set<String> = ["قيادة", "رئاسة", "زعامة", "إشراف"].reduce(into: []) { $0.insert(Normalizer.key($1)) }
    /// Words of region names (Middle East, North Africa, Western Europe): a name with one is no person's.
    private static let compassWordsEn: Set<String> = ["north", "south", "east", "west", "middle", "central", "northern", "southern",
                                                      "eastern", "western", "upper", "lower", "far", "near"]
    private let commonEnglish: Set<String> = ["the", "a", "an", "this", "that", "these", "those", "it", "he", "she", "they", "we", "i", "in", "on", "at", "but", "and", "or", "if", "when", "while", "after", "before", "since", "as", "his", "her", "their", "its", "our", "there", "some", "many", "most", "all", "both", "no", "not", "according", "earlier", "later", "last", "next", "meanwhile", "however", "also", "from", "for", "by", "with", "about", "more", "than", "one", "two", "three", "officials", "witnesses", "police", "security", "government", "state", "what", "who", "where", "why", "how", "speaking", "asked", "several", "dozens", "hundreds", "thousands", "residents", "sources", "reuters"]

    private func isQuoteStart(_ toks: [Token], _ a: Int, _ lo: Int) -> Bool {
        a > lo && toks[a - 1].kind == .punctuation && ["\"", "'", "(", "-"].contains(toks[a - 1].key)
    }

    static let speechVerbs: Set<String> = ["said", "says", "told", "added", "stated", "wrote", "announced", "warned", "insisted", "noted"]

    /// Two or more capitalised words followed by an apposition with a title (", the governor of") or by a speech verb
    /// ("… said") name a person even when no list knows the words.
    func personByContext(_ toks: [Token], _ a: Int, _ b: Int, limit: Int) -> (EntityType, String)? {
        // a name ending in an initial (Ahmad H., as police name suspects) is a person's
        if b - a >= 2, toks[b - 1].key.utf8.count == 2, toks[b - 1].key.endsWithLetters("."), toks[b - 1].isCapitalized { return (.person, "") }
        guard b - a >= 2, b < limit else { return nil }
        if Self.speechVerbs.contains(toks[b].key) { return (.person, "") }
        if toks[b].key == ",", b + 1 < limit {
            var k = b + 1
            if ["the", "a", "an"].contains(toks[k].key) { k += 1 }
            for q in k..<min(limit, k + 3) where lexicons.titles.contains(key: toks[q].key) { return (.person, "") }
            if toks[b + 1].key == "who" { return (.person, "") }
        }
        return nil
    }

    /// The end of a lower-case organisation head marked standalone in organization-heads.tsv right after a capitalised
    /// name (the Danab brigade, Berlin police, the Andalus radio station), with at most one lower-case modifier before
    /// it (the GSG 9 counterterrorism unit).
    func trailingHeadEnd(_ toks: [Token], _ j: Int, limit: Int) -> Int? {
        for k in j..<min(limit, j + 2) {
            let t = toks[k]
            guard t.script == .latin, t.kind == .word, !t.isCapitalized else { return nil }
            if let h = lexicons.organizationHeads.match(toks, at: k, limit: limit), h.value.standalone { return h.end }
            if lexicons.stopwords.contains(t.key) || commonEnglish.contains(t.key) { return nil }
        }
        return nil
    }

    func classifyEnglishName(_ toks: [Token], _ a: Int, _ b: Int) -> (EntityType, String)? {
        var per = 0, loc = 0, org = 0
        for k in a..<b {
            guard let w = lexicons.englishNameWords[toks[k].key] else { continue }
            switch w {
            case "PERSON": per += 1
            case "LOCATION": loc += 1
            case "ORGANIZATION": org += 1
            default: break
            }
        }
        if (a..<b).contains(where: { lexicons.organizationHeads.contains(key: toks[$0].key) }) && b - a >= 2 { return (.organization, "") }
        if b - a >= 2 && (a..<b).contains(where: { Self.nameConnectorsEn.contains(toks[$0].key) && toks[$0].key != "of" }) { return (.person, "") }
        if per + loc + org == 0 { return nil }
        if b - a >= 2, let first = lexicons.englishNameWords[toks[a].key], first == "PERSON" { return (.person, "") }
        // a one-word name the name lists know only as a club or firm (Manchester, Karlsruhe) after "in", "near" ... is the
        // place it is named after
        if b - a == 1, org > 0, per == 0, loc == 0, a > 0, Self.locativePrepositionsEn.contains(toks[a - 1].key) { return (.place, "") }
        if org > per && org >= loc { return (.organization, "") }
        if loc > per { return (.place, "") }
        if b - a >= 2 { return (.person, "") }
        return nil
    }
}

extension EntityType {
    /// Places may sit inside a longer organisation or facility name (جامعة دمشق, سجن الحسكة).
    var isAbsorbable: Bool { self == .place }
}

/// The tagger's lexicon lookups for one document, done once per distinct word (tokens with the same normalised
/// key share an entry in the document's `TokenKeys`): Arabic String lookups are the costly part of featurising.
final class TaggerWordMemo {
    struct Info { var nameClass: String; var lexical: UInt8 }
    /// Info plus the tagger's stem string ("" if the same as the key) and the word's hashes (`TaggerToken.word`
    /// without the per-token part), for the kind and script it was made for.
    struct Word { var lexical: UInt8; var stem: String; var kind: Token.Kind; var script: Script; var word: TaggerWordCache.Word }
    /// (buffers, not arrays: each use of a class's array property is checked for exclusive access at run time)
    private let slots: UnsafeMutableBufferPointer<Info?>
    private let words: UnsafeMutableBufferPointer<Word?>
    /// `TaggerFeature.fnv` of each Arabic word's stem, 0 until `prefetch` makes it.
    private let stemFnv: UnsafeMutableBufferPointer<UInt64>
    /// Written by `prefetch` so that its loads are kept.
    private var touched: UInt64 = 0
    /// The document's word table (its tokens' entries index `slots` and `words`).
    private let keys: UnsafeMutableRawPointer
    /// The words of the documents before, by their strings.
    private let known: KnownWords<Word>?

    init(_ doc: AnalyzedText, known: KnownWords<Word>? = nil) {
        self.known = known
        keys = Unmanaged.passUnretained(doc.keys).toOpaque()
        slots = .allocate(capacity: doc.keys.count)
        slots.initialize(repeating: nil)
        words = .allocate(capacity: doc.keys.count)
        words.initialize(repeating: nil)
        stemFnv = .allocate(capacity: doc.keys.count)
        stemFnv.initialize(repeating: 0)
    }

    deinit {
        slots.deinitialize().deallocate()
        words.deinitialize().deallocate()
        stemFnv.deallocate()
    }

    /// Takes the Arabic words of these sentences that earlier documents made from `known`; hashes the stems of the
    /// others, then loads the table slots `wordInfo` reads for them (word clusters, name words) in a loop of a few
    /// instructions: their cache misses overlap, where `word` would wait for each in turn.
    func prefetch(_ doc: AnalyzedText, _ sentences: [Int], _ rec: EntityRecognizer) {
        let toks = doc.tokens, table = doc.keys.words
        var new: [Int32] = []
        for p in sentences {
            for k in doc.sentences[p].tokens where toks[k].script == .arabic && toks[k].kind == .word {
                let e = Int(toks[k].entry)
                guard e < stemFnv.count, stemFnv[e] == 0 else { continue }
                stemFnv[e] = 1
                new.append(Int32(e))
            }
        }
        // words of earlier documents are taken as they were made; the others are hashed here
        if let known {
            new = table.withUnsafeBufferPointer { tb in
                known.touch(new, tb)
                var unknown: [Int32] = []
                for e32 in new {
                    let e = Int(e32)
                    if let i = known.find(tb, e, kind: .word, script: .arabic) { words[e] = known[i] } else { unknown.append(e32) }
                }
                return unknown
            }
        }
        for e in new { stemFnv[Int(e)] = TaggerFeature.fnv(table[Int(e)].stem) }
        let clusters = WordClusters.bundled
        let nameWords = rec.lexicons.nameWords
        var sum: UInt64 = 0
        for e in new { sum &+= clusters.touch(stemFnv[Int(e)]) &+ nameWords.touch(hash: table[Int(e)].stemHash) }
        touched &+= sum
    }

    /// What `EntityRecognizer.taggerTokens` puts in a token, as hashes: the same strings hash the same way.
    func word(_ t: Token, _ rec: EntityRecognizer) -> Word {
        let e = Int(t.entry)
        let cached = t.keys.toOpaque() == keys && e >= 0 && e < words.count
        if cached, let w = words[e], w.kind == t.kind, w.script == t.script { return w }
        if cached, let known, let i = t.keys._withUnsafeGuaranteedRef({ $0.words.withUnsafeBufferPointer { known.find($0, e, kind: t.kind, script: t.script) } }) {
            let w = known[i]
            words[e] = w
            return w
        }
        let key = t.key, stem = t.stem
        // (an Arabic word's stem is its table entry's, hashed by `prefetch`)
        let prefetched = cached && t.script == .arabic && t.kind == .word && stemFnv[e] > 1 ? stemFnv[e] : 0
        let kh = TaggerFeature.fnv(key), sh = prefetched != 0 ? prefetched : TaggerFeature.fnv(stem)
        let i: Info
        if cached, let s = slots[e] { i = s } else {
            i = rec.wordInfo(t, stemHash: sh)
            if cached { slots[e] = i }
        }
        let same = stem.isEmpty || keysEqual(stem, key)
        let w = Word(lexical: i.lexical, stem: same ? "" : stem, kind: t.kind, script: t.script,
                     word: TaggerWordCache.Word(keyHash: kh, stemHash: same ? kh : sh, prefix: t.prefix, suffix: t.suffix, nameClass: i.nameClass))
        if cached {
            words[e] = w
            if let known { _ = t.keys._withUnsafeGuaranteedRef { $0.words.withUnsafeBufferPointer { known.add(w, $0, e, kind: t.kind, script: t.script) } } }
        }
        return w
    }

    func info(_ t: Token, _ rec: EntityRecognizer) -> Info {
        let e = Int(t.entry)
        guard t.keys.toOpaque() == keys, e >= 0, e < slots.count else { return rec.wordInfo(t) }
        if let i = slots[e] { return i }
        let i = rec.wordInfo(t)
        slots[e] = i
        return i
    }
}
