/// One relation rule from a `.rules` file (format in Resources/rules/relations.rules): a token pattern with slots
/// for the subject and object mentions.
public struct RelationRule: Sendable {
    public enum Item: Sendable {
        /// Alternatives, each one token key. A single proclitic letter (ب ل ك و ف) is zero-width: it requires the
        /// next token to carry that proclitic.
        case literal([String], optional: Bool)
        /// `demonymOnly`: place mentions must be nisba / demonym adjectives (`NAT`), standing for their country.
        case slot(role: Character, types: Set<EntityType>, optional: Bool, demonymOnly: Bool = false)
        case comma(optional: Bool)
        case skip(Int)
        case not([String])
    }

    public var id: String
    public var predicate: String
    public var confidence: Double
    public var items: [Item]
    public var source: String
    /// A leading `<!word|word`: the rule does not match where the token before its first item is one of these
    /// (نائب الرئيس الأمريكي مايك بنس is no head of state: `<!نائب الرئيس …`).
    public var notAfter: [String] = []

    static let proclitics: Set<String> = Set(CliticSegmenter.procliticLetters.map(String.init))

    /// Parses a rules file; a malformed line is an error naming the file and line.
    public static func parse(_ text: String, file: String, keysOf: (String) -> [String]) throws -> [RelationRule] {
        var rules: [RelationRule] = []
        var lineNo = 0
        // (without a carriage return, the line feeds' bytes split the text as its Characters do: see `lineFeedSeparated`)
        let lines = text.utf8.contains(0x0D) ? text.split(separator: "\n", omittingEmptySubsequences: false) : text.lineFeedSeparated()
        for raw in lines {
            lineNo += 1
            let line = raw.trimmingSpaces()
            if line.isEmpty || line.hasPrefix("#") { continue }
            let cols = line.tabSeparated().map(String.init)
            guard cols.count == 4, let conf = Double(cols[2]) else {
                throw LexiconError.badRow(file: file, line: lineNo, reason: "expected: id<TAB>predicate<TAB>confidence<TAB>pattern")
            }
            var items: [Item] = []
            var notAfter: [String] = []
            for word in cols[3].split(separator: " ") {
                var w = String(word)
                if w.hasPrefix("<!") {
                    guard items.isEmpty, notAfter.isEmpty, w.count > 2 else {
                        throw LexiconError.badRow(file: file, line: lineNo, reason: "\(w): a look-behind <!word|word must be the first item")
                    }
                    notAfter = w.dropFirst(2).split(separator: "|").map { keysOf(String($0)).joined(separator: " ") }
                    continue
                }
                if w.hasPrefix("{") && (w.hasSuffix("}") || w.hasSuffix("}?")) {
                    let optional = w.hasSuffix("?")
                    let inner = w.dropFirst().dropLast(optional ? 2 : 1)
                    let parts = inner.split(separator: ":", maxSplits: 1)
                    guard parts.count == 2, let role = parts[0].first, "SOE".contains(role) else {
                        throw LexiconError.badRow(file: file, line: lineNo, reason: "bad slot \(w): expected {S:TYPES}, {O:TYPES} or {E:TYPES}")
                    }
                    var types = Set<EntityType>()
                    var nat = false, loc = false
                    for t in parts[1].split(separator: "|") {
                        if t == "NAT" { nat = true; types.insert(.place); continue }
                        if t == "ANY" { types.formUnion(EntityType.allCases); loc = true } else if let e = EntityType(label: String(t)) { types.insert(e); if e == .place { loc = true } } else {
                            throw LexiconError.badRow(file: file, line: lineNo, reason: "unknown entity type \(t) in \(w)")
                        }
                    }
                    items.append(.slot(role: role, types: types, optional: optional, demonymOnly: nat && !loc))
                    continue
                }
                if w == "," || w == ",?" { items.append(.comma(optional: w == ",?")); continue }
                if w.hasPrefix("*"), let n = Int(w.dropFirst()) { items.append(.skip(n)); continue }
                if w.hasPrefix("!") {
                    items.append(.not(w.dropFirst().split(separator: "|").map { alt in
                        let s = String(alt)
                        return s.hasPrefix("'") ? s.lowercased() : keysOf(s).joined(separator: " ")
                    }))
                    continue
                }
                var optional = false
                if w.hasSuffix("?") && w.count > 1 { optional = true; w.removeLast() }
                let alts = w.split(separator: "|").map { alt -> String in
                    let s = String(alt)
                    if proclitics.contains(s) { return s }
                    // a possessive or other word that starts with an apostrophe is one token as written ('s)
                    if s.hasPrefix("'") { return s.lowercased() }
                    // brackets and other punctuation are tokens of their own: ( ) -
                    if s.unicodeScalars.allSatisfy({ !$0.properties.isAlphabetic && !("0"..."9").contains($0) }) { return Normalizer.key(s).isEmpty ? s : Normalizer.key(s) }
                    return keysOf(s).joined()
                }
                items.append(.literal(alts, optional: optional))
            }
            let hasS = items.contains { if case .slot(role: "S", _, _, _) = $0 { return true }; return false }
            let hasO = items.contains { if case .slot(role: "O", _, _, _) = $0 { return true }; return false }
            guard hasS && hasO else {
                throw LexiconError.badRow(file: file, line: lineNo, reason: "rule \(cols[0]) needs both a {S:...} and an {O:...} slot")
            }
            rules.append(RelationRule(id: cols[0], predicate: cols[1], confidence: conf, items: items, source: file, notAfter: notAfter))
        }
        return rules
    }
}
