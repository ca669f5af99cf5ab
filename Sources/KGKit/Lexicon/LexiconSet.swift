import Foundation

/// Everything kg knows before reading an article: the gazetteer, word lists, trigger tables and rules.
/// Loaded once from the bundled resources (plus user files) and shared read-only across threads.
public struct LexiconSet: Sendable {
    /// The tables themselves. A LexiconSet holds them in one immutable box, so copying it (every extractor keeps
    /// one, and the extractors are copied per document and per closure) retains one reference instead of the
    /// hundred-odd arrays the tables are made of; reads go straight into the box (`_read`), writes (loading, tests)
    /// build a new box.
    struct Tables: Sendable {
        var gazetteer = Gazetteer()
        /// Named events (lexicon/events.tsv and user rows of type Event: the Champions League, Brexit), matched by the
        /// event extractor, not by the recogniser or the tagger.
        var namedEvents = Gazetteer()
        var vocabulary = Vocabulary()
        var functionWords = KeySet()
        var stopwords = KeySet()
        /// Words that withdraw the relation or event after them (rules/negation-cues.tsv).
        var negationCues = KeySet()
        /// Adjectives that are part of a facility's name (rules/facility-adjectives.tsv).
        var facilityAdjectives = KeySet()
        /// Heads that name a leader's body with his name (rules/leader-bodies.tsv): إدارة ترامب.
        var leaderBodies = KeyMap<LeaderBody>()
        /// English place names that take "the" inside a phrase (rules/english-definite-names.tsv), lowercased.
        var englishDefiniteNames: Set<String> = []
        var nameContinuations = PhraseTable<NameContinuation>()
        /// Fixed phrases in which no name is read (rules/idioms.tsv): مسقط رأسه is no Muscat.
        var idioms = PhraseTable<String>()
        var nominalBodies = KeyMap<NominalComplement>()
        /// Currencies and the words that make a word one (rules/money-words.tsv): ريال after مليار is no club.
        var moneyWords = KeyMap<MoneyWord>()
        /// Every word of the gazetteer's person names (صلاح of محمد صلاح): a name even where news uses it a lot.
        var personNameWords = KeySet()
        /// Single name words from ANETAC: key → (class, English transliteration).
        var nameWords = KeyMap<NameWord>()
        /// English transliterations of the ANETAC name words, lower-cased → class.
        var englishNameWords = KeyMap<String>()
        var titles = PhraseTable<String>()
        var organizationHeads = PhraseTable<OrganizationHead>()
        var quotedNameHeads = PhraseTable<OrganizationHead>()
        var productHeads = KeySet()
        var letterNames = KeySet()
        /// The word after the head of a known organisation's two-word name (الجزيرة of قناة الجزيرة) → its entry, -1 if
        /// several (`Gazetteer.organisationsAfterHeads`).
        var organisationsAfterHeads = KeyMap<Int>()
        /// Known multi-word Arabic names by spelling skeleton (`SpellingVariants`).
        var spellingVariants = SpellingVariants()
        var placeTriggers = PhraseTable<PlaceTrigger>()
        var eventTriggers = PhraseTable<EventTrigger>()
        /// One-word Arabic triggers the table lists without the article, keyed by their definite form (القمه of قمة):
        /// such a form refers back to an event (EventExtractor).
        var definiteEventTriggers = KeyMap<EventTrigger>()
        /// Trigger rows written with a gap (إطلاق … صواريخ): their words before the gap, then the words after it.
        var gappedEventTriggers = GappedTriggers()
        var definiteDescriptions = PhraseTable<DefiniteDescription>()
        var relationRules: [RelationRule] = [] { didSet { compiledRules = CompiledRules(relationRules) } }
        var compiledRules = CompiledRules([])
        var analyzer: TextAnalyzer
        var tagger: SequenceTagger?
        /// Rows from the user's `--rules` TSV files, by the bundled table they extend (`rules/event-triggers.tsv`).
        var userTables: [String: [[String]]] = [:]
        /// Date, casualty and statement words (bundled plus user rows).
        var cues = ExtractionTables.bundled
        /// Event role words and type classes (bundled plus user rows).
        var eventRoles = EventRoles.bundled
        /// Office words for relations inferred from titles (offices.tsv, bundled plus user rows).
        var offices = RelationInference.Tables.bundled

        /// Rows of a rules table: the bundled file's plus the user's `--rules` file of the same name.
        func rows(_ path: String) -> [[String]] { ((try? LexiconSet.table(path)) ?? []) + (userTables[path] ?? []) }
    }

    /// (Phrase tables are read with `get`, not `_read`: a phrase table copies as one reference, and the getter is
    /// inlined where the `_read` coroutine was called and its yield copied the table anyway.)
    final class Box: Sendable {
        let t: Tables
        /// The tagger's words of the documents read with these tables (a new box starts empty).
        let taggerWords = KnownWordsPool<TaggerWordMemo.Word>()
        init(_ t: Tables) { self.t = t }
    }

