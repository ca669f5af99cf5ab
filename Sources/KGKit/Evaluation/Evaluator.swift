import Foundation

/// `kg eval`: entity and relation quality against gold files (same format and matching rules as
/// ../shared/eval/score.py), and token-level NER quality on CoNLL data.
public enum Evaluator {
    // MARK: - CoNLL

    /// Consecutive CoNLL sentences read as one article by `conll` (CoNLL files such as ANERcorp's have no document
    /// boundaries; their sentences follow each other as in the articles they come from).
    public static let conllDocumentSize = 20

    /// Runs the recogniser on the tokens of a CoNLL file and scores exact spans per type. Sentences are read in
    /// blocks of `documentSize` consecutive sentences, each block as one article, as kg reads news (a name the
    /// article confirms elsewhere counts); `documentSize: 1` reads each sentence alone.
    public static func conll(_ text: String, lexicons: LexiconSet, documentSize: Int = conllDocumentSize) -> CoNLLScore {
        conllPredictions(text, lexicons: lexicons, documentSize: documentSize).score
    }

    /// `conll`'s score together with every token as "word gold predicted" lines (a blank line between sentences), the
    /// layout conlleval reads, for error analysis.
    public static func conllPredictions(_ text: String, lexicons: LexiconSet, documentSize: Int = conllDocumentSize)
        -> (score: CoNLLScore, lines: String) {
        let sentences = CoNLL.parse(text)
        let gold = sentences.map { $0.map(\.tag) }
        let pred = tags(forSentences: sentences.map { $0.map(\.word) }, documentSize: documentSize,
                        extractor: ArticleExtractor(lexicons: lexicons))
        var lines = ""
        for (k, s) in sentences.enumerated() {
            for (j, w) in s.enumerated() { lines += "\(w.word) \(gold[k][j]) \(pred[k][j])\n" }
            lines += "\n"
        }
        return (CoNLL.score(gold: gold, predicted: pred), lines)
    }

    /// English words that make a class word part of a place's name (Sadr City, Kuwait City, Ras Tanura Province).
    static let classWordsEn: Set<String> = ["city", "town", "village", "province", "governorate", "region", "district", "county", "state"]

    /// Head nouns that name-only annotation leaves out before a body's name: a club, team, company, newspaper or
    /// movement is tagged by its name (بنادي | الزمالك, شركة | نيسان, صحيفة | الشرق الأوسط, حركة | حماس: ANERcorp
    /// tags the head in 4 of 71 such names), a party, university or organisation with it (حزب العمال, جامعة القاهرة).
    static let nameOnlyOrganizationHeads: Set<String> = ["نادي", "فريق", "شركه", "صحيفه", "جريده", "حركه"]

    /// BIO tags for consecutive sentences given as words, read in blocks of `documentSize` sentences, each block as
    /// one article (`kg eval --conll` and the folds of `kg train --folds` read CoNLL files this way).
    public static func tags(forSentences sentences: [[String]], documentSize: Int, extractor: ArticleExtractor) -> [[String]] {
        var out: [[String]] = []
        var i = 0
        while i < sentences.count {
            out += tags(forDocument: Array(sentences[i..<min(sentences.count, i + max(1, documentSize))]), extractor: extractor)
            i += max(1, documentSize)
        }
        return out
    }

    /// BIO tags kg assigns to a sentence given as words.
    public static func tags(for words: [String], extractor: ArticleExtractor) -> [String] {
        tags(forDocument: [words], extractor: extractor)[0]
    }

