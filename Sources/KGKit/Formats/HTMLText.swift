import Foundation

/// Reduces scraped HTML to the plain text a reader sees: tags, comments and the contents of `script`, `style` and
/// similar elements are dropped, entities decoded, block elements (`p`, `br`, `div`, `li`, `h1`–`h6`, `tr`, …) become
/// line breaks, other whitespace runs become one space. A pure function over Unicode scalars; linear in the input
/// (a `<` that does not close within `maxTagLength` scalars is kept as text).
public enum HTMLText {
    static let maxTagLength = 2048

    /// Elements that start a new line.
    static let blockTags: Set<String> = [
        "p", "br", "div", "li", "ul", "ol", "dl", "dt", "dd", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "table",
        "thead", "tbody", "tfoot", "caption", "section", "article", "header", "footer", "main", "nav", "aside",
        "blockquote", "pre", "hr", "figure", "figcaption", "title", "address", "form", "fieldset", "details",
        "summary", "html", "head", "body",
    ]
    /// Cells are separated by a space, not glued together.
    static let cellTags: Set<String> = ["td", "th"]
    /// Elements whose contents are not text for a reader.
    static let rawTags: Set<String> = ["script", "style", "noscript", "template", "svg", "math", "iframe", "object", "textarea"]
    /// Tags that count as evidence that a text is HTML (`looksLikeHTML`).
    static let knownTags: Set<String> = blockTags.union(cellTags).union(rawTags).union([
        "a", "span", "b", "i", "u", "em", "strong", "small", "sup", "sub", "img", "meta", "link", "time", "picture",
        "source", "button", "input", "label", "code", "font", "center", "abbr", "cite", "q", "mark", "br",
    ])

    static let entities: [String: Unicode.Scalar] = [
        "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": " ", "ndash": "\u{2013}", "mdash": "\u{2014}",
        "hellip": "\u{2026}", "laquo": "\u{00AB}", "raquo": "\u{00BB}", "lsquo": "\u{2018}", "rsquo": "\u{2019}",
        "ldquo": "\u{201C}", "rdquo": "\u{201D}", "sbquo": "\u{201A}", "bdquo": "\u{201E}", "copy": "\u{00A9}",
        "reg": "\u{00AE}", "trade": "\u{2122}", "middot": "\u{00B7}", "bull": "\u{2022}", "times": "\u{00D7}",
        "divide": "\u{00F7}", "deg": "\u{00B0}", "euro": "\u{20AC}", "pound": "\u{00A3}", "yen": "\u{00A5}",
        "cent": "\u{00A2}", "sect": "\u{00A7}", "para": "\u{00B6}", "shy": "\u{00AD}", "zwnj": "\u{200C}",
        "zwj": "\u{200D}", "lrm": "\u{200E}", "rlm": "\u{200F}", "ensp": " ", "emsp": " ", "thinsp": " ",
        "prime": "\u{2032}", "Prime": "\u{2033}", "frac12": "\u{00BD}", "frac14": "\u{00BC}", "frac34": "\u{00BE}",
        "plusmn": "\u{00B1}", "minus": "\u{2212}", "larr": "\u{2190}", "rarr": "\u{2192}",
    ]

    /// True when `text` is HTML rather than plain text that happens to contain `<`: it opens with a doctype or
    /// `<html`, is wrapped in an element (`<p>…</p>`), or has at least three tags (or comments) of HTML elements.
    public static func looksLikeHTML(_ text: String) -> Bool {
        // no `<` at all (most articles): no tag can be found, and the scalar array is not built
        // (memchr over the bytes in place: a UTF8View scan took some twenty instructions a byte)
        guard withBytes(text, { $0.count > 0 && memchr($0.baseAddress!, 0x3C, $0.count) != nil }) else { return false }
        let s = Array(text.unicodeScalars.prefix(1 << 20))
        var i = 0
        while i < s.count, s[i].properties.isWhitespace || s[i] == "\u{FEFF}" { i += 1 }
        if hasPrefix(s, i, "<!doctype html") || hasPrefix(s, i, "<html") { return true }
        if let open = tag(s, i), !open.closing, knownTags.contains(open.name), text.unicodeScalars.count == s.count {
            var e = s.count
            while e > i, s[e - 1].properties.isWhitespace { e -= 1 }
            if let lt = s[i..<e].lastIndex(of: "<"), let close = tag(s, lt), close.end == e, close.closing, close.name == open.name { return true }
        }
        var tags = 0
        while i < s.count {
            if s[i] == "<" {
                if hasPrefix(s, i, "<!--") { tags += 1 } else if let t = tag(s, i), knownTags.contains(t.name) { tags += 1; i = t.end - 1 }
                if tags >= 3 { return true }
            }
            i += 1
        }
        return false
    }

