/// The `kg analyze --names` view: the token table of `Analysis.tsv` with two more columns, so a user can see why a
/// name was found or missed — the statistical tagger's BIO label (`-` outside Arabic sentences) and the recogniser's
/// final mention over the token (`B-Person:title`, `I-Place:gazetteer`; `O` outside mentions).
public enum NameReading {
    public static func tsv(_ doc: AnalyzedText, recognizer: EntityRecognizer) -> String {
        let (mentions, tagger) = recognizer.read(doc)
        var name = [String](repeating: "O", count: doc.tokens.count)
        // outer mentions first, so a nested mention (the place inside a body's name) does not hide the body
        for m in mentions.sorted(by: { ($0.tokens.count, $1.tokens.lowerBound) > ($1.tokens.count, $0.tokens.lowerBound) }) {
            for k in m.tokens where name[k] == "O" {
                name[k] = (k == m.tokens.lowerBound ? "B-" : "I-") + m.type.rawValue + ":" + m.rule
            }
        }
        var label = [String](repeating: "-", count: doc.tokens.count)
        for s in doc.sentences {
            guard let row = tagger[s.index] else { continue }
            for (k, l) in zip(s.tokens, row) { label[k] = l }
        }
        var lines = Analysis.tsv(doc).split(separator: "\n", omittingEmptySubsequences: false)
        if lines.last?.isEmpty == true { lines.removeLast() }
        guard !lines.isEmpty else { return "" }
        var out = String(lines[0]) + "\ttagger\tname\n"
        // Analysis.tsv lists the tokens of each sentence in order, one row per token
        var k = 0
        for s in doc.sentences {
            for i in s.tokens {
                k += 1
                out += lines[k] + "\t\(label[i])\t\(name[i])\n"
            }
        }
        return out
    }
}
