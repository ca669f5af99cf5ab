/// Finds events from trigger words (Resources/rules/event-triggers.tsv) and fills their roles from the mentions
/// around the trigger:
/// - agent: the organisation right after a noun trigger (هجوم تنظيم داعش), "by X", the mention before a verb that
///   launched it (طائرة حربية أميركية شنت غارتين, Russia launched an invasion), the mention right after a relative
///   launch verb (هجوما شنته قوات الدعم السريع), a pronoun subject (قواتها نفذت, it had carried out) resolved to the
///   sentence's first actor, and, for non-violent events (visits, meetings, arrests, protests...), the sentence's
///   first actor;
/// - participant: "with X", "مع X", "between X and Y", "بين X و Y";
/// - target: after على / ضد / on / against;
/// - place: after في / ب / in / at (also before the trigger for visits and meetings: وصل إلى بغداد في زيارة).
/// The triggers of one type in an article are one event unless they name different cities or countries (then each scene
/// is its own event) or, for meetings and visits not referring back, only other parties; an event is kept only when at least one role is filled.
struct EventExtractor {
    let lexicons: LexiconSet
    let roles: EventRoles

    init(lexicons: LexiconSet) {
        self.lexicons = lexicons
        roles = lexicons.eventRoles
    }

    /// Where each event was triggered: event entity → (sentence, trigger token range), for dates and casualties.
    /// One trigger of an event: where it is, and the date written right after it (`DateResolver.statedDate`), if any.
    struct Occurrence { var entity: Int; var sentence: Int; var tokens: Range<Int>; var stated: ResolvedDate? = nil }