    private var box: Box

    init(analyzer: TextAnalyzer) { box = Box(Tables(analyzer: analyzer)) }
    init(_ tables: Tables) { box = Box(tables) }

    /// Changes the tables (a new box: other copies keep theirs).
    private mutating func update(_ body: (inout Tables) -> Void) {
        var t = box.t
        body(&t)
        box = Box(t)
    }

    public var gazetteer: Gazetteer {
        _read { yield box.t.gazetteer }
        set { update { $0.gazetteer = newValue } }
    }
    /// Named events (lexicon/events.tsv and user rows of type Event: the Champions League, Brexit), matched by the
    /// event extractor, not by the recogniser or the tagger.
    public var namedEvents: Gazetteer {
        _read { yield box.t.namedEvents }
        set { update { $0.namedEvents = newValue } }
    }
    public var vocabulary: Vocabulary {
        _read { yield box.t.vocabulary }
        set { update { $0.vocabulary = newValue } }
    }
    public var functionWords: KeySet {
        _read { yield box.t.functionWords }
        set { update { $0.functionWords = newValue } }
    }
    public var stopwords: KeySet {
        _read { yield box.t.stopwords }
        set { update { $0.stopwords = newValue } }
    }
    /// Words that withdraw the relation or event after them (rules/negation-cues.tsv).
    public var negationCues: KeySet {
        _read { yield box.t.negationCues }
        set { update { $0.negationCues = newValue } }
    }
    /// Adjectives that are part of a facility's name (rules/facility-adjectives.tsv).
    public var facilityAdjectives: KeySet {
        _read { yield box.t.facilityAdjectives }
        set { update { $0.facilityAdjectives = newValue } }
    }
    /// An English name made from a template of organization-heads.tsv and a place's English name: the place takes "the"
    /// inside the phrase where English gives it one, and none at its start ("Government of the Philippines",
    /// "Netherlands national team" from "The Netherlands").
    public func englishName(_ template: String, place: String) -> String {
        var bare = Substring(place), definite = false
        if place.hasPrefix("The ") || place.hasPrefix("the ") { bare = place.dropFirst(4); definite = true }
        definite = definite || box.t.englishDefiniteNames.contains(bare.lowercased())
        if template.hasPrefix("{place}") { return template.replacingOccurrences(of: "{place}", with: bare) }
        return template.replacingOccurrences(of: "{place}", with: (definite ? "the " : "") + bare)
    }

