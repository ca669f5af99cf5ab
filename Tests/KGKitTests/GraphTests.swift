import Foundation
import XCTest
@testable import KGKit

private let repoRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

final class GraphTests: XCTestCase {
    nonisolated(unsafe) static var lexicons: LexiconSet!
    nonisolated(unsafe) static var seedGraph: KnowledgeGraph!
    nonisolated(unsafe) static var allArticles: [Article] = []

    override class func setUp() {
        super.setUp()
        guard lexicons == nil else { return }
        lexicons = try! LexiconSet.load()
        let reader = ArticleReader()
        var arts: [Article] = []
        var files = [repoRoot.appendingPathComponent("seeds/000_ee5b84b101fbfd16.txt").path]
        let dir = repoRoot.appendingPathComponent("Examples/articles")
        files += (try! FileManager.default.contentsOfDirectory(atPath: dir.path)).filter { $0.hasSuffix(".txt") }.sorted()
            .map { dir.appendingPathComponent($0).path }
        for f in files {
            let (a, e) = reader.read(file: f)
            precondition(e.isEmpty, "cannot read \(f): \(e)")
            arts += a
        }
        allArticles = arts
        var g = KnowledgeGraph()
        for x in Builder(lexicons: lexicons, threads: 1).extractAll([arts[0]]) { g.add(x, gazetteer: lexicons.gazetteer, events: lexicons.namedEvents) }
        seedGraph = g
    }

    var lex: LexiconSet { Self.lexicons }

    func build(_ articles: [Article], threads: Int = 1, into start: KnowledgeGraph = KnowledgeGraph()) -> KnowledgeGraph {
        var g = start
        for x in Builder(lexicons: lex, threads: threads).extractAll(articles) { g.add(x, gazetteer: lex.gazetteer, events: lex.namedEvents) }
        return g
    }

    // MARK: seed article

    func testSeedArticlePeopleAndRelations() {
        let g = Self.seedGraph!
        XCTAssertEqual(g.articles.count, 1)
        let persons = g.entities.values.filter { $0.type == .person }
        XCTAssertEqual(g.entities["person/john-kirby"]?.type, .person, "persons: \(persons.map(\.key))")
        XCTAssertEqual(g.entities["person/john-kirby"]?.names["en"], "John Kirby")
        XCTAssertEqual(g.entities["person/mazloum-abdi"]?.type, .person, "persons: \(persons.map(\.key))")
        XCTAssertEqual(g.entities["org/us-dod"]?.type, .organization)
        XCTAssertEqual(g.entities["org/sdf"]?.type, .organization)
        XCTAssertEqual(g.entities["org/coalition"]?.type, .organization)

        let spokes = RelationKey(subject: "person/john-kirby", predicate: "spokespersonOf", object: "org/us-dod")
        XCTAssertNotNil(g.relations[spokes], "relations: \(g.relations.keys.sorted().map { "\($0.subject) \($0.predicate) \($0.object)" })")
        let supports = RelationKey(subject: "org/coalition", predicate: "supports", object: "org/sdf")
        XCTAssertNotNil(g.relations[supports])

        // evidence points at real text of the article
        let seed = Self.allArticles[0]
        let scalars = Array(seed.text.unicodeScalars)
        for (k, evs) in g.relations {
            for e in evs {
                XCTAssertEqual(e.article, seed.contentHash, "\(k)")
                XCTAssertTrue(0 <= e.start && e.start < e.end && e.end <= scalars.count, "\(k): bad evidence span")
                XCTAssertTrue(0 <= e.confidence && e.confidence <= 1, "\(k): confidence \(e.confidence)")
                XCTAssertFalse(e.sentenceText.isEmpty, "\(k)")
            }
        }
        // mention surfaces are the text at their offsets; every mention names a node
        for a in g.articles.values {
            for m in a.mentions {
                var v = String.UnicodeScalarView(); v.append(contentsOf: scalars[m.start..<m.end])
                XCTAssertEqual(String(v), m.surface)
                XCTAssertNotNil(g.entities[m.entity], "mention of missing node \(m.entity)")
            }
        }
        for k in g.relations.keys {
            XCTAssertNotNil(g.entities[k.subject], "relation subject \(k.subject) is not a node")
            XCTAssertNotNil(g.entities[k.object], "relation object \(k.object) is not a node")
        }
    }