    @discardableResult
    /// `dates`: the article's date resolver (its reference date), which reads the dates written with triggers.
    func extract(_ doc: AnalyzedText, article: Article, dates dateResolver: DateResolver, sportsReport: Bool = false, playReport: Bool = false, claimed: inout [Bool], mentions: inout [Mention],
                 entities: inout [ExtractedEntity], relations: inout [ExtractedRelation]) -> [Occurrence] {
        var newMentions: [Mention] = []
        namedEvents(doc, claimed: &claimed, entities: &entities, mentions: &mentions, added: &newMentions)
        var eventsOfType: [String: [Int]] = [:]   // in order of first trigger
        var placesOf: [Int: [Int]] = [:]            // event entity → place entities of its triggers
        var targetsOf: [Int: [Int]] = [:]           // event entity → the persons it targets (arrests, trials)
        var sidesOf: [Int: Set<Int>] = [:]          // event entity → the sides of a match (type-opponent)
        var partiesOf: [Int: Set<Int>] = [:]        // event entity → its agents and participants
        var yearsOf: [Int: Set<Int>] = [:]          // event entity → the years written right after its triggers
        var agentsOf: [Int: Set<Int>] = [:]         // event entity → its agents
        var labelled: Set<Int> = []                 // events named by a phrase (labelEnd)
        var articleReportsForce: Bool? = nil
        var mentionAt: [Int: Int] = [:]
        var mentionEndingAt: [Int: Int] = [:]
        for (i, m) in mentions.enumerated() where m.rule != "nested" && m.entity >= 0 {
            if mentionAt[m.tokens.lowerBound] == nil { mentionAt[m.tokens.lowerBound] = i }
            if let o = mentionEndingAt[m.tokens.upperBound], mentions[o].tokens.count >= m.tokens.count { continue }
            mentionEndingAt[m.tokens.upperBound] = i
        }
        for (h, i) in Mention.headNounStarts(doc, mentions, lexicons: lexicons) where mentionAt[h] == nil { mentionAt[h] = i }
        // a nisba that describes a person (a Syrian man, شاب سوري) is not the state acting
        // (so does one right before a named person: نظيره المصري سامح شكري)
        func describesPerson(_ m: Mention) -> Bool {
            let after = m.tokens.upperBound, before = m.tokens.lowerBound - 1
            if let next = mentionAt[after], mentions[next].type == .person { return true }
            if after < doc.tokens.count, roles.personNouns.contains(doc.tokens[after].key) || roles.personNouns.contains(doc.tokens[after].stem) { return true }
            if before >= 0, doc.tokens[before].script == .arabic, roles.personNouns.contains(doc.tokens[before].stem) { return true }
            return false
        }
        // a nisba after a counterpart noun (على نظيره الأيسلندي): the country's team
        func isCounterpart(_ m: Mention) -> Bool {
            let before = m.tokens.lowerBound - 1
            return before >= 0 && doc.tokens[before].script == .arabic && roles.counterpartNouns.contains(doc.tokens[before].stem)
        }
        func isActor(_ mi: Int) -> Bool {
            let m = mentions[mi]
            return m.type == .organization || m.type == .person || (m.isDemonym && !describesPerson(m))
        }
        // a capital city named by the mention (its entry's part_of is the country)
        func capital(_ m: Mention) -> LexiconEntry? {
            guard m.type == .place, !m.isDemonym, let id = m.entryID, let e = lexicons.gazetteer.entry(id: id), Gazetteer.isCapital(e) else { return nil }
            return e
        }
        var countryEntity: [String: Int]? = nil
        func countryOfCapital(_ m: Mention) -> Int? {
            guard let country = capital(m)?.partOf else { return nil }
            if countryEntity == nil {
                var byID: [String: Int] = [:]
                for x in mentions where x.type == .place && x.subtype == "Country" && x.entity >= 0 {
                    if let xid = x.entryID, byID[xid] == nil { byID[xid] = x.entity }
                }
                countryEntity = byID
            }
            return countryEntity?[country]
        }
        // a country, or its capital standing for its government, takes part in talks (المحادثات بين طهران وبرلين)
        func isStateParticipant(_ m: Mention) -> Bool {
            m.type == .place && !m.isDemonym && (m.subtype == "Country" || capital(m) != nil)
        }
        var occurrences: [Occurrence] = []
        var roleRelations: [ExtractedRelation] = []
        // matches named by their stage and competition (نهائي دوري أبطال أوروبا): a match event the same sentence's
        // match triggers and later definite forms (المباراة) refer to
        var stageEvents: Set<Int> = []
        // (sentence, first token) of each stage written as the setting, في نهائي / in the final: the match a trigger
        // before it in its sentence reports (الأهلي يهزم الترجي ويقترب من نهائي دوري أبطال أفريقيا is another match)
        var stageSettings: [Int: [(sentence: Int, start: Int)]] = [:]
        var stageAt: [Int: Int] = [:]       // a stage's trigger word (المباراة النهائية) → its stage event
        var stageJoin: [Int: Int] = [:]     // stage event → the match event of its sentence it is
        let namedMentions = newMentions
        for st in self.stageEvents(doc, claimed: &claimed, entities: &entities, named: namedMentions, added: &newMentions) {
            if stageEvents.insert(st.entity).inserted {
                eventsOfType["match", default: []].append(st.entity)
                labelled.insert(st.entity)
            }
            if st.setting { stageSettings[st.entity, default: []].append((st.mention.sentence, st.mention.tokens.lowerBound)) }
            for k in st.mention.tokens where !claimed[k] { stageAt[k] = st.entity }
            // (no occurrence of its own: a stage names the match, the sentences that report it are its triggers'. The
            // players of the sentences after a stage alone are too often others: 3 of 12 read right, with Putin in a
            // World Cup quarter-final and Hazard in a final Belgium did not play)
            let s = doc.sentences[st.mention.sentence]
            roleRelations.append(ExtractedRelation(subject: st.entity, predicate: "superEvent", object: st.competition.entity, evidence: Evidence(
                article: article.id, sentence: s.index, start: st.mention.start, end: st.competition.end, sentenceStart: s.start,
                sentenceText: doc.text(of: s), rule: "event:match:stage", confidence: 0.8)))
        }
        let stageOrder = stageEvents.sorted()
        // words that start no trigger (most of them), known after their first token
        var mayTrigger = WordMemo(doc)
        // whether a sentence writes armed force: an armed-word, or a military organisation or an armed group named
        var armedSentence: [Int: Bool] = [:]
        // a trigger right after a naming noun completes a name, it reports no event (قانون العقوبات, لجنة الانتخابات,
        // منصات إطلاق صواريخ, منصات لإطلاق الصواريخ)
        func isNamingComplement(_ k: Int, from start: Int) -> Bool {
            k > start && (doc.tokens[k].prefix.isEmpty || doc.tokens[k].prefix == "ل")
                && roles.namingNouns.contains(doc.tokens[k - 1].key, hash: doc.tokens[k - 1].keyHash)
        }
        // a place named as the owner of an embassy or a consulate (سفارة المملكة, the embassy of Egypt): not where
        // something happens
        func isOwnerOfFacility(_ m: Mention) -> Bool {
            var p = m.tokens.lowerBound - 1
            if p >= 0, doc.tokens[p].key == "of" { p -= 1 }
            guard p >= 0, doc.tokens[p].kind == .word, m.tokens.lowerBound - p <= 2 else { return false }
            return roles.ownerNouns.contains(doc.tokens[p].stem, hash: doc.tokens[p].stemHash)
        }
        // the gazetteer country of a country or of a city in the gazetteer (Istanbul → country:tr)
        func countryOf(_ e: Int) -> String? {
            guard let id = entities[e].entryID else { return nil }
            if entities[e].subtype == "Country" { return id }
            guard let partOf = lexicons.gazetteer.entry(id: id)?.partOf, partOf.hasPrefix("country:") else { return nil }
            return partOf
        }
        // an actor, or a state by its name or capital, named at token p
        func actorAt(_ p: Int) -> Bool { mentionAt[p].map { isActor($0) || isStateParticipant(mentions[$0]) } ?? false }
        func armed(_ s: Sentence) -> Bool {
            if let v = armedSentence[s.index] { return v }
            let v = roles.writesArmedForce(doc, s, mentions: mentions)
            armedSentence[s.index] = v
            return v
        }
        for s in doc.sentences {
            // an event's name and mention start at its trigger's stem, or at the word where the table has the whole
            // written word (فتحت تحقيقا, not تحت تحقيقا)
            func triggerStart(_ k: Int) -> Int {
                lexicons.eventTriggers.matchesWholeWord(doc.tokens, at: k, limit: s.tokens.upperBound) ? doc.tokens[k].start : doc.tokens[k].stemStart
            }
            func triggerName(_ k: Int, _ end: Int, from start: Int) -> String {
                start == doc.tokens[k].stemStart ? doc.nameText(k, end) : doc.text(start, doc.tokens[end - 1].end)
            }
            // a trigger phrase alone names its event without the prepositions it is matched with (التحقيق في → التحقيق,
            // في حوار مع → حوار)
            func bareTriggerName(_ k: Int, _ end: Int, from start: Int) -> String {
                func bare(_ i: Int) -> Bool { doc.tokens[i].script == .arabic && lexicons.functionWords.contains(doc.tokens[i].key) }
                var first = k, last = end
                while last - first > 1, bare(last - 1) { last -= 1 }
                while last - first > 1, bare(first) { first += 1 }
                return first == k ? triggerName(k, last, from: start) : doc.nameText(first, last)
            }
            // the sentence's first actor (its grammatical subject in most news sentences), with a demonym right before it
            // (a person or organisation; a nisba only when neither is named: وزير الخارجية التركي هاكان فيدان → فيدان)
            var firstActor: Int? = nil, firstNisba: Int? = nil
            var q = s.tokens.lowerBound
            while q < s.tokens.upperBound {
                if let mi = mentionAt[q], isActor(mi) {
                    if !mentions[mi].isDemonym { firstActor = mi; break }
                    if firstNisba == nil { firstNisba = mi }
                }
                q += 1
            }
            if firstActor == nil { firstActor = firstNisba }
            func isMatchSide(after e: Int, in s: Sentence) -> Bool {
                var j = e
                while j < min(s.tokens.upperBound, e + 3), mentionAt[j] == nil, doc.tokens[j].kind == .word { j += 1 }
                // (past other words the side follows a preposition: أمام السعودية, بين البرتغال; not a noun it is the
                // genitive of: لقاء مع أمير قطر)
                guard j < s.tokens.upperBound, let mi = mentionAt[j], !mentions[mi].isDemonym,
                      j == e || lexicons.functionWords.contains(doc.tokens[j - 1].key) else { return false }
                let m = mentions[mi]
                return m.subtype == "Country" || m.type == .organization && !Self.metNotPlayed.contains(m.subtype)
            }
            var k = s.tokens.lowerBound
            while k < s.tokens.upperBound {
                if !claimed[k] && mayTrigger[doc.tokens[k]] == nil { mayTrigger[doc.tokens[k]] = canTrigger(doc.tokens[k]) }
                guard !claimed[k], mayTrigger[doc.tokens[k]]!,
                      let trig = trigger(doc.tokens, at: k, limit: s.tokens.upperBound) else { k += 1; continue }
                // in a sports report an encounter with a team or a country is a match (لقاء ليون, مواجهة الأهلي), not a
                // meeting (لقاء له مع سفيري البلدين stays one); the side may follow a few words (لقاء آخر بين البرتغال
                // وأوروغواي, لقاءه الأول أمام منتخب أوروغواي). A state body, an alliance, a party or a person is met, not
                // played (قمة لحلف شمال الأطلسي, لقاء مع أمير قطر)
                let type = sportsReport && trig.end == k + 1 && (roles.matchNouns.contains(doc.tokens[k].key) || roles.matchNouns.contains(doc.tokens[k].stem))
                    && isMatchSide(after: trig.end, in: s) ? "match" : trig.value.type
                // a definite form the table does not list (القمة of قمة, الاشتباكات of اشتباك) refers back to an event
                // of its type; it starts none (the clashes of an attack the article reports are that attack)
                let anaphoric = trig.anaphoric
                // a win or a draw is a match only in a sports report
                if roles.sportsTypes.contains(type) && !sportsReport { k = trig.end; continue }
                // and in a report about sport throughout (`playReport`) an attack or a snatch is play, unless armed
                // force is written in the sentence
                if playReport && roles.sportsMetaphorTypes.contains(type) && !armed(s) { k = trig.end; continue }
                // the complement of a law's or a body's name is no event (قانون العقوبات, لجنة الانتخابات)
                if isNamingComplement(k, from: s.tokens.lowerBound) { k = trig.end; continue }
                let opponent = roles.opponentTypes.contains(type)
                // فاز بالدوري / بلقب: winning a title is not a match
                // (also where the segmenter left ب on the word: بدوري; not a name: فاز برشلونة على ...)
                if opponent, trig.end < s.tokens.upperBound, doc.tokens[trig.end].script == .arabic,
                   doc.tokens[trig.end].prefix.endsWithLetters("ب") || doc.tokens[trig.end].key.hasPrefix("ب") && mentionAt[trig.end] == nil {
                    k = trig.end; continue
                }
                // beating someone in a vote is no match (تغلب على دي خيا في التصويت على جائزة أفضل لاعب)
                if opponent, (trig.end..<min(s.tokens.upperBound, trig.end + 30)).contains(where: {
                    roles.voteWords.contains(doc.tokens[$0].key, hash: doc.tokens[$0].keyHash) || roles.voteWords.contains(doc.tokens[$0].stem, hash: doc.tokens[$0].stemHash) }) {
                    k = trig.end; continue
                }
                // a negated trigger did not happen (لم تشن أي هجوم, never launched an attack): no event, no roles
                // (unless a demonstrative refers the trigger back to an event reported: ولم تعرف بعد دوافع هذا الاعتداء)
                if !(k > s.tokens.lowerBound && roles.refersBack.contains(doc.tokens[k - 1].key)),
                   (max(s.tokens.lowerBound, k - 5)..<k).contains(where: { lexicons.negationCues.contains(doc.tokens[$0].key) || lexicons.negationCues.contains(doc.tokens[$0].stem) }) {
                    k = trig.end; continue
                }
                var agent: Int? = nil, target: Int? = nil, place: Int? = nil
                var participants: [Int] = []
                // agent: genitive right after the trigger (هجوم تنظيم داعش), or "by X"
                // (the target for types such as arrest or trial: اعتقال X, محاكمة X)
                // (an Arabic verb's or noun's next name is its subject — فوز الأهلي، هزم الأهلي الترجي — unless the subject
                // came first: الأهلي يهزم الترجي; in English it is the object: beat Manchester City)
                let subjectFirst = doc.tokens[k].script == .latin || (k > s.tokens.lowerBound && mentionEndingAt[k].map(isActor) == true)
                var agentAtTrigger = false
                // (a nisba right before a named person describes that person, who is the one acting: سافر الأرجنتيني
                // هيكتور كوبر)
                var afterTrigger = mentionAt[trig.end]
                if let d = afterTrigger, mentions[d].isDemonym, let p = mentionAt[mentions[d].tokens.upperBound], mentions[p].type == .person {
                    afterTrigger = p
                }
                // a place named right after a force trigger in construct state is where it happened (تفجيرات الرياض, معركة
                // الموصل, حرب اليمن)
                if let mi = afterTrigger, mentions[mi].type == .place, !mentions[mi].isDemonym, roles.targetPlaceTypes.contains(type),
                   doc.tokens[k].script == .arabic, !doc.tokens[k].hasArticle, doc.tokens[trig.end - 1].suffix.isEmpty {
                    place = mi
                }
                if let mi = afterTrigger, [.organization, .person].contains(mentions[mi].type) || mentions[mi].isDemonym {
                    if opponent && subjectFirst { if !mentions[mi].isDemonym { participants.append(mi) } }
                    else if roles.genitiveTargetTypes.contains(type) {
                        // (an organisation right after an arrest or a trial is who does it: احتجز مكتب التحقيقات X)
                        // (not where bodies are what the event is done to: مقاضاة شركة أمازون, sued Apple)
                        if mentions[mi].type == .organization && roles.subjectTypes.contains(type) && !roles.bodyTargetTypes.contains(type) {
                            agent = mi; agentAtTrigger = true
                        }
                        else if !mentions[mi].isDemonym { target = mi }
                    } else { agent = mi }
                }
                // a gapped trigger's agent is in its gap, right after the head (إطلاق جماعة الحوثي لصواريخ, أطلق سلاح الجو
                // البريطاني صاروخا) or, for a verb head, the actor right before it (جماعة الحوثي أطلقت سبعة صواريخ)
                if agent == nil, let head = lexicons.gappedEventTriggers.heads.match(doc.tokens, at: k, limit: trig.end), head.end < trig.end - 1 {
                    if let mi = mentionAt[head.end], mentions[mi].tokens.upperBound < trig.end, isActor(mi) || isStateParticipant(mentions[mi]) {
                        agent = mi
                    } else if roles.isLaunchVerb(doc.tokens[k], for: type), let mi = mentionEndingAt[k], isActor(mi) || isStateParticipant(mentions[mi]) {
                        agent = mi
                    }
                }
                // … or a person right after the subject of a verb trigger (واعتقلت الشرطة مايكل كادار)
                // (also past an agent named right after the verb: واعتقلت الشرطة الفرنسية الصحفي جون سميث)
                if target == nil, roles.genitiveTargetTypes.contains(type) {
                    var from = trig.end
                    // (the agent's mention may start after a bare head noun: واعتقلت حركة حماس; Mention.headNounStarts)
                    if agentAtTrigger, let a = agent { from = mentions[a].tokens.upperBound }
                    var p = from
                    // (past nisbas too: واعتقلت السلطات التركية القس الأمريكي أندرو برانسون. The subject's nisba is not
                    // taken for the agent: after a noun trigger the same place holds the target's, اغتيال العميل الروسي)
                    while p < min(s.tokens.upperBound, from + 5), doc.tokens[p].kind == .word {
                        if mentionAt[p] == nil && doc.tokens[p].hasArticle { p += 1; continue }
                        guard let d = mentionAt[p], mentions[d].isDemonym else { break }
                        p = mentions[d].tokens.upperBound
                    }
                    if p > trig.end, p < s.tokens.upperBound, let mi = mentionAt[p], mentions[mi].type == .person { target = mi }
                }
                // … or a person named with a title after the trigger: the target of a trial (محاكمة الرئيس البيروفي الأسبق
                // ألبرتو فوجيموري), the agent of a resignation or a visit (استقالة وزير الدولة لشؤون بريكست ستيف بايكر)
                if target == nil && agent == nil && participants.isEmpty, doc.tokens[trig.end - 1].script == .arabic,
                   let title = lexicons.titles.match(doc.tokens, at: trig.end, limit: s.tokens.upperBound) {
                    var p = title.end
                    while p < s.tokens.upperBound, p - title.end < 4, mentionAt[p] == nil || mentions[mentionAt[p]!].isDemonym {
                        if let mi = mentionAt[p] { p = mentions[mi].tokens.upperBound; continue }
                        guard doc.tokens[p].kind == .word, doc.tokens[p].hasArticle || doc.tokens[p].prefix.endsWithLetters("ل") || p > title.end else { break }
                        p += 1
                    }
                    if let mi = mentionAt[p], mentions[mi].type == .person {
                        if roles.genitiveTargetTypes.contains(type) { target = mi } else { agent = mi }
                    }
                }
                // … or, for a post, the author after ل (تغريدة لترامب, تغريدة لوزير الخارجية السعودي عادل الجبير; not a pronoun:
                // تغريدة له على تويتر)
                if agent == nil, roles.lamAgentTypes.contains(type), trig.end < s.tokens.upperBound, doc.tokens[trig.end].script == .arabic,
                   doc.tokens[trig.end].key.hasPrefix("ل"), !lexicons.functionWords.contains(doc.tokens[trig.end].key) {
                    // (a title's words are definite or nisbas: لوزير الخارجية السعودي عادل الجبير; not تغريدة لاحقة إن ماكرون)
                    var p = trig.end
                    while p < min(s.tokens.upperBound, trig.end + 5), doc.tokens[p].kind == .word {
                        if let mi = mentionAt[p] {
                            if mentions[mi].isDemonym { p = mentions[mi].tokens.upperBound; continue }
                            if mentions[mi].type == .person
                                || p == trig.end && mentions[mi].type == .organization && mentions[mi].subtype != "NewsMediaOrganization" { agent = mi }
                            break
                        }
                        guard p == trig.end || doc.tokens[p].hasArticle else { break }
                        p += 1
                    }
                }
                var j = trig.end
                var cue: String? = nil
                var cueAt = 0
                var verbCue = false
                var depth = 0
                var inQuote = false
                while j < min(s.tokens.upperBound, trig.end + 24) {
                    let t = doc.tokens[j]
                    if keysEqual(t.key, "(") { depth += 1; j += 1; continue }
                    if keysEqual(t.key, ")") { depth = max(0, depth - 1); j += 1; continue }
                    if depth > 0 { j += 1; continue }
                    if t.kind == .punctuation && !keysEqual(t.key, ",") && !keysEqual(t.key, "\"") && !keysEqual(t.key, "-") { break }
                    if roles.clauseBreaks.contains(t.key, hash: t.keyHash) { break }
                    // roles after another trigger are that event's
                    // (a trigger the table lists: a definite form that only refers back, الاشتباكات, ends no roles)
                    // (not one that only completes a name: ضربات على منصات إطلاق صواريخ تابعة للحوثيين)
                    if j > trig.end, trigger(doc.tokens, at: j, limit: s.tokens.upperBound, bareDefinite: false) != nil,
                       !isNamingComplement(j, from: s.tokens.lowerBound) { break }
                    // words in quote marks are what someone said, not roles (على سفينة قالت إنها "مرتبطة بإسرائيل")
                    if StatementExtractor.quoteMarks.contains(t.key, hash: t.keyHash) { inQuote.toggle(); j += 1; continue }
                    if inQuote { j += 1; continue }
                    // a distance ("40 km northeast of Kismayo") ends the search for a target: the place after it is a landmark
                    if t.kind == .number, cue == "target" { cue = nil }
                    // (a target verb's object is the next word or the one after: استهدف مدينة دوما)
                    if verbCue, cue == "target", j - cueAt > 2 { cue = nil }
                    // (and a destination after the target's noun is where it goes, not what was hit: القبض على مواطن سعودي
                    // بالخارج واسترداده إلى المملكة — the citizen was arrested, not the kingdom)
                    if cue == "target", j > cueAt + 1, roles.destinationCues.contains(t.key, hash: t.keyHash) { cue = nil }
                    if roles.targetCues.contains(t.key, hash: t.keyHash) { cue = "target"; cueAt = j; verbCue = false }
                    else if roles.targetVerbs.contains(t.key, hash: t.keyHash) || roles.targetVerbs.contains(t.stem, hash: t.stemHash) {
                        cue = "target"; cueAt = j; verbCue = true
                    }
                    else if roles.placeCues.contains(t.key, hash: t.keyHash) || t.prefix.endsWithLetters("ب") && mentionAt[j] != nil && mentions[mentionAt[j]!].type == .place { cue = "place" }
                    else if roles.destinationCues.contains(t.key, hash: t.keyHash), roles.destinationTypes.contains(type) { cue = "place" }
                    else if roles.agentCues.contains(t.key, hash: t.keyHash) { cue = "agent" }
                    else if roles.fireAgentCues.contains(t.key, hash: t.keyHash),
                            roles.forceTypes.contains(type) || roles.outcomeTypes.contains(type) { cue = "agent" }
                    else if roles.participantCues.contains(t.key, hash: t.keyHash) || roles.participantCues.contains(t.body, hash: t.bodyHash)
                            || opponent && roles.opponentCues.contains(t.key, hash: t.keyHash) { cue = "participant"; cueAt = j }
                    else if roles.relativeLaunchVerbs.contains(t.key, hash: t.keyHash) || roles.relativeLaunchVerbs.contains(t.stem, hash: t.stemHash) { cue = "agent" }
                    else if j > trig.end, t.script == .arabic, roles.baParticipantTypes.contains(type),
                            t.prefix.endsWithLetters("ب") || mentionAt[j].map({ mentions[$0].start == t.start + 1 && doc.scalars[t.start] == "ب" }) == true,
                            mentionAt[j].map({ mentions[$0].type != .place }) ?? true { cue = "participant"; cueAt = j }
                    if let mi = mentionAt[j], j != trig.end || (agent == nil && participants.isEmpty) {
                        let m = mentions[mi]
                        if t.prefix.endsWithLetters("ب") && m.type == .place && cue != "target" { cue = "place" }
                        // a place right after a visit is where it goes (زارت العراق, زيارة الرياض; not a list of places)
                        if j == trig.end, m.type == .place, roles.objectDestinationTypes.contains(type),
                           !(m.tokens.upperBound < s.tokens.upperBound && doc.tokens[m.tokens.upperBound].prefix == "و"
                             && mentionAt[m.tokens.upperBound].map({ mentions[$0].type == .place }) == true) { cue = "place" }
                        // beat X / فاز على [ضيفه] X: the opponent takes part; على استاد القاهرة: where it was played
                        if opponent, cue == "target" {
                            if m.type == .place && !m.isDemonym { if place == nil { place = mi } }
                            else if isActor(mi) && (!m.isDemonym || isCounterpart(m)) && j - cueAt <= 2 && participants.count < 3 { participants.append(mi) }
                            cue = nil
                            j = m.tokens.upperBound
                            continue
                        }
                        switch cue {
                        case "target" where target == nil && !m.isDemonym && roles.targetTypes.contains(type):
                            // (a place attacked is where it happened; a country sanctioned or sued is not)
                            target = mi; if m.type == .place && place == nil && roles.targetPlaceTypes.contains(type) { place = mi }
                        // (not the country an embassy belongs to: في مقر سفارة المملكة بواشنطن is in Washington)
                        case "place" where place == nil && m.type == .place && !m.isDemonym && !isOwnerOfFacility(m):
                            place = mi
                            // in Mogadishu's Hodan district: the district
                            let n = m.tokens.upperBound
                            if n + 1 < s.tokens.upperBound, doc.tokens[n].key == "'s", let inner = mentionAt[n + 1], mentions[inner].type == .place {
                                place = inner
                                j = mentions[inner].tokens.upperBound
                                continue
                            }
                        case "agent" where agent == nil && m.type != .place: agent = mi
                        // (the mention right after with / بين, not one further on: بين مودعين وقوى الأمن أمام مصرف لبنان)
                        case "participant" where (isActor(mi) || isStateParticipant(m)) && participants.count < 3 && j - cueAt <= 3:
                            participants.append(mi)
                            // "between X and Y": the next actor joined by و / and is a participant too
                            // (skipping what qualifies X: بين الجيش بقيادة عبد الفتاح البرهان وقوات الدعم السريع)
                            var n = m.tokens.upperBound
                            while n < min(s.tokens.upperBound, m.tokens.upperBound + 8) {
                                let u = doc.tokens[n]
                                if u.kind == .punctuation { break }
                                if let mj = mentionAt[n] {
                                    if (isActor(mj) || isStateParticipant(mentions[mj])),
                                       u.prefix.hasPrefix("و") || (n > 0 && doc.tokens[n - 1].key == "and") {
                                        participants.append(mj)
                                        break
                                    }
                                    n = mentions[mj].tokens.upperBound
                                    continue
                                }
                                n += 1
                            }
                            cue = nil
                        default: break
                        }
                        j = m.tokens.upperBound
                        continue
                    }
                    j += 1
                }
                // agent before the trigger: ORG/PER/nisba within a few tokens (طائرة حربية أميركية شنت غارتين); a pronoun
                // subject of the launch verb (it had carried out, قواتها نفذت) is the sentence's first actor
                // verb, subject, trigger — Arabic's usual order (شنت إسرائيل غارات, فرضت الولايات المتحدة رسوما جمركية, فرضت
                // واشنطن عقوبات: a capital, read as its country below)
                // (a quantity between subject and trigger too: فرضت واشنطن مجموعة من العقوبات, شنت إسرائيل سلسلة غارات)
                var objectStart = k
                if mentionEndingAt[k] == nil {
                    if objectStart - 1 > s.tokens.lowerBound, keysEqual(doc.tokens[objectStart - 1].key, "من") { objectStart -= 1 }
                    if objectStart - 1 > s.tokens.lowerBound,
                       roles.quantityWords.contains(doc.tokens[objectStart - 1].key, hash: doc.tokens[objectStart - 1].keyHash) { objectStart -= 1 }
                    else { objectStart = k }
                }
                if agent == nil, doc.tokens[k].script == .arabic, let mi = mentionEndingAt[objectStart],
                   isActor(mi) || isStateParticipant(mentions[mi]) {
                    let v = mentions[mi].tokens.lowerBound - 1
                    if v >= s.tokens.lowerBound, doc.tokens[v].kind == .word,
                       roles.isLaunchVerb(doc.tokens[v], for: type) {
                        agent = mi
                    }
                }
                if agent == nil {
                    var b = k - 1
                    var launched = false, verb = k
                    // (the subject ends at most three words before its verb: not "للاتحاد الأوروبي حتى منتصف ليل الخميس وستفرض")
                    while b >= s.tokens.lowerBound && k - b <= 9 && (!launched || verb - b <= 3) {
                        let t = doc.tokens[b]
                        if t.kind == .punctuation && t.key != "\"" { if launched { break } else { b -= 1; continue } }
                        if !launched, roles.isLaunchVerb(t, for: type) {
                            launched = true
                            verb = b
                            // a verb joined by و after a comma shares the sentence's subject (وتحاصر قوات الدعم السريع
                            // المدينة، وتشن هجمات): no subject of its own between
                            if t.script == .arabic, t.key.hasPrefix("و"), b > s.tokens.lowerBound, doc.tokens[b - 1].kind == .punctuation,
                               !((b + 1)..<k).contains(where: actorAt),
                               let fa = firstActor, mentions[fa].tokens.upperBound <= b, !mentions[fa].isDemonym { agent = fa; break }
                        }
                        if !launched { b -= 1; continue }
                        if roles.pronounSubjects.contains(t.key, hash: t.keyHash) || roles.pronounSubjects.contains(t.body, hash: t.bodyHash), let fa = firstActor,
                           mentions[fa].tokens.upperBound <= b { agent = fa; break }
                        if let mi = mentionEndingAt[b + 1] {
                            // a person, an organisation, a nisba, a country (Russia launched its invasion) or its capital
                            // (فرضت واشنطن عقوبات: read as its country below)
                            if isActor(mi) || mentions[mi].type == .place && mentions[mi].subtype == "Country" || capital(mentions[mi]) != nil { agent = mi }
                            break
                        }
                        b -= 1
                    }
                }
                // a noun compound or a verb trigger: "A Russian missile and drone attack", "Al-Shabaab militants stormed"
                // — an actor before the trigger with only lower-case words between
                // (a nisba up to four words before; a person or organisation at most two words before, with no determiner
                // between — "condemned the attack" is not "militants stormed")
                if agent == nil, doc.tokens[k].script == .latin {
                    var b = k - 1
                    var determiner = false
                    while b >= s.tokens.lowerBound && k - b <= 5, doc.tokens[b].kind == .word {
                        if let mi = mentionEndingAt[b + 1], isActor(mi) {
                            if mentions[mi].isDemonym || (!determiner && k - 1 - b <= 2) { agent = mi }
                            break
                        }
                        if roles.determiners.contains(doc.tokens[b].key) { determiner = true }
                        if doc.tokens[b].isCapitalized || ["and", "or", "but"].contains(doc.tokens[b].key) && k - b > 2 { break }
                        b -= 1
                    }
                }
                // a person, then a relative pronoun, then the trigger: the person it befell, and the actor is not the
                // sentence's first one (بنازانين زغاري-راتكليف، التي اعتقلت قبل سنتين: she was arrested)
                var relativeTarget = false
                // (only where no object follows the verb: الذي اعتقل آلاف المعارضين is who arrested them)
                if target == nil, agent == nil, roles.genitiveTargetTypes.contains(type), k - 2 >= s.tokens.lowerBound,
                   roles.relativePronouns.contains(doc.tokens[k - 1].key),
                   trig.end >= s.tokens.upperBound || (mentionAt[trig.end] == nil && doc.tokens[trig.end].kind != .number
                                                       && !doc.tokens[trig.end].hasArticle && !roles.quantityWords.contains(doc.tokens[trig.end].key)) {
                    var b = k - 2
                    if doc.tokens[b].kind == .punctuation, b > s.tokens.lowerBound { b -= 1 }
                    if let mi = mentionEndingAt[b + 1], mentions[mi].type == .person {
                        target = mi
                        relativeTarget = true
                    }
                }
                // an actor, then a relative pronoun, then the trigger verb: the actor did it (آرسين فينغر الذي استقال من
                // تدريب أرسنال, the group that carried out the attack is the agent of the launch verb's trigger above)
                if agent == nil, target == nil, !relativeTarget, !roles.genitiveTargetTypes.contains(type), k - 2 >= s.tokens.lowerBound,
                   doc.tokens[k].script == .arabic, !doc.tokens[k].hasArticle, roles.relativePronouns.contains(doc.tokens[k - 1].key) {
                    var b = k - 2
                    if doc.tokens[b].kind == .punctuation, b > s.tokens.lowerBound { b -= 1 }
                    if let mi = mentionEndingAt[b + 1], isActor(mi), !mentions[mi].isDemonym, !participants.contains(mi) { agent = mi }
                }
                // a match trigger with a pronoun is the win of the sentence's first actor (حقق منتخب كرواتيا ... بعد فوزه على
                // نظيره الأيسلندي)
                // (the nearest team at most twelve words before it, not one named as the other side: مضيفه تراكتور سازي; not
                // a hypothetical win: في حال فوزه على ملقة)
                if opponent, agent == nil, !doc.tokens[trig.end - 1].suffix.isEmpty,
                   !(max(s.tokens.lowerBound, k - 3)..<k).contains(where: { roles.conditionalWords.contains(doc.tokens[$0].key) }),
                   let near = (max(s.tokens.lowerBound, k - 12)..<k).reversed().lazy.compactMap({ mentionEndingAt[$0 + 1] }).first(where: { mi in
                       mentions[mi].type == .organization && !mentions[mi].isDemonym && mentions[mi].tokens.upperBound <= k
                           && !isCounterpart(mentions[mi]) }),
                   !participants.contains(near) { agent = near }
                // non-violent events: the sentence's first actor (وصل وزير الخارجية التركي هاكان فيدان ... في زيارة)
                // (an arrest's agent is an organisation: police, army, security services)
                // (near the trigger: at most 14 words between, so a subject of another clause is not taken)
                // (nor across a comma and a و-verb with a subject of its own: …أزمة حادة، وفرضت واشنطن أمس عقوبات)
                if agent == nil, !relativeTarget, roles.subjectTypes.contains(type), let fa = firstActor, mentions[fa].tokens.upperBound <= k,
                   k - mentions[fa].tokens.upperBound <= 14,
                   !(min(mentions[fa].tokens.upperBound + 1, k)..<k).contains(where: { b in
                       doc.tokens[b - 1].kind == .punctuation && doc.tokens[b].script == .arabic && doc.tokens[b].key.hasPrefix("و")
                           && ((b + 1)..<k).contains(where: actorAt) }),
                   !participants.contains(fa), type != "arrest" || mentions[fa].type == .organization,
                   !(mentions[fa].tokens.upperBound..<k).contains(where: { roles.reportedClause.contains(doc.tokens[$0].key) || roles.reportedClause.contains(doc.tokens[$0].stem) }) {
                    agent = fa
                    // the country of the agent's title takes part too (Iranian Foreign Minister Abbas Araghchi)
                    if let n = firstNisba, mentions[n].tokens.upperBound <= mentions[fa].tokens.lowerBound,
                       mentions[fa].tokens.lowerBound - mentions[n].tokens.upperBound <= 3 { participants.append(n) }
                }
                // a pronoun subject right before a verb trigger: "Police said they had arrested ..."
                if agent == nil, !relativeTarget, let fa = firstActor, mentions[fa].tokens.upperBound < k,
                   (max(s.tokens.lowerBound, k - 2)..<k).contains(where: { roles.pronounSubjects.contains(doc.tokens[$0].key) && !roles.determiners.contains(doc.tokens[$0].key) }) { agent = fa }
                // visits and meetings: the place named before the trigger (وصل إلى بغداد في زيارة, arrived in Muscat for talks)
                if place == nil, roles.placeBeforeTypes.contains(type) {
                    var b = k - 1
                    while b >= s.tokens.lowerBound && k - b <= 12 {
                        if let mi = mentionEndingAt[b + 1], mentions[mi].type == .place, !mentions[mi].isDemonym {
                            let before = mentions[mi].tokens.lowerBound
                            let t0 = doc.tokens[before]
                            let cueBefore = before > s.tokens.lowerBound ? doc.tokens[before - 1].key : ""
                            if ["الي", "to", "in", "at", "في"].contains(cueBefore) || t0.prefix.endsWithLetters("ب") || t0.prefix.endsWithLetters("ل") {
                                place = mi
                            } else if before - 2 >= s.tokens.lowerBound, ["الي", "to", "in", "في"].contains(doc.tokens[before - 2].key) {
                                place = mi   // إلى العاصمة العراقية بغداد
                            }
                            if place == nil, before - 3 >= s.tokens.lowerBound, ["الي", "to", "in", "في"].contains(doc.tokens[before - 3].key) {
                                place = mi
                            }
                            break
                        }
                        b -= 1
                    }
                }
                // a news outlet reports the event, it neither carries it out nor takes part (قال مسؤول لرويترز: "إنه
                // اجتماع مهم"; ذكرت صحيفة ديلي ميل أنه بعد حصار), except in an interview or a post
                if !roles.mediaTypes.contains(type) {
                    if let a = agent, mentions[a].subtype == "NewsMediaOrganization" { agent = nil }
                    participants.removeAll { mentions[$0].subtype == "NewsMediaOrganization" }
                }
                // a state body acting takes its state into the event (Russian forces launched an offensive → Russia)
                if let a = agent, mentions[a].type == .organization, let id = mentions[a].entryID,
                   let parent = lexicons.gazetteer.entry(id: id)?.partOf, parent.hasPrefix("country:"),
                   let ce = entities.firstIndex(where: { $0.entryID == parent }),
                   let cm = mentions.firstIndex(where: { $0.entity == ce && $0.rule != "nested" }) { participants.append(cm) }
                if let a = agent { participants.removeAll { mentions[$0].entity == mentions[a].entity } }
                // "نفذت، بدعم من المملكة المتحدة، ضربات", "carried out strikes with the support of X": X supports the agent
                var supporter: Int? = nil
                if let a = agent, mentions[a].type != .place {
                    let lo = max(s.tokens.lowerBound, min(mentions[a].tokens.upperBound, k)), hi = min(s.tokens.upperBound, trig.end + 8)
                    var j = lo
                    while j < hi && supporter == nil {
                        let t = doc.tokens[j]
                        let cue = roles.supportCues.contains(t.key, hash: t.keyHash) || roles.supportCues.contains(t.body, hash: t.bodyHash)
                        let english = t.script == .latin
                        if cue && (!english || (max(lo, j - 2)..<j).contains { doc.tokens[$0].key == "with" }) {
                            var n = j + 1
                            while n < min(hi + 4, s.tokens.upperBound) && n <= j + 4 {
                                if let mi = mentionAt[n] {
                                    if (isActor(mi) || mentions[mi].type == .place && mentions[mi].subtype == "Country"),
                                       mentions[mi].entity != mentions[a].entity { supporter = mi }
                                    break
                                }
                                n += 1
                            }
                        }
                        j += 1
                    }
                }
                // a crisis is between parties (الأزمة مع قطر), not a heart attack (أزمة قلبية)
                // (or the country whose feminine nisba qualifies the trigger, past one adjective: الأزمة الاقتصادية التركية;
                // not مركز الأزمات البلجيكي, whose nisba is the centre's), a party to it rather than its agent
                if roles.needsParticipantTypes.contains(type) && participants.isEmpty && doc.tokens[k].script == .arabic {
                    var n = trig.end
                    if n < s.tokens.upperBound, mentionAt[n] == nil, doc.tokens[n].kind == .word, doc.tokens[n].hasArticle,
                       doc.tokens[n].prefix.isEmpty { n += 1 }
                    if n < s.tokens.upperBound, let d = mentionAt[n], mentions[d].isDemonym, !describesPerson(mentions[d]),
                       doc.tokens[n].key.endsWithLetters("يه") {
                        participants.append(d)
                        if agent.map({ mentions[$0].entity == mentions[d].entity }) == true { agent = nil }
                    }
                }
                if roles.needsParticipantTypes.contains(type) && participants.isEmpty { k = trig.end; continue }
                if trig.value.needsTarget && target == nil { k = trig.end; continue }
                // a match has two sides (a win with one is a prize or a title: فاز بلقب الموسم، فوز صلاح بجائزة)
                let sides = opponent ? Set((participants + (agent.map { [$0] } ?? [])).map { mentions[$0].entity }) : []
                if opponent, sides.count < 2 { k = trig.end; continue }
                // a trigger with no role starts an event only as the first of its type (its date or casualty count may
                // still make it a fact: مقتل ستة فلاحين في 1992); an unattributed killing in an article that reports a use
                // of force is its outcome (storm a hotel, killing at least nine)
                if agent == nil && target == nil && place == nil && participants.isEmpty {
                    if roles.outcomeTypes.contains(type), articleReportsForce == nil { articleReportsForce = reportsForce(doc) }
                    guard eventsOfType[type] == nil, !(roles.outcomeTypes.contains(type) && articleReportsForce == true) else { k = trig.end; continue }
                }
                // triggers of one type are one event (الهجوم refers back to هجوم) unless they happen in different
                // cities or countries (an attack in Berlin, another in Solingen), befall different people (the
                // arrest of one academic, then of another), or are matches between other sides (فوز أتليتيكو على
                // ليفانتي, then فوز ديبورتيفو على أتليتيك بيلباو): then the latest compatible one, or a new one
                let placeEntity = place.map { mentions[$0].entity }
                let parties = Set((participants + [agent].compactMap { $0 }).map { mentions[$0].entity })
                let targetPerson = target.flatMap { mentions[$0].type == .person ? mentions[$0].entity : nil }
                let t0 = triggerStart(k)
                // a year written with the trigger (تفجيرات الخبر عام ١٩٩٦, انتخابات عام 2016) dates that event: an event
                // of another year is another event, and an event with none is this year's (the article's; with no article
                // date, none is known to be)
                // (a written year only: a weekday or a bare month right after the trigger — the attack on Sunday — is this
                // year's event even when it falls in the last year)
                let stated = dateResolver.statedDate(in: doc, from: k, after: trig.end, sentence: s.tokens, stop: { roles.clauseBreaks.contains($0.key, hash: $0.keyHash) })
                let statedYear = stated.flatMap { d in (max(s.tokens.lowerBound, k - 1)..<min(s.tokens.upperBound, trig.end + 7)).contains {
                        doc.tokens[$0].kind == .number && Int(doc.tokens[$0].key) == d.year } ? d.year : nil }
                let e: Int
                // (a stage's own trigger word, المباراة of المباراة النهائية لكأس العالم بين كرواتيا وفرنسا, is its match)
                if let st = stageAt[k] { e = st } else if let existing = eventsOfType[type, default: []].last(where: { ev in
                    // (a match named by its stage is the match a trigger of its own sentence reports, or a definite
                    // form refers back to; not another match won or drawn later)
                    // (and a trigger before it: حجز يوفنتوس مقعده في نهائي كأس إيطاليا بفوزه على أتالانتا is a win in
                    // the semi-final)
                    if stageEvents.contains(ev), !anaphoric,
                       !(stageSettings[ev] ?? []).contains(where: { $0.sentence == s.index && k <= $0.start }) { return false }
                    if let t = targetPerson, let others = targetsOf[ev], !others.contains(t) { return false }
                    if let y = statedYear {
                        if let years = yearsOf[ev] { if !years.contains(y) { return false } }
                        else if dateResolver.reference?.year != y { return false }
                    } else if !anaphoric, let years = yearsOf[ev], !years.contains(where: { $0 == dateResolver.reference?.year }) {
                        // (a new mention without a year is not the past one: تفجيرات الخبر عام ١٩٩٦ … تفجير في بغداد)
                        return false
                    }
                    if !sides.isEmpty, let others = sidesOf[ev], others.isDisjoint(with: sides) { return false }
                    // a form that only refers back names no new party of it (القمة بين كيم وترامب is not the summit of
                    // Moon and Kim)
                    if anaphoric, !parties.isSubset(of: partiesOf[ev] ?? []) { return false }
                    // and, for meetings and visits (type-distinct-parties), a new trigger whose parties are all others is
                    // another event (الصفدي met غريفيث, then ماكرون met ميركل: two meetings)
                    // (both with two parties named: one side alone may be named as a person or as the state he leads)
                    if !anaphoric, roles.distinctPartyTypes.contains(type), parties.count >= 2, let others = partiesOf[ev], others.count >= 2,
                       others.isDisjoint(with: parties) { return false }
                    // and, for posts and interviews (type-distinct-agents), another author is another event (a tweet of
                    // Trump's, then one of Macron's)
                    if roles.distinctAgentTypes.contains(type), let a = agent, let others = agentsOf[ev], !others.contains(mentions[a].entity) {
                        return false
                    }
                    guard let p = placeEntity, let level = Self.placeLevel(entities[p].subtype) else { return true }
                    // (a city and a country are different scenes when the city lies in another country: a visit to
                    // Istanbul is not one to Israel)
                    return !(placesOf[ev] ?? []).contains { q in
                        guard q != p, let other = Self.placeLevel(entities[q].subtype) else { return false }
                        if other == level { return true }
                        guard let a = countryOf(p), let b = countryOf(q) else { return false }
                        return a != b
                    }
                }) { e = existing } else if statedYear == nil,
                          let named = entities.indices.first(where: { entities[$0].type == .event && entities[$0].entryID != nil && entities[$0].eventType == type }) {
                    // the article's named event of that type (أزمة قطر … الأزمة مع قطر; الحرب العالمية الثانية … الحرب)
                    e = named
                    eventsOfType[type, default: []].append(e)
                } else if anaphoric && sides.count < 2 {
                    // (a definite form starts no event, but a match it names by both sides is one: بعد الفوز على
                    // ليغانيس in a report of another match)
                    k = trig.end; continue
                } else {
                    e = entities.count
                    eventsOfType[type, default: []].append(e)
                    entities.append(ExtractedEntity(type: .event, subtype: type, entryID: nil, name: bareTriggerName(k, trig.end, from: t0),
                                                    language: doc.language, mentionIndices: [], eventType: type,
                                                    cameo: trig.value.cameo.isEmpty || trig.value.cameo == "-" ? nil : trig.value.cameo))
                }
                // an event is named by its trigger and the parties written right after it, as people name events
                // (فوز الاتفاق على التعاون, اعتقال برانسون, the attack on the hotel): the first such phrase
                // a match with its sides in the sentence that sets it in a stage (فاز X على Y في نهائي …) is that stage's
                // match: the two are one event (merged below)
                if opponent, !sides.isEmpty,
                   let st = stageOrder.first(where: { st in st != e && (stageSettings[st] ?? []).contains { $0.sentence == s.index && k < $0.start } }),
                   stageJoin[st] == nil { stageJoin[st] = e }
                if entities[e].entryID == nil, !labelled.contains(e),
                   let end = labelEnd(doc, trigger: k..<trig.end, roles: ([agent, target].compactMap { $0 } + participants
                                                                         + [place].compactMap { $0 }.filter { mentions[$0].tokens.lowerBound == trig.end }).map { mentions[$0].tokens },
                                      limit: s.tokens.upperBound) {
                    entities[e].name = triggerName(k, end, from: t0)
                    labelled.insert(e)
                }
                // … or by the words between the trigger and the year written with it (تفجيرات الخبر عام ١٩٩٦)
                if let y = statedYear, entities[e].entryID == nil, !labelled.contains(e) {
                    var j = trig.end
                    let last = min(s.tokens.upperBound, trig.end + 5) - 1
                    while j < last, !(doc.tokens[j + 1].kind == .number && Int(doc.tokens[j + 1].key) == y) { j += 1 }
                    // (the words of a name: one or two, the first definite or a name, no function word but the year's
                    // preposition — الانتخابات الرئاسية في عام 2016; not إطلاق نار حدث في, اجتماعات أخرى خلال)
                    var stop = j
                    while stop > trig.end, lexicons.functionWords.contains(doc.tokens[stop - 1].key) { stop -= 1 }
                    if stop > trig.end, stop - trig.end <= 2, j < last,
                       (trig.end..<stop).allSatisfy({ doc.tokens[$0].kind == .word && !lexicons.functionWords.contains(doc.tokens[$0].key) }),
                       doc.tokens[trig.end].hasArticle || mentionAt[trig.end] != nil {
                        entities[e].name = triggerName(k, stop, from: t0)
                        labelled.insert(e)
                    }
                }
                if let p = placeEntity, !(placesOf[e] ?? []).contains(p) { placesOf[e, default: []].append(p) }
                if let y = statedYear { yearsOf[e, default: []].insert(y) }
                if let t = targetPerson, !(targetsOf[e] ?? []).contains(t) { targetsOf[e, default: []].append(t) }
                if !sides.isEmpty { sidesOf[e, default: []].formUnion(sides) }
                partiesOf[e, default: []].formUnion(parties)
                if let a = agent { agentsOf[e, default: []].insert(mentions[a].entity) }
                // the teams of a match name it (Croatia v Iceland): its first two team sides, as written; a national
                // team by its country (منتخب كرواتيا: Croatia)
                if opponent, entities[e].sides.isEmpty {
                    func namer(_ mi: Int) -> Int {
                        let m = mentions[mi]
                        guard m.type == .organization, m.entryID == nil,
                              lexicons.organizationHeads.value(key: String(doc.tokens[m.tokens.lowerBound].bareStem))?.ofPlace == true,
                              let place = mentions.firstIndex(where: { ($0.rule == "nested" || $0.rule == "demonym-in-name") && $0.type == .place
                                  && $0.entity >= 0 && $0.tokens.lowerBound > m.tokens.lowerBound && $0.tokens.upperBound <= m.tokens.upperBound })
                        else { return m.entity }
                        return mentions[place].entity
                    }
                    // (only a team agent and one other team taking part: فوزا لأتليتيكو على ضيفه ليفانتي ... مع برشلونة,
                    // where a scorer is the agent, names no match)
                    func isTeam(_ mi: Int) -> Bool { mentions[mi].type == .organization || mentions[mi].type == .place }
                    if let a = agent, isTeam(a) {
                        let others = Set(participants.filter(isTeam).map(namer)).subtracting([namer(a)])
                        if others.count == 1 {
                            let b = participants.filter { isTeam($0) && namer($0) == others.first! }.min { mentions[$0].start < mentions[$1].start }!
                            entities[e].sides = mentions[a].start <= mentions[b].start ? [namer(a), namer(b)] : [namer(b), namer(a)]
                        }
                    }
                }
                // (a named event is not dated by the sentences that mention it)
                if entities[e].entryID == nil { occurrences.append(Occurrence(entity: e, sentence: s.index, tokens: k..<trig.end, stated: stated)) }
                let em = Mention(tokens: k..<trig.end, start: t0, end: doc.tokens[trig.end - 1].end, type: .event, subtype: type,
                                 entryID: nil, surface: doc.text(t0, doc.tokens[trig.end - 1].end), rule: "event-trigger",
                                 confidence: 0.7, eventType: type, cameo: trig.value.cameo, entity: e, sentence: s.index)
                newMentions.append(em)
                for c in k..<trig.end { claimed[c] = true }
                func role(_ p: String, _ mi: Int?, as entity: Int? = nil) {
                    guard let mi, mentions[mi].entity >= 0 else { return }
                    let m = mentions[mi]
                    let lo = min(em.start, m.start), hi = max(em.end, m.end)
                    roleRelations.append(ExtractedRelation(subject: e, predicate: p, object: entity ?? m.entity, evidence: Evidence(
                        article: article.id, sentence: s.index, start: lo, end: hi, sentenceStart: s.start,
                        sentenceText: doc.text(of: s), rule: "event:\(type):\(p)", confidence: 0.7)))
                }
                // a capital as an actor stands for its country's government when the article names the country (فرضت
                // واشنطن عقوبات على طهران: the United States, Iran) — but a city attacked, shelled or raided is the city
                let agentAs = agent.flatMap { countryOfCapital(mentions[$0]) }
                let targetAs = roles.targetPlaceTypes.contains(type) ? nil : target.flatMap { countryOfCapital(mentions[$0]) }
                role("agent", agent, as: agentAs)
                role("target", target, as: targetAs)
                role("location", place)
                for p in participants { role("participant", p, as: countryOfCapital(mentions[p])) }
                // aid: the agent supports the place or the people it goes to (قافلة مساعدات برنامج الأغذية إلى مخيم زمزم)
                if roles.supportTypes.contains(type), let a = agent, let to = target ?? place, (agentAs ?? mentions[a].entity) != mentions[to].entity {
                    let m1 = mentions[a], m2 = mentions[to]
                    roleRelations.append(ExtractedRelation(subject: agentAs ?? m1.entity, predicate: "supports", object: m2.entity, evidence: Evidence(
                        article: article.id, sentence: s.index, start: min(m1.start, em.start), end: max(m2.end, em.end), sentenceStart: s.start,
                        sentenceText: doc.text(of: s), rule: "event:\(type)", confidence: 0.65)))
                }
                if let sp = supporter, let a = agent {
                    let m1 = mentions[sp], m2 = mentions[a]
                    roleRelations.append(ExtractedRelation(subject: m1.entity, predicate: "supports", object: agentAs ?? m2.entity, evidence: Evidence(
                        article: article.id, sentence: s.index, start: min(m1.start, m2.start), end: max(m1.end, m2.end, em.end), sentenceStart: s.start,
                        sentenceText: doc.text(of: s), rule: "event:\(type):support", confidence: 0.7)))
                }
                if roles.attackTypes.contains(type), let a = agent, let t = target, (agentAs ?? mentions[a].entity) != mentions[t].entity {
                    let m1 = mentions[a], m2 = mentions[t]
                    roleRelations.append(ExtractedRelation(subject: agentAs ?? m1.entity, predicate: "attacks", object: m2.entity, evidence: Evidence(
                        article: article.id, sentence: s.index, start: min(m1.start, em.start), end: max(m2.end, em.end), sentenceStart: s.start,
                        sentenceText: doc.text(of: s), rule: "event:\(type)", confidence: 0.7)))
                }
                k = trig.end
            }
        }
        for (st, e) in stageJoin.sorted(by: { $0.key < $1.key }) {
            for i in newMentions.indices where newMentions[i].entity == st { newMentions[i].entity = e }
            for i in roleRelations.indices where roleRelations[i].subject == st { roleRelations[i].subject = e }
            for i in occurrences.indices where occurrences[i].entity == st { occurrences[i].entity = e }
            // (named by its stage, unless its trigger's phrase named it: فوز الاتفاق على التعاون)
            if !labelled.contains(e) { entities[e].name = entities[st].name }
            if entities[e].englishName == nil { entities[e].englishName = entities[st].englishName }
        }
        for m in newMentions { mentions.append(m) }
        relations += roleRelations
        mergeSameAttack(&mentions, &entities, &relations, &occurrences)
        if sportsReport { addMatchPlayers(doc, article: article, mentions: mentions, entities: entities, occurrences: occurrences, relations: &relations) }
        return occurrences
    }

