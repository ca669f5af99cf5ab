import Foundation

/// Builds matching keys: the form under which two spellings of the same word compare equal.
///
/// Keys are for lookup only, never for output. The rules: Arabic diacritics (tashkeel), Quranic marks and tatweel are
/// removed; أ إ آ ٱ → ا; ى → ي; ة → ه; ؤ → و; ئ → ي; Arabic-Indic and Persian digits → ASCII; Latin letters are
/// lower-cased and stripped of accents; presentation forms are folded (NFKC); quote and dash variants become `"` and
/// `-`. The same table is used by `../shared/eval/score.py`, so a key here agrees with the evaluation's notion of a name.
public enum Normalizer {
    /// The matching key of `text`.
    public static func key(_ text: String) -> String {
        let n = text.utf8.count
        guard n <= 1024 else { return key(scalars: text.unicodeScalars) }
        return keyByTable(text, capacity: n) ?? key(scalars: text.unicodeScalars)
    }

    /// `key` of text whose scalars all map through `lowTable` to at most one scalar each, in a stack buffer of
    /// `capacity` (its UTF-8 length, at least its scalar count); nil for any other text. Lexicon loading makes
    /// hundreds of thousands of keys, and the growing array of `key(scalars:)` allocated several times for each.
    private static func keyByTable(_ text: String, capacity: Int) -> String? {
        withUnsafeTemporaryAllocation(of: UInt32.self, capacity: max(capacity, 1)) { buffer -> String? in
            lowTable.withUnsafeBufferPointer { table -> String? in
                if let k = text.utf8.withContiguousStorageIfAvailable({ keyByTable(utf8: $0, table: table, buffer: buffer, text: text) }) {
                    return k
                }
                var count = 0
                for s in text.unicodeScalars {
                    guard s.value < tableBound else { return nil }
                    let m = table[Int(s.value)]
                    if m < complex { buffer[count] = m; count += 1 } else if m != drop { return nil }
                }
                return string(UnsafeBufferPointer(rebasing: buffer[..<count]))
            }
        }
    }

    /// `keyByTable` of `text`, whose (valid) UTF-8 bytes are `u`, decoded here: a scalar below `tableBound` is one or
    /// two bytes, so a longer sequence means nil at once (a String's unicodeScalars decode every length, at several
    /// times the cost). Text that is its own key is returned as it is: no new String (making one, with its UTF-8
    /// check, was most of the cost).
    private static func keyByTable(utf8 u: UnsafeBufferPointer<UInt8>, table: UnsafeBufferPointer<UInt32>,
                                   buffer: UnsafeMutableBufferPointer<UInt32>, text: String) -> String? {
        var count = 0, i = 0
        var same = true
        let n = u.count
        while i < n {
            let b = UInt32(u[i])
            let v: UInt32
            if b < 0x80 {
                v = b; i += 1
            } else if b & 0xE0 == 0xC0 {
                v = (b & 0x1F) << 6 | UInt32(u[i + 1] & 0x3F); i += 2
                guard v < tableBound else { return nil }
            } else {
                return nil
            }
            let m = table[Int(v)]
            if m < complex { buffer[count] = m; count += 1; same = same && m == v } else if m != drop { return nil } else { same = false }
        }
        return same ? text : string(UnsafeBufferPointer(rebasing: buffer[..<count]))
    }

    /// The matching key of a slice of scalars: scalar values through `lowTable` into an array, then one String
    /// (appending to a `String.UnicodeScalarView` scalar by scalar cost several times more).
    public static func key<C: Collection>(scalars: C) -> String where C.Element == Unicode.Scalar {
        var out: [UInt32] = []
        lowTable.withUnsafeBufferPointer { table in
            for s in scalars { appendValue(s.value, to: &out, table: table) }
        }
        return out.withUnsafeBufferPointer { string($0) }
    }

    // MARK: fast path on scalar values

    /// Marker in `lowTable`: the scalar normalises to nothing.
    @usableFromInline static let drop: UInt32 = 0xFFFF_FFFF
    /// Marker in `lowTable`: the scalar normalises to several scalars (use `append`).
    @usableFromInline static let complex: UInt32 = 0xFFFF_FFFE
    /// Scalars below this bound are normalised by table lookup.
    @usableFromInline static let tableBound: UInt32 = 0x0700

    /// The output of `append` for every scalar below `tableBound`, precomputed from `append` itself.
    @usableFromInline static let lowTable: [UInt32] = (0..<tableBound).map { v -> UInt32 in
        var out = String.UnicodeScalarView()
        append(Unicode.Scalar(v)!, to: &out)
        if out.isEmpty { return drop }
        if out.count == 1 { return out.first!.value }
        return complex
    }

    /// Appends the normalised form of scalar value `v` to `out` (the same scalars `append` produces).
    @inline(__always)
    static func appendValue(_ v: UInt32, to out: inout [UInt32], table: UnsafeBufferPointer<UInt32>) {
        if v < 0x0700 {
            let m = table[Int(v)]
            if m < 0xFFFF_FFFE { out.append(m); return }
            if m == 0xFFFF_FFFF { return }
        }
        appendSlow(v, to: &out)
    }

    @inline(never)
    static func appendSlow(_ v: UInt32, to out: inout [UInt32]) {
        var tmp = String.UnicodeScalarView()
        append(Unicode.Scalar(v)!, to: &tmp)
        for x in tmp { out.append(x.value) }
    }