    // MARK: determinism

    func testBuildIsDeterministic() {
        let a = JSONLDWriter.write(build(Self.allArticles, threads: 1))
        let b = JSONLDWriter.write(build(Self.allArticles, threads: 1))
        let c = JSONLDWriter.write(build(Self.allArticles, threads: 2))
        XCTAssertEqual(a, b)
        XCTAssertEqual(a, c, "threads 1 vs 2 differ")
        XCTAssertGreaterThan(a.count, 1000)
    }

    func testBuildFromPathsMatchesBuildFromArticles() {
        var g = KnowledgeGraph()
        let paths = [repoRoot.appendingPathComponent("seeds").path, repoRoot.appendingPathComponent("Examples/articles").path]
        let s = Builder(lexicons: lex, threads: 2).build(paths: paths, reader: ArticleReader(), into: &g)
        XCTAssertEqual(s.skipped, [])
        XCTAssertEqual(s.articlesRead, Self.allArticles.count)
        XCTAssertEqual(s.graphArticles, Self.allArticles.count)
        XCTAssertEqual(JSONLDWriter.write(g), JSONLDWriter.write(build(Self.allArticles)))
    }

    func testGraphFileIsWrittenInPiecesThatMakeTheWholeFile() throws {
        let g = build(Self.allArticles)
        var pieces: [String] = []
        JSONLDWriter.write(g, pieceSize: 4096) { pieces.append($0) }
        XCTAssertGreaterThan(pieces.count, 5)
        XCTAssertEqual(pieces.joined(), JSONLDWriter.write(g))
        // a failing sink stops the write with its error
        struct Full: Error {}
        var calls = 0
        XCTAssertThrowsError(try JSONLDWriter.write(g, pieceSize: 4096) { _ in calls += 1; throw Full() }) { XCTAssertTrue($0 is Full) }
        XCTAssertEqual(calls, 1)
    }

    func testPipelinedBuildMergesBatchesInInputOrder() {
        // batches of 2 keep several batches in flight at once; the graph must be the one-batch, one-thread graph
        let paths = [repoRoot.appendingPathComponent("seeds").path, repoRoot.appendingPathComponent("Examples/articles").path]
        var one = KnowledgeGraph(), many = KnowledgeGraph()
        var single = Builder(lexicons: lex, threads: 1)
        single.batchSize = 1000
        var pipelined = Builder(lexicons: lex, threads: 2)
        pipelined.batchSize = 2
        let a = single.build(paths: paths, reader: ArticleReader(), into: &one)
        var reported: [Int] = []
        let b = pipelined.build(paths: paths, reader: ArticleReader(), into: &many, progress: { reported.append($0) })
        XCTAssertEqual(JSONLDWriter.write(one), JSONLDWriter.write(many))
        XCTAssertEqual(a.articlesRead, b.articlesRead)
        XCTAssertEqual(reported, Array(stride(from: 2, through: b.articlesRead, by: 2)) + (b.articlesRead % 2 == 1 ? [b.articlesRead] : []))
        // building onto an existing graph counts replaced articles across batches
        let again = pipelined.build(paths: paths, reader: ArticleReader(), into: &many)
        XCTAssertEqual(again.articlesReplaced, b.articlesRead)
        XCTAssertEqual(JSONLDWriter.write(one), JSONLDWriter.write(many))
    }

    // MARK: merging

