/// The `kg analyze` view: one TSV row per token, so an analyst can see how kg read a text.
public enum Analysis {
    /// Columns: sentence, start, end, surface, normalised, clitics (`prefix+stem+suffix` of the surface), kind.
    public static func tsv(_ doc: AnalyzedText) -> String {
        var out = "sentence\tstart\tend\tsurface\tnormalised\tclitics\tkind\n"
        for s in doc.sentences {
            for i in s.tokens {
                let t = doc.tokens[i]
                out += "\(s.index)\t\(t.start)\t\(t.end)\t\(clean(doc.surface(t)))\t\(clean(t.key))\t\(clean(pieces(doc, t).joined(separator: "+")))\t\(t.kind)\n"
            }
        }
        return out
    }

    /// The surface split into proclitics, stem and suffix; the pieces concatenate to the surface.
    public static func pieces(_ doc: AnalyzedText, _ t: Token) -> [String] {
        var parts: [String] = []
        var stemStart = t.start
        if t.prefixLength > 0 {
            // one piece per proclitic letter (و+ب+...), marks stay with their letter
            var k = t.start
            while k < t.start + t.prefixLength {
                var e = k + 1
                while e < t.start + t.prefixLength, ScalarClass.of(doc.scalars[e].value) == .arabicMark || doc.scalars[e].value == 0x0640 { e += 1 }
                parts.append(doc.text(k, e))
                k = e
            }
            stemStart = t.start + t.prefixLength
        }
        var stemEnd = t.end
        if !t.suffix.isEmpty {
            var n = 0, e = t.end
            while e > stemStart && n < t.suffix.unicodeScalars.count {
                e -= 1
                let c = ScalarClass.of(doc.scalars[e].value)
                if c != .arabicMark && c != .tatweel { n += 1 }
            }
            stemEnd = e
        }
        if t.hasArticle && t.stem.hasPrefix("ال") && stemEnd - stemStart > 2 && doc.scalars[stemStart] == "ا" {
            parts.append(doc.text(stemStart, stemStart + 2))
            stemStart += 2
        }
        parts.append(doc.text(stemStart, stemEnd))
        if stemEnd < t.end { parts.append(doc.text(stemEnd, t.end)) }
        return parts
    }

    private static func clean(_ s: String) -> String {
        String(String.UnicodeScalarView(s.unicodeScalars.map { $0 == "\t" || $0 == "\n" || $0 == "\r" ? " " : $0 }))
    }
}
