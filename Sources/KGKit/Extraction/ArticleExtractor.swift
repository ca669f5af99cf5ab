/// Runs the extraction pipeline on one article: text analysis → entity recognition → in-article resolution
/// (partial names, acronyms, definite descriptions) → events → relations.
public struct ArticleExtractor: Sendable {
    public let lexicons: LexiconSet
    let recognizer: EntityRecognizer
    let sports: SportsMetonymy

    public init(lexicons: LexiconSet) {
        self.lexicons = lexicons
        self.recognizer = EntityRecognizer(lexicons: lexicons)
        self.sports = SportsMetonymy(lexicons: lexicons)
    }

    public func extract(_ article: Article) -> ArticleExtraction {
        let doc = lexicons.analyzer.analyze(article.text, language: article.language)
        return extract(article, analyzed: doc)
    }

    public func extract(_ article: Article, analyzed doc: AnalyzedText) -> ArticleExtraction {
        var mentions = recognizer.recognize(doc)
        let sportsReport = sports.isSportsReport(doc)
        sports.apply(doc, &mentions, lexicons: lexicons, sportsReport: sportsReport)
        linkNamesToTheirAcronyms(&mentions, doc: doc)
        var claimed = [Bool](repeating: false, count: doc.tokens.count)
        for m in mentions where m.rule != "nested" && m.rule != "demonym-in-name" { for k in m.tokens { claimed[k] = true } }

        var entities: [ExtractedEntity] = []
        var byKey = KeyMap<Int>()   // byte-keyed: String hashing normalises Arabic on every probe
        // a body named by a head and a known leader or place is named by its head and that name as the lexicon writes
        // it, whatever the spelling (إدارة ترمب, إدارة ترامب: إدارة دونالد ترامب; المنتخب الفرنسي, منتخب فرنسا: منتخب
        // فرنسا): computed once per such mention, by token range
        var canonicalNames: [Range<Int>: String] = [:]
        // (a country read as its national team after a coach or player word, مدرب إنجلترا: منتخب إنجلترا)
        if let head = sports.nationalTeamHead {
            for m in mentions where m.rule == "national-team" {
                if let id = Self.place(sameAs: m, in: mentions)?.entryID, let entry = lexicons.gazetteer.entry(id: id), !entry.nameAr.isEmpty {
                    canonicalNames[m.tokens] = head + " " + entry.nameAr
                }
            }
        }
        for m in mentions where m.type == .organization && m.entryID == nil && m.tokens.count >= 2 {
            let t = doc.tokens[m.tokens.lowerBound]
            guard t.script == .arabic, t.suffix.isEmpty else { continue }
            if m.rule == "leader-body", let body = lexicons.leaderBodies[t.stem],
               let id = Self.leader(of: m, in: mentions)?.entryID, let entry = lexicons.gazetteer.entry(id: id), !entry.nameAr.isEmpty {
                canonicalNames[m.tokens] = body.head + " " + entry.nameAr
            } else if m.tokens.count == 2, lexicons.organizationHeads.value(key: String(t.bareStem))?.ofPlace == true,
                      let id = Self.place(naming: m, in: mentions)?.entryID, let entry = lexicons.gazetteer.entry(id: id), !entry.nameAr.isEmpty {
                let head = doc.nameText(m.tokens.lowerBound, m.tokens.lowerBound + 1)
                canonicalNames[m.tokens] = (t.hasArticle ? String(head.unicodeScalars.dropFirst(2)) : head) + " " + entry.nameAr
            }
        }
        // the name a mention gives its entity: after ل the article's alif is not written (للبورصة = ل + البورصة), so a
        // surface that starts there gets it back (لبورصة المصرية → البورصة المصرية)
        func name(_ m: Mention) -> String {
            if !canonicalNames.isEmpty, m.type == .organization, let c = canonicalNames[m.tokens] { return c }
            // (a hashtag inside the name is spacing: عبدالفتاح #السيسي, #مدينة_الملك_عبدالله)
            // (no # or _ byte: Foundation's canonical-equivalence search cannot find them either, and is skipped)
            let surface = m.surface.utf8.contains(where: { $0 == 0x23 || $0 == 0x5F })
                && (m.surface.contains("#") || m.surface.contains("_"))
                ? m.surface.replacingOccurrences(of: "#", with: "").replacingOccurrences(of: "_", with: " ") : m.surface
            guard m.start == doc.tokens[m.tokens.lowerBound].stemStart, doc.articleElided(m.tokens.lowerBound) else { return surface }
            return "ا" + surface
        }
        func clusterKey(_ m: Mention, name: String) -> String {
            if let id = m.entryID { return id }
            return m.type.slug + "/" + EntityKey.of(name)
        }
        // an unknown name written two ways in one article (برانسون, برونسون; سيرجي سكريبال, سيرغي سكريبال; تسلا,
        // تيسلا) is one entity: same type, same words but for long vowels and ج/غ, and the words that differ rare
        var spellings: [String: [(words: [String], entity: Int)]] = [:]     // type and variant skeletons → names seen
        func variant(_ m: Mention) -> (String, [String])? {
            guard m.entryID == nil, m.type != .event, doc.language == "ar" else { return nil }
            let words = m.tokens.map { doc.tokens[$0].stem }
            guard words.contains(where: { $0.unicodeScalars.count >= 4 }) else { return nil }
            return (m.type.slug + "/" + words.map { String(Self.variantSkeleton($0)) }.joined(separator: " "), words)
        }
        func sameUnderVariants(_ a: [String], _ b: [String]) -> Bool {
            guard a.count == b.count, a != b else { return false }
            func variable(_ w: String) -> Bool {
                w.unicodeScalars.count >= 4 && lexicons.vocabulary.count(w) < EntityRecognizer.commonWordCount
            }
            return zip(a, b).allSatisfy { x, y in x == y || (variable(x) && variable(y) && Self.closeSpellings(x, y)) }
        }
        func add(_ mi: Int) {
            let m = mentions[mi]
            // (the name made once: the key and the entity's name were made of it apart)
            let named = m.entryID == nil ? name(m) : ""
            let k = clusterKey(m, name: named)
            var found = byKey[k]
            let v = found == nil ? variant(m) : nil
            if found == nil, let (sk, words) = v, let e = spellings[sk]?.first(where: { sameUnderVariants($0.words, words) })?.entity {
                found = e
            }
            if let e = found {
                entities[e].mentionIndices.append(mi)
                if m.entryID == nil && named.unicodeScalars.count > entities[e].name.unicodeScalars.count { entities[e].name = named }
                mentions[mi].entity = e
            } else {
                if let (sk, words) = v { spellings[sk, default: []].append((words, entities.count)) }
                byKey[k] = entities.count
                mentions[mi].entity = entities.count
                entities.append(ExtractedEntity(type: m.type, subtype: m.subtype, entryID: m.entryID, name: m.entryID == nil ? named : name(m),
                                                language: doc.language, mentionIndices: [mi]))
            }
        }
        // persons: a shorter name that is part of a longer one joins it (عبدي → مظلوم عبدي, Kirby → John Kirby)
        mentions.sort { ($0.tokens.count, $0.tokens.lowerBound) > ($1.tokens.count, $1.tokens.lowerBound) }
        // (byte-keyed like byKey: the keys are normalised stems, and every token's stem is looked up below)
        var partial = KeyMap<Int>()           // name word key → entity
        var tails = KeyMap<Int>()             // the first or last two or more name words of a longer name → entity
        var ambiguous = KeySet()
        // (two-letter first or last words of person names, only for a mention already read as a person: شي of شي جين
        // بينغ; a bare word that short is too often something else to be taken as a name on its own)
        var shortNames = KeyMap<Int>()
        var surnames: [UInt64: [(word: String, entity: Int)]] = [:]     // last name words of Arabic names by spelling skeleton
        // one-word names of known bodies the gazetteer finds in the article: the tagger's person or unknown body of that word
        // is the known body (ونقلت بلومبرغ عن متعاملين, with بلومبرغ the news agency elsewhere: one sense per article)
        var knownBodyWords: [String: Mention] = [:]
        for m in mentions where m.type == .organization && m.tokens.count == 1 && m.rule == "gazetteer" {
            guard let id = m.entryID else { continue }
            let w = doc.tokens[m.tokens.lowerBound].stem
            if knownBodyWords[w]?.entryID.map({ $0 <= id }) != true { knownBodyWords[w] = m }
        }
        for mi in mentions.indices {
            let m = mentions[mi]
            if m.type == .person || m.type == .organization, m.entryID == nil && m.rule == "tagger" && m.tokens.count == 1,
               let body = knownBodyWords[doc.tokens[m.tokens.lowerBound].stem] {
                mentions[mi].retype(.organization, subtype: body.subtype, entryID: body.entryID)
                add(mi)
                continue
            }
            if m.type == .person && m.entryID == nil {
                let words = m.tokens.map { doc.tokens[$0].stem }
                if words.count == 1, let e = partial[words[0]] ?? shortNames[words[0]], !ambiguous.contains(words[0]),
                   doc.tokens[m.tokens.lowerBound].script != .arabic || !recognizer.isCommonWord(words[0]) {
                    // (a body's name word read alone as a person is the body: بلومبرغ after وكالة بلومبرغ)
                    if entities[e].type != .person {
                        mentions[mi].retype(entities[e].type, subtype: entities[e].subtype, entryID: entities[e].entryID)
                    }
                    entities[e].mentionIndices.append(mi); mentions[mi].entity = e; continue
                }
                // a surname alone spelt otherwise than in the full name (برونسون after أندرو برانسون)
                if words.count == 1, doc.tokens[m.tokens.lowerBound].script == .arabic, words[0].unicodeScalars.count >= 4,
                   lexicons.vocabulary.count(words[0]) < EntityRecognizer.commonWordCount,
                   let found = surnames[Self.variantSkeleton(words[0])]?.filter({ Self.closeSpellings($0.word, words[0]) }),
                   let e = found.first?.entity, found.allSatisfy({ $0.entity == e }) {
                    entities[e].mentionIndices.append(mi); mentions[mi].entity = e; continue
                }
                // the end or the start of a longer name (أبو علي → وسام أبو علي; van Dijk → Virgil van Dijk; كيم جونغ →
                // كيم جونغ أون)
                let joined = words.joined(separator: " ")
                if words.count >= 2, let e = tails[joined], !ambiguous.contains(joined) {
                    entities[e].mentionIndices.append(mi); mentions[mi].entity = e
                    // (the start of a name ends in a word the full name may not end in: أشرف alone, after أحمد أشرف of
                    // أحمد أشرف الفقي, is him too)
                    if let w = words.last, w.unicodeScalars.count > 2, w != "الله", !lexicons.functionWords.contains(w), partial[w] == nil,
                       lexicons.nameContinuations.value(key: w) == nil { partial[w] = e }
                    continue
                }
            }
            // a word of a person's name read alone by the tagger as an unknown place or body is still that person (and
            // a known club's first or last word read alone is the club): one sense per article (كوريا after أنخيل كوريا is Correa, not Korea; a known place or body is not undone)
            if m.rule == "tagger" && m.entryID == nil && m.tokens.count == 1 && (m.type == .place || m.type == .organization) {
                // (not a definite word: المصري of محمد المصري may be the club المصري)
                let t = doc.tokens[m.tokens.lowerBound], w = t.stem
                // (`partial` also holds a club's last name word: the mention becomes what the name names)
                if !t.hasArticle, let e = partial[w], !ambiguous.contains(w),
                   entities[e].type != m.type || (m.type == .organization && entities[e].entryID != nil) {
                    let person = entities[e].type == .person
                    mentions[mi].retype(entities[e].type, subtype: person ? "" : entities[e].subtype, entryID: person ? nil : entities[e].entryID)
                    entities[e].mentionIndices.append(mi); mentions[mi].entity = e; continue
                }
            }
            add(mi)
            if m.type == .person {
                let e = mentions[mi].entity
                let stems = m.tokens.map { doc.tokens[$0].stem }
                if stems.count >= 3 {
                    for k in 1...(stems.count - 2) {
                        let tail = stems[k...].joined(separator: " ")
                        if let other = tails[tail], other != e { ambiguous.insert(tail) } else { tails[tail] = e }
                    }
                    // (and its first two or more words: كيم جونغ of كيم جونغ أون, محمد فوزي of محمد فوزي هارون; not a start
                    // that ends in a link, محمد بن; only for a known person or a name that ends in a name the lists know,
                    // as a rule's name may have run on into the next word: عمرو أديب يشتمني is no longer name of عمرو أديب)
                    // (nor a compound given name alone, عبد الله of عبد الله آل ثاني: one given name is as ambiguous as
                    // any, and the first word is already a partial name)
                    let lastKnown = m.entryID != nil || lexicons.nameWords[stems[stems.count - 1]]?.cls == "PERSON"
                    for k in 2...(stems.count - 1) where lastKnown && lexicons.nameContinuations.value(key: stems[k - 1]) != .link
                        && !EntityRecognizer.kunyaWords.contains(stems[k - 1]) && !(k == 2 && EntityRecognizer.kunyaWords.contains(stems[0]))
                        && lexicons.nameContinuations.value(key: stems[0]) != .link {
                        let head = stems[..<k].joined(separator: " ")
                        if let other = tails[head], other != e { ambiguous.insert(head) } else { tails[head] = e }
                    }
                }
                // (and a patronymic inside it, which news uses alone: بن سحيم of سلطان بن سحيم آل ثاني, بن علوي of يوسف
                // بن علوي بن عبدالله)
                if stems.count >= 4 {
                    for k in 1..<(stems.count - 2) where lexicons.nameContinuations.value(key: stems[k]) == .link {
                        let run = stems[k] + " " + stems[k + 1]
                        if let other = tails[run], other != e { ambiguous.insert(run) } else { tails[run] = e }
                    }
                }
                // (not a title word kept in the name: Prince Abdulaziz bin Salman is not the "Prince" of Crown Prince X; not
                // the الله of compound names: رامي الحمد الله is not every الله after it)
                let words = m.tokens.filter { !lexicons.titles.contains(key: doc.tokens[$0].key) && !lexicons.titles.contains(key: doc.tokens[$0].stem) }
                    .map { doc.tokens[$0].stem }.filter { !lexicons.functionWords.contains($0) && $0.unicodeScalars.count > 2 && $0 != "الله"
                        // (nor a patronymic link or family marker: the ولد of a name cut after it is no name of its own)
                        && ![.link, .family].contains(lexicons.nameContinuations.value(key: $0)) }
                for w in [stems.first!, stems.last!] where stems.count >= 2 && w.unicodeScalars.count == 2 && !lexicons.functionWords.contains(w)
                    && lexicons.nameContinuations.value(key: w) == nil && !lexicons.titles.contains(key: w) {
                    if let other = shortNames[w], other != e { ambiguous.insert(w) } else { shortNames[w] = e }
                }
                if words.count >= 2 {
                    // (a surname compounded with الله is the two words: الحمد alone, of رامي الحمد الله, is "praise" in
                    // الحمد لله; نصر of حسن نصر الله is "victory")
                    let compound = stems.last == "الله" && doc.tokens[m.tokens.upperBound - 1].script == .arabic
                    for w in compound ? [words.first!] : [words.first!, words.last!] {
                        if let other = partial[w], other != e { ambiguous.insert(w) } else { partial[w] = e }
                    }
                    if doc.tokens[m.tokens.upperBound - 1].script == .arabic {
                        surnames[Self.variantSkeleton(words.last!), default: []].append((words.last!, e))
                    }
                }
            }
            // a known body named by a head noun and one name word (وكالة بلومبرغ, شركة كريم, صحيفة هآرتس): the name word
            // alone is the body (وبحسب بلومبرغ), unless it names a place or is a common word, or the body is a university
            // or a place's body (جامعة كامبريدج, سفارة مصر: named after their town or country)
            if m.type == .organization, m.tokens.count == 2, m.entryID != nil, m.rule != "nested" {
                let head = doc.tokens[m.tokens.lowerBound], t = doc.tokens[m.tokens.upperBound - 1], w = t.stem
                if let h = lexicons.organizationHeads.value(key: String(head.bareStem)), !h.ofPlace, h.subtype != "EducationalOrganization",
                   t.script == .arabic, !t.hasArticle,
                   w.unicodeScalars.count > 2, !recognizer.isCommonWord(w), !lexicons.functionWords.contains(w),
                   !lexicons.gazetteer.names(startingWith: w).contains(where: { $0.keys.count == 1 && lexicons.gazetteer.entries[$0.entry].type != .organization }) {
                    let e = mentions[mi].entity
                    if let other = partial[w], other != e { ambiguous.insert(w) } else { partial[w] = e }
                }
            }
            // a club's last or first name word, when it names no place and is no money (City → Manchester City, يونايتد →
            // مانشستر يونايتد, أتليتيكو → أتليتيكو مدريد; not ريال, مدريد)
            if m.type == .organization, m.tokens.count >= 2, let id = m.entryID, lexicons.gazetteer.entry(id: id)?.subtype == "SportsTeam" {
                let e = mentions[mi].entity
                let first = doc.tokens[m.tokens.lowerBound]
                // (the first word only when it is no head noun and no common word: not نادي, النادي, النصر "victory")
                let firstWords = lexicons.organizationHeads.contains(key: String(first.bareStem)) || recognizer.isCommonWord(first.stem)
                    ? [] : [first.stem]
                for w in [doc.tokens[m.tokens.upperBound - 1].stem] + firstWords {
                    let namesPlace = lexicons.gazetteer.names(startingWith: w).contains { $0.keys.count == 1 && lexicons.gazetteer.entries[$0.entry].type == .place }
                    if !namesPlace, !lexicons.functionWords.contains(w), w.unicodeScalars.count > 2, lexicons.moneyWords[w] == nil {
                        if let other = partial[w], other != e { ambiguous.insert(w) } else { partial[w] = e }
                    }
                }
            }
        }
        // later bare mentions of a person's surname or given name, or of a club's last name word
        var extra: [Mention] = []
        // (tokens read in place until one is taken: a Token copy retains its word table)
        let toks = doc.tokens
        for k in toks.indices where !claimed[k] && toks[k].kind == .word {
            let stem = toks[k].stem
            guard let e = partial[stem], !ambiguous.contains(stem), toks[k].suffix.isEmpty,
                  toks[k].script == .latin ? toks[k].isCapitalized : true else { continue }
            // (a word news uses all the time is that word, unless it is a person's name: العربية "Arabic" is not the
            // العربية of a name read in it; ترامب and صالح stay)
            if toks[k].script == .arabic, recognizer.isCommonWord(stem) { continue }
            let t = toks[k]
            let person = entities[e].type == .person
            extra.append(Mention(tokens: k..<(k + 1), start: t.stemStart, end: t.end, type: entities[e].type,
                                 subtype: person ? "" : entities[e].subtype, entryID: person ? nil : entities[e].entryID,
                                 surface: doc.text(t.stemStart, t.end), rule: "partial-name", confidence: 0.7, entity: e,
                                 sentence: doc.sentenceIndex(ofToken: k)))
            claimed[k] = true
        }
        // acronyms introduced in parentheses: قوات سوريا الديمقراطية (قسد), Syrian Democratic Forces (SDF)
        var acronyms = KeyMap<Int>()
        for m in mentions where m.type == .organization || m.type == .place {
            let a = m.tokens.upperBound
            guard a + 2 < doc.tokens.count, doc.tokens[a].key == "(", doc.tokens[a + 2].key == ")" else { continue }
            let t = doc.tokens[a + 1]
            // (a word news uses all the time is a gloss, not an acronym: عفرين (شمال); so is any Arabic word after a place,
            // where news writes where it lies: قرقنة (شرق), المنستير (وسط))
            guard t.kind == .word, m.entity >= 0, t.script != .arabic || !recognizer.isCommonWord(t.stem) && m.type != .place else { continue }
            acronyms[t.stem] = m.entity
        }
        // (an acronym the tagger read as a name of its own is the body it stands for, whatever type it read: الاتحاد
        // الأفريقي لكرة القدم (كاف) ... وقال كاف)
        for i in mentions.indices where mentions[i].rule == "tagger" && mentions[i].entryID == nil && mentions[i].tokens.count == 1 {
            let old = mentions[i].entity
            guard old >= 0, let e = acronyms[toks[mentions[i].tokens.lowerBound].stem], e != old,
                  entities[old].mentionIndices.allSatisfy({ mentions[$0].tokens.count == 1 && keysEqual(toks[mentions[$0].tokens.lowerBound].stem, toks[mentions[i].tokens.lowerBound].stem) })
            else { continue }
            for j in entities[old].mentionIndices {
                mentions[j].retype(entities[e].type, subtype: entities[e].subtype, entryID: entities[e].entryID)
            }
            moveMentions(of: old, to: e, &entities, &mentions)
        }
        for k in toks.indices where !claimed[k] && toks[k].kind == .word {
            guard let e = acronyms[toks[k].stem] else { continue }
            let t = toks[k]
            extra.append(Mention(tokens: k..<(k + 1), start: t.stemStart, end: t.end, type: entities[e].type, subtype: entities[e].subtype,
                                 entryID: entities[e].entryID, surface: doc.text(t.stemStart, t.end), rule: "acronym", confidence: 0.8,
                                 entity: e, sentence: doc.sentenceIndex(ofToken: k)))
            claimed[k] = true
        }
        for m in extra { entities[m.entity].mentionIndices.append(mentions.count); mentions.append(m) }

        // definite descriptions: التنظيم → the organisation last named تنظيم ...; the ministry → the last ministry
        mentions.sort { ($0.tokens.lowerBound, -$0.tokens.count) < ($1.tokens.lowerBound, -$1.tokens.count) }
        reindex(&entities, mentions)
        var k = 0
        var described: [Mention] = []
        var mayDescribe = WordMemo(doc)
        while k < doc.tokens.count {
            if !claimed[k] && mayDescribe[doc.tokens[k]] == nil {
                mayDescribe[doc.tokens[k]] = lexicons.definiteDescriptions.canStart(doc.tokens[k])
            }
            guard !claimed[k], mayDescribe[doc.tokens[k]]!,
                  let d = lexicons.definiteDescriptions.match(doc.tokens, at: k, limit: doc.tokens.count) else { k += 1; continue }
            // a rank before a person's name is not a description (الفريق أسامة ربيع: Lt Gen, not "the team"); after a title
            // it is the body the title heads (زعيم الجماعة عبد الملك الحوثي)
            if mentions.contains(where: { $0.tokens.lowerBound == d.end && $0.type == .person }),
               !(max(0, k - 3)..<k).contains(where: { j in
                   // (a title and at most one modifier: المديرة العامة للصندوق)
                   guard let end = lexicons.titles.match(doc.tokens, at: j, limit: k)?.end else { return false }
                   return end == k || end == k - 1 && doc.tokens[k - 1].hasArticle
               }) {
                k = d.end; continue
            }
            // a team described by its country (الفريق المصري) is a team the article named with that country's nisba
            // (الأهلي المصري) or that country's national team (منتخب مصر), not the last team named; else it stays unresolved
            let country = teamCountry(d.value, end: d.end, mentions: mentions)
            let countryTeam = country.flatMap { teamOf(country: $0, before: k, mentions: mentions, entities: entities) }
            if country != nil && countryTeam == nil { k = d.end; continue }
            // a name of that kind shaped like a nisba right after it is the description's own name in apposition
            // (النادي الأهلي, الفريق العنابي), not an earlier one it points back to; a name of another shape is the
            // verb's object (واتهمت الوكالة الحوثيين)
            // (not a country's nisba: المدينة الروسية is a Russian city named before; not after a clitic: أطاح الفريق
            // ببوروسيا)
            if d.end < doc.tokens.count, doc.tokens[d.end].prefix.isEmpty, EntityRecognizer.isNisbaShaped(doc.tokens[d.end].key),
               mentions.contains(where: { $0.tokens.lowerBound == d.end && $0.type == d.value.type && $0.rule != "nested" && !$0.isDemonym }) {
                k = d.end; continue
            }
            if let e = countryTeam ?? mostRecent(d.value, before: k, doc: doc, mentions: mentions, entities: entities) {
                let t = doc.tokens[k]
                // the description runs on over the next words of the name it points back to (محافظ البنك المركزي after
                // البنك المركزي المصري)
                var end = d.end
                if let named = mentions.indices.filter({ mentions[$0].entity == e && mentions[$0].rule != "nested" })
                    .max(by: { mentions[$0].tokens.count < mentions[$1].tokens.count }) {
                    let n = mentions[named].tokens
                    if doc.tokens[n.lowerBound].stem == t.stem {
                        while end < doc.tokens.count, end - k < n.count, !claimed[end], doc.tokens[end].prefix.isEmpty,
                              doc.tokens[end].key == doc.tokens[n.lowerBound + end - k].key { end += 1 }
                    }
                }
                described.append(Mention(tokens: k..<end, start: t.stemStart, end: doc.tokens[end - 1].end, type: entities[e].type,
                                         subtype: entities[e].subtype, entryID: entities[e].entryID,
                                         surface: doc.text(t.stemStart, doc.tokens[end - 1].end), rule: "definite-description",
                                         confidence: 0.6, entity: e, sentence: doc.sentenceIndex(ofToken: k)))
                for j in k..<end { claimed[j] = true }
                k = end
                continue
            }
            k = d.end
        }
        mentions += described
        // "the Omani capital", العاصمة العمانية (with no name after it): the country's capital city
        var capitals: [Mention] = []
        for (mi, m) in mentions.enumerated() where m.isDemonym && m.entity >= 0 && m.rule != "nested" {
            let a = m.tokens.lowerBound, b = m.tokens.upperBound
            let english = doc.tokens[a].script == .latin
            let span: Range<Int>
            if english, a > 0, b < doc.tokens.count, doc.tokens[a - 1].key == "the", doc.tokens[b].key == "capital", !claimed[b] {
                span = (a - 1)..<(b + 1)
            } else if !english, a > 0, doc.tokens[a - 1].stem == "عاصمه", doc.tokens[a - 1].hasArticle, !claimed[a - 1],
                      b >= doc.tokens.count || !mentions.contains(where: { $0.tokens.lowerBound == b && $0.type == .place }) {
                span = (a - 1)..<b
            } else { continue }
            guard let country = entities[m.entity].entryID, let cap = lexicons.gazetteer.capital(of: country) else { continue }
            let e: Int
            if let known = entities.firstIndex(where: { $0.entryID == cap.id }) { e = known } else {
                e = entities.count
                entities.append(ExtractedEntity(type: .place, subtype: cap.subtype, entryID: cap.id, name: doc.language == "ar" ? cap.nameAr : cap.nameEn,
                                                language: doc.language, mentionIndices: []))
            }
            let t0 = doc.tokens[span.lowerBound], t1 = doc.tokens[span.upperBound - 1]
            capitals.append(Mention(tokens: span, start: t0.stemStart, end: t1.end, type: .place, subtype: cap.subtype, entryID: cap.id,
                                     surface: doc.text(t0.stemStart, t1.end), rule: "definite-description", confidence: 0.7,
                                     entity: e, sentence: m.sentence))
            for j in span where !m.tokens.contains(j) { claimed[j] = true }
            mentions[mi].rule = "nested"   // the nisba names the capital's country, not a nationality
        }
        mentions += capitals
        mentions.sort { ($0.tokens.lowerBound, -$0.tokens.count) < ($1.tokens.lowerBound, -$1.tokens.count) }
        reindex(&entities, mentions)
        mergeFacilities(&entities, &mentions, doc: doc)
        mergeShortOrganizationNames(&entities, &mentions, doc: doc)

        // events
        let events = EventExtractor(lexicons: lexicons)
        var relations: [ExtractedRelation] = []
        // (one resolver for the article: the dates that tell events apart and the dates they are given)
        let dates = DateResolver(reference: DateResolver.reference(for: article, doc: doc, tables: lexicons.cues), tables: lexicons.cues)
        let occurrences = events.extract(doc, article: article, dates: dates, sportsReport: sportsReport,
                                         playReport: sportsReport && sports.isPlayReport(doc), claimed: &claimed, mentions: &mentions,
                                         entities: &entities, relations: &relations)
        reindex(&entities, mentions)
        annotateEvents(&entities, occurrences, doc: doc, dates: dates)

        // relations from rules
        var negated: [ExtractedRelation] = []
        RelationMatcher(lexicons: lexicons).extract(doc, article: article, mentions: mentions, entities: entities,
                                                    relations: &relations, negated: &negated)
        // in a sports report a team "faces" (مواجهة, lineup) or "attacks" another on the pitch: no fight, unless armed force
        // is written in the sentence
        if sportsReport {
            var armed: [Int: Bool] = [:]
            relations.removeAll { r in
                guard r.predicate == "fights" || r.predicate == "attacks", r.evidence.rule.hasPrefix("ar-") || r.evidence.rule.hasPrefix("en-") else { return false }
                if armed[r.evidence.sentence] == nil {
                    armed[r.evidence.sentence] = lexicons.eventRoles.writesArmedForce(doc, doc.sentences[r.evidence.sentence], mentions: mentions)
                }
                return !armed[r.evidence.sentence]!
            }
        }
        // a team "in" a place (المنتخب الأرجنتيني في كازان, فاز ريال على ليفربول في كييف) is where it plays or stays, not
        // where it is based: its home comes from the lexicon or its name (نادي ليفربول, منتخب فرنسا), not from patterns
        relations.removeAll { r in
            r.predicate == "locatedIn" && (r.evidence.rule.hasPrefix("ar-") || r.evidence.rule.hasPrefix("en-"))
                && subtype(of: entities[r.subject]) == "SportsTeam"
        }
        // a team's captain (قائد الفريق محمد الشناوي, قائد المنتخب الفرنسي هوغو لوريس) is one of its players, not its
        // leader, and leads no country; nor does القائد with a nisba in a sports report (القائد السلوفاكي ماريك هامسيك)
        var captainOfCountry = Set<Int>()
        for i in relations.indices where relations[i].predicate == "leads" && relations[i].evidence.rule.hasPrefix("ar-leads") {
            let words = doc.text(relations[i].evidence.start, relations[i].evidence.end).split(separator: " ").prefix(2).map { Normalizer.key(String($0)) }
            guard let first = words.first, Self.captainWords.contains(first) else { continue }
            let team = entities[relations[i].object]
            if subtype(of: team) == "SportsTeam" {
                relations[i].predicate = "memberOf"
                relations[i].evidence.rule = "ar-team-captain"
            } else if team.type == .place, words.count == 2, Self.teamWords.contains(words[1]) || sportsReport {
                captainOfCountry.insert(i)
            }
        }
        if !captainOfCountry.isEmpty { relations = relations.indices.filter { !captainOfCountry.contains($0) }.map { relations[$0] } }
        // a place named after a place inside it: سجن الحسكة → located in الحسكة
        // an organisation named after a place or with a nisba (جامعة دمشق, وزارة الخارجية التركية) is in / of it
        for m in mentions where (m.rule == "nested" || m.rule == "demonym-in-name") && m.type == .place && m.entity >= 0 {
            guard let outer = mentions.first(where: { !["nested", "demonym-in-name"].contains($0.rule) && $0.tokens.contains(m.tokens.lowerBound)
                                                      && ($0.type == .place || $0.type == .organization) && $0.entity != m.entity && $0.entity >= 0 }) else { continue }
            let (predicate, rule): (String, String)
            switch (outer.type, m.isDemonym || m.rule == "demonym-in-name") {
            case (.organization, true): (predicate, rule) = ("memberOf", "org-name-nisba")
            // (a body a place's name makes that place's own, as its nisba does — سفارة مصر, منتخب فرنسا, حكومة لبنان;
            // of-place heads of organization-heads.tsv — is the place's, not in it: the Egyptian embassy is in London)
            case (.organization, false) where outer.rule == "national-team" || (outer.tokens.count >= 2
                    && lexicons.organizationHeads.value(key: String(doc.tokens[outer.tokens.lowerBound].bareStem))?.ofPlace == true):
                (predicate, rule) = ("memberOf", "org-of-place")
            case (.organization, false): (predicate, rule) = ("locatedIn", "org-name-place")
            default: (predicate, rule) = ("locatedIn", "name-contains-place")
            }
            let s = doc.sentences[m.sentence]
            relations.append(ExtractedRelation(subject: outer.entity, predicate: predicate, object: m.entity,
                                               evidence: Evidence(article: article.id, sentence: m.sentence, start: outer.start, end: outer.end,
                                                                  sentenceStart: s.start, sentenceText: doc.text(of: s),
                                                                  rule: rule, confidence: 0.8)))
        }
        // a leader's body named with his name (إدارة ترامب): he leads it
        for m in mentions where m.rule == "leader-body" && m.entity >= 0 {
            guard let leader = Self.leader(of: m, in: mentions), leader.entity >= 0, leader.entity != m.entity else { continue }
            let s = doc.sentences[m.sentence]
            relations.append(ExtractedRelation(subject: leader.entity, predicate: "leads", object: m.entity,
                                               evidence: Evidence(article: article.id, sentence: m.sentence, start: m.start, end: m.end,
                                                                  sentenceStart: s.start, sentenceText: doc.text(of: s),
                                                                  rule: "leader-body", confidence: 0.8)))
        }
        RelationInference(lexicons: lexicons).infer(doc, article: article, mentions: mentions, entities: entities, relations: &relations)
        if sportsReport { sports.playersOfTeams(doc, article: article, mentions: mentions, relations: &relations) }
        let statements = StatementExtractor(tables: lexicons.cues, titles: lexicons.titles, negations: lexicons.negationCues).extract(doc, article: article, mentions: mentions)
        nameBodiesOfPlaces(&entities, mentions, doc: doc)
        // an event named by no lexicon entry or match is called by its type's English name (rate cut, not ratecut)
        for i in entities.indices where entities[i].type == .event && entities[i].entryID == nil && entities[i].englishName == nil {
            if let l = lexicons.eventRoles.englishLabels[entities[i].eventType ?? ""] { entities[i].englishName = l }
        }
        return ArticleExtraction(article: article, entities: entities, mentions: mentions, relations: relations, negated: negated,
                                 statements: statements)
    }