    /// A body described only by its kind (وزارة الاقتصاد) is one node per country the article is about, not one for
    /// every economy ministry of the corpus; where the gazetteer knows that country's body (وزارة المالية المصرية) it
    /// is that body; a description that names its country (الحكومة القطرية) is one node.
    func testBareDescriptionsAreScopedToTheArticlesCountry() {
        let eg = Article(sourceID: "eg", title: "", text: "قالت وزارة المالية في مصر إن العجز تراجع. وقالت وزارة الاقتصاد إن النمو زاد. وأكد رئيس الوزراء المصري أن مصر ماضية في الإصلاح. وقالت الحكومة القطرية إنها ترحب بذلك.", language: "ar")
        let sa = Article(sourceID: "sa", title: "", text: "أعلنت وزارة المالية في السعودية عن ميزانية جديدة. وقالت وزارة الاقتصاد إن النمو زاد. وقال مسؤول سعودي إن السعودية تتوقع نموا. وقالت الحكومة القطرية إنها ترحب بذلك.", language: "ar")
        let keys = build([eg, sa]).entities.keys.filter { $0.hasPrefix("org/") }.sorted()
        XCTAssertTrue(keys.contains("org/وزاره-الاقتصاد@eg") && keys.contains("org/وزاره-الاقتصاد@sa"), "\(keys)")
        XCTAssertFalse(keys.contains("org/وزاره-الاقتصاد"), "\(keys)")
        XCTAssertTrue(keys.contains("org/eg-mof") && keys.contains("org/sa-mof"), "\(keys)")
        XCTAssertFalse(keys.contains { $0.hasPrefix("org/وزاره-الماليه") }, "\(keys)")
        // (named by its head and its country, as منتخب فرنسا is for المنتخب الفرنسي)
        XCTAssertEqual(keys.filter { $0.hasPrefix("org/حكومه-قطر") }, ["org/حكومه-قطر"], "\(keys)")
    }

