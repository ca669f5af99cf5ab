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
        arabic.split(separator: " ").map { word -> String in
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
}
