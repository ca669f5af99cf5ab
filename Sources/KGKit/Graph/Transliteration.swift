/// A readable Latin transliteration of Arabic names, for nodes whose English name is unknown. Marked in the graph with
/// the language tag `ar-Latn`, so nobody mistakes it for an established English name.
public enum Transliteration {
    private static let table: [Unicode.Scalar: String] = [
        "ا": "a", "أ": "a", "إ": "i", "آ": "a", "ٱ": "a", "ب": "b", "ت": "t", "ث": "th", "ج": "j", "ح": "h", "خ": "kh",
        "د": "d", "ذ": "dh", "ر": "r", "ز": "z", "س": "s", "ش": "sh", "ص": "s", "ض": "d", "ط": "t", "ظ": "z", "ع": "'",
        "غ": "gh", "ف": "f", "ق": "q", "ك": "k", "ل": "l", "م": "m", "ن": "n", "ه": "h", "و": "w", "ي": "y", "ى": "a",
        "ة": "a", "ء": "'", "ؤ": "'", "ئ": "'", "پ": "p", "چ": "ch", "ڤ": "v", "گ": "g", "ی": "y", "ک": "k",
    ]

    /// Transliterates an Arabic name word by word (ال → al-); other scripts pass through.
    public static func latin(_ arabic: String) -> String {
        if let fast = latinOfPlainLetters(arabic) { return fast }
        return arabic.split(separator: " ").map { word -> String in
            var w = Substring(word)
            var prefix = ""
            if w.hasPrefix("ال") && w.count > 3 { prefix = "al-"; w = w.dropFirst(2) }
            var out = ""
            let scalars = Array(w.unicodeScalars)
            for (i, s) in scalars.enumerated() {
                if let t = table[s] {
                    // long vowels: و and ي between consonants read as u and i
                    if (s == "و" || s == "ي") && i > 0 && i < scalars.count - 1 { out += s == "و" ? "u" : "i" } else if s == "ي" && i == scalars.count - 1 && i > 0 { out += "i" } else { out += t }
                } else if s.properties.generalCategory == .nonspacingMark || s == "\u{0640}" {
                    continue
                } else {
                    out.unicodeScalars.append(s)
                }
            }
            if let f = out.first { out = f.uppercased() + out.dropFirst() }
            return prefix.isEmpty ? out : prefix + out
        }.joined(separator: " ")
    }

    /// `table`'s Latin bytes by scalar value from U+0621, two a letter (0: none; every entry is one or two ASCII bytes).
    private static let letterBytes: [UInt8] = (0x0621...0x064A).flatMap { v -> [UInt8] in
        guard let t = table[Unicode.Scalar(UInt32(v))!] else { return [0, 0] }
        let b = Array(t.utf8)
        return [b[0], b.count > 1 ? b[1] : 0]
    }

    /// `latin` for the usual name: spaces, tatweels and letters of `table` in U+0621–U+064A only. Each such scalar is
    /// a Character of its own and none combines, so the Character-based reading above is a scalar-based one, done here
    /// without Character breaking or String appends. nil for any other text.
    /// (Read on the UTF-8 bytes, into one output buffer: such text is spaces and two-byte letters, and the arrays of
    /// scalars and of each letter's bytes cost more than the rest.)
    private static func latinOfPlainLetters(_ arabic: String) -> String? {
        withBytes(arabic) { u -> String? in
            let count = u.count
            return withUnsafeTemporaryAllocation(of: UInt32.self, capacity: max(1, count)) { s -> String? in
                // the scalars: 0x20 or a two-byte letter of U+0621–U+064A (lead byte D8 or D9)
                var n = 0, b = 0
                while b < count {
                    let x = u[b]
                    if x == 0x20 { s[n] = 0x20; n += 1; b += 1; continue }
                    guard x == 0xD8 || x == 0xD9, b + 1 < count else { return nil }
                    let v = UInt32(x & 0x1F) << 6 | UInt32(u[b + 1] & 0x3F)
                    guard v >= 0x0621, v <= 0x064A, v == 0x0640 || letterBytes[2 * Int(v - 0x0621)] != 0 else { return nil }
                    s[n] = v; n += 1; b += 2
                }
                return letterBytes.withUnsafeBufferPointer { lb -> String in
                    var result: [UInt8] = []
                    result.reserveCapacity(2 * n + 8)
                    var i = 0
                    while i < n {
                        if s[i] == 0x20 { i += 1; continue }
                        var j = i
                        while j < n && s[j] != 0x20 { j += 1 }
                        if !result.isEmpty { result.append(0x20) }
                        var a = i
                        // ال + at least two more letters
                        if j - i > 3 && s[i] == 0x0627 && s[i + 1] == 0x0644 { result.append(0x61); result.append(0x6C); result.append(0x2D); a = i + 2 }
                        let wordStart = result.count
                        let m = j - a
                        for k in a..<j {
                            let v = s[k], at = k - a
                            if v == 0x0640 { continue }
                            // long vowels: و and ي between consonants read as u and i
                            if (v == 0x0648 || v == 0x064A) && at > 0 && at < m - 1 { result.append(v == 0x0648 ? 0x75 : 0x69) }
                            else if v == 0x064A && at == m - 1 && at > 0 { result.append(0x69) }
                            else {
                                let t = 2 * Int(v - 0x0621)
                                result.append(lb[t])
                                if lb[t + 1] != 0 { result.append(lb[t + 1]) }
                            }
                        }
                        if result.count > wordStart, result[wordStart] >= 0x61 && result[wordStart] <= 0x7A { result[wordStart] -= 0x20 }
                        i = j
                    }
                    return String(decoding: result, as: UTF8.self)
                }
            }
        }
    }
}
