/// A table of short phrases (titles, trigger words, head nouns) with a value each, matched over tokens by
/// normalised keys, longest phrase first. Arabic tokens match by their whole key or by their stem (clitics removed).
public struct PhraseTable<Value: Sendable>: Sendable {
    public struct Phrase: Sendable {
        public var keys: [String]
        public var value: Value
    }
    private var byFirst: [String: [Phrase]] = [:]

    public init() {}

    public mutating func add(_ keys: [String], _ value: Value) {
        guard let f = keys.first else { return }
        byFirst[f, default: []].append(Phrase(keys: keys, value: value))
        byFirst[f]!.sort { $0.keys.count > $1.keys.count }
    }

    public var isEmpty: Bool { byFirst.isEmpty }

    /// The longest phrase starting at token `i` (within `limit`), and the index after it.
    public func match(_ tokens: [Token], at i: Int, limit: Int) -> (value: Value, end: Int)? {
        guard i < limit else { return nil }
        for first in [tokens[i].key, tokens[i].body, tokens[i].stem] {
            guard let cands = byFirst[first] else { continue }
            outer: for p in cands {
                if i + p.keys.count > limit { continue }
                for k in 1..<max(1, p.keys.count) where p.keys.count > 1 {
                    let t = tokens[i + k]
                    if t.key != p.keys[k] && t.stem != p.keys[k] { continue outer }
                }
                return (p.value, i + p.keys.count)
            }
        }
        return nil
    }

    /// Whether a single-token phrase with this key exists.
    public func contains(key: String) -> Bool { byFirst[key]?.contains { $0.keys.count == 1 } ?? false }
}