    /// Gives an unlinked body named by a head and a known place or its nisba (منتخب كرواتيا, الحكومة اللبنانية) the English name of its
    /// head's row in organization-heads.tsv ("Croatia national team", "Government of Lebanon").
    private func nameBodiesOfPlaces(_ entities: inout [ExtractedEntity], _ mentions: [Mention], doc: AnalyzedText) {
        guard doc.language == "ar" else { return }
        for m in mentions where m.type == .organization && m.entity >= 0 && m.tokens.count >= 2 {
            guard entities[m.entity].entryID == nil, entities[m.entity].englishName == nil,
                  let head = lexicons.organizationHeads.value(key: String(doc.tokens[m.tokens.lowerBound].bareStem)), head.ofPlace,
                  !head.english.isEmpty, let id = Self.place(naming: m, in: mentions)?.entryID, let entry = lexicons.gazetteer.entry(id: id), !entry.nameEn.isEmpty else { continue }
            entities[m.entity].englishName = lexicons.englishName(head.english, place: entry.nameEn)
        }
        if let key = sports.nationalTeamHead.map(Normalizer.key), let head = lexicons.organizationHeads.value(key: key), !head.english.isEmpty {
            for m in mentions where m.rule == "national-team" && m.entity >= 0 && entities[m.entity].englishName == nil {
                guard let id = Self.place(sameAs: m, in: mentions)?.entryID, let entry = lexicons.gazetteer.entry(id: id), !entry.nameEn.isEmpty else { continue }
                entities[m.entity].englishName = lexicons.englishName(head.english, place: entry.nameEn)
            }
        }
        for m in mentions where m.rule == "leader-body" && m.entity >= 0 && entities[m.entity].englishName == nil {
            guard let body = lexicons.leaderBodies[doc.tokens[m.tokens.lowerBound].stem],
                  let id = Self.leader(of: m, in: mentions)?.entryID, let entry = lexicons.gazetteer.entry(id: id), !entry.nameEn.isEmpty else { continue }
            entities[m.entity].englishName = body.english.replacingOccurrences(of: "{person}", with: entry.nameEn)
        }
    }

