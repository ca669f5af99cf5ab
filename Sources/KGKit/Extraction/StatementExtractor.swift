/// Reads statements (statement-cues.tsv): who said, denied or reported something, and what.
/// - Arabic verb-first: قال المتحدث باسم الحكومة، باسم العوضي، إن ... — the first person after the verb (else the
///   first organisation) before إن / أن / a quote / a colon;
/// - English: "…," Esmaeil Baghaei, a spokesman for Iran's Foreign Ministry, said — the nearest person before the verb
///   in its clause (else the nearest organisation); "said Kirby" — the mention right after it;
/// - sources: according to Reuters, بحسب المرصد, أفادت وكالة …, نقلت … — the mention right after the cue.
/// The quoted text is what stands between quote marks in the sentence, else the clause after إن / أن / that, else the
/// sentence before the attribution ("Seven people were killed, police said").
struct StatementExtractor {
    let tables: ExtractionTables
    /// Helper words from rules/statement-cues.tsv: quote marks, complementizers, English pronouns.
    /// (Byte-keyed sets: token keys are looked up here word after word, and String hashing normalises Arabic.)
    static let quoteMarks = KeySet(ExtractionTables.bundled.statementHelpers["quote"] ?? [])
    /// Punctuation and spaces trimmed from the end of a quotation ("serious and forward-looking," → without the comma).
    static let trailing: Set<Unicode.Scalar> = [",", ".", "،", ";", ":", " ", "\u{A0}"]
    let complementizers: KeySet
    let pronouns: Set<String>
    /// Helper words of statement-cues.tsv for `CueNeeds`: words that introduce what was said (قائلا, بالقول) and words
    /// that name whom a report quotes (عن, عمن; matched by key or stem).
    let sayingWords: KeySet
    let quotingWords: KeySet

    /// Person titles (person-titles.tsv): after وأعلن، a title starts the subject (وأعلن، حاكم ولاية ميرلاند، لاري هوغان).
    let titles: PhraseTable<String>

    /// Negation words (negation-cues.tsv): لم يعلن, did not say report nothing.
    let negations: KeySet

    init(tables: ExtractionTables = .bundled, titles: PhraseTable<String> = PhraseTable<String>(), negations: KeySet = KeySet()) {
        self.tables = tables
        self.titles = titles
        self.negations = negations
        complementizers = tables.complementizers
        pronouns = tables.statementHelpers["pronoun"] ?? []
        sayingWords = KeySet(tables.statementHelpers["saying"] ?? [])
        quotingWords = KeySet(tables.statementHelpers["quoting"] ?? [])
    }