    /// BIO tags kg assigns to consecutive sentences given as words, read as one article (one sentence a line; a single
    /// sentence is laid out as `CoNLL.text(of:)` lays it out).
    public static func tags(forDocument sentences: [[String]], extractor: ArticleExtractor) -> [[String]] {
        var text = "", starts: [(sentence: Int, word: Int, start: Int)] = []
        if sentences.count == 1 {
            let (t, s) = CoNLL.text(of: sentences[0])
            text = t
            starts = s.enumerated().map { (0, $0.offset, $0.element) }
        } else {
            var off = 0
            for (si, words) in sentences.enumerated() {
                for (wi, w) in words.enumerated() {
                    starts.append((si, wi, off))
                    text += w + (wi + 1 < words.count ? " " : "")
                    off += w.unicodeScalars.count + (wi + 1 < words.count ? 1 : 0)
                }
                text += "\n"; off += 1
            }
        }
        var tags = sentences.map { [String](repeating: "O", count: $0.count) }
        guard !starts.isEmpty else { return tags }
        let doc = extractor.lexicons.analyzer.analyze(text, language: "ar")
        let x = extractor.extract(Article(sourceID: "", title: "", text: text, language: "ar"), analyzed: doc)
        let nestedPlaces = Set(x.mentions.lazy.filter { $0.rule == "nested" && $0.type == .place }.map(\.tokens))
        func isPlaceName(_ r: Range<Int>) -> Bool {
            !extractor.lexicons.gazetteer.names(keys: r.map { doc.tokens[$0].key }, type: .place).isEmpty
        }
        func word(_ cp: Int) -> (Int, Int) {
            var lo = 0, hi = starts.count - 1
            while lo < hi { let m = (lo + hi + 1) / 2; if starts[m].start <= cp { lo = m } else { hi = m - 1 } }
            return (starts[lo].sentence, starts[lo].word)
        }
        for m in x.mentions where m.rule != "nested" && !m.isDemonym && m.rule != "demonym-in-name" && m.type != .event && m.rule != "definite-description" && !m.isNominal
            // (nor an abbreviation spelled in single letters, as news agencies sign: د ب أ, أ ف ب; ANERcorp tags none of its 12)
            && !m.tokens.allSatisfy({ doc.tokens[$0].script == .arabic && doc.tokens[$0].key.unicodeScalars.count == 1 }) {
            var label: String
            switch m.type {
            case .person: label = "PER"
            case .organization: label = "ORG"
            case .place: label = "LOC"
            case .event: continue
            }
            // (a country read as its national team, مدرب إنجلترا, is the place name-only annotation tags)
            if m.rule == "national-team" { label = "LOC" }
            // Name-only annotation leaves out the class word before a place's name (مدينة غزة, مطار بيروت: غزة,
            // بيروت) and tags the place in its team or government (منتخب فرنسا: فرنسا, LOC), as ANERcorp does.
            var start = m.start, end = m.end
            if let inner = m.nameOnlySpan {
                start = doc.tokens[inner.lowerBound].start
                end = doc.tokens[inner.upperBound - 1].end
            } else if m.rule == "leader-body" {
                // a leader's body named with his name (إدارة بوش): name-only annotation tags the leader (after a
                // title, his own mention does: إدارة الرئيس بوش)
                guard doc.tokens[m.tokens.lowerBound + 1].start == x.mentions.first(where: { $0.type == .person && $0.end == m.end && $0.start > m.start })?.start
                else { continue }
                start = doc.tokens[m.tokens.lowerBound + 1].start
                label = "PER"
            } else if m.tokens.count > 1 {
                let head = doc.tokens[m.tokens.lowerBound], rest = m.tokens.lowerBound + 1
                // (where the trigger rule joined them, or the rest is a place nested in it, or after a class word
                // (مدينة or نهر, not ريف) a known place's name; a gazetteer name such as مدينة الصدر or ريف دمشق is a name)
                if m.type == .place, !head.hasArticle, let trigger = extractor.lexicons.placeTriggers.value(key: head.stem),
                   m.rule == "place-trigger" || nestedPlaces.contains(rest..<m.tokens.upperBound)
                    || (!trigger.keep || trigger.nameOnly) && isPlaceName(rest..<m.tokens.upperBound)
                    // (or a known city whose Arabic name keeps its class word only to tell it from a common word, as
                    // its English name shows: مدينة مشهد is Mashhad, مدينة الصدر is Sadr City)
                    || !trigger.keep && m.entryID.flatMap({ extractor.lexicons.gazetteer.entry(id: $0) }).map({ e in
                        e.type == .place && !e.nameEn.isEmpty && !e.nameEn.split(separator: " ").contains { Self.classWordsEn.contains($0.lowercased()) }
                    }) == true {
                    start = doc.tokens[rest].start
                } else if m.type == .organization, !head.hasArticle,
                          extractor.lexicons.organizationHeads.value(key: head.stem)?.ofPlace == true,
                          nestedPlaces.contains(rest..<m.tokens.upperBound) {
                    start = doc.tokens[rest].start
                    label = "LOC"
                } else if m.type == .organization, head.script == .arabic, Self.nameOnlyOrganizationHeads.contains(String(head.bareStem)),
                          // (a name, not a head and its adjectives: شركة بريطانية, النادي الأهلي is a name)
                          (rest..<m.tokens.upperBound).contains(where: { k in
                              let t = doc.tokens[k]
                              return t.kind == .word && !(t.script == .arabic && !t.hasArticle && EntityRecognizer.isNisbaShaped(t.key))
                          }) {
                    start = doc.tokens[rest].start
                }
            }
            let (sa, a) = word(start), (sb, b) = word(max(start, end - 1))
            guard sa == sb, tags[sa][a...b].allSatisfy({ $0 == "O" }) else { continue }
            tags[sa][a] = "B-" + label
            if b > a { for k in (a + 1)...b { tags[sa][k] = "I-" + label } }
        }
        return tags
    }

