import Foundation

/// Access to the data files bundled with kg (`Sources/KGKit/Resources`).
public enum BundledResources {
    /// The directory holding the bundled resources.
    /// (`getenv`, not `ProcessInfo.environment`, which builds a dictionary of the whole environment per call: some
    /// 350,000 instructions, and start-up reads forty files.)
    public static var directory: URL {
        if let p = getenv("KG_RESOURCES"), case let env = String(cString: p), !env.isEmpty {
            return URL(fileURLWithPath: env, isDirectory: true)
        }
        return bundleDirectory
    }

    /// The resources of the bundle, found once.
    private static let bundleDirectory: URL = {
        // Foundation on Linux reports the bundle's `Resources` folder itself as resourceURL; on Darwin it is the
        // bundle's resource root, which holds our `Resources` folder
        let base = Bundle.module.resourceURL ?? Bundle.module.bundleURL
        let nested = base.appendingPathComponent("Resources", isDirectory: true)
        var isDir: ObjCBool = false
        if FileManager.default.fileExists(atPath: nested.appendingPathComponent("lexicon").path, isDirectory: &isDir) { return nested }
        return base
    }()

    /// The text of a bundled file, e.g. `lexicon/places.tsv`.
    public static func text(_ relativePath: String) throws -> String {
        String(decoding: try data(relativePath), as: UTF8.self)
    }

    /// The bytes of a bundled file, for readers that find lines and cells in the bytes and decode each cell as they
    /// read it (making a String of the whole file first checked all of it as UTF-8: a few instructions a byte).
    public static func data(_ relativePath: String) throws -> Data {
        let url = directory.appendingPathComponent(relativePath)
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw LexiconError.missingResource(name: relativePath)
        }
        return data
    }

    /// Bundled files in a folder with the given extension, sorted by name.
    public static func files(in folder: String, ext: String) -> [String] {
        let dir = directory.appendingPathComponent(folder)
        let names = (try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []
        return names.filter { $0.hasSuffix("." + ext) }.sorted().map { folder + "/" + $0 }
    }

    /// Lines of a simple list file: one item a line, `#` comments and blank lines skipped.
    public static func list(_ relativePath: String) throws -> [String] {
        try text(relativePath).newlineSeparated().compactMap { line in
            let t = line.trimmingSpaces()
            return t.isEmpty || t.hasPrefix("#") ? nil : t
        }
    }
}

extension StringProtocol {
    /// The text without leading and trailing spaces and tabs (what `trimmingCharacters(in: .whitespaces)` removes),
    /// without Foundation's bridging: lexicon files have hundreds of thousands of cells.
    func trimmingSpaces() -> String {
        if startsAndEndsSolid { return String(self) }
        let v = unicodeScalars
        func isSpace(_ u: Unicode.Scalar) -> Bool {
            u == " " || u == "\t" || (u.value >= 0x80 && u.properties.generalCategory == .spaceSeparator)
        }
        guard let first = v.firstIndex(where: { !isSpace($0) }) else { return "" }
        let last = v.lastIndex(where: { !isSpace($0) })!
        return String(self[first..<v.index(after: last)])
    }
}

extension StringProtocol {
    /// Whether the text is empty or its first and last scalars are surely no space by their UTF-8 lead bytes: ASCII
    /// other than space and tab, or in the Arabic block (U+0600–U+06FF), which has no space separator.
    fileprivate var startsAndEndsSolid: Bool {
        utf8.withContiguousStorageIfAvailable { b -> Bool in
            guard let first = b.first else { return true }
            func solid(_ lead: UInt8) -> Bool { lead < 0x80 ? lead != 0x20 && lead != 0x09 : lead >= 0xD8 && lead <= 0xDB }
            var j = b.count - 1
            while j > 0 && b[j] & 0xC0 == 0x80 { j -= 1 }
            return solid(first) && solid(b[j])
        } ?? false
    }
}

// Lexicon files are split on their UTF-8 bytes: they have hundreds of thousands of lines and cells, and splitting a
// String by Character tests for a grapheme break at every character (most of kg's start-up time). Each function
// finds exactly the pieces `split` on Characters finds.
extension StringProtocol {
    /// The pieces between line feeds, empty ones kept. A line ending in "\r\n" keeps its carriage return (callers drop
    /// it): splitting on Characters would not split there at all, "\r\n" being one Character, and read a file saved
    /// with Windows line endings as one line.
    func lineFeedSeparated() -> [SubSequence] { separated(by: 0x0A) }

    /// `split(whereSeparator: \.isNewline)`: the non-empty runs between newline characters (LF, VT, FF, CR, NEL,
    /// U+2028, U+2029 and CR LF, each always a Character of its own).
    func newlineSeparated() -> [SubSequence] {
        var out: [SubSequence] = []
        let u = utf8
        var start = u.startIndex, i = u.startIndex
        while i != u.endIndex {
            let b = u[i]
            var length = 0
            if b >= 0x0A && b <= 0x0D {
                length = 1
            } else if b == 0xC2 || b == 0xE2 {
                let next = u.index(after: i)
                if b == 0xC2, next != u.endIndex, u[next] == 0x85 {
                    length = 2
                } else if b == 0xE2, next != u.endIndex, u[next] == 0x80, case let third = u.index(after: next),
                          third != u.endIndex, u[third] == 0xA8 || u[third] == 0xA9 {
                    length = 3
                }
            }
            if length == 0 { u.formIndex(after: &i); continue }
            if start != i { out.append(self[start..<i]) }
            i = u.index(i, offsetBy: length)
            start = i
        }
        if start != u.endIndex { out.append(self[start..<u.endIndex]) }
        return out
    }