    /// A match report names the players and coaches of each match in the sentences from its first trigger until the
    /// next match's: those named in a sentence that narrates play (a goal, a minute, a coach: event-roles.tsv
    /// match-cue) take part in it (فوز الاتفاق على التعاون … سجل عبد الفتاح آدم الهدف الثاني).
    private func addMatchPlayers(_ doc: AnalyzedText, article: Article, mentions: [Mention], entities: [ExtractedEntity],
                                 occurrences: [Occurrence], relations: inout [ExtractedRelation]) {
        var first: [Int: Int] = [:]     // match event → sentence of its first trigger
        for o in occurrences where entities[o.entity].eventType == "match" { first[o.entity] = min(first[o.entity] ?? o.sentence, o.sentence) }
        guard !first.isEmpty else { return }
        let starts = first.sorted { ($0.value, $0.key) < ($1.value, $1.key) }
        var taken = Set(relations.filter { first[$0.subject] != nil }.map { "\($0.subject) \($0.object)" })
        // (a sentence that narrates play: a goal, a minute, a coach; at most four sentences from the match's first)
        var narrates: [Int: Bool] = [:]
        func narratesPlay(_ s: Sentence) -> Bool {
            if let v = narrates[s.index] { return v }
            let v = doc.tokens[s.tokens].contains { roles.matchCues.contains($0.key, hash: $0.keyHash) || roles.matchCues.contains($0.stem, hash: $0.stemHash) }
            narrates[s.index] = v
            return v
        }
        for (n, (e, from)) in starts.enumerated() {
            let until = min(from + 4, n + 1 < starts.count ? max(from + 1, starts[n + 1].value) : doc.sentences.count)
            for m in mentions where m.type == .person && m.entity >= 0 && m.rule != "nested" && m.sentence >= from && m.sentence < until {
                let s = doc.sentences[m.sentence]
                guard narratesPlay(s), taken.insert("\(e) \(m.entity)").inserted else { continue }
                relations.append(ExtractedRelation(subject: e, predicate: "participant", object: m.entity, evidence: Evidence(
                    article: article.id, sentence: s.index, start: m.start, end: m.end, sentenceStart: s.start,
                    sentenceText: doc.text(of: s), rule: "event:match:report", confidence: 0.6)))
            }
        }
    }