    /// A word's spelling skeleton for names transliterated several ways: the gazetteer's (`SpellingVariants.skeleton`,
    /// without the long vowels inside the word), with غ read as ج (both "g": برانسون = برونسون, سيرجي = سيرغي).
    static func variantSkeleton(_ word: String) -> UInt64 {
        SpellingVariants.skeleton(word.unicodeScalars.contains("\u{063A}") ? word.replacingOccurrences(of: "\u{063A}", with: "\u{062C}") : word)
    }

    /// Two spellings of one transliterated word: a long vowel or ج/غ written for another in the same place (برانسون,
    /// برونسون; سيرجي, سيرغي) or one long vowel more (تسلا, تيسلا). Not a vowel moved elsewhere: ماجد and مجيد, سالم and
    /// سليم are two Arabic names of one root.
    static func closeSpellings(_ x: String, _ y: String) -> Bool {
        let a = Array(x.unicodeScalars), b = Array(y.unicodeScalars)
        let vowels: Set<Unicode.Scalar> = ["\u{0627}", "\u{0648}", "\u{064A}"], g: Set<Unicode.Scalar> = ["\u{062C}", "\u{063A}"]
        if a.count == b.count {
            return zip(a, b).allSatisfy { p, q in p == q || (vowels.contains(p) && vowels.contains(q)) || (g.contains(p) && g.contains(q)) }
        }
        guard abs(a.count - b.count) == 1 else { return false }
        let (long, short) = a.count > b.count ? (a, b) : (b, a)
        for i in 0..<long.count where vowels.contains(long[i]) {
            var cut = long
            cut.remove(at: i)
            if zip(cut, short).allSatisfy({ p, q in p == q || (g.contains(p) && g.contains(q)) }) { return true }
        }
        return false
    }

