/// Character classes the tokenizer and normaliser need, decided on `Unicode.Scalar` values without allocation.
enum ScalarClass: UInt8, Sendable {
    case space, newline, arabicLetter, arabicMark, tatweel, latinLetter, otherLetter, digit, mark, format, punctuation, symbol, control

    @inline(__always)
    static func of(_ v: UInt32) -> ScalarClass {
        // the commonest scalars without touching the table (whose global accessor costs a call on Linux)
        if v &- 0x0621 <= 0x063A - 0x0621 || v &- 0x0641 <= 0x064A - 0x0641 { return .arabicLetter }
        if v == 0x20 { return .space }
        if v < 0x0700 { return lowTable[Int(v)] }
        return ofSlow(v)
    }

    /// `of` for every scalar below U+0700 (ASCII, Latin, Arabic), precomputed from `ofSlow`.
    static let lowTable: [ScalarClass] = (0..<UInt32(0x0700)).map { ofSlow($0) }

    @inline(never)
    static func ofSlow(_ v: UInt32) -> ScalarClass {
        if v < 0x80 {
            return asciiTable[Int(v)]
        }
        switch v {
        case 0x0621...0x063A, 0x0641...0x064A, 0x066E...0x066F, 0x0671...0x06D3, 0x06D5, 0x06EE...0x06EF, 0x06FA...0x06FC, 0x06FF:
            return .arabicLetter
        case 0x0610...0x061A, 0x064B...0x065F, 0x0670, 0x06D6...0x06DC, 0x06DF...0x06E8, 0x06EA...0x06ED:
            return .arabicMark
        case 0x0640: return .tatweel
        case 0x0660...0x0669, 0x06F0...0x06F9: return .digit
        case 0x060C, 0x061B, 0x061F, 0x066A...0x066D, 0x06D4, 0x00AB, 0x00BB, 0x2010...0x2027, 0x2030...0x205E, 0x3000...0x303F, 0xFD3E, 0xFD3F:
            return .punctuation
        case 0x0085, 0x2028, 0x2029: return .newline
        case 0x00A0, 0x1680, 0x2000...0x200A, 0x202F, 0x205F: return .space
        case 0x200B...0x200F, 0x202A...0x202E, 0x2060...0x2064, 0x2066...0x206F, 0xFEFF, 0x061C, 0x00AD: return .format
        case 0x0080...0x009F: return .control
        case 0x00C0...0x00D6, 0x00D8...0x00F6, 0x00F8...0x024F, 0x1E00...0x1EFF: return .latinLetter
        case 0xFB50...0xFDFF, 0xFE70...0xFEFC: return .arabicLetter   // presentation forms, folded by the normaliser
        default:
            guard let s = Unicode.Scalar(v) else { return .symbol }
            let p = s.properties
            switch p.generalCategory {
            case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter: return .otherLetter
            case .nonspacingMark, .spacingMark, .enclosingMark: return .mark
            case .decimalNumber: return .digit
            case .spaceSeparator: return .space
            case .lineSeparator, .paragraphSeparator: return .newline
            case .format: return .format
            case .control: return .control
            case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation, .initialPunctuation,
                 .finalPunctuation, .otherPunctuation:
                return .punctuation
            default: return .symbol
            }
        }
    }

    private static let asciiTable: [ScalarClass] = (0..<128).map { i -> ScalarClass in
        switch i {
        case 0x0A, 0x0D: return .newline
        case 0x09, 0x0B, 0x0C, 0x20: return .space
        case 0x00...0x1F, 0x7F: return .control
        case 0x30...0x39: return .digit
        case 0x41...0x5A, 0x61...0x7A: return .latinLetter
        case 0x24, 0x2B, 0x3C...0x3E, 0x5E, 0x60, 0x7C, 0x7E: return .symbol
        default: return .punctuation
        }
    }

    var isWordPart: Bool {
        switch self {
        case .arabicLetter, .arabicMark, .tatweel, .latinLetter, .otherLetter, .digit, .mark: return true
        default: return false
        }
    }
}