    /// A name written after ل loses its article's alif (للصين, للسفارة الإسرائيلية): the node's names and alternate names
    /// have it back, and a name that really starts with ل (لبنان) keeps its letter.
    func testNamesAfterLamKeepTheirArticle() throws {
        let a = Article(sourceID: "lam", title: "", text: "وجهت الهند دعوة للصين ولبنان، وقدمت شكوى للسفارة الإسرائيلية بعد أن فرضت الرسوم الجمركية الأميركية. وقالت الصين إن للرسوم الجمركية أثرا.", language: "ar")
        let g = build([a])
        let surfaces = g.surfaceForms()
        let china = try XCTUnwrap(g.entities.values.first { $0.sameAs.contains { $0.contains("1814991") } || $0.names["en"] == "China" })
        XCTAssertFalse((surfaces[china.key] ?? []).contains("لصين"), "\(surfaces[china.key] ?? [])")
        XCTAssertTrue(g.entities.values.contains { $0.names["ar"] == "لبنان" }, "\(g.entities.values.map(\.names))")
        XCTAssertTrue(g.entities.values.contains { $0.names["ar"] == "سفارة إسرائيل" }, "\(g.entities.values.map(\.names))")
        // (a ل form of a body named without the article is no alias either)
        let embassy = try XCTUnwrap(g.entities.values.first { $0.names["ar"] == "سفارة إسرائيل" })
        XCTAssertFalse((surfaces[embassy.key] ?? []).contains { $0.hasPrefix("لسفارة") }, "\(surfaces[embassy.key] ?? [])")
        XCTAssertFalse(g.entities.values.contains { ($0.names["ar"] ?? "").hasPrefix("لرسوم") || ($0.names["ar"] ?? "").hasPrefix("فارة") },
                       "\(g.entities.values.map(\.names))")
        let doc = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(JSONLDWriter.write(g).utf8)) as? [String: Any])
        let node = try XCTUnwrap((doc["@graph"] as? [[String: Any]])?.first { ($0["name"] as? [String: String])?["en"] == china.names["en"] })
        XCTAssertFalse((node["alternateName"] as? [String] ?? []).contains("لصين"), "the JSON-LD alternate names too: \(node)")
    }

    func testAddingSameArticleTwiceIsIdempotent() {
        let once = build([Self.allArticles[0]])
        let twice = build([Self.allArticles[0]], into: once)
        XCTAssertEqual(twice.articles.count, 1)
        XCTAssertEqual(twice, once)
        XCTAssertEqual(JSONLDWriter.write(twice), JSONLDWriter.write(once))
    }

    func testReAddingReplacesWithoutDuplicatingEvidence() {
        let first = Self.allArticles[0], second = Self.allArticles[1]
        let both = build([first, second])
        let again = build([first], into: both)
        XCTAssertEqual(again.articles.count, 2)
        for (k, ev) in again.relations {
            XCTAssertEqual(ev.count, Set(ev).count, "duplicated evidence on \(k)")
        }
        XCTAssertEqual(again.relations.values.map(\.count).reduce(0, +), both.relations.values.map(\.count).reduce(0, +))
        XCTAssertEqual(JSONLDWriter.write(again), JSONLDWriter.write(both))
    }

    func testEditedArticleWithSameSourceIDReplacesOldVersion() {
        let a = Article(sourceID: "story-1", title: "Kirby", text: "Pentagon spokesman John Kirby said on Friday that the coalition supported the SDF.")
        let b = Article(sourceID: "story-1", title: "Kirby", text: "Pentagon spokesman John Kirby said on Saturday that the coalition supported the SDF.")
        let g = build([b], into: build([a]))
        XCTAssertEqual(g.articles.count, 1)
        XCTAssertEqual(g.articles.keys.first, b.contentHash)
        for ev in g.relations.values.joined() { XCTAssertEqual(ev.article, b.contentHash) }
    }

    func testRemoveArticleDropsItsContribution() {
        var g = build([Self.allArticles[0], Self.allArticles[1]])
        g.removeArticle(Self.allArticles[1].contentHash)
        XCTAssertEqual(JSONLDWriter.write(g), JSONLDWriter.write(Self.seedGraph))
    }

    func testMergeIsCommutative() {
        let g1 = build(Array(Self.allArticles.prefix(4)))
        let g2 = build(Array(Self.allArticles.dropFirst(2)))  // overlaps g1 in articles 2 and 3
        var a = g1; a.merge(g2)
        var b = g2; b.merge(g1)
        XCTAssertEqual(JSONLDWriter.write(a), JSONLDWriter.write(b))
        XCTAssertEqual(a.articles.count, Self.allArticles.count)
        var c = a; c.merge(a)
        XCTAssertEqual(JSONLDWriter.write(c), JSONLDWriter.write(a), "merging a graph into itself changes it")
    }

    // MARK: JSON-LD

    func testJSONLDRoundTrip() throws {
        let g = build(Self.allArticles)
        let text = JSONLDWriter.write(g)
        let back = try JSONLDReader.read(Data(text.utf8), file: "g.jsonld")
        assertSameGraph(back, g)
        XCTAssertTrue(back == g, "read(write(g)) != g")
        XCTAssertEqual(JSONLDWriter.write(back), text)
        // nominal mentions (a body described by its kind) keep the mark, in the JSON-LD and in mentions.csv
        let nominal = back.articles.values.flatMap(\.mentions).filter(\.nominal)
        XCTAssertFalse(nominal.isEmpty, "no nominal mention in the examples")
        XCTAssertTrue(CSVWriter.mentions(back).contains(",\(nominal[0].rule),true"))
        // empty graph round trips too
        let empty = try JSONLDReader.read(Data(JSONLDWriter.write(KnowledgeGraph()).utf8), file: "e.jsonld")
        XCTAssertEqual(empty, KnowledgeGraph())
    }

    func testJSONLDIsValidJSONWithInlineContext() throws {
        let text = JSONLDWriter.write(Self.seedGraph)
        let obj = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        XCTAssertNotNil(obj["@context"] as? [String: Any], "@context must be an inline object")
        let graph = try XCTUnwrap(obj["@graph"] as? [[String: Any]])
        XCTAssertEqual(graph.first?["formatVersion"] as? String, "kg-graph/1")
        XCTAssertFalse(text.contains("\"@context\":\"http"))
    }

    func testReaderRefusesForeignFiles() {
        let cases: [(String, String)] = [
            ("{\"a\":1}", "foreign"), ("not json", "notJSON"), ("", "notJSON"), ("[]", "foreign"),
            ("{\"@graph\":[]}", "foreign"), ("{\"@graph\":[{\"formatVersion\":\"other/1\"}]}", "foreign"),
            ("{\"@graph\":[{\"formatVersion\":\"kg-graph/99\"}]}", "newerFormat"),
        ]
        for (text, kind) in cases {
            XCTAssertThrowsError(try JSONLDReader.read(Data(text.utf8), file: "x.jsonld"), text) { error in
                guard let e = error as? GraphFileError else { return XCTFail("\(text): not a GraphFileError: \(error)") }
                switch (e, kind) {
                case (.foreign(let f), "foreign"), (.notJSON(let f, _), "notJSON"), (.newerFormat(let f, _), "newerFormat"):
                    XCTAssertEqual(f, "x.jsonld")
                default: XCTFail("\(text): expected \(kind), got \(e)")
                }
                XCTAssertTrue(e.description.contains("x.jsonld"))
            }
        }
    }

    /// Compares two graphs part by part so a failure names what differs instead of dumping both graphs.
    func assertSameGraph(_ a: KnowledgeGraph, _ b: KnowledgeGraph, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(Set(a.entities.keys), Set(b.entities.keys), "entity keys", file: file, line: line)
        for (k, e) in a.entities.sorted(by: { $0.key < $1.key }) where b.entities[k] != nil && b.entities[k] != e {
            XCTFail("entity \(k) differs: \(e) vs \(b.entities[k]!)", file: file, line: line)
        }
        XCTAssertEqual(Set(a.articles.keys), Set(b.articles.keys), "article hashes", file: file, line: line)
        for (h, x) in a.articles.sorted(by: { $0.key < $1.key }) where b.articles[h] != nil && b.articles[h] != x {
            let y = b.articles[h]!
            XCTFail("article \(h) differs: \(x.sourceID)/\(x.title)/\(x.url ?? "-")/\(x.date ?? "-")/\(x.language) vs \(y.sourceID)/\(y.title)/\(y.url ?? "-")/\(y.date ?? "-")/\(y.language); mentions equal: \(x.mentions == y.mentions)", file: file, line: line)
        }
        XCTAssertEqual(Set(a.relations.keys), Set(b.relations.keys), "relation keys", file: file, line: line)
        for (k, ev) in a.relations.sorted(by: { $0.key < $1.key }) where b.relations[k] != nil && b.relations[k]! != ev {
            let other = b.relations[k]!
            XCTFail("evidence of \(k.subject) \(k.predicate) \(k.object) differs" + (Set(ev) == Set(other) ? " only in order" : ": \(ev) vs \(other)"), file: file, line: line)
        }
    }

    // MARK: hashing

    func testSHA256KnownVectors() {
        XCTAssertEqual(SHA256.hex(""), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        XCTAssertEqual(SHA256.hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        XCTAssertEqual(SHA256.hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"),
                       "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
        // padding boundaries: 55, 56 and 64 bytes
        XCTAssertEqual(SHA256.hex(String(repeating: "a", count: 55)), "9f4390f8d30c2dd92ec9f095b65e2b9ae9b0a925a5258e241c9f1e910f734318")
        XCTAssertEqual(SHA256.hex(String(repeating: "a", count: 56)), "b35439a4ac6f0948b6d6f9e3c6af0f5f590ce20f1bde7090ef7970686ec6738a")
        XCTAssertEqual(SHA256.hex(String(repeating: "a", count: 64)), "ffe054fe7ae0cb6dc65c3af9b61d5209f439851db43d0ba5997337df154668eb")
        XCTAssertEqual(SHA256.hex("قسد"), "f3394ad443d95fa3fe7995a14d105a26da0d702416b34d4a49e99277d0511a7b")
    }
}
