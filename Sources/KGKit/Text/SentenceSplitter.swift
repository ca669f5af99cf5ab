/// Groups tokens into sentences.
///
/// A sentence ends at `.` `!` `?` `؟` `؛` `…` (periods of abbreviations and numbers are inside their tokens, so they
/// never end one, nor does the period of a site's name, العربية.نت) and at every line break. Inside paired quotes (“ ” « ») a sentence does not end unless a line
/// breaks; a closing quote right after the end mark stays with its sentence.
public enum SentenceSplitter {
    public static func split(_ scalars: [Unicode.Scalar], tokens: [Token]) -> [Sentence] {
        var sentences: [Sentence] = []
        var first = 0
        var quoteDepth = 0
        var i = 0
        func close(_ last: Int) {
            guard last >= first else { return }
            let start = tokens[first].start
            let end = tokens[last].end
            var ar = 0, la = 0
            for k in first...last where tokens[k].kind == .word {
                let script = tokens[k].script
                if script == .arabic { ar += 1 } else if script == .latin { la += 1 }
            }
            sentences.append(Sentence(index: sentences.count, start: start, end: end, tokens: first..<(last + 1),
                                      script: ar >= la ? (ar == 0 ? .other : .arabic) : .latin))
            first = last + 1
        }
        while i < tokens.count {
            let tStart = tokens[i].start, tEnd = tokens[i].end
            // a line break between this token and the previous one ends the sentence
            if i > first && containsNewline(scalars, from: tokens[i - 1].end, to: tStart) {
                close(i - 1)
                quoteDepth = 0
            }
            if tokens[i].kind == .punctuation {
                let v = scalars[tStart].value
                switch v {
                case 0x201C, 0x00AB: quoteDepth += 1
                case 0x201D, 0x00BB:
                    quoteDepth = max(0, quoteDepth - 1)
                    // “Stop. Now.” Then … : a quote closing right after an end mark ends the sentence
                    if quoteDepth == 0, i > first, tokens[i - 1].kind == .punctuation,
                       case let pv = scalars[tokens[i - 1].start].value,
                       pv == 0x2E || pv == 0x21 || pv == 0x3F || pv == 0x061F || pv == 0x2026,
                       i + 1 < tokens.count, !containsNewline(scalars, from: tEnd, to: tokens[i + 1].start) {
                        close(i)
                        i += 1
                        continue
                    }
                case 0x2E, 0x21, 0x3F, 0x061F, 0x061B, 0x2026, 0x06D4:
                    if quoteDepth == 0, !(v == 0x2E && isDomainDot(tokens, i, scalars)) {
                        var last = i
                        while last + 1 < tokens.count, tokens[last + 1].kind == .punctuation,
                              isClosing(scalars[tokens[last + 1].start].value),
                              !containsNewline(scalars, from: tokens[last].end, to: tokens[last + 1].start) {
                            last += 1
                        }
                        close(last)
                        i = last + 1
                        continue
                    }
                default: break
                }
            }
            i += 1
        }
        if first < tokens.count { close(tokens.count - 1) }
        return sentences
    }

    /// A period between two words with no space on either side, before a short word, is part of a site's name
    /// (العربية.نت, مصراوي.كوم), not a sentence end.
    private static func isDomainDot(_ tokens: [Token], _ i: Int, _ scalars: [Unicode.Scalar]) -> Bool {
        guard i > 0, i + 1 < tokens.count, tokens[i].end - tokens[i].start == 1, tokens[i - 1].kind == .word, tokens[i + 1].kind == .word,
              tokens[i - 1].end == tokens[i].start, tokens[i].end == tokens[i + 1].start else { return false }
        return tokens[i + 1].end - tokens[i + 1].start <= 3
    }

    @inline(__always) private static func isClosing(_ v: UInt32) -> Bool {
        v == 0x201D || v == 0x00BB || v == 0x22 || v == 0x27 || v == 0x2019 || v == 0x29
    }

    @inline(__always) private static func containsNewline(_ s: [Unicode.Scalar], from: Int, to: Int) -> Bool {
        var k = from
        while k < to {
            let v = s[k].value
            if v == 0x0A || v == 0x0D || v == 0x2028 || v == 0x2029 || v == 0x85 { return true }
            k += 1
        }
        return false
    }
}