    /// Where a phrase naming an event ends: after the parties (`roles`: token ranges of its agent, target and
    /// participants) that follow the trigger one after the other, each at most two words after the last and with
    /// nothing between but words (فوز الاتفاق على التعاون, تعادل الفيصلي أمام ضيفه الشباب, the attack on the hotel);
    /// at most two parties. `nil` when no party follows the trigger so.
    /// Whether the words from `a` to `b` are a title and its definite words (رئيس الوزراء اللبناني before رفيق الحريري,
    /// at most six words): a role named with its title still names its event (اغتيال رئيس الوزراء اللبناني رفيق الحريري).
    private func titled(_ doc: AnalyzedText, from a: Int, to b: Int) -> Bool {
        guard b - a <= 6, doc.tokens[a].script == .arabic, let t = lexicons.titles.match(doc.tokens, at: a, limit: b) else { return false }
        return (t.end..<b).allSatisfy { doc.tokens[$0].hasArticle && doc.tokens[$0].prefix.isEmpty }
    }

    func labelEnd(_ doc: AnalyzedText, trigger: Range<Int>, roles: [Range<Int>], limit: Int) -> Int? {
        var end = trigger.upperBound
        var taken = 0
        for r in roles.sorted(by: { $0.lowerBound < $1.lowerBound }) where r.lowerBound >= end {
            guard r.upperBound <= limit, (end..<r.lowerBound).allSatisfy({ doc.tokens[$0].kind == .word }),
                  r.lowerBound - end <= 2 || titled(doc, from: end, to: r.lowerBound) else { break }
            end = r.upperBound
            taken += 1
            if taken == 2 { break }
        }
        return taken > 0 ? end : nil
    }

