import Foundation

/// The knowledge base of known people, organisations and places, indexed for longest-match lookup over tokens.
public struct Gazetteer: Sendable {
    /// A name of an entry, as the sequence of normalised token keys it is written with.
    public struct Name: Sendable {
        public var keys: [String]
        public var entry: Int
        /// A demonym / nisba adjective (سوري, American) rather than a name of the place itself.
        public var isDemonym: Bool
    }

    public private(set) var entries: [LexiconEntry] = []
    public private(set) var indexByID: [String: Int] = [:]
    /// Names keyed by their first token key.
    private(set) var names = KeyMap<[Name]>()
    /// Single-token keys of every name (the clitic segmenter must not split them).
    public private(set) var singleTokenKeys = KeySet()

    public init() {}

    public func entry(id: String) -> LexiconEntry? { indexByID[id].map { entries[$0] } }

    /// The first token keys of the indexed names (not demonyms) of entries `include` accepts.
    public func firstKeys(where include: (LexiconEntry) -> Bool) -> [String] {
        let (keys, lists) = names.keysAndValues
        // (each entry handed over in place, not copied out of the array)
        return entries.withUnsafeBufferPointer { entries in
            keys.indices.compactMap { i in lists[i].contains { !$0.isDemonym && include(entries[$0.entry]) } ? keys[i] : nil }
        }
    }

    /// Organisations named by a head noun and one word (نادي ليفربول, وكالة فارس, جامعة كامبريدج): that word → the
    /// entry, for the word alone where the tagger reads an organisation. A word that names several organisations, with
    /// a head or starting a name (الجزيرة: قناة الجزيرة, الجزيرة الإماراتي the club), maps to none (-1).
    public func organisationsAfterHeads(_ isHead: (String) -> Bool) -> KeyMap<Int> {
        var out = KeyMap<Int>()
        for (key, list) in names where isHead(key) {
            // (not a state body: حكومة الوفاق is Libya's and Palestine's, and الوفاق alone is "consensus")
            for n in list where n.keys.count == 2 && !n.isDemonym && entries[n.entry].type == .organization
                && !["GovernmentOrganization", "MilitaryOrganization"].contains(entries[n.entry].subtype) {
                if let e = out[n.keys[1]], e != n.entry { out[n.keys[1]] = -1 } else { out[n.keys[1]] = n.entry }
            }
        }
        var ambiguous: [String] = []
        for (word, e) in out where e >= 0 {
            // (nor a place's or person's name, but for clubs: بنك مصر does not make مصر the bank; نادي برشلونة may be
            // برشلونة in a sports report)
            let club = entries[e].subtype == "SportsTeam"
            if names[word]?.contains(where: { $0.entry != e && !$0.isDemonym
                && (entries[$0.entry].type == .organization || !club && entries[$0.entry].type != .event) }) == true {
                ambiguous.append(word)
            }
        }
        for word in ambiguous { out[word] = -1 }
        return out
    }

    /// Parses one lexicon file in the TSV format of docs/lexicon-format.md and adds (or, for a known id, replaces)
    /// its entries.
    public mutating func load(tsv: String, file: String, isUser: Bool) throws {
        if let done = try tsv.utf8.withContiguousStorageIfAvailable({ try loadBytes($0, file: file, isUser: isUser) }), done { return }
        try loadLines(tsv: tsv, file: file, isUser: isUser)
    }

    /// `load(tsv:)` of a file's bytes: read in place, each cell decoded as it is read, so the whole text is not
    /// checked as UTF-8 first (a String is made of it only for a file `loadBytes` leaves to `loadLines`).
    public mutating func load(data: Data, file: String, isUser: Bool) throws {
        if try data.withUnsafeBytes({ try loadBytes($0.bindMemory(to: UInt8.self), file: file, isUser: isUser) }) { return }
        try loadLines(tsv: String(decoding: data, as: UTF8.self), file: file, isUser: isUser)
    }