    // MARK: - gold files

    public struct FileReport: Sendable {
        public var file: String
        public var precision: Double, recall: Double, f1: Double
        public var fragments: Int
        public var relationRecall: Double
        public var relationsFound: Int, relationsGold: Int
        public var coreEntities: String, coreRelations: String
        public var missingEntities: [String], missingRelations: [String], spurious: [String], forbidden: [String]
        public var byType: [String: (gold: Int, matched: Int, predicted: Int, correct: Int)]
        /// Predicted edges between entities the gold knows, by predicate: (predicted, confirmed by a gold relation).
        public var predictedRelations: [String: (predicted: Int, correct: Int)] = [:]
    }

    public struct Report: Sendable {
        public var files: [FileReport]

        public var total: (p: Double, r: Double, f1: Double, relR: Double, fragments: Int) {
            var tp = 0, pred = 0, matched = 0, gold = 0, rf = 0, rg = 0, fr = 0
            for f in files {
                for (_, v) in f.byType { tp += v.correct; pred += v.predicted; matched += v.matched; gold += v.gold }
                rf += f.relationsFound; rg += f.relationsGold; fr += f.fragments
            }
            let p = pred > 0 ? Double(tp) / Double(pred) : 0
            let r = gold > 0 ? Double(matched) / Double(gold) : 0
            return (p, r, p + r > 0 ? 2 * p * r / (p + r) : 0, rg > 0 ? Double(rf) / Double(rg) : 0, fr)
        }

        public func table() -> String {
            var out = "file\tentity_P\tentity_R\tentity_F1\tfragments\trelation_R\tcore_entities\tcore_relations\n"
            for f in files {
                out += "\(f.file)\t\(fmt(f.precision))\t\(fmt(f.recall))\t\(fmt(f.f1))\t\(f.fragments)\t\(fmt(f.relationRecall)) (\(f.relationsFound)/\(f.relationsGold))\t\(f.coreEntities)\t\(f.coreRelations)\n"
            }
            let t = total
            out += "TOTAL\t\(fmt(t.p))\t\(fmt(t.r))\t\(fmt(t.f1))\t\(t.fragments)\t\(fmt(t.relR))\n\n"
            out += "by type (all files)\tgold\tmatched\tpredicted\tcorrect\tprecision\trecall\tF1\n"
            var agg: [String: (Int, Int, Int, Int)] = [:]
            for f in files { for (k, v) in f.byType { let o = agg[k] ?? (0, 0, 0, 0); agg[k] = (o.0 + v.gold, o.1 + v.matched, o.2 + v.predicted, o.3 + v.correct) } }
            for (k, v) in agg.sorted(by: { $0.key < $1.key }) {
                let p = v.2 > 0 ? Double(v.3) / Double(v.2) : 0, r = v.0 > 0 ? Double(v.1) / Double(v.0) : 0
                out += "\(k)\t\(v.0)\t\(v.1)\t\(v.2)\t\(v.3)\t\(fmt(p))\t\(fmt(r))\t\(fmt(p + r > 0 ? 2 * p * r / (p + r) : 0))\n"
            }
            var rel: [String: (Int, Int)] = [:]
            for f in files { for (k, v) in f.predictedRelations { let o = rel[k] ?? (0, 0); rel[k] = (o.0 + v.predicted, o.1 + v.correct) } }
            out += "\nrelation precision by predicate (edges between gold entities)\tpredicted\tconfirmed\tprecision\n"
            for (k, v) in rel.sorted(by: { $0.key < $1.key }) { out += "\(k)\t\(v.0)\t\(v.1)\t\(fmt(v.0 > 0 ? Double(v.1) / Double(v.0) : 0))\n" }
            for f in files where !(f.missingEntities.isEmpty && f.missingRelations.isEmpty && f.forbidden.isEmpty) {
                out += "\n\(f.file)\n"
                if !f.missingEntities.isEmpty { out += "  missed entities: \(f.missingEntities.joined(separator: ", "))\n" }
                if !f.missingRelations.isEmpty { out += "  missed relations: \(f.missingRelations.joined(separator: "; "))\n" }
                if !f.spurious.isEmpty { out += "  spurious entities: \(f.spurious.prefix(25).joined(separator: ", "))\n" }
                if !f.forbidden.isEmpty { out += "  WRONG (denied in text): \(f.forbidden.joined(separator: "; "))\n" }
            }
            return out
        }