    /// The known leader a leader-body mention is named after, at its end: nested right after its head (إدارة ترامب:
    /// ترامب) or after his title (إدارة الرئيس الأمريكي دونالد ترامب: the title's mention of دونالد ترامب).
    private static func leader(of m: Mention, in mentions: [Mention]) -> Mention? {
        mentions.first { $0.type == .person && $0.entryID != nil && $0.tokens.upperBound == m.tokens.upperBound
                         && $0.tokens.lowerBound > m.tokens.lowerBound }
    }

    /// The place nested over the same words as a national team read from a country's name (`SportsMetonymy`).
    private static func place(sameAs m: Mention, in mentions: [Mention]) -> Mention? {
        mentions.first { $0.type == .place && $0.rule == "nested" && $0.tokens == m.tokens }
    }

    /// The known place, or its nisba, that ends a body's name right after its head (منتخب كرواتيا, المنتخب الألماني).
    private static func place(naming m: Mention, in mentions: [Mention]) -> Mention? {
        mentions.first { $0.type == .place && ($0.rule == "nested" || $0.rule == "demonym-in-name")
                         && $0.tokens == m.tokens.lowerBound + 1..<m.tokens.upperBound }
    }

    /// An entity's subtype: its gazetteer entry's when it has one (SportsTeam, City), else the one the rules gave it.
    private func subtype(of e: ExtractedEntity) -> String {
        e.entryID.flatMap { lexicons.gazetteer.entry(id: $0)?.subtype } ?? e.subtype
    }