    /// `loadLines` on the file's bytes: the lines and cells are found there, and a String is made only for each cell a
    /// row reads (the reading on Substrings made an array of lines, an array of cells per line and a String per cell,
    /// at about 150 instructions a byte of the lexicon). The same lines, cells, trimming and errors: a cell whose ends
    /// may be spaces is trimmed by `trimmingSpaces` itself, and a line that starts with # and a non-ASCII scalar by
    /// `startsWithHash`. False (nothing read) for a file without the header, left to `loadLines` to report.
    private mutating func loadBytes(_ u: UnsafeBufferPointer<UInt8>, file: String, isUser: Bool) throws -> Bool {
        func string(_ a: Int, _ b: Int) -> String { String(decoding: UnsafeBufferPointer(rebasing: u[a..<b]), as: UTF8.self) }
        // a cell's text, trimmed as `trimmingSpaces` trims (which `startsAndEndsSolid` spares the scan in the usual case)
        func cell(_ a: Int, _ b: Int) -> String {
            if a == b { return "" }
            func solid(_ lead: UInt8) -> Bool { lead < 0x80 ? lead != 0x20 && lead != 0x09 : lead >= 0xD8 && lead <= 0xDB }
            var j = b - 1
            while j > a && u[j] & 0xC0 == 0x80 { j -= 1 }
            let s = string(a, b)
            return solid(u[a]) && solid(u[j]) ? s : s.trimmingSpaces()
        }
        var positions = [Int?](repeating: nil, count: Column.allCases.count)
        var sawHeader = false
        var lineNo = 0
        var bounds: [Int] = []      // cell k of the line: bounds[2k]..<bounds[2k + 1]
        let n = u.count
        var i = 0
        while i <= n {
            var end = i
            while end < n && u[end] != 0x0A { end += 1 }
            defer { i = end + 1 }
            lineNo += 1
            let lineEnd = end > i && u[end - 1] == 0x0D ? end - 1 : end
            if lineEnd == i { continue }
            if u[i] == 0x23 && (lineEnd == i + 1 || u[i + 1] < 0x80 || string(i, lineEnd).startsWithHash) { continue }
            bounds.removeAll(keepingCapacity: true)
            var a = i
            for k in i..<lineEnd where u[k] == 0x09 { bounds.append(a); bounds.append(k); a = k + 1 }
            bounds.append(a); bounds.append(lineEnd)
            let count = bounds.count / 2
            guard sawHeader else {
                let cols = (0..<count).map { cell(bounds[2 * $0], bounds[2 * $0 + 1]) }
                guard cols.first == "id", cols.contains("type") else { return false }
                sawHeader = true
                for (k, c) in Column.allCases.enumerated() { positions[k] = cols.firstIndex(of: c.rawValue) }
                continue
            }
            func col(_ c: Column) -> String {
                guard let k = positions[c.slot], k < count else { return "" }
                return cell(bounds[2 * k], bounds[2 * k + 1])
            }
            func list(_ c: Column) -> [String] {
                guard let k = positions[c.slot], k < count else { return [] }
                let a = bounds[2 * k], b = bounds[2 * k + 1]
                // the pieces between the cell's bars, each trimmed, empty ones dropped: what `barSeparated` and trimming
                // find in the trimmed cell (a space next to a bar only adds an empty piece or spaces trimmed off), when
                // every bar is surely a Character of its own by its neighbouring bytes (ASCII, none, or an Arabic
                // letter); `barSeparated` decides for any other
                var out: [String] = []
                var start = a
                for j in a..<b where u[j] == 0x7C {
                    func arabicLetter(_ lead: UInt8, _ trail: UInt8) -> Bool {
                        lead == 0xD8 && trail >= 0xA1 && trail <= 0xBF || lead == 0xD9 && trail >= 0x80 && trail <= 0x8A
                    }
                    let beforeOK = j == a || u[j - 1] < 0x80 || j - 2 >= a && arabicLetter(u[j - 2], u[j - 1])
                    let afterOK = j + 1 == b || u[j + 1] < 0x80 || j + 2 < b && arabicLetter(u[j + 1], u[j + 2])
                    guard beforeOK && afterOK else {
                        return col(c).barSeparated().map { $0.trimmingSpaces() }.filter { !$0.isEmpty }
                    }
                    let piece = cell(start, j)
                    if !piece.isEmpty { out.append(piece) }
                    start = j + 1
                }
                let piece = cell(start, b)
                if !piece.isEmpty { out.append(piece) }
                return out
            }
            try add(id: col(.id), type: col(.type), subtype: col(.subtype), nameEn: col(.nameEn), nameAr: col(.nameAr),
                    aliases: list(.aliases), demonyms: list(.demonyms), partOf: col(.partOf), sameAs: list(.sameAs),
                    description: col(.description), leads: col(.leads), file: file, lineNo: lineNo, isUser: isUser)
        }
        return sawHeader
    }