    /// Heads that name the body a known leader leads with his name (rules/leader-bodies.tsv: إدارة ترامب, حكومة نتنياهو).
    public var leaderBodies: KeyMap<LeaderBody> {
        _read { yield box.t.leaderBodies }
        set { update { $0.leaderBodies = newValue } }
    }
    /// Words that continue a person's name after it: regnal numbers, family markers, patronymic links
    /// (rules/name-continuations.tsv).
    public var nameContinuations: PhraseTable<NameContinuation> {
        get { box.t.nameContinuations }
        set { update { $0.nameContinuations = newValue } }
    }
    /// Fixed phrases in which no name is read: مسقط رأسه "his birthplace", للنيل من "to undermine" (rules/idioms.tsv).
    public var idioms: PhraseTable<String> {
        get { box.t.idioms }
        set { update { $0.idioms = newValue } }
    }
    /// Head nouns and phrases of organisation mentions that describe a body instead of naming it
    /// (rules/nominal-bodies.tsv), keyed by the normalised words joined with a space.
    public var nominalBodies: KeyMap<NominalComplement> {
        _read { yield box.t.nominalBodies }
        set { update { $0.nominalBodies = newValue } }
    }
    public var personNameWords: KeySet {
        _read { yield box.t.personNameWords }
        set { update { $0.personNameWords = newValue } }
    }
    public var moneyWords: KeyMap<MoneyWord> {
        _read { yield box.t.moneyWords }
        set { update { $0.moneyWords = newValue } }
    }
    /// Single name words from ANETAC: key → (class, English transliteration).
    public var nameWords: KeyMap<NameWord> {
        _read { yield box.t.nameWords }
        set { update { $0.nameWords = newValue } }
    }
    /// English transliterations of the ANETAC name words, lower-cased → class.
    public var englishNameWords: KeyMap<String> {
        _read { yield box.t.englishNameWords }
        set { update { $0.englishNameWords = newValue } }
    }
    public var titles: PhraseTable<String> {
        get { box.t.titles }
        set { update { $0.titles = newValue } }
    }
    public var spellingVariants: SpellingVariants {
        _read { yield box.t.spellingVariants }
        set { update { $0.spellingVariants = newValue } }
    }
    public var organisationsAfterHeads: KeyMap<Int> {
        _read { yield box.t.organisationsAfterHeads }
        set { update { $0.organisationsAfterHeads = newValue } }
    }
    public var organizationHeads: PhraseTable<OrganizationHead> {
        get { box.t.organizationHeads }
        set { update { $0.organizationHeads = newValue } }
    }
    /// Nouns that name a product by the name after them (rules/product-heads.tsv: هاتف آيفون, صاروخ هواسونغ).
    public var productHeads: KeySet { box.t.productHeads }
    /// Arabic spellings of Latin letter names (rules/letter-names.txt: آي, دي, سي): acronyms written letter by letter.
    public var letterNames: KeySet { box.t.letterNames }
    /// Nouns that name an organisation only before a quoted name (rules/quoted-name-heads.tsv: موقع "تويتر").
    public var quotedNameHeads: PhraseTable<OrganizationHead> {
        get { box.t.quotedNameHeads }
        set { update { $0.quotedNameHeads = newValue } }
    }
    public var placeTriggers: PhraseTable<PlaceTrigger> {
        get { box.t.placeTriggers }
        set { update { $0.placeTriggers = newValue } }
    }
    public var eventTriggers: PhraseTable<EventTrigger> {
        get { box.t.eventTriggers }
        set { update { $0.eventTriggers = newValue } }
    }
    /// One-word Arabic triggers the table lists without the article, by their definite form (القمة of قمة).
    public var definiteEventTriggers: KeyMap<EventTrigger> { _read { yield box.t.definiteEventTriggers } }
    /// Trigger rows written with a gap (`…`): a head, a few words, a tail (إطلاق جماعة الحوثي لصواريخ).
    public var gappedEventTriggers: GappedTriggers { _read { yield box.t.gappedEventTriggers } }
    public var definiteDescriptions: PhraseTable<DefiniteDescription> {
        get { box.t.definiteDescriptions }
        set { update { $0.definiteDescriptions = newValue } }
    }
    public var relationRules: [RelationRule] {
        _read { yield box.t.relationRules }
        set { update { $0.relationRules = newValue } }
    }
    public var compiledRules: CompiledRules { _read { yield box.t.compiledRules } }
    var taggerWords: KnownWordsPool<TaggerWordMemo.Word> { box.taggerWords }
    public var analyzer: TextAnalyzer {
        _read { yield box.t.analyzer }
        set { update { $0.analyzer = newValue } }
    }
    public var tagger: SequenceTagger? {
        _read { yield box.t.tagger }
        set { update { $0.tagger = newValue } }
    }
    /// Rows from the user's `--rules` TSV files, by the bundled table they extend (`rules/event-triggers.tsv`).
    public var userTables: [String: [[String]]] {
        _read { yield box.t.userTables }
        set { update { $0.userTables = newValue } }
    }
    /// Date, casualty and statement words (bundled plus user rows).
    public var cues: ExtractionTables {
        _read { yield box.t.cues }
        set { update { $0.cues = newValue } }
    }
    /// Event role words and type classes (bundled plus user rows).
    public var eventRoles: EventRoles {
        _read { yield box.t.eventRoles }
        set { update { $0.eventRoles = newValue } }
    }
    /// Office words for relations inferred from titles (offices.tsv, bundled plus user rows).
    var offices: RelationInference.Tables {
        _read { yield box.t.offices }
        set { update { $0.offices = newValue } }
    }