    /// قائد ("captain, commander") as the first word of a match, normalised, with and without و.
    private static let captainWords: Set<String> = Set(["قائد", "القائد", "وقائد", "والقائد"].map(Normalizer.key))
    /// The team words after it (قائد المنتخب, قائد الفريق), normalised.
    private static let teamWords: Set<String> = Set(["المنتخب", "الفريق", "النادي", "منتخب", "فريق", "نادي"].map(Normalizer.key))

    /// Event time and casualties: the date written right after a trigger of the event, else the first date in a
    /// sentence that triggers it (resolved against the article date), and the casualty counts of the sentences that trigger it — or of the next two sentences, when they
    /// trigger no other event (بعد أيام من غارة ... وأسفرت عن مقتل ثلاثة مسلحين).
    private func annotateEvents(_ entities: inout [ExtractedEntity], _ occurrences: [EventExtractor.Occurrence], doc: AnalyzedText, dates resolver: DateResolver) {
        guard !occurrences.isEmpty else { return }
        var bySentence: [Int: [Int]] = [:]
        for o in occurrences { bySentence[o.sentence, default: []].append(o.entity) }
        for o in occurrences.sorted(by: { ($0.sentence, $0.tokens.lowerBound) < ($1.sentence, $1.tokens.lowerBound) }) where entities[o.entity].startDate == nil {
            let s = doc.sentences[o.sentence]
            // a date written right after the trigger (تفجيرات الخبر عام ١٩٩٦), else the sentence's first full date, else
            // its first month or week (a bare year elsewhere in the sentence is not the event's: أسوأ هجوم منذ عام 2014)
            if let d = o.stated {
                entities[o.entity].startDate = d
                continue
            }
            let found = resolver.dates(in: doc, tokens: s.tokens).filter { $0.year > 0 && $0.precision != .year }
            if let d = found.first(where: { $0.precision == .day }) ?? found.first { entities[o.entity].startDate = d }
        }
        var done = Set<Int>()
        for s in doc.sentences {
            let counts = CasualtyExtractor.casualties(in: doc, tokens: s.tokens, tables: lexicons.cues)
            guard !counts.isEmpty else { continue }
            // the event of this sentence (a use of force before a bare killing), else of one of the two sentences before
            var target: Int? = nil
            for back in 0...2 where s.index - back >= 0 {
                guard let es = bySentence[s.index - back] else { continue }
                target = es.first { lexicons.eventRoles.forceTypes.contains(entities[$0].eventType ?? "") } ?? es.first
                break
            }
            guard let e = target else { continue }
            for c in counts where !entities[e].casualties.contains(c) { entities[e].casualties.append(c) }
            done.insert(e)
        }
        for e in done { entities[e].casualties.sort() }
    }