    /// Adds (or replaces) the entry of one row.
    private mutating func add(id: String, type typeLabel: String, subtype: String, nameEn: String, nameAr: String, aliases: [String],
                              demonyms: [String], partOf: String, sameAs: [String], description: String, leads: String,
                              file: String, lineNo: Int, isUser: Bool) throws {
        guard !id.isEmpty else { throw LexiconError.badRow(file: file, line: lineNo, reason: "empty id") }
        guard let type = EntityType(label: typeLabel) else {
            throw LexiconError.badRow(file: file, line: lineNo, reason: "type '\(typeLabel)' is not Person, Organization, Place or Event")
        }
        var e = LexiconEntry(id: id, type: type, subtype: subtype, nameEn: nameEn, nameAr: nameAr, aliases: aliases, demonyms: demonyms,
                             partOf: partOf, sameAs: sameAs, description: description, isUserEntry: isUser)
        e.leads = leads
        guard !e.nameEn.isEmpty || !e.nameAr.isEmpty || !e.aliases.isEmpty else {
            throw LexiconError.badRow(file: file, line: lineNo, reason: "entry \(id) has no name")
        }
        // (a user's row replaces the bundled row of the same id)
        if let old = indexByID[e.id] {
            entries[old] = e
        } else {
            indexByID[e.id] = entries.count
            entries.append(e)
        }
    }

    /// The reading of `load` on Substrings of lines and cells.
    private mutating func loadLines(tsv: String, file: String, isUser: Bool) throws {
        var header: [String]? = nil
        // the header's position of each column (found once per file, not per row)
        // (by the column's place in `Column.allCases`: an array read, where a dictionary hashed the column per cell)
        var positions = [Int?](repeating: nil, count: Column.allCases.count)
        var lineNo = 0
        for rawLine in tsv.lineFeedSeparated() {
            lineNo += 1
            let line = rawLine.utf8.last == 0x0D ? rawLine.dropLast() : rawLine
            if line.isEmpty || line.startsWithHash { continue }
            let cols = line.tabSeparated().map { $0.trimmingSpaces() }
            guard header != nil else {
                guard cols.first == "id", cols.contains("type") else { throw LexiconError.missingHeader(file: file) }
                header = cols
                for (k, c) in Column.allCases.enumerated() { positions[k] = cols.firstIndex(of: c.rawValue) }
                continue
            }
            func col(_ c: Column) -> String {
                guard let i = positions[c.slot], i < cols.count else { return "" }
                return cols[i]
            }
            func list(_ c: Column) -> [String] {
                col(c).barSeparated().map { $0.trimmingSpaces() }.filter { !$0.isEmpty }
            }
            try add(id: col(.id), type: col(.type), subtype: col(.subtype), nameEn: col(.nameEn), nameAr: col(.nameAr),
                    aliases: list(.aliases), demonyms: list(.demonyms), partOf: col(.partOf), sameAs: list(.sameAs),
                    description: col(.description), leads: col(.leads), file: file, lineNo: lineNo, isUser: isUser)
        }
        if header == nil && !tsv.isEmpty { throw LexiconError.missingHeader(file: file) }
    }

    /// The columns of a lexicon file that `load` reads, by header name.
    private enum Column: String, CaseIterable {
        case id, type, subtype, nameEn = "name_en", nameAr = "name_ar", aliases, demonyms, partOf = "part_of",
             sameAs = "same_as", description, leads

        /// The column's place in `allCases`.
        var slot: Int {
            switch self {
            case .id: 0
            case .type: 1
            case .subtype: 2
            case .nameEn: 3
            case .nameAr: 4
            case .aliases: 5
            case .demonyms: 6
            case .partOf: 7
            case .sameAs: 8
            case .description: 9
            case .leads: 10
            }
        }
    }

    /// The entries that satisfy `keep`, as a gazetteer of their own (its index is built separately): named events
    /// are looked up apart from the names the recogniser and the tagger see.
    public func filtered(_ keep: (LexiconEntry) -> Bool) -> Gazetteer {
        var g = Gazetteer()
        for e in entries where keep(e) {
            g.indexByID[e.id] = g.entries.count
            g.entries.append(e)
        }
        return g
    }