    public struct NameWord: Sendable { public var cls: String; public var english: String }
    /// How a word continues a person's name: a regnal number ends it, a family marker or link takes the next word.
    /// `kin`: a kin-group noun, which before a family marker names the group, not a person (قبيلة آل غليس).
    public enum NameContinuation: String, Sendable { case ordinal, family, link, kin }
    /// What must follow a nominal head: common words with a country's nisba adjective among them, or common words.
    public enum NominalComplement: String, Sendable { case demonym, common }
    /// What a money word is (rules/money-words.tsv).
    public enum MoneyWord: String, Sendable { case currency, amount, price }
    /// `standalone`: an Arabic chain after this head names a body even where the tagger reads no name there
    /// (وزارة المالية, مجلس الوزراء): such bodies are named by their function, which the tagger's training data leaves out.
    public struct OrganizationHead: Sendable {
        public var subtype: String
        public var standalone: Bool
        /// The head is also an adjective (البحرية "the navy" / "naval"): after a definite word it qualifies that word
        /// (هيئة عمليات التجارة البحرية البريطانية) and starts no name.
        public var adjective: Bool = false
        /// The head and a place name name that place's body (منتخب فرنسا, حكومة لبنان): name-only annotation tags the place.
        public var ofPlace: Bool = false
        /// The English name of such a body, `{place}` standing for the place's English name ("{place} national team").
        public var english: String = ""
    }
    /// A leader's body (rules/leader-bodies.tsv): its subtype and English name, `{person}` standing for his.
    public struct LeaderBody: Sendable { public var head: String; public var subtype: String; public var english: String }
    /// `keep`: the trigger is part of the name (حي الزهور); `nameOnly`: name-only annotation (CoNLL) leaves it out even
    /// before a known place (نهر النيجر: النيجر).
    public struct PlaceTrigger: Sendable { public var subtype: String; public var keep: Bool; public var nameOnly = false }
    /// An event trigger row: its type, CAMEO code, and whether the event needs a named target to be one (the
    /// `needs` column: إطلاق صواريخ على X is a strike, a test launch or منصة إطلاق صواريخ is none).
    public struct EventTrigger: Sendable {
        public var type: String; public var cameo: String; public var needsTarget = false
        init(row: [String]) { type = row[1]; cameo = row[2]; needsTarget = row.count > 3 && row[3] == "target" }
    }
    public struct DefiniteDescription: Sendable { public var type: EntityType; public var head: String }
    /// Event-trigger rows with a gap, `head … tail` in the trigger column: the head's words, up to `maxGap` words,
    /// then the tail's (إطلاق … صواريخ matches إطلاق أكثر من ١٠٠ صاروخ and أطلقت سبعة صواريخ with أطلقت … صواريخ).
    /// EventExtractor decides which words a gap may hold.
    public struct GappedTriggers: Sendable {
        /// Heads → index of their tails in `tails`.
        public private(set) var heads = PhraseTable<Int>()
        public private(set) var tails: [PhraseTable<EventTrigger>] = []
        private var tailOf: [String: Int] = [:]
        /// At most this many words between head and tail.
        public static let maxGap = 4
        mutating func add(head: [String], tail: [String], _ value: EventTrigger) {
            guard !head.isEmpty, !tail.isEmpty else { return }
            let name = head.joined(separator: " ")
            let i: Int
            if let t = tailOf[name] { i = t } else {
                i = tails.count; tails.append(PhraseTable()); tailOf[name] = i; heads.add(head, i)
            }
            tails[i].add(tail, value)
        }
        public var isEmpty: Bool { tails.isEmpty }
    }

