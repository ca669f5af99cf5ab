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
}