    /// Builds the name index. `keysOf` turns a name into its token keys (the same tokenizer as documents use).
    public mutating func buildIndex(keysOf: (String) -> [String], skip: ([String], LexiconEntry) -> Bool = { _, _ in false }) {
        names = KeyMap()
        singleTokenKeys = KeySet()
        for (i, e) in entries.enumerated() {
            for (isDemonym, list) in [(false, e.allNames), (true, e.demonyms)] {
                for n in list {
                    let written = keysOf(n)
                    guard !written.isEmpty, !skip(written, e) else { continue }
                    for keys in Self.abdVariants(written) {
                        let first = keys[0]
                        // bare two-letter Latin acronyms are too ambiguous unless written in capitals (US, UN): keep only
                        // when the name itself is upper-case
                        if keys.count == 1, UTF8Decoding.scalarCount(first) < 2 { continue }
                        names.update(first, default: []) { $0.append(Name(keys: keys, entry: i, isDemonym: isDemonym)) }
                        if keys.count == 1 { singleTokenKeys.insert(first) }
                    }
                }
            }
        }
        let entries = self.entries
        names.updateValues { list in
            // (most keys start one name: nothing to sort, and a sort call cost about a thousand instructions)
            guard list.count > 1 else { return }
            list.sort { a, b in
                if a.keys.count != b.keys.count { return a.keys.count > b.keys.count }
                let ea = entries[a.entry], eb = entries[b.entry]
                if ea.ambiguityRank != eb.ambiguityRank { return ea.ambiguityRank < eb.ambiguityRank }
                if a.isDemonym != b.isDemonym { return !a.isDemonym }
                return ea.id < eb.id
            }
        }
    }

    /// A name's keys and, when it has one, its other spelling of عبد + a definite name: news writes عبد الفتاح and
    /// عبدالفتاح, عبد العزيز and عبدالعزيز for the same person (keys are normalised: عبد, عبدال…).
    static func abdVariants(_ keys: [String]) -> [[String]] {
        // (a name none of whose keys starts with the bytes of عبد has no other spelling)
        guard keys.contains(where: { $0.utf8.first == 0xD8 && $0.utf8.starts(with: "عبد".utf8) }) else { return [keys] }
        var other: [String] = []
        var changed = false
        var k = 0
        while k < keys.count {
            let w = keys[k]
            if w == "عبد", k + 1 < keys.count, keys[k + 1].hasPrefix("ال"), UTF8Decoding.scalarCount(keys[k + 1]) > 3 {
                other.append(w + keys[k + 1]); k += 2; changed = true; continue
            }
            if w.hasPrefix("عبدال"), UTF8Decoding.scalarCount(w) > 6 {
                other.append("عبد"); other.append(String(w.dropFirst(3))); k += 1; changed = true; continue
            }
            other.append(w); k += 1
        }
        return changed ? [keys, other] : [keys]
    }

    /// The capital city of a country (by country id): the city entry whose description says "capital of …"
    /// (places.tsv, generated from GeoNames' capital feature code).
    public func capital(of country: String) -> LexiconEntry? {
        entries.first { $0.partOf == country && Self.isCapital($0) }
    }

    /// Whether the entry is a country's capital city (its `part_of` is the country).
    static func isCapital(_ e: LexiconEntry) -> Bool { e.subtype == "City" && e.description.hasPrefix("capital of") }

    /// Whether a token is one of a name's keys: names are indexed without their punctuation (العربية.نت is the name
    /// العربية نت), except & (AT&T); words and numbers count.
    static func isNameKey(_ kind: Token.Kind, _ key: String) -> Bool { kind != .punctuation || key == "&" }

    /// The names written with exactly these keys that name an entry of `type` (not demonyms).
    func names(keys: [String], type: EntityType) -> [Name] {
        guard let first = keys.first else { return [] }
        return names(startingWith: first).filter { !$0.isDemonym && $0.keys == keys && entries[$0.entry].type == type }
    }

    /// Names that start with `key`, longest first.
    public func names(startingWith key: String) -> [Name] { names[key] ?? [] }
    /// `names(startingWith: key)` for `key` whose `keyHash` is `hash`.
    public func names(startingWith key: String, hash: UInt64) -> [Name] { names.value(key, hash: hash) ?? [] }
    /// `!names(startingWith: key, hash: hash).isEmpty` (every indexed key has a name), without copying the list out.
    func hasNames(startingWith key: String, hash: UInt64) -> Bool { names.contains(key, hash: hash) }
    /// `!names(startingWith: k).isEmpty` for the key `k` whose UTF-8 bytes are `u` (no String made for it).
    func hasNames(startingWithBytes u: UnsafeBufferPointer<UInt8>) -> Bool { names.contains(bytes: u) }

