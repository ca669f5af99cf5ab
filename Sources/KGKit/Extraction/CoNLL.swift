import Foundation

/// Precision, recall and F1 for one entity type (or overall), with the counts they come from.
public struct TypeScore: Sendable, Equatable {
    public var precision: Double
    public var recall: Double
    public var f1: Double
    /// Entities in the gold standard.
    public var gold: Int
    /// Entities predicted.
    public var predicted: Int
    /// Predicted entities whose span and type match a gold entity exactly.
    public var correct: Int

    /// Scores from counts; a zero denominator gives 0 (as conlleval does).
    public init(gold: Int, predicted: Int, correct: Int) {
        self.gold = gold
        self.predicted = predicted
        self.correct = correct
        precision = predicted > 0 ? Double(correct) / Double(predicted) : 0
        recall = gold > 0 ? Double(correct) / Double(gold) : 0
        f1 = precision + recall > 0 ? 2 * precision * recall / (precision + recall) : 0
    }
}

/// The result of `CoNLL.score`: per-type and overall (micro-averaged) exact-span scores, plus token accuracy.
public struct CoNLLScore: Sendable, Equatable {
    /// Scores per entity type ("PER", "LOC", ...), for every type seen in gold or predicted tags.
    public var perType: [String: TypeScore]
    /// Micro-averaged over all types.
    public var overall: TypeScore
    /// Tokens scored.
    public var tokens: Int
    /// Tokens whose predicted tag equals the gold tag.
    public var correctTokens: Int
    /// `correctTokens / tokens` (0 when there are no tokens).
    public var accuracy: Double { tokens > 0 ? Double(correctTokens) / Double(tokens) : 0 }

    /// A conlleval-style report, types sorted by name.
    public func table() -> String {
        func pct(_ x: Double) -> String { String(format: "%6.2f%%", 100 * x) }
        func fb(_ x: Double) -> String { String(format: "%6.2f", 100 * x) }
        var out = "processed \(tokens) tokens with \(overall.gold) phrases; found: \(overall.predicted) phrases; correct: \(overall.correct).\n"
        out += "accuracy: \(pct(accuracy)); precision: \(pct(overall.precision)); recall: \(pct(overall.recall)); FB1: \(fb(overall.f1))\n"
        for type in perType.keys.sorted() {
            let s = perType[type]!
            let name = String(repeating: " ", count: max(0, 17 - type.count)) + type
            out += "\(name): precision: \(pct(s.precision)); recall: \(pct(s.recall)); FB1: \(fb(s.f1))  \(s.predicted)\n"
        }
        return out
    }
}

/// Reading CoNLL-format named-entity data and scoring tag sequences the way conlleval does.
public enum CoNLL {
    /// A sentence's words joined by spaces, with each word's code-point start: how CoNLL tokens become kg text.
    public static func text(of words: [String]) -> (text: String, starts: [Int]) {
        var text = "", starts: [Int] = [], off = 0
        for w in words { starts.append(off); text += w + " "; off += w.unicodeScalars.count + 1 }
        return (text, starts)
    }

    /// Parses "token TAG" lines, blank line between sentences; normalises tags: PERS→PER, B-/I- prefixes; tolerant of
    /// extra columns (token first, tag last) and of \r. A line with a single column is a token tagged O;
    /// `-DOCSTART-` lines end the sentence and are dropped.
    public static func parse(_ text: String) -> [[(word: String, tag: String)]] {
        var sentences: [[(word: String, tag: String)]] = []
        var current: [(word: String, tag: String)] = []
        var previous = "O"
        func flush() {
            if !current.isEmpty { sentences.append(current) }
            current = []
            previous = "O"
        }
        // "\r\n" is a single Character in Swift, so split on it explicitly.
        let lines = text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" })
        for raw in lines {
            let fields = raw.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\r" })
            guard let first = fields.first else { flush(); continue }
            if first == "-DOCSTART-" { flush(); continue }
            let tag = fields.count > 1 ? normalizeTag(String(fields[fields.count - 1]), previous: previous) : "O"
            current.append((word: String(first), tag: tag))
            previous = tag
        }
        flush()
        return sentences
    }