    /// Matches of a named competition written with their stage (نهائي دوري أبطال أوروبا, المباراة النهائية لبطولة كأس
    /// العالم, the final of the Champions League, the Champions League final): one match event per stage and
    /// competition in the article, named by the whole phrase (and the year right after it), its mention the stage's
    /// words, which are claimed. `named`: the named events' mentions.
    private func stageEvents(_ doc: AnalyzedText, claimed: inout [Bool], entities: inout [ExtractedEntity], named: [Mention],
                             added: inout [Mention]) -> [(entity: Int, mention: Mention, competition: Mention, setting: Bool)] {
        let toks = doc.tokens
        func isIn(_ set: KeySet, _ k: Int) -> Bool {
            set.contains(toks[k].key, hash: toks[k].keyHash) || toks[k].script == .arabic && set.contains(toks[k].stem, hash: toks[k].stemHash)
        }
        func isStageWord(_ k: Int) -> Bool {
            isIn(roles.stageNouns, k) || isIn(roles.stageAdjectives, k) || isIn(roles.stageModifiers, k) || isIn(roles.stageLegs, k) || isIn(roles.stageWords, k)
        }
        var out: [(entity: Int, mention: Mention, competition: Mention, setting: Bool)] = []
        // competition, stage and leg → the match and the year written with it, if any
        var entityOf: [String: (entity: Int, year: String)] = [:]
        for c in named where c.eventType == "competition" && c.entity >= 0 {
            let bounds = doc.sentences[c.sentence].tokens
            // the stage before the competition, past at most two connecting words
            var j = c.tokens.lowerBound - 1
            while j >= bounds.lowerBound, c.tokens.lowerBound - j <= 2, isIn(roles.stageConnectors, j) { j -= 1 }
            let stageEnd = j + 1
            var first = stageEnd, noun = false
            while j >= bounds.lowerBound, stageEnd - j <= 4, !claimed[j], isStageWord(j) {
                // (an adjective is the stage after a stage word only: المباراة النهائية)
                if isIn(roles.stageNouns, j) || isIn(roles.stageWords, j) && j + 1 < stageEnd && isIn(roles.stageAdjectives, j + 1) { noun = true }
                first = j
                j -= 1
            }
            // (before the final is not a stage: قبل نهائي كأس العالم)
            while first < stageEnd - 1, isIn(roles.stageInner, first) { first += 1 }
            // (a definite stage noun after another definite noun qualifies it: التشكيل النهائي, الترتيب النهائي)
            if noun, toks[first].script == .arabic, toks[first].hasArticle, first > bounds.lowerBound, toks[first - 1].hasArticle,
               toks[first - 1].kind == .word { noun = false }
            var stage = first..<stageEnd, phrase = first..<c.tokens.upperBound
            // (a stage word before its noun needs the noun: الدور alone is no stage)
            if !noun {
                // English also writes the stage after the competition: the Champions League final
                let a = c.tokens.upperBound
                // (not an adjective of another noun: the World Cup final squad)
                guard a < bounds.upperBound, toks[a].script == .latin, !claimed[a], isIn(roles.stageNouns, a),
                      !(a + 1 < bounds.upperBound && isIn(roles.stageBlockers, a + 1)) else { continue }
                stage = a..<(a + 1)
                phrase = c.tokens.lowerBound..<(a + 1)
            }
            // (the year of the competition's edition: نهائي دوري أبطال أوروبا 2011)
            var year = ""
            if phrase.upperBound == c.tokens.upperBound, phrase.upperBound < bounds.upperBound, toks[phrase.upperBound].kind == .number,
               let y = Int(toks[phrase.upperBound].key), (1900...2100).contains(y) {
                phrase = phrase.lowerBound..<(phrase.upperBound + 1)
                year = toks[phrase.upperBound - 1].key
            }
            let name = doc.nameText(phrase.lowerBound, phrase.upperBound)
            // (one match per competition, stage and leg, however written — المباراة النهائية لدوري أبطال أوروبا …
            // نهائي دوري أبطال أوروبا, نهائي كأس العالم 2018 … نهائي المونديال — unless the years differ)
            func word(_ k: Int) -> String { toks[k].script == .arabic ? toks[k].stem : toks[k].key }
            var key = "\(c.entity) " + stage.filter { isIn(roles.stageModifiers, $0) || isIn(roles.stageLegs, $0) }.map(word).joined(separator: " ")
            if let known = entityOf[key], !year.isEmpty, !known.year.isEmpty, known.year != year { key += " " + year }
            let e: Int
            if let known = entityOf[key] {
                e = known.entity
                if known.year.isEmpty && !year.isEmpty { entityOf[key] = (e, year) }
            } else {
                e = entities.count
                entityOf[key] = (e, year)
                var x = ExtractedEntity(type: .event, subtype: "match", entryID: nil, name: name, language: doc.language,
                                        mentionIndices: [], eventType: "match", cameo: nil)
                // (an English text names the match as written; an Arabic one by the competition's English name and
                // the stage's glosses: CAF Champions League semi-final, first leg)
                if toks[stage.lowerBound].script == .latin { x.englishName = name }
                else if let id = c.entryID, let comp = lexicons.namedEvents.entry(id: id), !comp.nameEn.isEmpty {
                    var level = "", legs: [String] = []
                    for k in stage {
                        guard let g = roles.stageGlosses[toks[k].stem] ?? roles.stageGlosses[toks[k].key] else { continue }
                        if isIn(roles.stageLegs, k) { legs.append(g) }
                        else if isIn(roles.stageModifiers, k) { if level.isEmpty || level == "final" { level = g } }
                        else if level.isEmpty { level = g }
                    }
                    if !level.isEmpty {
                        x.englishName = [year, comp.nameEn, level].filter { !$0.isEmpty }.joined(separator: " ") + legs.map { ", " + $0 }.joined()
                    }
                }
                entities.append(x)
            }
            let start = toks[stage.lowerBound].stemStart, end = toks[stage.upperBound - 1].end
            let m = Mention(tokens: stage, start: start, end: end, type: .event, subtype: "match", entryID: nil,
                            surface: doc.text(start, end), rule: "event-stage", confidence: 0.8, eventType: "match", cameo: "",
                            entity: e, sentence: c.sentence)
            added.append(m)
            // (a trigger word of the stage, المباراة, is left to fire: its sides and place are the match's)
            for k in stage where trigger(toks, at: k, limit: bounds.upperBound) == nil { claimed[k] = true }
            // written as where something happens: في نهائي, بالمباراة النهائية, in the Champions League final
            var b = phrase.lowerBound - 1
            while b >= bounds.lowerBound, toks[b].script == .latin, isIn(roles.stageConnectors, b) { b -= 1 }
            let setting = toks[phrase.lowerBound].prefix.endsWithLetters("ب")
                || b >= bounds.lowerBound && roles.placeCues.contains(toks[b].key, hash: toks[b].keyHash)
            out.append((e, m, c, setting))
        }
        return out
    }

