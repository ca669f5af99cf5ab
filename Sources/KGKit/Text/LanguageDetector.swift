/// Decides the language of a text by the share of Arabic-script letters among all letters.
public enum LanguageDetector {
    /// `"ar"` when at least 30% of letters are Arabic, else `"en"` when there are Latin letters, else `"und"`.
    public static func detect(_ scalars: some Sequence<Unicode.Scalar>) -> String {
        var ar = 0, la = 0
        for s in scalars {
            switch ScalarClass.of(s.value) {
            case .arabicLetter: ar += 1
            case .latinLetter: la += 1
            default: break
            }
        }
        if ar + la == 0 { return "und" }
        return ar * 10 >= (ar + la) * 3 ? "ar" : "en"
    }

    /// The same decision from a tokenised text, counting the code points of Arabic and Latin word tokens (one pass
    /// over the tokens instead of over every scalar).
    public static func detect(tokens: [Token]) -> String {
        var ar = 0, la = 0
        tokens.withUnsafeBufferPointer { ts in
            for i in ts.indices where ts[i].kind == .word {
                if ts[i].script == .arabic { ar &+= ts[i].end - ts[i].start }
                else if ts[i].script == .latin { la &+= ts[i].end - ts[i].start }
            }
        }
        if ar + la == 0 { return "und" }
        return ar * 10 >= (ar + la) * 3 ? "ar" : "en"
    }
}