    /// Loads the bundled resources, then the user's lexicon and rule files (which win over bundled entries).
    public static func load(userLexicons: [String] = [], userRules: [String] = [], useTagger: Bool = true) throws -> LexiconSet {
        // The name words and the tagger (its model and the word clusters its features read) depend on nothing else
        // here: made on another core meanwhile, a third of start-up. Errors are reported where they were.
        let nameWordsLoad = Background { () -> NameWordTables in
            // common English words are never taken for a transliterated name (left out here rather than removed
            // afterwards: a KeyMap removal rebuilds the map)
            var read = NameWordTables(notNames: ["the", "a", "an", "and", "of", "in", "on", "at", "to", "for", "by", "with", "said", "says", "he", "she", "it", "they", "we", "but", "as", "is", "was", "be", "are", "were", "has", "have", "had", "not", "this", "that", "from", "or", "after", "before", "more", "new", "last", "first", "will", "would", "can", "may", "june", "march", "may", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "president", "minister", "general"])
            if let data = try? BundledResources.data("lexicon/name-words.tsv") {
                let fast = data.withUnsafeBytes { read.readLines($0.bindMemory(to: UInt8.self)) }
                if !fast {
                    for line in String(decoding: data, as: UTF8.self).lineFeedSeparated() where !line.isEmpty && !line.startsWithHash {
                        let c = line.tabSeparated()
                        // (the byte counts reject most cells at once: no other text is canonically equal to these ASCII words)
                        guard c.count >= 3, !(c[0].utf8.count == 2 && c[0] == "ar") else { continue }
                        read.add(String(c[0]), String(c[1]), String(c[2]), organization: c[2].utf8.count == 12 && c[2] == "ORGANIZATION")
                    }
                }
            }
            return read
        }
        let taggerLoad = Background { () throws -> SequenceTagger? in
            guard useTagger, let w = try? BundledResources.text("models/ner-ar.perceptron") else { return nil }
            let tagger = try SequenceTagger(serialized: w)
            _ = WordClusters.bundled
            return tagger
        }
        let abbreviations = Set(try BundledResources.list("lexicon/abbreviations-en.txt"))
        let plain = Tokenizer(segmenter: CliticSegmenter(vocabulary: Vocabulary(), functionWords: []), abbreviations: abbreviations)
        let reader = KeyReader(plain)
        func keys(_ s: String) -> [String] { reader.keys(s, keep: Gazetteer.isNameKey) }
        var gaz = Gazetteer()
        for f in BundledResources.files(in: "lexicon", ext: "tsv") where !f.hasSuffix("wordfreq.tsv") && !f.hasSuffix("name-words.tsv") {
            try gaz.load(data: BundledResources.data(f), file: f, isUser: false)
        }
        for f in userLexicons {
            guard let data = FileManager.default.contents(atPath: f) else { throw LexiconError.unreadable(file: f, reason: "no such file or not readable") }
            try gaz.load(tsv: String(decoding: data, as: UTF8.self), file: f, isUser: true)
        }
        let functionWords = KeySet(try BundledResources.list("lexicon/arabic-function-words.txt").map(Normalizer.key))
        var events = gaz.filtered { $0.type == .event }
        gaz = gaz.filtered { $0.type != .event }
        // a one-word Arabic name that is also a function word (عنة = عنه "about him") is never looked up
        gaz.buildIndex(keysOf: keys, skip: { keys, entry in keys.count == 1 && !entry.isUserEntry && functionWords.contains(keys[0]) })
        events.buildIndex(keysOf: keys)

        var vocab = Vocabulary(frequencyData: try BundledResources.data("lexicon/arabic-wordfreq.tsv"))
        for k in gaz.singleTokenKeys { vocab.addName(k) }
        for k in events.singleTokenKeys { vocab.addName(k) }
        // the first word of a known place's or organisation's name is a word, not a clitic and a remainder (فيصل, not
        // ف + يصل; دولة, مؤسسة, قرية); person names' first words are in name-words.tsv
        for f in gaz.firstKeys(where: { $0.type == .place || $0.type == .organization })
            where UTF8Decoding.scalarCount(f) >= 3 && (0x600...0x6FF).contains(f.unicodeScalars.first!.value) {
            vocab.protect(f)
        }
        // and the first word of a place's name that news rarely writes alone is a name after a clitic too (لبيونغ يانغ
        // is ل + بيونغ يانغ, the city), unless a clitic and it make a word of their own (فؤاد is no ف + واد)
        // (the words found first, then added: the test reads only the frequencies, which adding names leaves alone)
        let clitics = ["و", "ف", "ب", "ل", "ك"]
        // (the closure reads a constant: the variable `vocab`, captured, was copied at each read, a dozen retains)
        let counts = vocab
        let rareFirsts = gaz.firstKeys(where: { $0.type == .place }).filter { f in
            UTF8Decoding.scalarCount(f) >= 4 && !f.startsWithLetters("ال") && (0x600...0x6FF).contains(f.unicodeScalars.first!.value)
                && counts.count(f) < 100 && !functionWords.contains(f) && !clitics.contains(where: { counts.count($0, f) >= 3 })
        }
        for f in rareFirsts { vocab.addName(f) }
        for row in try table("rules/place-triggers.tsv") + table("rules/organization-heads.tsv") {
            let k = Normalizer.key(row[0])
            if UTF8Decoding.scalarCount(k) == 2 { vocab.protect(k) }
        }
        let read = try nameWordsLoad.value()
        vocab.reserveProtected(vocab.protected.count + read.protected.count)
        for k in read.protected { vocab.protect(k) }
        let nameWords = read.nameWords, englishNameWords = read.englishNameWords
        let analyzer = TextAnalyzer(tokenizer: Tokenizer(segmenter: CliticSegmenter(vocabulary: vocab, functionWords: functionWords),
                                                         abbreviations: abbreviations))
        var set = Tables(analyzer: analyzer)
        set.gazetteer = gaz
        // (the person entries read in place, not copied into a filtered array)
        for i in gaz.entries.indices where gaz.entries[i].type == .person {
            for n in gaz.entries[i].allNames { for k in keys(n) { set.personNameWords.insert(k) } }
        }
        set.namedEvents = events
        set.vocabulary = vocab
        set.functionWords = functionWords
        set.nameWords = nameWords
        set.englishNameWords = englishNameWords
        set.stopwords = KeySet(try BundledResources.list("rules/name-stopwords.txt").map(Normalizer.key))

        for f in userRules where f.hasSuffix(".tsv") {
            let name = "rules/" + (f as NSString).lastPathComponent
            guard (try? BundledResources.text(name)) != nil else {
                throw LexiconError.unknownTable(file: f, known: BundledResources.files(in: "rules", ext: "tsv").map { ($0 as NSString).lastPathComponent })
            }
            guard let data = FileManager.default.contents(atPath: f) else { throw LexiconError.unreadable(file: f, reason: "no such file or not readable") }
            let text = String(decoding: data, as: UTF8.self)
            let numbered = numberedRows(of: text)
            if name == "rules/statement-cues.tsv" { try ExtractionTables.validateStatementCues(numbered, file: f) }
            try Self.validateClosedColumns(name, numbered, file: f)
            if name == "rules/event-triggers.tsv" {
                for (line, cells) in numbered where cells.first?.contains("…") == true {
                    let parts = cells[0].components(separatedBy: "…")
                    guard parts.count == 2, parts.allSatisfy({ !$0.trimmingCharacters(in: .whitespaces).isEmpty }) else {
                        throw LexiconError.badRow(file: f, line: line, reason: "trigger '\(cells[0])': a gap (…) stands between words, once")
                    }
                }
            }
            set.userTables[name, default: []] += numbered.map(\.cells)
        }
        let userTables = set.userTables
        func rulesTable(_ path: String) throws -> [[String]] { try Self.table(path) + (userTables[path] ?? []) }
        if !set.userTables.isEmpty {
            set.cues = ExtractionTables(rows: set.rows)
            set.eventRoles = EventRoles(rows: set.rows("rules/event-roles.tsv"))
            set.offices = RelationInference.Tables(rows: set.rows("rules/offices.tsv"))
        }
        set.negationCues = KeySet(try rulesTable("rules/negation-cues.tsv").compactMap { $0.first.map(Normalizer.key) })
        set.facilityAdjectives = KeySet(try rulesTable("rules/facility-adjectives.tsv").compactMap { $0.first.map(Normalizer.key) })
        for row in try rulesTable("rules/leader-bodies.tsv") where row.count >= 3 {
            set.leaderBodies[Normalizer.key(row[0])] = LeaderBody(head: row[0], subtype: row[1], english: row[2])
        }
        set.englishDefiniteNames = Set(try rulesTable("rules/english-definite-names.tsv").compactMap { $0.first?.lowercased() })
        for row in try rulesTable("rules/name-continuations.tsv") where row.count >= 2 {
            guard let kind = NameContinuation(rawValue: row[1]) else { continue }
            set.nameContinuations.add(keys(row[0]), kind)
        }
        for row in try rulesTable("rules/idioms.tsv") where !row.isEmpty { set.idioms.add(keys(row[0]), row.count > 1 ? row[1] : "") }
        for row in try rulesTable("rules/nominal-bodies.tsv") where row.count >= 2 {
            guard let kind = NominalComplement(rawValue: row[1]) else { continue }
            set.nominalBodies[keys(row[0]).joined(separator: " ")] = kind
        }
        for row in try rulesTable("rules/money-words.tsv") where row.count >= 2 {
            guard let kind = MoneyWord(rawValue: row[1]) else { continue }
            set.moneyWords[Normalizer.key(row[0])] = kind
        }
        for row in try rulesTable("rules/person-titles.tsv") { set.titles.add(keys(row[0]), row.count > 1 ? row[1] : "person") }
        for row in try rulesTable("rules/organization-heads.tsv") {
            set.organizationHeads.add(keys(row[0]), OrganizationHead(subtype: row.count > 1 ? row[1] : "Organization",
                                                                     standalone: row.count > 2 && row[2] == "yes",
                                                                     adjective: row.count > 3 && row[3] == "yes",
                                                                     ofPlace: row.count > 4 && row[4] == "yes",
                                                                     english: row.count > 5 ? row[5] : ""))
        }
        set.letterNames = KeySet(try BundledResources.list("rules/letter-names.txt").map(Normalizer.key))
        set.productHeads = KeySet(try rulesTable("rules/product-heads.tsv").compactMap { $0.first.map(Normalizer.key) })
        for row in try rulesTable("rules/quoted-name-heads.tsv") where row.count >= 2 {
            set.quotedNameHeads.add(keys(row[0]), OrganizationHead(subtype: row[1], standalone: false))
        }
        let heads = set.organizationHeads
        set.organisationsAfterHeads = set.gazetteer.organisationsAfterHeads { heads.contains(key: $0) }
        set.spellingVariants = SpellingVariants(set.gazetteer)
        for row in try rulesTable("rules/place-triggers.tsv") where row.count >= 3 {
            set.placeTriggers.add(keys(row[0]), PlaceTrigger(subtype: row[1], keep: row[2] == "yes", nameOnly: row.count > 3 && row[3] == "yes"))
        }
        let triggerRows = try rulesTable("rules/event-triggers.tsv").filter { $0.count >= 3 }
        let listedKeys = Set(triggerRows.map { Normalizer.key($0[0]) })
        for row in triggerRows {
            let k = Normalizer.key(row[0])
            if !k.contains(" "), !row[0].contains("…"), !k.hasPrefix("ال"), let first = k.unicodeScalars.first, (0x600...0x6FF).contains(first.value),
               !listedKeys.contains("ال" + k), set.definiteEventTriggers["ال" + k] == nil {
                set.definiteEventTriggers["ال" + k] = EventTrigger(row: row)
            }
        }
        for row in triggerRows {
            let parts = row[0].components(separatedBy: "…")
            if parts.count == 2 {
                set.gappedEventTriggers.add(head: keys(parts[0]), tail: keys(parts[1]), EventTrigger(row: row))
            } else {
                set.eventTriggers.add(keys(row[0]), EventTrigger(row: row))
            }
        }
        for row in try rulesTable("rules/definite-descriptions.tsv") where row.count >= 3 {
            guard let t = EntityType(label: row[1]) else { continue }
            set.definiteDescriptions.add(keys(row[0]), DefiniteDescription(type: t, head: Normalizer.key(row[2])))
        }
        set.relationRules = try RelationRule.parse(BundledResources.text("rules/relations.rules"), file: "rules/relations.rules", keysOf: keys)
        for f in userRules where !f.hasSuffix(".tsv") {
            guard let data = FileManager.default.contents(atPath: f) else { throw LexiconError.unreadable(file: f, reason: "no such file or not readable") }
            set.relationRules += try RelationRule.parse(String(decoding: data, as: UTF8.self), file: f, keysOf: keys)
        }
        if let tagger = try taggerLoad.value() { set.tagger = tagger }
        return LexiconSet(set)
    }

