/// Splits text into tokens in one pass over its Unicode scalars.
///
/// Words are runs of letters, marks and digits (Arabic and Latin scripts are split where they meet); Latin words
/// keep inner hyphens and apostrophes (al-Assad, O'Brien) but lose a possessive `'s`; known abbreviations and
/// initialisms keep their periods (U.S., Gen.); numbers keep inner separators (1,000.5, ٣٫٥). Every token knows its
/// exact code-point span, and Arabic words are analysed for clitics.
public struct Tokenizer: Sendable {
    public let segmenter: CliticSegmenter
    public let abbreviations: Set<String>

    public init(segmenter: CliticSegmenter, abbreviations: Set<String>) {
        self.segmenter = segmenter
        self.abbreviations = abbreviations
    }

    /// Tokenizes `scalars` (the whole document as an array of scalars).
    public func tokenize(_ scalars: [Unicode.Scalar]) -> [Token] {
        var tokens: [Token] = []
        tokens.reserveCapacity(scalars.count / 5)
        let n = scalars.count
        var i = 0
        while i < n {
            let v = scalars[i].value
            let c = ScalarClass.of(v)
            switch c {
            case .space, .newline, .format, .control:
                i += 1
            case .punctuation, .symbol:
                var j = i + 1
                while j < n && scalars[j] == scalars[i] && (v == 0x2E || v == 0x2D || v == 0x2014) { j += 1 }
                tokens.append(makeToken(scalars, i, j, kind: c == .punctuation ? .punctuation : .symbol, script: .other))
                i = j
            case .mark, .arabicMark, .tatweel:
                // a stray combining mark with no base: attach it to nothing, skip it as its own symbol token
                var j = i + 1
                while j < n, case let k = ScalarClass.of(scalars[j].value), k == .mark || k == .arabicMark || k == .tatweel { j += 1 }
                tokens.append(makeToken(scalars, i, j, kind: .symbol, script: .other))
                i = j
            default:
                var j = scanWord(scalars, from: i)
                appendWord(scalars, i, j, into: &tokens)
                // possessive 's after a Latin word is a token of its own
                if tokens[tokens.count - 1].script == .latin, j + 1 < n,
                   scalars[j] == "'" || scalars[j] == "\u{2019}", scalars[j + 1] == "s" || scalars[j + 1] == "S" {
                    let after = j + 2 < n ? ScalarClass.of(scalars[j + 2].value) : .space
                    if !(after == .latinLetter || after == .otherLetter || after == .digit) {
                        tokens.append(makeToken(scalars, j, j + 2, kind: .word, script: .latin))
                        j += 2
                    }
                }
                i = j
            }
        }
        return tokens
    }

    private func scanWord(_ s: [Unicode.Scalar], from start: Int) -> Int {
        let n = s.count
        var j = start
        var family: UInt8 = 0           // 1 arabic, 2 latin/other, 3 digits
        var allDigits = true
        func fam(_ c: ScalarClass) -> UInt8 {
            switch c {
            case .arabicLetter: return 1
            case .latinLetter, .otherLetter: return 2
            case .digit: return 3
            default: return 0
            }
        }
        while j < n {
            let c = ScalarClass.of(s[j].value)
            if c == .mark || c == .arabicMark || c == .tatweel { j += 1; continue }
            if c == .format, j + 1 < n, s[j].value == 0x200C || s[j].value == 0x200D, ScalarClass.of(s[j + 1].value).isWordPart, j > start {
                j += 1; continue
            }
            let f = fam(c)
            if f != 0 {
                if family == 0 { family = f }
                else if f != family {
                    // digits inside Latin words (COVID19, F16) stay; Arabic/Latin and Arabic/digit split
                    if !((family == 2 && f == 3) || (family == 3 && f == 2 && !allDigits)) { break }
                    if family == 3 && f == 2 { break }
                }
                if f != 3 { allDigits = false }
                j += 1
                continue
            }
            // connectors inside a word
            if j + 1 < n && j > start {
                let next = ScalarClass.of(s[j + 1].value)
                let v = s[j].value
                if family == 3 && (v == 0x2C || v == 0x2E || v == 0x066B || v == 0x066C) && next == .digit {
                    j += 1; continue
                }
                if family == 2 && (v == 0x2D || v == 0x2010 || v == 0x2011) && (next == .latinLetter || next == .otherLetter || next == .digit) {
                    j += 1; continue
                }
                if family == 2 && (v == 0x27 || v == 0x2019) && (next == .latinLetter || next == .otherLetter) {
                    // possessive 's / s' ends the word
                    let afterNext = j + 2 < n ? ScalarClass.of(s[j + 2].value) : .space
                    if (s[j + 1] == "s" || s[j + 1] == "S") && !(afterNext == .latinLetter || afterNext == .otherLetter) { break }
                    j += 1; continue
                }
            }
            break
        }
        // abbreviations and initialisms keep their final period: U.S., Gen., a.m.
        if family == 2, j < n, s[j] == "." {
            var k = j
            // initialism: letter . letter . (U.S., U.N., a.m.)
            if j - start == 1 {
                while k + 2 < n, ScalarClass.of(s[k + 1].value) == .latinLetter, s[k + 2] == "." {
                    k += 2
                }
                if k > j { return k + 1 }
            }
            let word = Normalizer.key(scalars: s[start..<j])
            if abbreviations.contains(word) || (j - start == 1 && ScalarClass.of(s[start].value) == .latinLetter && s[start].properties.isUppercase) {
                return j + 1
            }
        }
        return j
    }

    private func appendWord(_ s: [Unicode.Scalar], _ start: Int, _ end: Int, into tokens: inout [Token]) {
        let first = ScalarClass.of(s[start].value)
        let script: Script
        switch first {
        case .arabicLetter: script = .arabic
        case .latinLetter: script = .latin
        case .digit: script = .other
        default: script = .other
        }
        var t = makeToken(s, start, end, kind: first == .digit ? .number : .word, script: script)
        if script == .arabic {
            let a = segmenter.analyze(t.key)
            if !a.prefix.isEmpty {
                t.prefix = a.prefix
                t.prefixLength = surfaceLength(s, start, end, keyScalars: a.prefixKeyLength)
            }
            t.stem = a.stem
            t.body = a.body
            t.suffix = a.suffix
        } else if script == .latin {
            t.isCapitalized = s[start].properties.isUppercase
        }
        tokens.append(t)
    }

    /// Number of surface scalars that produce the first `keyScalars` scalars of the key (marks after them included).
    private func surfaceLength(_ s: [Unicode.Scalar], _ start: Int, _ end: Int, keyScalars: Int) -> Int {
        var produced = 0
        var j = start
        var tmp = String.UnicodeScalarView()
        while j < end && produced < keyScalars {
            tmp.removeAll(keepingCapacity: true)
            Normalizer.append(s[j], to: &tmp)
            produced += tmp.count
            j += 1
        }
        while j < end, case let c = ScalarClass.of(s[j].value), c == .arabicMark || c == .tatweel { j += 1 }
        return j - start
    }

    @inline(__always)
    private func makeToken(_ s: [Unicode.Scalar], _ start: Int, _ end: Int, kind: Token.Kind, script: Script) -> Token {
        let key = Normalizer.key(scalars: s[start..<end])
        return Token(start: start, end: end, kind: kind, script: script, key: key, prefix: "", prefixLength: 0,
                     stem: key, body: key, suffix: "", isCapitalized: false)
    }
}