    func extract(_ doc: AnalyzedText, article: Article, mentions: [Mention]) -> [ExtractedStatement] {
        let table = tables.statements
        guard !table.isEmpty else { return [] }
        var startAt: [Int: Int] = [:], endAt: [Int: Int] = [:]
        // speakers: persons, organisations and countries standing for their governments (نفت إيران)
        for (i, m) in mentions.enumerated() where m.entity >= 0 && m.rule != "nested" && !m.isDemonym
            && (m.type == .person || m.type == .organization || (m.type == .place && m.subtype == "Country")) {
            if let o = startAt[m.tokens.lowerBound], mentions[o].tokens.count >= m.tokens.count {} else { startAt[m.tokens.lowerBound] = i }
            if let o = endAt[m.tokens.upperBound], mentions[o].tokens.count >= m.tokens.count {} else { endAt[m.tokens.upperBound] = i }
        }
        var out: [ExtractedStatement] = []
        var seen = Set<String>()
        var lastSpeaker: [(sentence: Int, mention: Int)] = []
        var mayCue = WordMemo(doc)
        for s in doc.sentences {
            // the cues of the sentence, so each statement takes the quotes that belong to it
            var cues: [(at: Int, end: Int, kind: ExtractionTables.StatementCue)] = []
            var q = s.tokens.lowerBound
            while q < s.tokens.upperBound {
                if mayCue[doc.tokens[q]] == nil { mayCue[doc.tokens[q]] = table.canStart(doc.tokens[q], stems: false) }
                guard mayCue[doc.tokens[q]]!,
                      let (word, end) = table.match(doc.tokens, at: q, limit: s.tokens.upperBound, stems: false) else { q += 1; continue }
                // (a negated verb reports nothing: لم تعلن أي جهة مسؤوليتها, did not say; a denial is its own cue)
                // (the segmenter leaves و / ف on these short words: ولم, فلا)
                let negated = q > s.tokens.lowerBound && Self.isNegation(doc.tokens[q - 1], negations)
                if !negated, hasWhatItNeeds(word.needs, after: end, in: s, doc: doc) { cues.append((q, end, word.kind)) }
                q = end
            }
            for (ci, cue) in cues.enumerated() {
                let k = cue.at, end = cue.end, kind = cue.kind
                // بحسب ما أعلنه X: the verb after the source word names the speaker
                if kind == .source, ci + 1 < cues.count, cues[ci + 1].at - end <= 1 { continue }
                let bounds = (ci > 0 ? cues[ci - 1].end : s.tokens.lowerBound)..<(ci + 1 < cues.count ? cues[ci + 1].at : s.tokens.upperBound)
                let arabic = doc.tokens[k].script == .arabic
                var speaker: Int? = nil
                if kind == .source {
                    var j = end
                    while j < min(s.tokens.upperBound, end + 4) && speaker == nil {
                        if let mi = startAt[j] { speaker = mi }
                        j += 1
                    }
                    // نقلت رويترز عن الشرطي محمد آدن قوله: the source quotes a person, who is the speaker
                    if arabic, let mi = speaker, let p = quotedPerson(after: mentions[mi].tokens.upperBound, in: s, doc: doc,
                                                                      startAt: startAt, mentions: mentions) { speaker = p }
                } else if arabic {
                    // وأضاف، ... / وتابع: ... / وأضاف أن ...: no subject after the verb, so (unless one stands before it)
                    // the one who spoke last goes on, not a name later in the clause
                    let upper = s.tokens.upperBound
                    var dropped = end < upper && (keysEqual(doc.tokens[end].key, ":") || complementizers.contains(doc.tokens[end].key)
                        || keysEqual(doc.tokens[end].key, ",") && !(end + 1 < upper && (startAt[end + 1] != nil
                                                                                        || titles.match(doc.tokens, at: end + 1, limit: upper) != nil)))
                    // (unless a person follows the comma closely: وأعلن، حاكم ولاية ميرلاند، لاري هوغان)
                    if dropped, keysEqual(doc.tokens[end].key, ","),
                       let mi = forward(from: end + 1, in: s, doc: doc, startAt: startAt, mentions: mentions, limit: 7), mentions[mi].type == .person {
                        dropped = false
                    }
                    if !dropped {
                        speaker = forward(from: end, in: s, doc: doc, startAt: startAt, mentions: mentions, limit: 12)
                        // (a body that reports what a person said: وذكرت وكالة الإعلام الروسية نقلا عن ... بيسكوف)
                        if let mi = speaker, mentions[mi].type != .person, let p = quotedPerson(after: mentions[mi].tokens.upperBound, in: s, doc: doc,
                                                                                                startAt: startAt, mentions: mentions, naqlan: true) { speaker = p }
                    }
                    // subject before the verb (الحوثيون يعلنون; مصدر في قوات سوريا الديمقراطية التي يقودها الأكراد قال)
                    if speaker == nil {
                        var b = k
                        // (past قد and the comma that closes an apposition: وكان المتحدث باسم الوزارة، إيغور كوناشينكوف،
                        // قد قال)
                        // (a person: الذي تقوده السعودية، قد أعلن is a relative clause's)
                        if b - 1 > s.tokens.lowerBound, keysEqual(doc.tokens[b - 1].key, "قد") {
                            b -= 1
                            if b - 1 > s.tokens.lowerBound, keysEqual(doc.tokens[b - 1].key, ","), let mi = endAt[b - 1], mentions[mi].type == .person {
                                speaker = mi
                            }
                        }
                        while b > max(s.tokens.lowerBound, k - 5), speaker == nil {
                            if doc.tokens[b - 1].kind == .punctuation { break }
                            if let mi = endAt[b] { speaker = mi }
                            b -= 1
                        }
                    }
                    // (أما ريكي إليسون ... فقال إن: the person named before it in the sentence; only after أما's ف, as
                    // elsewhere the person before the verb is as often the object of the clause before: التقى بوتين
                    // نظيره أردوغان ... ، وقال)
                    if speaker == nil && dropped && doc.tokens[k].prefix.hasPrefix("ف") { speaker = backward(from: k, in: s, doc: doc, endAt: endAt, mentions: mentions).flatMap { mentions[$0].type == .person ? $0 : nil } }
                    if speaker == nil && dropped {
                        guard let last = lastSpeaker.last(where: { $0.sentence >= s.index - 2 && $0.sentence < s.index }) else { continue }
                        speaker = last.mention
                    }
                } else {
                    let before = k > s.tokens.lowerBound ? doc.tokens[k - 1] : nil
                    if let b = before, pronouns.contains(b.key) {
                        // "He said ...": the person who spoke last, in this sentence or the two before; "it/they said":
                        // the organisation that did (nobody else named in between is checked)
                        let wantPerson = b.key == "he" || b.key == "she"
                        if let last = lastSpeaker.last(where: { $0.sentence >= s.index - 2 && (mentions[$0.mention].type == .person) == wantPerson }) {
                            speaker = last.mention
                        } else { continue }
                    } else if before == nil || before!.kind == .punctuation, let mi = startAt[end] { speaker = mi }
                    else { speaker = backward(from: k, in: s, doc: doc, endAt: endAt, mentions: mentions) }
                }
                guard let sp = speaker else { continue }
                let m = mentions[sp]
                // a number right after the speaker is what the verb counts, not what was said: وأضاف زميله كريس بول 22
                // نقطة (added 22 points)
                if arabic, m.tokens.lowerBound >= end, m.tokens.upperBound < s.tokens.upperBound,
                   doc.tokens[m.tokens.upperBound].kind == .number { continue }
                // (the source of a report (وفق رويترز, بحسب المرصد) is who wrote it down, not who spoke: a verb without a
                // subject after it goes on with the speaker before — وقال after "…، وفق رويترز." is not Reuters)
                if kind != .source || m.type == .person { lastSpeaker.append((s.index, sp)) }
                guard seen.insert("\(s.index)|\(m.entity)|\(kind.rawValue)").inserted else { continue }
                var quote = quoteText(doc, s, cue: k, cueEnd: end, speaker: m, kind: kind, bounds: bounds)
                while let last = quote.unicodeScalars.last, Self.trailing.contains(last) { quote.unicodeScalars.removeLast() }
                let t0 = doc.tokens[k], t1 = doc.tokens[end - 1]
                out.append(ExtractedStatement(
                    speaker: m.entity, kind: kind.rawValue, cue: doc.text(t0.stemStart, t1.end), quote: quote,
                    evidence: Evidence(article: article.id, sentence: s.index, start: min(t0.stemStart, m.start), end: max(t1.end, m.end),
                                       sentenceStart: s.start, sentenceText: doc.text(of: s),
                                       rule: "statement:\(kind.rawValue):\(arabic ? "ar" : "en")", confidence: m.type == .person ? 0.8 : 0.7)))
            }
        }
        return out
    }