        /// Compares totals with a floors file (`metric value` lines: entity_f1, entity_recall, relation_recall,
        /// max_fragments); returns what fell below.
        public func check(floorsFile: String) throws -> [String] {
            guard let text = try? String(contentsOfFile: floorsFile, encoding: .utf8) else { throw InputError.unreadable(file: floorsFile, reason: "cannot read floors") }
            let t = total
            var failures: [String] = []
            for line in text.split(separator: "\n") where !line.hasPrefix("#") {
                let c = line.split(separator: " ")
                guard c.count == 2, let v = Double(c[1]) else { continue }
                switch c[0] {
                case "entity_f1": if t.f1 + 1e-9 < v { failures.append("entity F1 \(fmt(t.f1)) < \(v)") }
                case "entity_precision": if t.p + 1e-9 < v { failures.append("entity precision \(fmt(t.p)) < \(v)") }
                case "entity_recall": if t.r + 1e-9 < v { failures.append("entity recall \(fmt(t.r)) < \(v)") }
                case "relation_recall": if t.relR + 1e-9 < v { failures.append("relation recall \(fmt(t.relR)) < \(v)") }
                case "max_fragments": if Double(t.fragments) > v { failures.append("fragments \(t.fragments) > \(Int(v))") }
                default: break
                }
            }
            return failures
        }
    }

    static func fmt(_ d: Double) -> String { String(format: "%.3f", d) }

    static let predicateFamily: [String: [String]] = [
        "spokesperson": ["spokes", "worksfor", "employ", "memberof", "affiliat", "represent", "speaksfor", "position"],
        "leads": ["lead", "command", "head", "chief", "founder", "director", "govern"],
        "memberOf": ["member", "partof", "subunit", "suborganization", "belong", "affiliat", "worksfor", "employ", "position", "role", "govern", "official", "advis", "spokes", "parentorganization"],
        "supports": ["support", "back", "assist", "aid", "help", "ally"],
        "attacks": ["attack", "strike", "assault", "bomb", "raid", "target", "captur", "seiz", "shell", "ambush"],
        "locatedIn": ["located", "containedinplace", "location", "partof", "within", "place", "site"],
        "opposes": ["oppos", "fight", "combat", "hostile", "enemy", "against", "attack", "clash"],
        "participant": ["participant", "agent", "perpetrator", "actor", "attacker", "organizer", "target", "involv"],
    ]

    /// The evaluation's name normalisation (score.py's `norm`).
    static func norm(_ s: String) -> String {
        var k = Normalizer.key(s.precomposedStringWithCompatibilityMapping)
        let punct = Set("\"'“”‘’«»()[]،,.:;!?؟-–—_/".unicodeScalars)
        k = String(String.UnicodeScalarView(k.unicodeScalars.map { punct.contains($0) ? " " : $0 }))
        return k.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" }).joined(separator: " ")
    }

