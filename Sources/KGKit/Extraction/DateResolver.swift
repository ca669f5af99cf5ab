/// A calendar date without time, with the precision the text gave it.
public struct ResolvedDate: Sendable, Equatable, Hashable, Comparable {
    public enum Precision: String, Sendable { case day, month, week, year }
    public var year: Int
    public var month: Int
    public var day: Int
    public var precision: Precision

    /// Whether `day` exists in `month` of `year` (a year of 0, unknown, allows 29 February).
    static func isValid(year: Int, month: Int, day: Int) -> Bool {
        guard (1...12).contains(month), day >= 1 else { return false }
        let leap = year == 0 || (year % 4 == 0 && (year % 100 != 0 || year % 400 == 0))
        return day <= [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]
    }

    /// ISO 8601: `2024-03-12` (day), `2024-03` (month), `2024-W10` (ISO week), `1996` (year).
    public var iso: String {
        func pad(_ n: Int, _ w: Int) -> String { let s = String(n); return String(repeating: "0", count: max(0, w - s.count)) + s }
        switch precision {
        case .day: return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
        case .month: return "\(pad(year, 4))-\(pad(month, 2))"
        case .week:
            let (wy, w) = DateResolver.isoWeek(DateResolver.days(year, month, day))
            return "\(pad(wy, 4))-W\(pad(w, 2))"
        case .year: return pad(year, 4)
        }
    }

    public static func < (a: ResolvedDate, b: ResolvedDate) -> Bool { (a.year, a.month, a.day) < (b.year, b.month, b.day) }
}

/// Finds the date an event happened from the words of its sentence (dates.tsv), resolved against the article date:
/// explicit dates (الثلاثاء 12 مارس 2024, 3 يناير, May 3, Nov. 19), month and year (في مارس 2019, كانون الثاني 2020,
/// in February 2022), years after a year word (عام 1996, in 2003; `.year` precision), weekdays (الجمعة, on Tuesday: the last such day up to the article date, or the next one when the
/// sentence speaks of the future: المقبل, will), nights (ليل الخميس-الجمعة: the night that starts on Thursday),
/// relative days (أمس, yesterday) and weeks (الأسبوع الماضي, last week).
public struct DateResolver: Sendable {
    /// The article's date (the reference for weekdays and relative days), if known.
    public var reference: ResolvedDate?

    /// Month, weekday and relative-day words (dates.tsv).
    public var tables: ExtractionTables

    public init(reference: ResolvedDate?, tables: ExtractionTables = .bundled) { self.reference = reference; self.tables = tables }

    /// The reference date of an article: its `date` field (ISO `yyyy-mm-dd…`), else the first full date in the first
    /// two sentences (the dateline of most news: وصل ... الثلاثاء 12 مارس 2024), else none.
    public static func reference(for article: Article, doc: AnalyzedText, tables: ExtractionTables = .bundled) -> ResolvedDate? {
        if let d = article.date, let r = parseISO(d) { return r }
        let resolver = DateResolver(reference: nil, tables: tables)
        for s in doc.sentences.prefix(2) {
            for d in resolver.dates(in: doc, tokens: s.tokens) where d.precision == .day && d.year > 0 { return d }
        }
        return nil
    }