    /// Whether what a cue word needs follows it in the sentence (`ExtractionTables.CueNeeds`): a quoting word (عن, عمن)
    /// or أن within ten words (نقلت وكالة الأنباء الرسمية عن, نقلت رويترز أن; not نقل السفارة إلى القدس), or what was said right after it or after its
    /// subject (وتابع: / وتابعت أنه / وتابع قائلا / وتابع الوزير أن, not تابع للحكومة or تابعت الصحيفة التطورات).
    private func hasWhatItNeeds(_ needs: ExtractionTables.CueNeeds, after end: Int, in s: Sentence, doc: AnalyzedText) -> Bool {
        let upper = s.tokens.upperBound
        switch needs {
        case .nothing: return true
        case .an:
            return (end..<min(upper, end + 10)).contains { j in
                let t = doc.tokens[j]
                return t.prefix.isEmpty && (quotingWords.contains(t.stem) || quotingWords.contains(t.key) || complementizers.contains(t.key))
            }
        case .clause:
            for j in end..<min(upper, end + 8) {
                let t = doc.tokens[j]
                if complementizers.contains(t.key) || Self.quoteMarks.contains(t.key) || keysEqual(t.key, ":") || sayingWords.contains(t.key) { return true }
                if j > end, keysEqual(t.key, ".") { return false }
            }
            return false
        }
    }

    /// Whether token `t` is a negation word, also with the conjunction و / ف on it (ولم يعلن).
    static func isNegation(_ t: Token, _ negations: KeySet) -> Bool {
        if negations.contains(t.key) || negations.contains(t.stem) { return true }
        guard t.script == .arabic, t.prefix.isEmpty, let f = t.key.unicodeScalars.first, f == "و" || f == "ف" else { return false }
        return negations.contains(String(t.key.unicodeScalars.dropFirst()))
    }

    /// The person a source quotes: عن right after the source, then a person before the statement starts (titles and
    /// descriptions between: عن الشرطي محمد آدن قوله).
    /// (`naqlan`: only after نقلا عن, for a verb of saying: أعلن البيت الأبيض عن قرار ترامب is no quote of Trump)
    private func quotedPerson(after p: Int, in s: Sentence, doc: AnalyzedText, startAt: [Int: Int], mentions: [Mention], naqlan: Bool = false) -> Int? {
        var p = p
        if p + 1 < s.tokens.upperBound, keysEqual(doc.tokens[p].key, "نقلا") { p += 1 } else if naqlan { return nil }
        guard p < s.tokens.upperBound, keysEqual(doc.tokens[p].key, "عن") else { return nil }
        return forward(from: p + 1, in: s, doc: doc, startAt: startAt, mentions: mentions, limit: 8).flatMap { mentions[$0].type == .person ? $0 : nil }
    }