    /// Number of scalars `append` produces for scalar value `v`.
    @inline(__always)
    static func outputCount(_ v: UInt32, table: UnsafeBufferPointer<UInt32>) -> Int {
        if v < 0x0700 {
            let m = table[Int(v)]
            if m < 0xFFFF_FFFE { return 1 }
            if m == 0xFFFF_FFFF { return 0 }
        }
        var tmp = String.UnicodeScalarView()
        append(Unicode.Scalar(v)!, to: &tmp)
        return tmp.count
    }

    /// A String from scalar values (which must be valid scalars), built in one allocation at most.
    static func string(_ p: UnsafeBufferPointer<UInt32>) -> String {
        var n = 0
        for v in p { n += v < 0x80 ? 1 : v < 0x800 ? 2 : v < 0x10000 ? 3 : 4 }
        if n == 0 { return "" }
        return String(unsafeUninitializedCapacity: n) { b in
            var i = 0
            for v in p { encodeUTF8(v, b, &i) }
            return i
        }
    }

    @inline(__always)
    static func encodeUTF8(_ v: UInt32, _ b: UnsafeMutableBufferPointer<UInt8>, _ i: inout Int) {
        if v < 0x80 {
            b[i] = UInt8(v); i += 1
        } else if v < 0x800 {
            b[i] = UInt8(0xC0 | (v >> 6)); b[i + 1] = UInt8(0x80 | (v & 0x3F)); i += 2
        } else if v < 0x10000 {
            b[i] = UInt8(0xE0 | (v >> 12)); b[i + 1] = UInt8(0x80 | ((v >> 6) & 0x3F)); b[i + 2] = UInt8(0x80 | (v & 0x3F)); i += 3
        } else {
            b[i] = UInt8(0xF0 | (v >> 18)); b[i + 1] = UInt8(0x80 | ((v >> 12) & 0x3F))
            b[i + 2] = UInt8(0x80 | ((v >> 6) & 0x3F)); b[i + 3] = UInt8(0x80 | (v & 0x3F)); i += 4
        }
    }

    /// Appends the normalised form of one scalar (zero, one or several scalars) to `out`.
    @inline(__always)
    public static func append(_ s: Unicode.Scalar, to out: inout String.UnicodeScalarView) {
        let v = s.value
        if v < 0x80 {
            if v >= 0x41 && v <= 0x5A { out.append(Unicode.Scalar(v + 0x20)!) } else { out.append(s) }
            return
        }
        switch v {
        case 0x0627, 0x0628, 0x062A...0x063A, 0x0641...0x0648, 0x064A: out.append(s)   // plain Arabic letters: the hot path
        case 0x0623, 0x0625, 0x0622, 0x0671, 0x0672, 0x0673: out.append("\u{0627}")
        case 0x0649: out.append("\u{064A}")
        case 0x0629: out.append("\u{0647}")
        case 0x0624: out.append("\u{0648}")
        case 0x0626: out.append("\u{064A}")
        case 0x06CC: out.append("\u{064A}")        // Persian yeh
        case 0x06A9: out.append("\u{0643}")        // keheh
        case 0x0660...0x0669: out.append(Unicode.Scalar(v - 0x0660 + 0x30)!)
        case 0x06F0...0x06F9: out.append(Unicode.Scalar(v - 0x06F0 + 0x30)!)
        case 0x0610...0x061A, 0x064B...0x065F, 0x0670, 0x06D6...0x06DC, 0x06DF...0x06E8, 0x06EA...0x06ED, 0x0640:
            return
        case 0x200B...0x200F, 0x202A...0x202E, 0x2060...0x2064, 0x2066...0x206F, 0xFEFF, 0x061C, 0x00AD:
            return
        case 0x201C, 0x201D, 0x201E, 0x201F, 0x00AB, 0x00BB, 0x2033, 0x301D, 0x301E: out.append("\"")
        case 0x2018, 0x2019, 0x201A, 0x201B, 0x2032, 0x02BC, 0x02BB: out.append("'")
        case 0x2010...0x2015, 0x2212, 0xFE58, 0xFE63, 0xFF0D: out.append("-")
        case 0x066B: out.append(".")
        case 0x066C: out.append(",")
        case 0x060C: out.append(",")
        case 0x061B: out.append(";")
        case 0x061F: out.append("?")
        default:
            if v >= 0xFB50 || (v >= 0x00C0 && v <= 0x024F) || (v >= 0x1E00 && v <= 0x1EFF) {
                let f = folded(s)
                if f.count == 1 && f[0] == s {
                    for l in s.properties.lowercaseMapping.unicodeScalars { out.append(l) }
                } else {
                    for x in f { append(x, to: &out) }
                }
                return
            }
            if s.properties.isUppercase {
                for l in s.properties.lowercaseMapping.unicodeScalars { out.append(l) }
                return
            }
            if s.properties.generalCategory == .nonspacingMark { return }
            out.append(s)
        }
    }

    /// Compatibility and accent folding for scalars outside the fast tables (presentation forms, accented Latin).
    private static func folded(_ s: Unicode.Scalar) -> [Unicode.Scalar] {
        let str = String(s).precomposedStringWithCompatibilityMapping
            .folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil)
        return Array(str.unicodeScalars)
    }
}
