/// A count of people killed or injured, by party when the text names one (39 ISIS members, 5 civilians).
public struct Casualty: Sendable, Equatable, Hashable, Comparable {
    /// `killed` or `injured`.
    public var outcome: String
    public var count: Int
    /// The party counted (`ISIS members`, `مدنيين`), nil for people in general (شخصا, people).
    public var party: String?
    /// The text gave a minimum (at least 12, أكثر من 30).
    public var atLeast: Bool

    public init(outcome: String, count: Int, party: String? = nil, atLeast: Bool = false) {
        self.outcome = outcome; self.count = count; self.party = party; self.atLeast = atLeast
    }

    public static func < (a: Casualty, b: Casualty) -> Bool {
        (a.outcome, a.party == nil ? 0 : 1, -a.count, a.party ?? "", a.atLeast ? 1 : 0) < (b.outcome, b.party == nil ? 0 : 1, -b.count, b.party ?? "", b.atLeast ? 1 : 0)
    }
}

/// Reads casualty counts from a sentence (casualties.tsv): a number next to an outcome word — before it ("at least 12
/// people were killed", "67 killed") or after it ("قتل 67 شخصا", "مقتل ثلاثة مسلحين", "killed seven people and wounded
/// at least 42") — and the parties after a breakdown word ("67 killed — 39 ISIS members, 5 civilians, 23 guards",
/// "بينهم مدنيان"). The noun after a number is its party unless it only means "people".
public enum CasualtyExtractor {
    /// Punctuation that opens the parties of a total ("67 killed — 39 ISIS members").
    static let breakdownMarks: Set<String> = ["—", "–", ":"]

    struct NumberPhrase { var at: Int; var end: Int; var value: Int; var atLeast: Bool; var party: String? }

    public static func casualties(in doc: AnalyzedText, tokens range: Range<Int>, tables: ExtractionTables = .bundled) -> [Casualty] {
        let table = tables.casualties
        let tokens = doc.tokens
        // outcome cues and number phrases, in order
        var cues: [(at: Int, outcome: String)] = []
        var numbers: [NumberPhrase] = []
        var breakdownAt: [Int] = []
        var k = range.lowerBound
        while k < range.upperBound {
            let kind = tokens[k].kind    // (fields read in place: a Token copy retains its word table)
            if kind == .punctuation, Self.breakdownMarks.contains(tokens[k].key) { breakdownAt.append(k); k += 1; continue }
            let w = table.match(tokens, at: k, limit: range.upperBound)
            if case let .outcome(o)? = w?.value { cues.append((k, o)); k = w!.end; continue }
            if case .breakdown? = w?.value { breakdownAt.append(k); k = w!.end; continue }
            var value: Int? = nil
            if kind == .number, let n = Int(tokens[k].key.filter { $0 != "," }) { value = n }
            else if case let .number(n)? = w?.value { value = n }
            guard let v = value else { k += 1; continue }
            var end = k + 1
            // a unit or a date after the number: not a count of people
            if end < range.upperBound {
                let nw = table.match(tokens, at: end, limit: range.upperBound)?.value
                if case .unit? = nw { k = end; continue }
                if case .month? = tables.dates.match(tokens, at: end, limit: range.upperBound)?.value { k = end; continue }
                if tokens[end].kind == .punctuation && (tokens[end].key == "%" || tokens[end].key == "-") { k = end; continue }
            }
            if (1900...2100).contains(v) && kind == .number { k += 1; continue }
            // at least / نحو / أكثر من just before
            var atLeast = false
            for b in max(range.lowerBound, k - 3)..<k {
                if case .atLeast? = table.match(tokens, at: b, limit: range.upperBound)?.value { atLeast = true }
            }
            // the party: the words after the number up to punctuation, a conjunction, a cue or another number (3 at most)
            var partyEnd = end
            var generic = false
            // partitive: "23 من مقاتلي التنظيم", "two of the attackers"
            if end + 1 < range.upperBound, ["من", "of"].contains(tokens[end].key), tokens[end + 1].kind == .word { end += 1; partyEnd = end }
            while partyEnd < range.upperBound && partyEnd - end < 3 {
                let u = tokens[partyEnd]
                if u.kind != .word { break }
                if u.prefix.hasPrefix("و") || u.prefix.endsWithLetters("ب") || u.prefix.endsWithLetters("ل") { break }
                if tables.dates.match(tokens, at: partyEnd, limit: range.upperBound) != nil { break }
                let pw = table.match(tokens, at: partyEnd, limit: range.upperBound)?.value
                if case .outcome? = pw { break }
                if case .number? = pw { break }
                if case .generic? = pw { generic = true; partyEnd += 1; break }
                if case .unit? = pw { break }
                if case .stop? = pw { break }
                partyEnd += 1
            }
            var party: String? = nil
            // Arabic counted noun before a number word: "وإصابة مدنيين اثنين"
            if kind == .word, tokens[k].script == .arabic, k - 2 >= range.lowerBound, tokens[k - 1].kind == .word,
               case .outcome? = table.match(tokens, at: k - 2, limit: range.upperBound)?.value {
                party = doc.text(tokens[k - 1].stemStart, tokens[k - 1].end)
                partyEnd = end
            } else if !generic && partyEnd > end { party = doc.text(tokens[end].stemStart, tokens[partyEnd - 1].end) }
            numbers.append(NumberPhrase(at: k, end: max(end, partyEnd), value: v, atLeast: atLeast, party: party))
            k = max(k + 1, partyEnd)
        }
        guard !cues.isEmpty, !numbers.isEmpty else { return [] }
        var out: [Casualty] = []
        var used = Set<Int>()
        // a number right before a cue ("12 people were killed", "67 killed") or right after one ("killed seven people")
        for c in cues {
            var best: NumberPhrase? = nil
            if let n = numbers.last(where: { $0.end <= c.at && c.at - $0.end <= 3 && !used.contains($0.at) }) { best = n }
            else if let n = numbers.first(where: { $0.at > c.at && $0.at - c.at <= 4 && !used.contains($0.at) }) { best = n }
            guard let n = best else {
                // a list of counted parties before a plural verb: "سبعة من أفراد قوات الأمن و23 من مقاتلي التنظيم ... قتلوا"
                let prevCue = cues.last(where: { $0.at < c.at })?.at ?? range.lowerBound
                for p in numbers where p.end <= c.at && c.at - p.at <= 20 && p.at > prevCue && !used.contains(p.at) && p.party != nil {
                    used.insert(p.at)
                    out.append(Casualty(outcome: c.outcome, count: p.value, party: p.party, atLeast: p.atLeast))
                }
                continue
            }
            used.insert(n.at)
            out.append(Casualty(outcome: c.outcome, count: n.value, party: n.party, atLeast: n.atLeast))
            // the breakdown of this total: numbers after a breakdown word that follows it, until the next cue
            let nextCue = cues.first(where: { $0.at > max(n.end, c.at) })?.at ?? range.upperBound
            guard let b = breakdownAt.first(where: { $0 >= min(n.end, c.at + 1) && $0 < nextCue && $0 - max(n.end, c.at) <= 3 }) else { continue }
            for p in numbers where p.at > b && p.at < nextCue && !used.contains(p.at) && p.party != nil {
                used.insert(p.at)
                out.append(Casualty(outcome: c.outcome, count: p.value, party: p.party, atLeast: p.atLeast))
            }
        }
        return out
    }
}