    static func variants(_ s: String) -> Set<String> {
        let n = norm(s)
        var out: Set<String> = [n]
        if n.hasPrefix("ال") && n.count > 4 { out.insert(String(n.dropFirst(2))) }
        if n.hasPrefix("the ") { out.insert(String(n.dropFirst(4))) }
        if n.hasPrefix("al ") { out.insert(String(n.dropFirst(3))) }
        return out
    }

    public static func gold(files: [String], graphFile: String?, lexicons: LexiconSet) throws -> Report {
        var reports: [FileReport] = []
        let shared: KnowledgeGraph? = try graphFile.map { try GraphStore.load($0) }
        for f in files {
            guard let data = FileManager.default.contents(atPath: f) else {
                throw InputError.unreadable(file: f, reason: ArticleReader.whyUnreadable(f))
            }
            guard let gold = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any] else {
                throw InputError.badJSON(file: f, line: nil, reason: "a gold file is one JSON object (../shared/eval/FORMAT.md)")
            }
            let graph: KnowledgeGraph
            if let g = shared { graph = g } else {
                graph = try buildFor(goldFile: f, document: gold["document"] as? String ?? "", lexicons: lexicons)
            }
            reports.append(score(graph: graph, gold: gold, file: (f as NSString).lastPathComponent))
        }
        return Report(files: reports)
    }

    /// Builds a graph for the article a gold file names (looked up next to the gold file, in Examples/articles and seeds).
    static func buildFor(goldFile: String, document: String, lexicons: LexiconSet) throws -> KnowledgeGraph {
        // (a gold file without its article's name would otherwise build the whole folder it names)
        guard !document.isEmpty else {
            throw InputError.badJSON(file: goldFile, line: nil, reason: "no \"document\" naming the gold's article (../shared/eval/FORMAT.md)")
        }
        var isDir: ObjCBool = false
        let dir = (goldFile as NSString).deletingLastPathComponent
        let candidates = [(dir as NSString).appendingPathComponent(document),
                          (dir as NSString).appendingPathComponent("../../Examples/articles/" + document),
                          (dir as NSString).appendingPathComponent("../../seeds/" + document),
                          "Examples/articles/" + document, "seeds/" + document]
        guard let path = candidates.first(where: { FileManager.default.fileExists(atPath: $0, isDirectory: &isDir) && !isDir.boolValue }) else {
            throw InputError.unreadable(file: goldFile, reason: "article \(document) not found next to it, in Examples/articles or in seeds")
        }
        var g = KnowledgeGraph()
        _ = Builder(lexicons: lexicons, threads: 1).build(paths: [path], reader: ArticleReader(), into: &g)
        return g
    }

    static func score(graph g: KnowledgeGraph, gold: [String: Any], file: String) -> FileReport {
        let goldEnts = gold["entities"] as? [[String: Any]] ?? []
        let surfaces = g.surfaceForms()
        var names: [String: Set<String>] = [:]
        for e in g.entities.values {
            var s = Set<String>()
            for n in e.names.values { s.formUnion(variants(n)) }
            for n in surfaces[e.key] ?? [] { s.formUnion(variants(n)) }
            names[e.key] = s
        }
        var ignore = Set<String>()
        for n in gold["acceptable_extras"] as? [String] ?? [] { ignore.formUnion(variants(n)) }
        var goldNames: [(key: String, type: String, names: Set<String>, core: Bool)] = []
        for e in goldEnts {
            var s = Set<String>()
            for n in e["names"] as? [String] ?? [] { s.formUnion(variants(n)) }
            goldNames.append((e["key"] as? String ?? "", e["type"] as? String ?? "", s, e["core"] as? Bool ?? false))
        }
        var nodeToGold: [String: String] = [:]
        for e in g.entities.values.sorted(by: { $0.key < $1.key }) {
            for gn in goldNames where gn.type == e.type.rawValue && !(names[e.key]!.isDisjoint(with: gn.names)) {
                nodeToGold[e.key] = gn.key; break
            }
        }
        var matched: [String: [String]] = [:]
        for (n, k) in nodeToGold { matched[k, default: []].append(n) }
        let predicted = g.entities.values.filter { nodeToGold[$0.key] == nil && names[$0.key]!.isDisjoint(with: ignore) }
        let tp = nodeToGold.count
        let p = tp + predicted.count > 0 ? Double(tp) / Double(tp + predicted.count) : 0
        let r = goldEnts.isEmpty ? 0 : Double(matched.count) / Double(goldEnts.count)
        var byType: [String: (gold: Int, matched: Int, predicted: Int, correct: Int)] = [:]
        for gn in goldNames { var v = byType[gn.type] ?? (0, 0, 0, 0); v.gold += 1; if matched[gn.key] != nil { v.matched += 1 }; byType[gn.type] = v }
        for e in g.entities.values where nodeToGold[e.key] != nil || names[e.key]!.isDisjoint(with: ignore) {
            var v = byType[e.type.rawValue] ?? (0, 0, 0, 0); v.predicted += 1; if nodeToGold[e.key] != nil { v.correct += 1 }; byType[e.type.rawValue] = v
        }
        // relations: direct edges (relations, containment) between matched nodes
        var triples = Set<[String]>()
        for k in Array(g.relations.keys) + g.containmentEdges() {
            if let a = nodeToGold[k.subject], let b = nodeToGold[k.object] { triples.insert([a, Predicate.localName(k.predicate), b]) }
        }
        /// score.py's rule: the predicate's local name falls in the gold family, direction kept except for participant.
        func supports(_ rel: [String: Any], _ a: String, _ local: String, _ b: String) -> Bool {
            guard let s = rel["subject"] as? String, let pr = rel["predicate"] as? String, let o = rel["object"] as? String else { return false }
            let words = predicateFamily[pr] ?? [pr.lowercased()]
            return words.contains { local.contains($0) } && ((a == s && b == o) || (pr == "participant" && a == o && b == s))
        }
        func found(_ rel: [String: Any]) -> Bool { triples.contains { supports(rel, $0[0], $0[1], $0[2]) } }
        let rels = gold["relations"] as? [[String: Any]] ?? []
        let foundRels = rels.filter(found)
        // precision: is each predicted edge between gold entities backed by some gold relation of a matching family?
        var predictedRelations: [String: (predicted: Int, correct: Int)] = [:]
        for k in Array(g.relations.keys) + g.containmentEdges() {
            guard let a = nodeToGold[k.subject], let b = nodeToGold[k.object], a != b else { continue }
            let local = Predicate.localName(k.predicate)
            let ok = rels.contains { supports($0, a, local, b) }
            var v = predictedRelations[k.predicate] ?? (0, 0)
            v.predicted += 1
            if ok { v.correct += 1 }
            predictedRelations[k.predicate] = v
        }
        func relText(_ r: [String: Any]) -> String { "\(r["subject"] ?? "") \(r["predicate"] ?? "") \(r["object"] ?? "")" }
        let core = goldNames.filter(\.core)
        let coreRels = rels.filter { $0["core"] as? Bool ?? false }
        return FileReport(
            file: file, precision: p, recall: r, f1: p + r > 0 ? 2 * p * r / (p + r) : 0,
            fragments: matched.values.reduce(0) { $0 + $1.count - 1 },
            relationRecall: rels.isEmpty ? 0 : Double(foundRels.count) / Double(rels.count),
            relationsFound: foundRels.count, relationsGold: rels.count,
            coreEntities: "\(core.filter { matched[$0.key] != nil }.count)/\(core.count)",
            coreRelations: "\(coreRels.filter(found).count)/\(coreRels.count)",
            missingEntities: goldNames.filter { matched[$0.key] == nil }.map(\.key),
            missingRelations: rels.filter { !found($0) }.map(relText),
            spurious: predicted.map { g.label($0.key, language: "ar") + " (\($0.type.rawValue))" }.sorted(),
            forbidden: (gold["forbidden_relations"] as? [[String: Any]] ?? []).filter(found).map(relText),
            byType: byType, predictedRelations: predictedRelations)
    }
}