    static func parseISO(_ s: String) -> ResolvedDate? {
        let parts = s.prefix(10).split(separator: "-")
        guard parts.count == 3, let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2].prefix(2)),
              ResolvedDate.isValid(year: y, month: m, day: d) else { return nil }
        return ResolvedDate(year: y, month: m, day: d, precision: .day)
    }

    /// Every date expression in the token range, resolved (year 0 = a day and month whose year is unknown).
    /// `futureIn`: the tokens whose future words (المقبل, will) make a bare weekday the next one (default: `range`).
    public func dates(in doc: AnalyzedText, tokens range: Range<Int>, futureIn: Range<Int>? = nil) -> [ResolvedDate] {
        let tokens = doc.tokens
        let table = tables.dates
        func isFutureWord(_ i: Int, limit: Int) -> Bool {
            if case .future? = table.match(tokens, at: i, limit: limit)?.value { return true }
            return false
        }
        let scope = futureIn ?? range
        let future = scope.contains { isFutureWord($0, limit: scope.upperBound) }
        func number(_ i: Int) -> Int? {
            guard i >= range.lowerBound, i < range.upperBound, tokens[i].kind == .number else { return nil }
            return Int(tokens[i].key)
        }
        var out: [ResolvedDate] = []
        var k = range.lowerBound
        while k < range.upperBound {
            guard let (word, end) = table.match(tokens, at: k, limit: range.upperBound) else { k += 1; continue }
            switch word {
            case let .month(m):
                // "12 مارس 2024", "3 يناير", "March 2, 2024", "May 3", "مارس 2019", "in February 2022"
                let dayBefore = number(k - 1).flatMap { (1...31).contains($0) ? $0 : nil }
                var j = end
                var dayAfter: Int? = nil
                if let n = number(j), (1...31).contains(n) { dayAfter = n; j += 1 }
                if j < range.upperBound, tokens[j].key == "," { j += 1 }
                if number(j) == nil, case .year? = table.match(tokens, at: j, limit: range.upperBound)?.value { j += 1 }   // مارس عام 2019
                let year = number(j).flatMap { (1900...2100).contains($0) ? $0 : nil }
                if year == nil, j == end + 1, tokens[end].key == "," { j = end }
                if let d = dayBefore ?? dayAfter {
                    let y = year ?? inferYear(month: m, day: d)
                    if (y > 0 || year == nil) && ResolvedDate.isValid(year: y, month: m, day: d) {
                        out.append(ResolvedDate(year: y, month: m, day: d, precision: .day))
                    }
                } else if let y = year {
                    out.append(ResolvedDate(year: y, month: m, day: 1, precision: .month))
                } else if let r = reference, tokens[k].script == .arabic || tokens[k].isCapitalized {
                    // a bare month: the last such month up to the article date (في أغسطس الماضي), or the next one from
                    // it with a future word right after it (في مايو المقبل, في مايو/ آيار المقبل)
                    // (within the clause: not "in February, which will be investigated", not past a full stop)
                    var next = false
                    for i in end..<min(tokens.count, end + 3) {
                        if tokens[i].kind == .punctuation && tokens[i].key != "/" { break }
                        if isFutureWord(i, limit: tokens.count) { next = true; break }
                    }
                    let y = next ? (m >= r.month ? r.year : r.year + 1) : (m <= r.month ? r.year : r.year - 1)
                    out.append(ResolvedDate(year: y, month: m, day: 1, precision: .month))
                }
                k = max(end, year != nil ? j + 1 : end)
                continue
            case let .weekday(w):
                // an explicit date right after the weekday wins (الثلاثاء 12 مارس 2024, Saturday, May 3)
                var j = end
                if j < range.upperBound, tokens[j].key == "," { j += 1 }
                if number(j) != nil || (j < range.upperBound && { if case .month? = table.match(tokens, at: j, limit: range.upperBound)?.value { return true }; return false }()) {
                    k = end; continue
                }
                if let r = reference {
                    out.append(Self.weekday(w, from: r, future: future))
                }
                // ليل الخميس-الجمعة: the second weekday is the same night
                if end + 1 < range.upperBound, ["-", "–"].contains(tokens[end].key),
                   case .weekday? = table.match(tokens, at: end + 1, limit: range.upperBound)?.value { k = end + 2; continue }
                k = end
                continue
            case let .day(offset):
                if let r = reference { out.append(Self.add(r, days: offset)) }
            case let .week(offset):
                if let r = reference { var d = Self.add(r, days: 7 * offset); d.precision = ResolvedDate.Precision.week; out.append(d) }
            case .year:
                // a year after its word (عام 1996, في 2014, in 2003): the year alone
                if let y = number(end), (1900...2100).contains(y) {
                    out.append(ResolvedDate(year: y, month: 1, day: 1, precision: .year))
                    k = end + 1
                    continue
                }
            case .future, .night: break
            }
            k = end
        }
        return out
    }

    /// The date written right after an event's trigger and the words naming it (تفجيرات الخبر عام ١٩٩٦, the attack on
    /// 3 May): within seven words, before any punctuation but a comma, a slash or parentheses and before a word `stop` says ends the
    /// clause (منذ, since: أول انتخابات منذ عام 2009 is no election of 2009). It dates that mention better than the
    /// sentence's first date, and a year there tells a past event from this one. `sentence`: the trigger's sentence
    /// (its future words make a weekday in the window the next one: المباراة المقررة … السبت).
    /// An English trigger may have its year right before it (the 2016 election): `start`, the trigger's first token.
    public func statedDate(in doc: AnalyzedText, from start: Int, after end: Int, sentence: Range<Int>, stop: (Token) -> Bool) -> ResolvedDate? {
        if start > sentence.lowerBound, doc.tokens[start].script == .latin {
            let t = doc.tokens[start - 1]
            if t.kind == .number, t.key.utf8.count == 4, let y = Int(t.key), (1900...2100).contains(y) {
                return ResolvedDate(year: y, month: 1, day: 1, precision: .year)
            }
        }
        // (seven words: a date whose words run on is still read whole, 12 مارس 2024; a comma, a slash or parentheses
        // do not end it: الهجوم الذي شهدته مدينة صعدة اليمنية، الخميس; مايو/ أيار)
        var last = end
        while last < min(sentence.upperBound, end + 7) {
            let t = doc.tokens[last]
            if t.kind == .punctuation && !Self.windowPunctuation.contains(t.key) || stop(t) { break }
            last += 1
        }
        guard last > end else { return nil }
        return dates(in: doc, tokens: end..<last, futureIn: sentence).first { $0.year > 0 }
    }

    /// Punctuation inside the words after a trigger that does not end its date window (normalised keys).
    static let windowPunctuation: Set<String> = [",", "(", ")", "/"]

    /// A day and month without a year: the article's year, or the year before when that would put it more than a
    /// month after the article date.
    private func inferYear(month: Int, day: Int) -> Int {
        guard let r = reference else { return 0 }
        let sameYear = Self.days(r.year, month, day), ref = Self.days(r.year, r.month, r.day)
        return sameYear - ref > 31 ? r.year - 1 : r.year
    }

    /// The weekday `w` (1 = Monday) nearest the reference: on or before it, or after it when `future`.
    public static func weekday(_ w: Int, from r: ResolvedDate, future: Bool) -> ResolvedDate {
        let ref = days(r.year, r.month, r.day)
        let today = weekdayOf(ref)
        let delta = future ? ((w - today + 7) % 7 == 0 ? 7 : (w - today + 7) % 7) : -((today - w + 7) % 7)
        return date(ref + delta)
    }

    public static func add(_ r: ResolvedDate, days n: Int) -> ResolvedDate { date(days(r.year, r.month, r.day) + n) }

    // MARK: civil-calendar arithmetic (days since 1970-01-01, proleptic Gregorian)

    static func days(_ y0: Int, _ m: Int, _ d: Int) -> Int {
        let y = m <= 2 ? y0 - 1 : y0
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146097 + doe - 719468
    }

    static func date(_ z0: Int) -> ResolvedDate {
        let z = z0 + 719468
        let era = (z >= 0 ? z : z - 146096) / 146097
        let doe = z - era * 146097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return ResolvedDate(year: yoe + era * 400 + (m <= 2 ? 1 : 0), month: m, day: d, precision: .day)
    }

    /// ISO weekday, 1 = Monday … 7 = Sunday (1970-01-01 was a Thursday).
    static func weekdayOf(_ z: Int) -> Int { ((z % 7) + 7 + 3) % 7 + 1 }

    static func isoWeek(_ z: Int) -> (year: Int, week: Int) {
        let thursday = z - weekdayOf(z) + 4
        let y = date(thursday).year
        return (y, (thursday - days(y, 1, 1)) / 7 + 1)
    }
}