    /// Named events of the lexicon (دوري أبطال أوروبا, Brexit, the Cold War): one entity per entry, each name a mention;
    /// their words are claimed, so no trigger inside them starts another event.
    /// (No date or casualty count is read for them: a competition is not dated by the match an article reports.)
    /// A place or organisation read inside the name (أفريقيا in دوري أبطال أفريقيا, "Champions League" as a capitalised
    /// name) gives way to it; a person inside does not, unless the tagger alone read the event's very words as a person.
    private func namedEvents(_ doc: AnalyzedText, claimed: inout [Bool], entities: inout [ExtractedEntity], mentions: inout [Mention],
                             added: inout [Mention]) {
        let g = lexicons.namedEvents
        guard !g.entries.isEmpty else { return }
        var entityOf: [Int: Int] = [:]
        let toks = doc.tokens
        // words that start no event name under any of the keys tried below (nearly all), known after their first token
        var mayName = WordMemo(doc)
        for s in doc.sentences {
            var i = s.tokens.lowerBound
            while i < s.tokens.upperBound {
                let t = toks[i]
                guard t.kind == .word || t.kind == .number else { i += 1; continue }
                if mayName[t] == nil { mayName[t] = Self.startsName(t, in: g) }
                guard mayName[t]! else { i += 1; continue }
                var found: (entry: Int, end: Int)? = nil
                let key0 = t.key, body = t.body
                let withBody = !keysEqual(key0, body)
                // a proclitic the segmenter left on the first word of a longer name (بدوري أبطال أوروبا)
                var unsplit: String? = nil
                if t.script == .arabic, t.prefix.isEmpty, let c = key0.unicodeScalars.first, "وفبلك".unicodeScalars.contains(c) {
                    unsplit = String(key0.unicodeScalars.dropFirst())
                }
                // the keys tried, in order: key, body (if different), the unsplit key (no array per token)
                for q in 0..<3 {
                    let key: String
                    switch q {
                    case 0: key = key0
                    case 1: guard withBody else { continue }; key = body
                    default: guard let u = unsplit else { continue }; key = u
                    }
                    outer: for name in g.names(startingWith: key) where i + name.keys.count <= s.tokens.upperBound {
                        let n = name.keys.count
                        if key == unsplit && n < 2 { continue }
                        if let f = found, i + n <= f.end { continue }
                        for k in 1..<n { if !keysEqual(toks[i + k].key, name.keys[k]) { continue outer } }
                        if t.script == .latin, !t.isCapitalized { continue }
                        found = (name.entry, i + n)
                        break
                    }
                }
                guard let (entry, end) = found else { i += 1; continue }
                let span = i..<end
                let inside = mentions.indices.filter { mentions[$0].tokens.overlaps(span) }
                let yields = inside.allSatisfy { mi in
                    let m = mentions[mi]
                    // (a name the tagger alone reads as a person's over exactly the event's words is the event:
                    // غولدن غلوب, رولان غاروس)
                    if m.type == .person, m.tokens == span, m.rule == "tagger", m.entryID == nil { return true }
                    return m.tokens.lowerBound >= i && m.tokens.upperBound <= end && m.type != .person && m.type != .event
                }
                let covered = span.allSatisfy { k in !claimed[k] || inside.contains { mentions[$0].tokens.contains(k) } }
                guard yields && covered else { i += 1; continue }
                for mi in inside.reversed() { mentions.remove(at: mi) }
                let e: Int
                if let known = entityOf[entry] { e = known } else {
                    let x = g.entries[entry]
                    e = entities.count
                    entityOf[entry] = e
                    entities.append(ExtractedEntity(type: .event, subtype: x.subtype, entryID: x.id,
                                                    name: doc.language == "ar" && !x.nameAr.isEmpty ? x.nameAr : x.nameEn,
                                                    language: doc.language, mentionIndices: [], eventType: x.subtype, cameo: nil))
                }
                let surface = doc.text(t.stemStart, toks[end - 1].end)
                added.append(Mention(tokens: i..<end, start: t.stemStart, end: toks[end - 1].end, type: .event, subtype: g.entries[entry].subtype,
                                        entryID: g.entries[entry].id, surface: surface, rule: "gazetteer", confidence: 0.9,
                                        eventType: g.entries[entry].subtype, cameo: "", entity: e, sentence: s.index))
                for c in i..<end { claimed[c] = true }
                i = end
            }
        }
    }