    /// Dashes that end a news dateline: `City (Agency) --`.
    static let datelineDashes: Set<String> = ["-", "--", "—", "–", "ـ"]

    /// An unknown organisation or place name followed by a known acronym in parentheses is that entry
    /// (وكالة الأنباء الفرنسية (AFP), the Federal Criminal Police Office (BKA)): one node, not two.
    private func linkNamesToTheirAcronyms(_ mentions: inout [Mention], doc: AnalyzedText) {
        var startingAt: [Int: Int] = [:]
        for (i, m) in mentions.enumerated() where m.rule != "nested" && m.entryID != nil { startingAt[m.tokens.lowerBound] = i }
        for i in mentions.indices where mentions[i].entryID == nil && mentions[i].rule != "nested"
            && (mentions[i].type == .organization || mentions[i].type == .place) && !mentions[i].isDemonym {
            let b = mentions[i].tokens.upperBound
            guard b + 2 < doc.tokens.count, doc.tokens[b].key == "(", let a = startingAt[b + 1],
                  mentions[a].tokens.upperBound == b + 2, doc.tokens[b + 2].key == ")", mentions[a].type == mentions[i].type,
                  let id = mentions[a].entryID,
                  // (a dateline names the place and the agency: القدس (CNN)-- is Jerusalem, not CNN's name)
                  !(b + 3 < doc.tokens.count && Self.datelineDashes.contains(doc.tokens[b + 3].key)) else { continue }
            mentions[i].entryID = id
            mentions[i].subtype = mentions[a].subtype
        }
    }