    public var nameCount: Int { names.reduce(0) { $0 + $1.value.count } }
}

/// Known names of two or more Arabic words by their spelling skeleton, for the names news transliterates several ways:
/// أتليتيكو مدريد and أتليتكو مدريد for أتلتيكو مدريد, مانشستر يونايتيد for مانشستر يونايتد, أتليتيك بيلباو for أتلتيك
/// بلباو. A word's skeleton is its normalised key without the long vowels ا و ي inside it (first and last letters
/// kept); words of three letters or fewer must match as written. The recogniser uses it only where the exact name is
/// not found and each differently written word is rare (`EntityRecognizer`, step 8b).
public struct SpellingVariants: Sendable {
    public struct Variant: Sendable {
        public let skeletons: [UInt64]
        public let name: Gazetteer.Name
    }
    private var byFirst: [UInt64: [Variant]] = [:]

    public init() {}

    public init(_ g: Gazetteer) {
        for (_, list) in g.names {
            for n in list where n.keys.count >= 2 && !n.isDemonym {
                guard [.organization, .person, .place].contains(g.entries[n.entry].type),
                      n.keys.allSatisfy({ (0x0621...0x064A).contains($0.unicodeScalars.first?.value ?? 0) }) else { continue }
                let sk = n.keys.map(Self.skeleton)
                byFirst[sk[0], default: []].append(Variant(skeletons: sk, name: n))
            }
        }
        for k in byFirst.keys {
            byFirst[k]!.sort { a, b in
                if a.name.keys.count != b.name.keys.count { return a.name.keys.count > b.name.keys.count }
                // (the names joined only to tell apart two of one entry: a tuple of entry and joined names joined both
                // for every comparison)
                if a.name.entry != b.name.entry { return a.name.entry < b.name.entry }
                return a.name.keys.joined(separator: " ") < b.name.keys.joined(separator: " ")
            }
        }
    }

    public var isEmpty: Bool { byFirst.isEmpty }

    /// Names whose first word has this skeleton, longest first.
    public func names(firstSkeleton h: UInt64) -> [Variant] { byFirst[h] ?? [] }

    /// FNV-1a over the key's scalars without the long vowels ا و ي between its first and last letters; a key of three
    /// scalars or fewer hashes as written (and differently from any skeleton).
    public static func skeleton(_ key: String) -> UInt64 {
        // (over the UTF-8 bytes: a String's unicodeScalars count is a walk of its own, then a second walk decodes)
        if let h = key.utf8.withContiguousStorageIfAvailable(skeleton(utf8:)) { return h }
        var k = key
        k.makeContiguousUTF8()
        return k.utf8.withContiguousStorageIfAvailable(skeleton(utf8:))!
    }

    /// `skeleton` of valid UTF-8 bytes.
    private static func skeleton(utf8 u: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var n = 0
        for b in u where b & 0xC0 != 0x80 { n += 1 }
        var h: UInt64 = 0xcbf29ce484222325
        if n <= 3 { h ^= 0xFF; h = h &* 0x100000001b3 }
        var i = 0, p = 0
        let count = u.count
        while p < count {
            var v = UTF8Decoding.scalar(u, at: &p)
            defer { i += 1 }
            if n > 3 && i > 0 && i < n - 1 && (v == 0x0627 || v == 0x0648 || v == 0x064A) { continue }
            for _ in 0..<3 { h ^= UInt64(v & 0xFF); h = h &* 0x100000001b3; v >>= 8 }
        }
        return h
    }
}

extension String {
    /// `hasPrefix(letters)` for a prefix of base letters (no marks, none the canonical form of another scalar), which
    /// only a String starting with the same bytes can have: the bytes reject almost every key at once, where
    /// `hasPrefix` alone compares Characters under canonical equivalence.
    func startsWithLetters(_ letters: String) -> Bool { utf8.starts(with: letters.utf8) && hasPrefix(letters) }

    /// `hasSuffix(letters)` for a suffix of such letters: a String with that suffix ends with the same bytes, so the
    /// bytes, read in place, reject almost every word at once (`hasSuffix` alone cost several hundred instructions).
    func endsWithLetters(_ letters: String) -> Bool {
        let n = utf8.count, m = letters.utf8.count
        guard n >= m else { return false }
        let same = withBytes(self) { s in withBytes(letters) { l in m == 0 || memcmp(s.baseAddress! + (n - m), l.baseAddress!, m) == 0 } }
        return same && hasSuffix(letters)
    }
}