    /// Whether the text has a trigger of a use of force (attack, strike, bombing, shelling).
    func reportsForce(_ doc: AnalyzedText) -> Bool {
        for s in doc.sentences {
            var k = s.tokens.lowerBound
            while k < s.tokens.upperBound {
                guard let t = trigger(doc.tokens, at: k, limit: s.tokens.upperBound) else { k += 1; continue }
                if roles.forceTypes.contains(t.value.type) { return true }
                k = t.end
            }
        }
        return false
    }

    /// Places at one level of the hierarchy exclude each other as the scene of one event; other places (a prison,
    /// a region, an unknown name) are compatible with any.
    static func placeLevel(_ subtype: String) -> Int? {
        switch subtype {
        case "City": return 1
        case "Country": return 2
        default: return nil
        }
    }

    /// The event trigger starting at token `k`: a phrase of event-triggers.tsv, else an Arabic noun inflected from a
    /// one-word trigger (انفجارين, تفجيرات, غارتين, هجوما → انفجار, تفجير, غارة, هجوم), so the table need not list
    /// every dual, plural and case form. Definite forms (الاشتباكات) match only where the table lists them: they often
    /// refer back to an event already reported.
    /// Whether an event name of `g` starts with token `t`'s word under a key `namedEvents` tries (key, body, the key
    /// without a leading و ف ب ل ك the segmenter left on); reads the word alone.
    private static func startsName(_ t: Token, in g: Gazetteer) -> Bool {
        if g.hasNames(startingWith: t.key, hash: t.keyHash) || g.hasNames(startingWith: t.body, hash: t.bodyHash) { return true }
        guard t.script == .arabic, t.prefix.isEmpty else { return false }
        // و ف ب ل ك in UTF-8: D9 88, D9 81, D8 A8, D9 84, D9 83 (read on the bytes: no String is made, for the many
        // words without one nor for the rest of the word after one; the index is keyed by bytes)
        return withBytes(t.key) { u -> Bool in
            guard u.count >= 2 else { return false }
            let a = u[0], b = u[1]
            guard (a == 0xD9 && (b == 0x88 || b == 0x81 || b == 0x84 || b == 0x83)) || (a == 0xD8 && b == 0xA8) else { return false }
            return g.hasNames(startingWithBytes: UnsafeBufferPointer(rebasing: u[2...]))
        }
    }

    /// Whether a trigger may start at token `t` (`trigger` finds none where this is false); reads its word alone.
    private func canTrigger(_ t: Token) -> Bool {
        if lexicons.eventTriggers.canStart(t) || lexicons.gappedEventTriggers.heads.canStart(t) { return true }
        guard t.script == .arabic, t.kind == .word else { return false }
        if Self.uninflected(t.stem).contains(where: { lexicons.eventTriggers.value(key: $0) != nil }) { return true }
        return definiteTrigger(t) != nil
    }

    /// A one-word trigger the table lists only without the article, read in its definite form (القمة of قمة,
    /// الاشتباكات of اشتباك; `LexiconSet.definiteEventTriggers`), so the table need not list every definite form.
    private func definiteTrigger(_ t: Token) -> LexiconSet.EventTrigger? {
        guard t.hasArticle else { return nil }
        let forms = lexicons.definiteEventTriggers
        if let v = forms.value(t.stem, hash: t.stemHash) { return v }
        for base in Self.uninflected(t.stem) { if let v = forms[base] { return v } }
        return nil
    }

    /// The trigger at token `k`, if any; `bareDefinite`: also a definite form the table lists only without the article.
    /// `anaphoric`: found only as such a definite form, which refers back to an event and starts none.
    func trigger(_ toks: [Token], at k: Int, limit: Int,
                 bareDefinite: Bool = true) -> (value: LexiconSet.EventTrigger, end: Int, anaphoric: Bool)? {
        if let m = lexicons.eventTriggers.match(toks, at: k, limit: limit) { return (m.value, m.end, false) }
        if toks[k].script == .arabic, toks[k].kind == .word {
            for base in Self.uninflected(toks[k].stem) {
                if let v = lexicons.eventTriggers.value(key: base) { return (v, k + 1, false) }
            }
            if bareDefinite, let v = definiteTrigger(toks[k]) { return (v, k + 1, true) }
        }
        return gappedTrigger(toks, at: k, limit: limit)
    }

    /// A trigger row written with a gap (إطلاق … صواريخ): its head at `k`, then at most `GappedTriggers.maxGap`
    /// words or numbers (إطلاق جماعة الحوثي لصواريخ, أطلقت سبعة صواريخ, إطلاق أكثر من ١٠٠ صاروخ), then its tail. The
    /// gap holds no punctuation, no clause break, no cue of a role (على, في) and no other function word than the
    /// `gap-word`s of event-roles.tsv (أكثر من, ما يقارب, نحو): the words of one noun phrase or of a verb's subject.
    private func gappedTrigger(_ toks: [Token], at k: Int, limit: Int) -> (value: LexiconSet.EventTrigger, end: Int, anaphoric: Bool)? {
        let gapped = lexicons.gappedEventTriggers
        guard !gapped.isEmpty, let head = gapped.heads.match(toks, at: k, limit: limit) else { return nil }
        let tails = gapped.tails[head.value]
        var j = head.end
        while j < min(limit, head.end + LexiconSet.GappedTriggers.maxGap + 1) {
            if let t = tails.match(toks, at: j, limit: limit) {
                // (a longer trigger that starts at the tail is its own: launched a missile attack is an attack)
                if let longer = lexicons.eventTriggers.match(toks, at: j, limit: limit), longer.end > t.end { return nil }
                return (t.value, t.end, false)
            }
            let w = toks[j]
            guard w.kind == .word || w.kind == .number else { return nil }
            if w.kind == .word {
                if roles.clauseBreaks.contains(w.key, hash: w.keyHash) || roles.targetCues.contains(w.key, hash: w.keyHash)
                    || roles.placeCues.contains(w.key, hash: w.keyHash) { return nil }
                if lexicons.functionWords.contains(w.key), !roles.gapWords.contains(w.key, hash: w.keyHash) { return nil }
            }
            j += 1
        }
        return nil
    }

    /// Organisations an encounter meets rather than plays, even in a sports report (subtypes of the lexicon).
    private static let metNotPlayed: Set<String> = ["GovernmentOrganization", "InternationalOrganization", "MilitaryOrganization",
                                                    "PoliticalParty", "ArmedGroup", "NewsMediaOrganization"]

    private static let nominalEndings: [(ending: [UInt8], feminine: Bool)] = [
        ([0xD8, 0xAA, 0xD9, 0x8A, 0xD9, 0x86], true),                                  // تين: غارتين → غاره
        ([0xD8, 0xAA, 0xD8, 0xA7, 0xD9, 0x86], true),                                  // تان
        ([0xD9, 0x8A, 0xD9, 0x86], false),                                             // ين
        ([0xD8, 0xA7, 0xD9, 0x86], false),                                             // ان
        ([0xD8, 0xA7, 0xD8, 0xAA], false), ([0xD8, 0xA7, 0xD8, 0xAA], true),           // ات: تفجيرات, مواجهات → مواجهه
        ([0xD8, 0xA7], false),                                                         // ا (tanwin): هجوما
    ]
    private static let taMarbuta: [UInt8] = [0xD9, 0x87]                             // ة, normalised to ه

    /// Candidate base forms of a normalised Arabic noun without one dual, plural or case ending (keeping at least
    /// three letters).
    /// (Read on the UTF-8 view: nothing is allocated for the many words without such an ending.)
    /// (The bytes read in place: the UTF-8 view's `last` and `suffix` cost more than the rest.)
    static func uninflected(_ stem: String) -> [String] {
        withBytes(stem) { b -> [String] in
            // every ending ends in ن, ت or ا: most words have none of them last (no loop over the endings)
            guard let last = b.last, last == 0x86 || last == 0xAA || last == 0xA7 else { return [] }
            var out: [String] = []
            for (e, feminine) in nominalEndings where b.count >= e.count + 6 && UnsafeBufferPointer(rebasing: b[(b.count - e.count)...]).elementsEqual(e) {
                let base = UnsafeBufferPointer(rebasing: b[..<(b.count - e.count)])
                out.append(feminine ? String(decoding: Array(base) + taMarbuta, as: UTF8.self) : String(decoding: base, as: UTF8.self))
            }
            return out
        }
    }

    /// Two use-of-force events of one article with the same agent and the same target or place are one event
    /// (reported once as an attack and once as a strike): the later type joins the earlier one.
    private func mergeSameAttack(_ mentions: inout [Mention], _ entities: inout [ExtractedEntity], _ relations: inout [ExtractedRelation],
                                 _ occurrences: inout [Occurrence]) {
        var roles: [Int: [String: Set<Int>]] = [:]
        for r in relations where entities.indices.contains(r.subject) && entities[r.subject].type == .event {
            roles[r.subject, default: [:]][r.predicate, default: []].insert(r.object)
        }
        let events = entities.indices.filter { entities[$0].type == .event && lexicons.eventRoles.forceTypes.contains(entities[$0].eventType ?? "") && roles[$0] != nil }
        var into: [Int: Int] = [:]
        for (i, a) in events.enumerated() where into[a] == nil {
            for b in events[(i + 1)...] where into[b] == nil {
                let ra = roles[a]!, rb = roles[b]!
                guard !(ra["agent"] ?? []).isDisjoint(with: rb["agent"] ?? []) else { continue }
                let sameTarget = !(ra["target"] ?? []).isDisjoint(with: rb["target"] ?? [])
                let samePlace = !(ra["location"] ?? []).isDisjoint(with: rb["location"] ?? [])
                if sameTarget || samePlace { into[b] = a }
            }
        }
        guard !into.isEmpty else { return }
        for i in mentions.indices { if let t = into[mentions[i].entity], mentions[i].type == .event { mentions[i].entity = t } }
        for i in relations.indices { if let t = into[relations[i].subject] { relations[i].subject = t } }
        for i in occurrences.indices { if let t = into[occurrences[i].entity] { occurrences[i].entity = t } }
    }
}

