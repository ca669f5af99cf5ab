/// A readable Latin transliteration of Arabic names, for nodes whose English name is unknown. Marked in the graph with
/// the language tag `ar-Latn`, so nobody mistakes it for an established English name.
public enum Transliteration {
    private static let table: [Unicode.Scalar: String] = [
        "ا": "a", "أ": "a", "إ": "i", "آ": "a", "ٱ": "a", "ب": "b", "ت": "t", "ث": "th", "ج": "j", "ح": "h", "خ": "kh",
        "د": "d", "ذ": "dh", "ر": "r", "ز": "z", "س": "s", "ش": "sh", "ص": "s", "ض": "d", "ط": "t", "ظ": "z", "ع": "'",
        "غ": "gh", "ف": "f", "ق": "q", "ك": "k", "ل": "l", "م": "m", "ن": "n", "ه": "h", "و": "w", "ي": "y", "ى": "a",
        "ة": "a", "ء": "'", "ؤ": "'", "ئ": "'", "پ": "p", "چ": "ch", "ڤ": "v", "گ": "g", "ی": "y", "ک": "k",
    ]

    /// `table` by scalar value from U+0621 (nil: not in it).
    private static let letters: [String?] = (0x0621...0x064A).map { table[Unicode.Scalar(UInt32($0))!] }

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

    /// `latin` for the usual name: spaces, tatweels and letters of `table` in U+0621–U+064A only. Each such scalar is
    /// a Character of its own and none combines, so the Character-based reading above is a scalar-based one, done here
    /// on arrays without Character breaking or String appends. nil for any other text.
    private static func latinOfPlainLetters(_ arabic: String) -> String? {
        let s = Array(arabic.unicodeScalars).map(\.value)
        for v in s where v != 0x20 && v != 0x0640 {
            guard v >= 0x0621, v <= 0x064A, letters[Int(v - 0x0621)] != nil else { return nil }
        }
        var result: [UInt8] = []
        let n = s.count
        var i = 0
        while i < n {
            if s[i] == 0x20 { i += 1; continue }
            var j = i
            while j < n && s[j] != 0x20 { j += 1 }
            if !result.isEmpty { result.append(0x20) }
            var a = i
            // ال + at least two more letters
            if j - i > 3 && s[i] == 0x0627 && s[i + 1] == 0x0644 { result += Array("al-".utf8); a = i + 2 }
            let wordStart = result.count
            let m = j - a
            for k in a..<j {
                let v = s[k], at = k - a
                if v == 0x0640 { continue }
                // long vowels: و and ي between consonants read as u and i
                if (v == 0x0648 || v == 0x064A) && at > 0 && at < m - 1 { result.append(v == 0x0648 ? 0x75 : 0x69) }
                else if v == 0x064A && at == m - 1 && at > 0 { result.append(0x69) }
                else { result += Array(letters[Int(v - 0x0621)]!.utf8) }
            }
            if result.count > wordStart, result[wordStart] >= 0x61 && result[wordStart] <= 0x7A { result[wordStart] -= 0x20 }
            i = j
        }
        return String(decoding: result, as: UTF8.self)
    }
}