    private func forward(from p: Int, in s: Sentence, doc: AnalyzedText, startAt: [Int: Int], mentions: [Mention], limit: Int) -> Int? {
        var org: Int? = nil
        var j = p
        while j < min(s.tokens.upperBound, p + limit) {
            let t = doc.tokens[j]
            // (أشار X إلى أن ...: what follows إلى is what was said)
            if complementizers.contains(t.key) || Self.quoteMarks.contains(t.key) || keysEqual(t.key, ":") || keysEqual(t.key, ".") || keysEqual(t.key, "الي") { break }
            if let mi = startAt[j] {
                // لرويترز (or لـ CNN) after قال is who was told, not who spoke
                if t.prefix.endsWithLetters("ل") || (j > p && keysEqual(doc.tokens[j - 1].key, "ل")) { j = mentions[mi].tokens.upperBound; continue }
                if mentions[mi].type == .person { return mi }
                // a body right after the verb is its subject (أعلن القضاء التركي ... إطلاق سراح القس أندرو برانسون: the
                // judiciary spoke, not the pastor); a person is looked for past a title (قال المتحدث باسم الوزارة، كيربي)
                if j == p { return mi }
                // (a country farther on is the speaker's only when a title governs it, مبعوث بريطانيا إلى المنظمة; else it
                // is part of what was said or of a description: شدد التقرير على خطورة التبادل بين كوريا الشمالية وسوريا,
                // أعلن متحدث باسم الشرطة في السعودية)
                if org == nil, mentions[mi].type != .place || titles.match(doc.tokens, at: p, limit: j).map({ $0.end == j }) == true { org = mi }
                j = mentions[mi].tokens.upperBound
                continue
            }
            j += 1
        }
        return org
    }

    private func backward(from k: Int, in s: Sentence, doc: AnalyzedText, endAt: [Int: Int], mentions: [Mention]) -> Int? {
        var org: Int? = nil
        var j = k
        while j > max(s.tokens.lowerBound, k - 14) {
            let t = doc.tokens[j - 1]
            if Self.quoteMarks.contains(t.key) || keysEqual(t.key, ";") { break }
            if let mi = endAt[j] {
                if mentions[mi].type == .person { return mi }
                if org == nil { org = mi }
                j = mentions[mi].tokens.lowerBound
                continue
            }
            j -= 1
        }
        return org
    }

    private func quoteText(_ doc: AnalyzedText, _ s: Sentence, cue: Int, cueEnd: Int, speaker: Mention, kind: ExtractionTables.StatementCue,
                           bounds: Range<Int>) -> String {
        // quoted spans between the previous and the next cue: after this cue (قال X إن "..."), else before it ("...," X said)
        var quotedAfter: [String] = [], quotedBefore: [String] = []
        var quotedWords = 0
        var open: Int? = nil
        for j in bounds where Self.quoteMarks.contains(doc.tokens[j].key) {
            if let o = open {
                // two words or fewer in quotes are a name or a scare quote (دعم "قسد"), not what was said
                if j > o + 3 {
                    let text = doc.text(doc.tokens[o + 1].start, doc.tokens[j - 1].end)
                    if o > cue { quotedAfter.append(text) } else { quotedBefore.append(text) }
                    quotedWords += j - o - 1
                }
                open = nil
            } else { open = j }
        }
        let last = s.tokens.upperBound - (doc.tokens[s.tokens.upperBound - 1].kind == .punctuation ? 1 : 0)
        // the clause after إن / أن / that
        let after = max(cueEnd, speaker.tokens.upperBound)
        var clause: String? = nil
        var j = after
        while j < min(last, after + 12) {
            if complementizers.contains(doc.tokens[j].key) || doc.tokens[j].key == ":" {
                if j + 1 < last { clause = doc.text(doc.tokens[j + 1].start, doc.tokens[last - 1].end) }
                break
            }
            j += 1
        }
        // quotations, unless they are only a few quoted words inside a reported clause (… فيما تم القبض "على نحو مئة")
        if quotedWords >= 6 || clause == nil {
            if !quotedAfter.isEmpty { return quotedAfter.joined(separator: " … ") }
            if !quotedBefore.isEmpty { return quotedBefore.joined(separator: " … ") }
        }
        if let c = clause { return c }
        // "Seven people were killed, police said": the sentence before the attribution
        let attribution = min(cue, speaker.tokens.lowerBound)
        if last - after <= 3 {
            var e = attribution
            while e > s.tokens.lowerBound && doc.tokens[e - 1].kind == .punctuation { e -= 1 }
            if e > s.tokens.lowerBound { return doc.text(doc.tokens[s.tokens.lowerBound].start, doc.tokens[e - 1].end) }
        }
        if after < last { return doc.text(doc.tokens[after].start, doc.tokens[last - 1].end) }
        return doc.text(of: s)
    }
}