/// Role words and event-type classes of rules/event-roles.tsv (bundled rows plus a user's `--rules event-roles.tsv`).
/// Word classes are `KeySet`s (looked up per token), event-type classes plain sets.
public struct EventRoles: Sendable {
    let targetCues: KeySet
    let placeCues: KeySet
    /// Verbs after a trigger whose object right after them is the target (هجوم استهدف مدينة دوما); further on, a
    /// mention belongs to another clause (غارة استهدفت مواقع قالت أنقرة: not Ankara).
    let targetVerbs: KeySet
    let agentCues: KeySet
    let participantCues: KeySet
    let supportCues: KeySet
    let launchVerbs: KeySet
    /// Launch verbs of the `type-impose` types only (فرضت, imposed: tariffs and sanctions, not "imposed a curfew").
    let imposeVerbs: KeySet
    let imposeTypes: Set<String>
    /// Types whose organisation right after the trigger is the target, not the agent (a lawsuit: مقاضاة شركة أمازون).
    let bodyTargetTypes: Set<String>
    /// Types whose place target is also where the event happened (an attack on Aleppo; not sanctions on Iran).
    let targetPlaceTypes: Set<String>
    let relativeLaunchVerbs: KeySet
    let pronounSubjects: KeySet
    /// Relative pronouns (التي, الذي): a person, one of them and a trigger is the person the event befell.
    let relativePronouns: KeySet
    /// Words of quantity that start an object (آلاف, عشرات, dozens): after a trigger they are what it befell.
    let quantityWords: KeySet
    let reportedClause: KeySet
    let clauseBreaks: KeySet
    /// Function words a gapped trigger's gap may hold (أكثر من ١٠٠ صاروخ, ما يقارب 25 صاروخا).
    let gapWords: KeySet
    /// Facilities named after the state that owns them (سفارة, embassy): the place after one is the owner, not where.
    let ownerNouns: KeySet
    let determiners: KeySet
    /// Event types whose agent and target give an `attacks` relation.
    let attackTypes: Set<String>
    /// Event types that have a target (what is hit, arrested or killed); على / on after a visit or a match is not one.
    let targetTypes: Set<String>
    /// Event types whose agent is the sentence's first actor even without a launch verb.
    let subjectTypes: Set<String>
    /// Uses of force: one event when they share agent and target or place; casualties go to them first.
    let forceTypes: Set<String>
    /// Nouns for one person or a group of people: a nisba next to them describes them, it does not name a state actor.
    let personNouns: KeySet
    /// Nouns for a match's other side (نظيره, ضيفه): a nisba after them is that country's team, which takes part.
    let counterpartNouns: KeySet
    /// Words that make what follows hypothetical (في حال, إذا, لو): no side of a match is read from a pronoun after them.
    let conditionalWords: KeySet
    /// Words of a sentence that narrates play in a match report (سجل, الدقيقة, هدف, المدرب, scored).
    let matchCues: KeySet
    /// Words of a vote: a win or a defeat in one is no match (تغلب عليه في التصويت).
    let voteWords: KeySet
    /// Where a visit, a convoy or a delegation goes (إلى X, to X): its place.
    let destinationCues: KeySet
    let destinationTypes: Set<String>
    /// Words after which the next mention fired the shots of a use of force or a killing (برصاص, بنيران).
    let fireAgentCues: KeySet
    /// Where a place right after the trigger is where the event goes (زارت العراق).
    let objectDestinationTypes: Set<String>
    /// Aid and support events: the agent supports where (or whom) the aid goes.
    let supportTypes: Set<String>
    /// Event types whose location may be named before the trigger.
    let placeBeforeTypes: Set<String>
    /// Types whose trigger's genitive is the target, not the agent (اعتقال X, محاكمة X).
    let genitiveTargetTypes: Set<String>
    /// Results of a use of force (killing, death): with no role, in a sentence reporting a use of force, they are its outcome.
    let outcomeTypes: Set<String>
    /// Types whose triggers count only in a sports report (beat, فاز).
    let sportsTypes: Set<String>
    /// Types that need a participant role to be an event at all (crisis).
    let needsParticipantTypes: Set<String>
    let distinctPartyTypes: Set<String>
    /// Types one author makes (a post, an interview): another agent is another event.
    let distinctAgentTypes: Set<String>
    /// Types whose author follows ل right after the trigger (تغريدة لوزير الخارجية).
    let lamAgentTypes: Set<String>
    let baParticipantTypes: Set<String>
    /// Types a news outlet may take part in (an interview it gives, a post it publishes); in all others it only
    /// reports the event.
    let mediaTypes: Set<String>
    /// Nouns of an encounter that in a sports report name a match (لقاء, مواجهة), whatever type their trigger row gives.
    let matchNouns: KeySet
    /// Demonstratives before a trigger that refer it back to an event reported (هذا الاعتداء): no negation withdraws it.
    let refersBack: KeySet
    /// Types whose trigger's object and target-cue actor are opponents taking part (beat X, فاز على X).
    let opponentTypes: Set<String>
    /// Nouns of a law's or a body's name: a trigger right after them is no event (قانون العقوبات, لجنة الانتخابات).
    let namingNouns: KeySet
    /// Uses of force that football also writes (هجومه, خطف فوزا): in a sports report they need `armedWords` or an armed
    /// force named in their sentence.
    let sportsMetaphorTypes: Set<String>
    let armedWords: KeySet
    /// A stage of a competition (نهائي, final), other words of its name (نصف, المباراة) and words between it and the
    /// competition (بطولة, of): a stage named with its competition is one match of it.
    let stageNouns: KeySet
    let stageAdjectives: KeySet
    let stageModifiers: KeySet
    let stageLegs: KeySet
    let stageInner: KeySet
    let stageWords: KeySet
    let stageConnectors: KeySet
    /// Nouns an English stage word after a competition qualifies (the World Cup final squad): then it names no match.
    let stageBlockers: KeySet
    /// The other side of a match after it (أمام X), for type-opponent only.
    let opponentCues: KeySet
    /// English glosses of Arabic stage nouns and modifiers (normalised word → final, semi-final, first leg).
    let stageGlosses: [String: String]
    /// English names of event types written as one word (ratecut → rate cut, pressconference → press conference):
    /// an event the text names no other way is called so in English.
    let englishLabels: [String: String]

    init(rows: [[String]]) {
        var words: [String: Set<String>] = [:]
        for r in rows where r.count >= 2 {
            let cls = r[1].trimmingCharacters(in: .whitespaces)
            let w = cls.hasPrefix("type-") ? r[0] : Normalizer.key(r[0])
            words[w, default: []].insert(cls)
        }
        // (the words of each class gathered once, not the whole table filtered per class)
        var byClass: [String: [String]] = [:]
        for (w, classes) in words { for c in classes { byClass[c, default: []].append(w) } }
        func set(_ cls: String) -> Set<String> { Set(byClass[cls] ?? []) }
        // word classes are looked up for every token near a trigger: byte-keyed
        func keySet(_ cls: String) -> KeySet { KeySet(set(cls).sorted()) }
        targetCues = keySet("target-cue")
        targetVerbs = keySet("target-verb")
        placeCues = keySet("place-cue")
        agentCues = keySet("agent-cue")
        participantCues = keySet("participant-cue")
        supportCues = keySet("support-cue")
        launchVerbs = keySet("launch-verb")
        imposeVerbs = keySet("impose-verb")
        imposeTypes = set("type-impose")
        bodyTargetTypes = set("type-body-target")
        targetPlaceTypes = set("type-target-place")
        relativeLaunchVerbs = keySet("relative-launch-verb")
        pronounSubjects = keySet("pronoun-subject")
        relativePronouns = keySet("relative-pronoun")
        quantityWords = keySet("quantity-word")
        reportedClause = keySet("reported-clause")
        clauseBreaks = keySet("clause-break")
        gapWords = keySet("gap-word")
        ownerNouns = keySet("owner-noun")
        determiners = keySet("determiner")
        attackTypes = set("type-attacks")
        targetTypes = set("type-target")
        subjectTypes = set("type-subject")
        forceTypes = set("type-force")
        personNouns = keySet("person-noun")
        counterpartNouns = keySet("counterpart-noun")
        conditionalWords = keySet("conditional")
        matchCues = keySet("match-cue")
        voteWords = keySet("vote-word")
        destinationCues = keySet("destination-cue")
        destinationTypes = set("type-destination")
        objectDestinationTypes = set("type-object-destination")
        fireAgentCues = keySet("fire-agent-cue")
        supportTypes = set("type-support")
        placeBeforeTypes = set("type-place-before")
        genitiveTargetTypes = set("type-genitive-target")
        outcomeTypes = set("type-outcome")
        sportsTypes = set("type-sports")
        needsParticipantTypes = set("type-needs-participant")
        distinctPartyTypes = set("type-distinct-parties")
        distinctAgentTypes = set("type-distinct-agents")
        lamAgentTypes = set("type-lam-agent")
        baParticipantTypes = set("type-ba-participant")
        mediaTypes = set("type-media")
        matchNouns = keySet("match-noun")
        refersBack = keySet("refers-back")
        opponentTypes = set("type-opponent")
        namingNouns = keySet("naming-noun")
        sportsMetaphorTypes = set("type-sports-metaphor")
        armedWords = keySet("armed-word")
        stageNouns = keySet("stage-noun")
        stageModifiers = keySet("stage-modifier")
        stageAdjectives = keySet("stage-adjective")
        stageLegs = keySet("stage-leg")
        stageInner = keySet("stage-inner")
        stageWords = keySet("stage-word")
        stageConnectors = keySet("stage-connector")
        opponentCues = keySet("opponent-cue")
        stageBlockers = keySet("stage-blocker")
        var glosses: [String: String] = [:]
        for r in rows where r.count >= 3 && r[1].hasPrefix("stage-") && !r[2].isEmpty { glosses[Normalizer.key(r[0])] = r[2] }
        stageGlosses = glosses
        var labels: [String: String] = [:]
        for r in rows where r.count >= 3 && r[1] == "type-english" && !r[2].isEmpty { labels[r[0]] = r[2] }
        englishLabels = labels
    }

    static let bundled = EventRoles(rows: ExtractionTables.rows("rules/event-roles.tsv"))
}

extension EventRoles {
    /// Whether the sentence writes armed force: an armed-word (مسلحين, قتلى, صواريخ), or a military organisation or
    /// an armed group named in it.
    func writesArmedForce(_ doc: AnalyzedText, _ s: Sentence, mentions: [Mention]) -> Bool {
        doc.tokens[s.tokens].contains { armedWords.contains($0.key, hash: $0.keyHash) || armedWords.contains($0.stem, hash: $0.stemHash) }
            || mentions.contains { $0.sentence == s.index && ($0.subtype == "MilitaryOrganization" || $0.subtype == "ArmedGroup") }
    }

    /// Whether the token is a verb whose subject is the agent of an event of `type` (شنت, نفذت; فرضت for tariffs).
    func isLaunchVerb(_ t: Token, for type: String) -> Bool {
        if launchVerbs.contains(t.stem, hash: t.stemHash) || launchVerbs.contains(t.key, hash: t.keyHash) { return true }
        return imposeTypes.contains(type) && (imposeVerbs.contains(t.stem, hash: t.stemHash) || imposeVerbs.contains(t.key, hash: t.keyHash))
    }
}