    /// A value made on another thread: started at once, waited for by `value()` (which rethrows its error).
    final class Background<T>: @unchecked Sendable {
        private var result: Result<T, Error>?
        private let done = DispatchGroup()

        init(_ make: @escaping @Sendable () throws -> T) {
            done.enter()
            DispatchQueue.global().async {
                self.result = Result(catching: make)
                self.done.leave()
            }
        }

        func value() throws -> T {
            done.wait()
            return try result!.get()
        }
    }

    /// What lexicon/name-words.tsv adds: a value of its own, so that the loop over its 67,000 lines reads and writes
    /// these tables directly (as variables captured by `load`'s closures, each access was checked at run time).
    struct NameWordTables {
        var nameWords = KeyMap<NameWord>()
        var englishNameWords = KeyMap<String>()
        /// Keys the vocabulary must not split (all but organisations' words), in file order.
        var protected: [String] = []
        let notNames: KeySet

        mutating func add(_ word: String, _ english: String, _ cls: String, organization: Bool) {
            let k = Normalizer.key(word)
            nameWords[k] = NameWord(cls: cls, english: english)
            let en = Normalizer.key(english)
            // (the first class an English spelling has: one lookup, not a read and then a write)
            if !notNames.contains(en) { englishNameWords.insertIfAbsent(en, cls) }
            if !organization { protected.append(k) }
        }