    /// The text of an HTML document or fragment.
    public static func text(_ html: String) -> String {
        let s = Array(html.unicodeScalars)
        var out = String.UnicodeScalarView()
        out.reserveCapacity(s.count)
        // pending whitespace: 0 none, 1 space, 2 line break (emitted lazily so runs collapse and lines are trimmed)
        var pending = 0
        var atLineStart = true
        func emit(_ c: Unicode.Scalar) {
            if c == "\n" || c == "\r" || c == "\t" || c == " " || c == "\u{0C}" { pending = max(pending, 1); return }
            if pending == 2 && !out.isEmpty { out.append("\n") } else if pending == 1 && !atLineStart { out.append(" ") }
            pending = 0
            atLineStart = false
            out.append(c)
        }
        func lineBreak() { if !out.isEmpty { pending = 2 }; atLineStart = true }
        var i = 0
        while i < s.count {
            let c = s[i]
            if c == "<" {
                if hasPrefix(s, i, "<!--") {
                    i = find(s, from: i + 4, "-->").map { $0 + 3 } ?? s.count
                    continue
                }
                if i + 1 < s.count, s[i + 1] == "!" || s[i + 1] == "?" {
                    // doctype, CDATA, processing instruction
                    if let e = find(s, from: i + 2, ">", limit: maxTagLength) { i = e + 1; continue }
                } else if let t = tag(s, i) {
                    i = t.end
                    if blockTags.contains(t.name) { lineBreak() } else if cellTags.contains(t.name) { emit(" ") }
                    if !t.closing && !t.selfClosing && rawTags.contains(t.name) {
                        // skip to the matching end tag (or the end of the input)
                        var j = i, closeAt: Int? = nil
                        while let lt = find(s, from: j, "</") {
                            let after = lt + 2 + t.name.unicodeScalars.count
                            if hasPrefix(s, lt + 2, t.name), after >= s.count || !isNameScalar(s[after]) { closeAt = lt; break }
                            j = lt + 2
                        }
                        i = closeAt ?? s.count
                        if i < s.count { i = tag(s, i)?.end ?? i + 2 }
                    }
                    continue
                }
                emit(c)
                i += 1
            } else if c == "&", let (decoded, end) = entity(s, i) {
                emit(decoded)
                i = end
            } else {
                emit(c)
                i += 1
            }
        }
        return String(out)
    }

    struct Tag { var name: String; var closing: Bool; var selfClosing: Bool; var end: Int }

    /// The tag starting at `s[i] == "<"`: `<name …>` or `</name …>`, attribute values quoted with `"` or `'` may hold
    /// `>`. Nil when it is not a tag (no letter after `<`, or no `>` within `maxTagLength`).
    static func tag(_ s: [Unicode.Scalar], _ i: Int) -> Tag? {
        var j = i + 1
        var closing = false
        if j < s.count, s[j] == "/" { closing = true; j += 1 }
        guard j < s.count, s[j].isASCII, s[j].properties.isAlphabetic else { return nil }
        var name = ""
        while j < s.count, isNameScalar(s[j]) { name.unicodeScalars.append(s[j]); j += 1 }
        let limit = min(s.count, i + maxTagLength)
        var quote: Unicode.Scalar? = nil
        while j < limit {
            let c = s[j]
            if let q = quote {
                if c == q { quote = nil }
            } else if c == "\"" || c == "'" {
                // a quote opens a value only right after `=` (possibly with spaces)
                var k = j - 1
                while k > i, s[k] == " " { k -= 1 }
                if s[k] == "=" { quote = c }
            } else if c == ">" {
                return Tag(name: name.lowercased(), closing: closing, selfClosing: s[j - 1] == "/", end: j + 1)
            } else if c == "<" && quote == nil {
                return nil
            }
            j += 1
        }
        return nil
    }

    static func isNameScalar(_ c: Unicode.Scalar) -> Bool {
        c.isASCII && (c.properties.isAlphabetic || (c.value >= 0x30 && c.value <= 0x39) || c == "-" || c == ":")
    }

    /// A character reference at `s[i] == "&"`: `&name;`, `&#NNN;`, `&#xHH;`. Invalid code points become U+FFFD.
    static func entity(_ s: [Unicode.Scalar], _ i: Int) -> (Unicode.Scalar, Int)? {
        var j = i + 1
        guard j < s.count else { return nil }
        if s[j] == "#" {
            j += 1
            var hex = false
            if j < s.count, s[j] == "x" || s[j] == "X" { hex = true; j += 1 }
            var v: UInt32 = 0, digits = 0
            while j < s.count, let d = digit(s[j], hex: hex) {
                if v <= 0x10FFFF { v = v * (hex ? 16 : 10) + d }
                digits += 1
                j += 1
            }
            guard digits > 0 else { return nil }
            if j < s.count, s[j] == ";" { j += 1 }
            if v == 0 || (v >= 0xD800 && v <= 0xDFFF) { return ("\u{FFFD}", j) }
            return (Unicode.Scalar(v) ?? "\u{FFFD}", j)
        }
        var name = ""
        while j < s.count, j - i <= 10, s[j].isASCII, s[j].properties.isAlphabetic || (s[j].value >= 0x30 && s[j].value <= 0x39) {
            name.unicodeScalars.append(s[j])
            j += 1
        }
        guard j < s.count, s[j] == ";", let v = entities[name] else { return nil }
        return (v, j + 1)
    }

    static func digit(_ c: Unicode.Scalar, hex: Bool) -> UInt32? {
        switch c.value {
        case 0x30...0x39: return c.value - 0x30
        case 0x61...0x66 where hex: return c.value - 0x61 + 10
        case 0x41...0x46 where hex: return c.value - 0x41 + 10
        default: return nil
        }
    }

    /// Case-insensitive ASCII prefix test at `s[i...]`.
    static func hasPrefix(_ s: [Unicode.Scalar], _ i: Int, _ p: String) -> Bool {
        var k = i
        for c in p.unicodeScalars {
            guard k < s.count else { return false }
            let x = s[k].value, y = c.value
            let lx = (x >= 0x41 && x <= 0x5A) ? x + 32 : x
            let ly = (y >= 0x41 && y <= 0x5A) ? y + 32 : y
            if lx != ly { return false }
            k += 1
        }
        return true
    }

    static func find(_ s: [Unicode.Scalar], from: Int, _ p: String, limit: Int = .max) -> Int? {
        guard let first = p.unicodeScalars.first else { return nil }
        var k = from
        let end = from > s.count ? from : min(s.count, from + min(limit, s.count))
        while k < end {
            if s[k] == first, hasPrefix(s, k, p) { return k }
            k += 1
        }
        return nil
    }
}
