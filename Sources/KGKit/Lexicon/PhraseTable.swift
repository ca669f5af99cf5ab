/// A table of short phrases (titles, trigger words, head nouns) with a value each, matched over tokens by
/// normalised keys, longest phrase first. Arabic tokens match by their whole key or by their stem (clitics removed).
public struct PhraseTable<Value: Sendable>: Sendable {
    public struct Phrase: Sendable {
        public var keys: [String]
        public var value: Value
    }
    /// The table's arrays.
    struct Tables: Sendable {
        var byFirst = KeyMap<[Phrase]>()
        /// The keys of the one-token phrases.
        var singles = KeySet()
        /// Bit `keyHash(k) & (64 * firstBits.count - 1)` set for the first key `k` of each phrase: a token whose hash
        /// finds its bit clear starts none, told without reading its strings (most tokens start none).
        var firstBits = [UInt64](repeating: 0, count: 256)
    }

    /// The tables in one immutable box: a copy of the table retains one reference, not the dozen arrays of its
    /// tables. (`LexiconSet`'s accessors hand the recogniser a copy at each lookup, one or more per token.)
    final class Box: Sendable {
        let t: Tables
        init(_ t: Tables) { self.t = t }
    }

    private var box = Box(Tables())

    public init() {}

    public mutating func add(_ keys: [String], _ value: Value) {
        guard let f = keys.first else { return }
        var t = box.t
        // (the box let go first: if it was this table's alone, its arrays are now only in `t` and change in place)
        box = Box(Tables(byFirst: KeyMap(), singles: KeySet(), firstBits: []))
        let b = Int(truncatingIfNeeded: keyHash(f)) & (64 * t.firstBits.count - 1)
        t.firstBits[b >> 6] |= 1 << UInt64(b & 63)
        t.byFirst.update(f, default: []) { list in
            list.append(Phrase(keys: keys, value: value))
            list.sort { $0.keys.count > $1.keys.count }
        }
        if keys.count == 1 { t.singles.insert(f) }
        box = Box(t)
    }

    public var isEmpty: Bool { box.t.byFirst.isEmpty }

    /// The longest phrase starting at token `i` (within `limit`), and the index after it. The first token matches by
    /// its key, its body or (if `stems`) its stem; the others by key or stem, and also by body if `bodies`.
    public func match(_ tokens: [Token], at i: Int, limit: Int, stems: Bool = true, bodies: Bool = false) -> (value: Value, end: Int)? {
        guard i < limit else { return nil }
        // (the token's fields are read in place: a Token copy retains its word table)
        let kh = tokens[i].keyHash, bh = tokens[i].bodyHash, sh = tokens[i].stemHash
        let mayKey = mayStart(kh), mayBody = mayStart(bh), mayStem = stems && mayStart(sh)
        if !(mayKey || mayBody || mayStem) { return nil }
        if mayKey, let m = match(tokens, at: i, limit: limit, first: tokens[i].key, kh, bodies: bodies) { return m }
        // body and stem differ from the key only when clitics were split off
        let hasPrefix = !tokens[i].prefix.isEmpty
        if mayBody, hasPrefix, let m = match(tokens, at: i, limit: limit, first: tokens[i].body, bh, bodies: bodies) { return m }
        if mayStem, hasPrefix || !tokens[i].suffix.isEmpty,
           let m = match(tokens, at: i, limit: limit, first: tokens[i].stem, sh, bodies: bodies) { return m }
        return nil
    }

    /// Whether a phrase starts at token `i` with the token's whole written word, clitic letters included: فتحت of
    /// "فتحت تحقيقا" is one word, not ف + تحت, so a name made from the match starts at the token, not at its stem.
    public func matchesWholeWord(_ tokens: [Token], at i: Int, limit: Int) -> Bool {
        guard i < limit, !tokens[i].prefix.isEmpty, mayStart(tokens[i].keyHash) else { return false }
        return match(tokens, at: i, limit: limit, first: tokens[i].key, tokens[i].keyHash, bodies: false) != nil
    }

    private func match(_ tokens: [Token], at i: Int, limit: Int, first: String, _ hash: UInt64, bodies: Bool) -> (value: Value, end: Int)? {
        guard let cands = box.t.byFirst.value(first, hash: hash) else { return nil }
        outer: for p in cands {
            if i + p.keys.count > limit { continue }
            for k in 1..<max(1, p.keys.count) where p.keys.count > 1 {
                let j = i + k
                if !sameKey(tokens[j].key, p.keys[k]) && !sameKey(tokens[j].stem, p.keys[k]) && !(bodies && sameKey(tokens[j].body, p.keys[k])) { continue outer }
            }
            return (p.value, i + p.keys.count)
        }
        return nil
    }

    /// Whether some phrase starts with token `t`'s word as `match` reads a first token (key, body, or if `stems` the
    /// stem): where none does, `match` finds nothing whatever follows. Reads the token's word alone (see `WordMemo`).
    public func canStart(_ t: Token, stems: Bool = true) -> Bool {
        let kh = t.keyHash, bh = t.bodyHash, sh = t.stemHash
        let mayKey = mayStart(kh), mayBody = mayStart(bh), mayStem = stems && mayStart(sh)
        if !(mayKey || mayBody || mayStem) { return false }
        if mayKey && box.t.byFirst.contains(t.key, hash: kh) { return true }
        let hasPrefix = !t.prefix.isEmpty
        if mayBody && hasPrefix && box.t.byFirst.contains(t.body, hash: bh) { return true }
        return mayStem && (hasPrefix || !t.suffix.isEmpty) && box.t.byFirst.contains(t.stem, hash: sh)
    }

    /// Whether a phrase may start with the word of this `keyHash` (false: none does).
    @inline(__always) private func mayStart(_ h: UInt64) -> Bool {
        let b = Int(truncatingIfNeeded: h) & (64 * box.t.firstBits.count - 1)
        return box.t.firstBits[b >> 6] & (1 << UInt64(b & 63)) != 0
    }

    /// Whether a single-token phrase with this key exists.
    public func contains(key: String) -> Bool { box.t.singles.contains(key) }
    /// `contains(key:)` for `key` whose `keyHash` is `hash`.
    public func contains(key: String, hash: UInt64) -> Bool { box.t.singles.contains(key, hash: hash) }
}

extension PhraseTable {
    /// The value of the single-token phrase with this key, if any.
    public func value(key: String) -> Value? { box.t.byFirst[key]?.first { $0.keys.count == 1 }?.value }
}