        /// Without carriage returns the lines and cells are found in the bytes (67,000 lines: the Substring slices of
        /// `lineFeedSeparated` and `tabSeparated`, each index checked, cost more than the rest); the same lines, cells
        /// and tests as the String reading in `load`, which a file with "\r" still takes. False (nothing read) for such a file.
        mutating func readLines(_ u: UnsafeBufferPointer<UInt8>) -> Bool {
            if u.contains(0x0D) { return false }
            func string(_ a: Int, _ b: Int) -> String { String(decoding: UnsafeBufferPointer(rebasing: u[a..<b]), as: UTF8.self) }
            func equals(_ a: Int, _ b: Int, _ ascii: StaticString) -> Bool {
                b - a == ascii.utf8CodeUnitCount && memcmp(u.baseAddress! + a, ascii.utf8Start, b - a) == 0
            }
            let n = u.count
            // (room for a word per line in the tables, made once)
            var lines = 1
            for b in u where b == 0x0A { lines += 1 }
            nameWords.reserveCapacity(lines)
            englishNameWords.reserveCapacity(lines)
            protected.reserveCapacity(lines)
            var i = 0
            while i <= n {
                var end = i
                while end < n && u[end] != 0x0A { end += 1 }
                defer { i = end + 1 }
                if end == i { continue }
                if u[i] == 0x23 && (end == i + 1 || u[i + 1] < 0x80 || string(i, end).first == "#") { continue }
                // the first three cells (tab-separated, empty ones kept)
                var t1 = i
                while t1 < end && u[t1] != 0x09 { t1 += 1 }
                guard t1 < end else { continue }
                var t2 = t1 + 1
                while t2 < end && u[t2] != 0x09 { t2 += 1 }
                guard t2 < end else { continue }
                var t3 = t2 + 1
                while t3 < end && u[t3] != 0x09 { t3 += 1 }
                // (no other text is canonically equal to these ASCII words: the bytes decide)
                if equals(i, t1, "ar") { continue }
                // (nearly every row has one of three classes, taken as constants: a String made of the bytes validated them at each of 67,000 rows)
                let organization = equals(t2 + 1, t3, "ORGANIZATION")
                let cls = organization ? "ORGANIZATION" : equals(t2 + 1, t3, "PERSON") ? "PERSON"
                    : equals(t2 + 1, t3, "LOCATION") ? "LOCATION" : string(t2 + 1, t3)
                add(string(i, t1), string(t1 + 1, t2), cls, organization: organization)
            }
            return true
        }
    }