    /// Normalises one tag: "O" (also "0", "-", "_", ""), B-/I- prefixes ("B_", "S-" → "B-", "E-"/"M-" → "I-"),
    /// type aliases (PERS/PERSON → PER, ORGANIZATION/ORGANISATION → ORG, LOCATION/GPE → LOC), upper-cased types.
    /// A bare type ("PER") continues an entity of the same type in `previous`, else begins one.
    public static func normalizeTag(_ raw: String, previous: String = "O") -> String {
        let t = raw.uppercased()
        if t.isEmpty || t == "O" || t == "0" || t == "-" || t == "_" { return "O" }
        var prefix = ""
        var type = Substring(t)
        if t.count > 2, let sep = t.dropFirst().first, sep == "-" || sep == "_" {
            switch t.first! {
            case "B", "S": prefix = "B-"; type = t.dropFirst(2)
            case "I", "E", "M", "L": prefix = "I-"; type = t.dropFirst(2)
            case "U": prefix = "B-"; type = t.dropFirst(2)
            default: break
            }
        }
        var name = String(type)
        switch name {
        case "PERS", "PERSON": name = "PER"
        case "ORGANIZATION", "ORGANISATION": name = "ORG"
        case "LOCATION", "GPE": name = "LOC"
        default: break
        }
        if prefix.isEmpty {
            prefix = previous != "O" && previous.dropFirst(2) == Substring(name) ? "I-" : "B-"
        }
        return prefix + name
    }

    /// Entity spans of one sentence (conlleval semantics): a maximal B-X I-X* run; an I-X after O or after a
    /// different type starts a new entity. Returns (start, end exclusive, type).
    public static func spans(_ tags: [String]) -> [(start: Int, end: Int, type: String)] {
        var out: [(start: Int, end: Int, type: String)] = []
        var open: (start: Int, type: Substring)? = nil
        for (i, tag) in tags.enumerated() {
            let isB = tag.hasPrefix("B-"), isI = tag.hasPrefix("I-")
            guard isB || isI else {
                if let o = open { out.append((o.start, i, String(o.type))); open = nil }
                continue
            }
            let type = tag.dropFirst(2)
            if isI, let o = open, o.type == type { continue }
            if let o = open { out.append((o.start, i, String(o.type))) }
            open = (i, type)
        }
        if let o = open { out.append((o.start, tags.count, String(o.type))) }
        return out
    }

    /// Exact-span precision/recall/F1 per type and overall (micro), conlleval semantics (an entity is a maximal
    /// B-X I-X* span; an I-X after O or a different type starts a new entity, as conlleval does). Sentences are paired
    /// by position; a predicted sentence shorter than its gold one is padded with O (extra predicted tags are ignored).
    public static func score(gold: [[String]], predicted: [[String]]) -> CoNLLScore {
        var g: [String: Int] = [:], p: [String: Int] = [:], c: [String: Int] = [:]
        var tokens = 0, correctTokens = 0
        for k in 0..<gold.count {
            let gs = gold[k]
            var ps = k < predicted.count ? predicted[k] : []
            if ps.count < gs.count { ps += Array(repeating: "O", count: gs.count - ps.count) }
            if ps.count > gs.count { ps = Array(ps.prefix(gs.count)) }
            tokens += gs.count
            for i in 0..<gs.count where gs[i] == ps[i] { correctTokens += 1 }
            let goldSpans = spans(gs), predSpans = spans(ps)
            var goldSet = Set<String>()
            for s in goldSpans {
                g[s.type, default: 0] += 1
                goldSet.insert("\(s.start):\(s.end):\(s.type)")
            }
            for s in predSpans {
                p[s.type, default: 0] += 1
                if goldSet.contains("\(s.start):\(s.end):\(s.type)") { c[s.type, default: 0] += 1 }
            }
        }
        var perType: [String: TypeScore] = [:]
        for type in Set(g.keys).union(p.keys) {
            perType[type] = TypeScore(gold: g[type] ?? 0, predicted: p[type] ?? 0, correct: c[type] ?? 0)
        }
        let overall = TypeScore(gold: g.values.reduce(0, +), predicted: p.values.reduce(0, +), correct: c.values.reduce(0, +))
        return CoNLLScore(perType: perType, overall: overall, tokens: tokens, correctTokens: correctTokens)
    }
}