    /// Gives entity `from`'s mentions to entity `into`: one entity of the article after all. `from` is left empty.
    private func moveMentions(of from: Int, to into: Int, _ entities: inout [ExtractedEntity], _ mentions: inout [Mention]) {
        for i in mentions.indices where mentions[i].entity == from { mentions[i].entity = into }
        entities[into].mentionIndices += entities[from].mentionIndices
        entities[from].mentionIndices = []
    }

    private func reindex(_ entities: inout [ExtractedEntity], _ mentions: [Mention]) {
        for e in entities.indices { entities[e].mentionIndices = [] }
        for i in mentions.indices where mentions[i].entity >= 0 { entities[mentions[i].entity].mentionIndices.append(i) }
    }

    /// The country whose nisba follows a description of a team (الفريق المصري → country:eg), if any.
    private func teamCountry(_ d: LexiconSet.DefiniteDescription, end: Int, mentions: [Mention]) -> String? {
        guard d.head.lowercased() == "@sportsteam" else { return nil }
        return mentions.first(where: { $0.tokens.lowerBound == end && $0.isDemonym })?.entryID
    }

    /// For a team described by its country's nisba: the latest team before `k` named with that nisba right after it,
    /// with that country's name inside it (منتخب مصر), or known as a club of that country (the lexicon's description
    /// starts with the country's English demonym: "Spanish football club").
    private func teamOf(country: String, before k: Int, mentions: [Mention], entities: [ExtractedEntity]) -> Int? {
        let englishDemonyms = Set((lexicons.gazetteer.entry(id: country)?.demonyms ?? []).filter { $0.unicodeScalars.first.map { $0.isASCII } == true })
        var best: (pos: Int, e: Int)? = nil
        for m in mentions where m.entity >= 0 && m.type == .organization && m.rule != "nested" && m.rule != "definite-description"
            && m.tokens.upperBound <= k && entities[m.entity].subtype == "SportsTeam" {
            let known = entities[m.entity].entryID.flatMap { lexicons.gazetteer.entry(id: $0) }
            let ofCountry = known.map { englishDemonyms.contains(String($0.description.prefix { $0 != " " })) } == true
                || mentions.contains { n in
                    n.entryID == country && (n.isDemonym && n.tokens.lowerBound == m.tokens.upperBound
                                             || n.type == .place && n.rule == "nested" && m.tokens.contains(n.tokens.lowerBound))
                }
            if ofCountry && (best == nil || m.tokens.lowerBound > best!.pos) { best = (m.tokens.lowerBound, m.entity) }
        }
        return best?.e
    }