    /// `split(separator: "\t", omittingEmptySubsequences: false)`: a tab is always a Character of its own.
    func tabSeparated() -> [SubSequence] { separated(by: 0x09) }

    /// The pieces between the ASCII bytes `separator`, empty ones kept. Native strings are scanned as contiguous bytes
    /// (indexing the UTF-8 view byte by byte cost about seventy instructions a byte).
    private func separated(by separator: UInt8) -> [SubSequence] {
        let u = utf8
        let fast: [SubSequence]? = u.withContiguousStorageIfAvailable { bytes in
            var out: [SubSequence] = []
            var pieces = 1
            for b in bytes where b == separator { pieces += 1 }
            out.reserveCapacity(pieces)
            var start = u.startIndex
            for i in bytes.indices where bytes[i] == separator {
                let end = u.index(u.startIndex, offsetBy: i)
                out.append(self[start..<end])
                start = u.index(after: end)
            }
            out.append(self[start..<u.endIndex])
            return out
        }
        if let fast { return fast }
        var out: [SubSequence] = []
        var start = u.startIndex, i = u.startIndex
        while i != u.endIndex {
            if u[i] == separator { out.append(self[start..<i]); start = u.index(after: i) }
            u.formIndex(after: &i)
        }
        out.append(self[start..<u.endIndex])
        return out
    }

    /// `split(separator: "|")`: the non-empty pieces between bars that are Characters of their own (a bar is not one
    /// after a prepended mark or before a combining one, which only a non-ASCII neighbour can be).
    func barSeparated() -> [SubSequence] {
        let u = utf8
        let fast: [SubSequence]? = u.withContiguousStorageIfAvailable { bytes in
            var out: [SubSequence] = []
            var start = u.startIndex
            for i in bytes.indices where bytes[i] == 0x7C {
                let bar = u.index(u.startIndex, offsetBy: i)
                if !Self.barStandsAlone(bytes, i) {
                    let s = unicodeScalars
                    let before = i == 0 ? nil : s[s.index(before: bar)]
                    let after = i + 1 == bytes.count ? nil : s[s.index(after: bar)]
                    if !Self.standsAlone(before, after) { continue }
                }
                if start != bar { out.append(self[start..<bar]) }
                start = u.index(after: bar)
            }
            if start != u.endIndex { out.append(self[start..<u.endIndex]) }
            return out
        }
        if let fast { return fast }
        var out: [SubSequence] = []
        let s = unicodeScalars
        var start = s.startIndex, i = s.startIndex
        var previous: Unicode.Scalar? = nil
        while i != s.endIndex {
            let c = s[i]
            let next = s.index(after: i)
            if c == "|", Self.standsAlone(previous, next == s.endIndex ? nil : s[next]) {
                if start != i { out.append(self[start..<i]) }
                start = next
            }
            previous = c
            i = next
        }
        if start != s.endIndex { out.append(self[start..<s.endIndex]) }
        return out
    }

    /// Whether the bar at `bytes[i]` is surely a Character of its own by its neighbours' bytes alone: each is ASCII,
    /// absent or an Arabic letter (ء to ي, which no mark or bar joins); otherwise `standsAlone` decides.
    private static func barStandsAlone(_ bytes: UnsafeBufferPointer<UInt8>, _ i: Int) -> Bool {
        func arabicLetter(_ lead: UInt8, _ trail: UInt8) -> Bool {
            lead == 0xD8 && trail >= 0xA1 && trail <= 0xBF || lead == 0xD9 && trail >= 0x80 && trail <= 0x8A
        }
        let beforeOK = i == 0 || bytes[i - 1] < 0x80 || i >= 2 && arabicLetter(bytes[i - 2], bytes[i - 1])
        let afterOK = i + 1 == bytes.count || bytes[i + 1] < 0x80 || i + 2 < bytes.count && arabicLetter(bytes[i + 1], bytes[i + 2])
        return beforeOK && afterOK
    }

    /// Whether a bar between these scalars is a Character of its own.
    private static func standsAlone(_ before: Unicode.Scalar?, _ after: Unicode.Scalar?) -> Bool {
        func alone(_ pair: [Unicode.Scalar]) -> Bool { String(String.UnicodeScalarView(pair)).count == 2 }
        if let b = before, !b.isASCII, !alone([b, "|"]) { return false }
        if let a = after, !a.isASCII, !alone(["|", a]) { return false }
        return true
    }

    /// `hasPrefix("#")` (the first byte decides unless a non-ASCII scalar may join the mark).
    var startsWithHash: Bool {
        let u = utf8
        guard let first = u.first, first == 0x23 else { return false }
        let next = u.index(after: u.startIndex)
        return next == u.endIndex || u[next] < 0x80 || self.first == "#"
    }
}