    /// Rows of a bundled TSV table (header and comments skipped).
    static func table(_ path: String) throws -> [[String]] { rows(of: try BundledResources.text(path)) }

    /// Rows of a rules table: the bundled file's plus the user's `--rules` file of the same name.
    public func rows(_ path: String) -> [[String]] { box.t.rows(path) }

    /// A column of a rules table whose value chooses what a row does: a kind, a role, a yes/no flag.
    struct ClosedColumn {
        let index: Int
        let name: String
        /// A row may leave the cell out (the table's default applies).
        let optional: Bool
        /// yes, no or empty; else the values the bundled table uses in that column.
        var flag = false
    }

    /// The closed columns of the rules tables a user may extend with `--rules` (statement-cues.tsv has its own
    /// check). Other columns hold words, names, numbers and free labels (event types, subtypes).
    static let closedColumns: [String: [ClosedColumn]] = [
        "rules/casualties.tsv": [ClosedColumn(index: 1, name: "kind", optional: false)],
        "rules/dates.tsv": [ClosedColumn(index: 1, name: "kind", optional: false)],
        "rules/event-roles.tsv": [ClosedColumn(index: 1, name: "class", optional: false)],
        "rules/event-triggers.tsv": [ClosedColumn(index: 3, name: "needs", optional: true)],
        "rules/money-words.tsv": [ClosedColumn(index: 1, name: "kind", optional: false)],
        "rules/name-continuations.tsv": [ClosedColumn(index: 1, name: "kind", optional: false)],
        "rules/nominal-bodies.tsv": [ClosedColumn(index: 1, name: "complement", optional: false)],
        "rules/offices.tsv": [ClosedColumn(index: 1, name: "role", optional: false)],
        "rules/person-titles.tsv": [ClosedColumn(index: 1, name: "role", optional: true)],
        "rules/sports-context.tsv": [ClosedColumn(index: 1, name: "class", optional: false)],
        "rules/place-triggers.tsv": [ClosedColumn(index: 2, name: "keep", optional: false, flag: true),
                                     ClosedColumn(index: 3, name: "name-only", optional: true, flag: true)],
        "rules/organization-heads.tsv": [ClosedColumn(index: 2, name: "standalone", optional: true, flag: true),
                                         ClosedColumn(index: 3, name: "adjective", optional: true, flag: true),
                                         ClosedColumn(index: 4, name: "of-place", optional: true, flag: true)],
    ]

    /// Checks a user's rules table (`--rules`): every closed column holds a value the table knows. A typo (`ordnal`,
    /// `yse`) would otherwise make a row that silently does nothing; the error names the file, line and value.
    static func validateClosedColumns(_ table: String, _ rows: [(line: Int, cells: [String])], file: String) throws {
        guard let columns = closedColumns[table] else { return }
        let bundled = try Self.table(table)
        let allowed = columns.map { c in
            c.flag ? ["yes", "no", ""] : Set(bundled.compactMap { $0.count > c.index ? $0[c.index] : nil })
        }
        for (line, cells) in rows {
            for (c, values) in zip(columns, allowed) {
                guard c.index < cells.count else {
                    if c.optional { continue }
                    throw LexiconError.badRow(file: file, line: line, reason: "no \(c.name) (column \(c.index + 1))")
                }
                let v = cells[c.index]
                guard !values.contains(v) else { continue }
                let known = c.flag ? "yes, no or empty" : values.sorted().joined(separator: ", ")
                throw LexiconError.badRow(file: file, line: line, reason: "\(c.name) '\(v)' is not one of: \(known)")
            }
        }
    }

    /// Rows of TSV text: comments and the header line skipped, cells split on tabs and trimmed.
    static func rows(of text: String) -> [[String]] { numberedRows(of: text).map(\.cells) }

    /// `rows(of:)` with the 1-based line number of each row, for errors that point at a user's line.
    static func numberedRows(of text: String) -> [(line: Int, cells: [String])] {
        var rows: [(line: Int, cells: [String])] = []
        var sawHeader = false
        for (n, lfLine) in text.lineFeedSeparated().enumerated() {
            // (other line breaks — CR alone, NEL, U+2028 — still end a row, numbered by the line feed before them)
            for line in lfLine.newlineSeparated() {
                if line.startsWithHash || line.trimmingSpaces().isEmpty { continue }
                if !sawHeader { sawHeader = true; continue }
                rows.append((n + 1, line.tabSeparated().map { $0.trimmingSpaces() }))
            }
        }
        return rows
    }
}