    private func mostRecent(_ d: LexiconSet.DefiniteDescription, before k: Int, doc: AnalyzedText, mentions: [Mention], entities: [ExtractedEntity]) -> Int? {
        var best: (pos: Int, e: Int)? = nil
        var salience: [Int: Int] = [:]
        var firstAt: [Int: Int] = [:]
        for idx in mentions.indices where mentions[idx].tokens.upperBound <= k && mentions[idx].entity >= 0 && mentions[idx].type == d.type && mentions[idx].rule != "definite-description" {
            let m = mentions[idx]
            let fits: Bool
            if d.head == "*" {
                fits = true
            } else if d.head.hasPrefix("@") {
                // a subtype: "the city" is the last city named, not the last place
                let e = entities[m.entity]
                let sub = subtype(of: e)
                fits = !m.isDemonym && sub.lowercased() == d.head.dropFirst().lowercased()
            } else {
                fits = m.tokens.contains { j in
                    let t = doc.tokens[j]
                    return keysEqual(t.stem, d.head) || keysEqual(String(t.bareStem), d.head) || keysEqual(t.key, d.head)
                } || names(of: entities[m.entity]).contains { plainContains($0, d.head) ?? $0.contains(d.head) }
            }
            if fits && (best == nil || m.tokens.lowerBound > best!.pos) { best = (m.tokens.lowerBound, m.entity) }
            if fits && d.head.hasPrefix("@") {
                salience[m.entity, default: 0] += 1
                firstAt[m.entity] = min(firstAt[m.entity] ?? Int.max, m.tokens.lowerBound)
            }
        }
        // "the city": the city the article is about (named most often so far, and on a tie named first), not the last one
        // named in passing
        if d.head.hasPrefix("@"), let top = salience.max(by: { ($0.value, -firstAt[$0.key]!) < ($1.value, -firstAt[$1.key]!) }) {
            return top.key
        }
        return best?.e
    }

    private func names(of e: ExtractedEntity) -> [String] {
        guard let id = e.entryID, let entry = lexicons.gazetteer.entry(id: id) else { return [] }
        return entry.allNames.map(Normalizer.key)
    }

    /// An unknown organisation name that is the start of a longer organisation name used earlier in the article is a
    /// short form of it (البنك المركزي after البنك المركزي المصري; "the Central Bank" after "the Central Bank of Egypt"),
    /// when only one longer name fits.
    private func mergeShortOrganizationNames(_ entities: inout [ExtractedEntity], _ mentions: inout [Mention], doc: AnalyzedText) {
        var full: [(entity: Int, first: Int, keys: [String])] = []
        for m in mentions where m.type == .organization && m.entity >= 0 && m.rule != "nested" && m.tokens.count >= 2 {
            full.append((m.entity, m.tokens.lowerBound, m.tokens.map { doc.tokens[$0].stem }))
        }
        for (e, ent) in entities.enumerated() where ent.type == .organization && ent.entryID == nil && !ent.mentionIndices.isEmpty {
            let ms = ent.mentionIndices.map { mentions[$0] }.filter { $0.rule != "nested" }
            guard let firstM = ms.min(by: { $0.tokens.lowerBound < $1.tokens.lowerBound }), firstM.tokens.count >= 2 else { continue }
            let keys = firstM.tokens.map { doc.tokens[$0].stem }
            // (or the same name, linked earlier where the tagger cut a longer known name short: البنك المركزي of
            // البنك المركزي المصري is the Egyptian central bank, and so is the next البنك المركزي)
            let into = Set(full.filter { $0.entity != e && $0.keys.count >= keys.count && $0.first < firstM.tokens.lowerBound
                                         && Array($0.keys.prefix(keys.count)) == keys }.map(\.entity))
            guard into.count == 1, let target = into.first else { continue }
            moveMentions(of: e, to: target, &entities, &mentions)
        }
    }

    /// A facility named after its city (سجن الحسكة) and the one named facility with the same head noun in the article
    /// (سجن الصناعة) are one place.
    private func mergeFacilities(_ entities: inout [ExtractedEntity], _ mentions: inout [Mention], doc: AnalyzedText) {
        var byHead: [String: [Int]] = [:]
        for (e, ent) in entities.enumerated() where ent.type == .place && ent.subtype == "Facility" && ent.entryID == nil {
            guard let m = ent.mentionIndices.first else { continue }
            byHead[doc.tokens[mentions[m].tokens.lowerBound].stem, default: []].append(e)
        }
        for (_, es) in byHead.sorted(by: { $0.key < $1.key }) where es.count == 2 {
            func namedAfterPlace(_ e: Int) -> Bool {
                entities[e].mentionIndices.contains { mi in mentions.contains { $0.rule == "nested" && $0.tokens.lowerBound >= mentions[mi].tokens.lowerBound && $0.tokens.upperBound <= mentions[mi].tokens.upperBound } }
            }
            let a = es[0], b = es[1]
            let (from, into): (Int, Int)
            if namedAfterPlace(a) && !namedAfterPlace(b) { (from, into) = (a, b) } else if namedAfterPlace(b) && !namedAfterPlace(a) { (from, into) = (b, a) } else { continue }
            moveMentions(of: from, to: into, &entities, &mentions)
        }
    }
}

/// Identity keys for entities not in the gazetteer: normalised, spelling variants folded, words joined by `-`.
public enum EntityKey {
    static let variants: [(String, String)] = [("ديموقراط", "ديمقراط"), ("اميرك", "امريك"), ("بنتاجون", "بنتاغون")]
    private static let variantBytes: [(from: [UInt8], to: [UInt8])] = variants.map { (Array($0.0.utf8), Array($0.1.utf8)) }

    public static func of(_ name: String) -> String {
        var k = Normalizer.key(name)
        // (a byte search: String.contains goes through Foundation's normalising search, a hot spot of clustering)
        var bytes = Array(k.utf8), replaced = false
        for (a, b) in variantBytes where bytes.count >= a.count {
            var out: [UInt8] = []
            var i = 0, found = false
            while i < bytes.count {
                if i + a.count <= bytes.count, bytes[i] == a[0], bytes[i..<(i + a.count)].elementsEqual(a) {
                    out += b; i += a.count; found = true
                } else {
                    out.append(bytes[i]); i += 1
                }
            }
            if found { bytes = out; replaced = true }
        }
        if replaced { k = String(decoding: bytes, as: UTF8.self) }
        // letters and digits kept, runs of anything else one dash; built as UTF-8 bytes, and the letter test is answered
        // without the Unicode property tables for ASCII and the Arabic letters U+0621–U+064A (all alphabetic)
        var out: [UInt8] = []
        out.reserveCapacity(k.utf8.count)
        var lastDash = true, plain = true
        for s in k.unicodeScalars {
            let v = s.value
            let keep: Bool
            if v < 0x80 {
                keep = (v >= 0x61 && v <= 0x7A) || (v >= 0x41 && v <= 0x5A) || (v >= 0x30 && v <= 0x39)
            } else if v >= 0x0621 && v <= 0x064A {
                keep = true
            } else {
                keep = s.properties.isAlphabetic
            }
            if keep {
                if v >= 0x80 && (v < 0x0621 || v > 0x064A) { plain = false }
                out.append(contentsOf: UTF8.encode(s)!)
                lastDash = false
            } else if !lastDash {
                out.append(0x2D); lastDash = true
            }
        }
        var key = String(decoding: out, as: UTF8.self)
        // (a trailing dash is a Character of its own unless a letter before it joins it, as a Prepend letter does)
        if out.last == 0x2D && (plain || key.hasSuffix("-")) { key.removeLast() }
        return key
    }
}
