import Foundation
import XCTest
@testable import KGKit

/// Graphs loaded from a file kg wrote are decoded on demand and written by copying untouched node lines: the bytes
/// must be exactly those of decoding everything, and anything else must still be read in full.
final class StoreTests: XCTestCase {
    static var lexicons: LexiconSet { Fixtures.lexicons }
    static var examples: [Article] { Fixtures.examples }

    var dir: String!

    override func setUp() { dir = Fixtures.temporaryDirectory("kg-store") }

    override func tearDown() { try? FileManager.default.removeItem(atPath: dir) }

    func add(_ articles: [Article], to g: inout KnowledgeGraph) {
        for x in Builder(lexicons: Self.lexicons, threads: 1).extractAll(articles) { g.add(x, gazetteer: Self.lexicons.gazetteer, events: Self.lexicons.namedEvents) }
    }

    func save(_ g: KnowledgeGraph, _ path: String) throws {
        try GraphStore.writeAtomically(to: path) { try JSONLDWriter.write(g, to: $0) }
    }

    func text(_ path: String) throws -> String { try String(contentsOfFile: path, encoding: .utf8) }

    func lines(_ path: String) throws -> [String] { try text(path).components(separatedBy: "\n") }

    /// Adds `articles` one run at a time, through the stored path and the fully decoded path, and checks that every
    /// step writes the same bytes.
    func checkIncremental(_ runs: [[Article]], start: [Article], extra: (inout KnowledgeGraph) -> Void = { _ in }) throws {
        let path = dir + "/g.jsonld"
        var first = KnowledgeGraph()
        add(start, to: &first)
        extra(&first)
        try save(first, path)
        for run in runs {
            var stored = try GraphStore.load(path)
            XCTAssertNotNil(stored.stored, "a graph kg wrote is loaded without decoding it")
            var decoded = try GraphStore.loadDecoded(path)
            XCTAssertNil(decoded.stored)
            let overlay = ObjectIdentifier(stored.stored!)
            add(run, to: &stored)
            XCTAssertNotNil(stored.stored, "adding or replacing articles never decodes the whole graph")
            XCTAssertEqual(ObjectIdentifier(stored.stored!), overlay, "changed in place, never copied")
            add(run, to: &decoded)
            let expected = JSONLDWriter.write(decoded)
            XCTAssertEqual(JSONLDWriter.write(stored), expected)
            try save(stored, path)
            XCTAssertEqual(try text(path), expected, "written through the atomic writer's direct copy")
            XCTAssertEqual(stored, decoded)
        }
    }

    /// A graph as one line (a fragment of `kg extract`, `Fragments.line`) is the same whether the graph was loaded
    /// from a file kg wrote (its unchanged lines copied) or decoded in full, and has no line break.
    func testOneLineFormOfAStoredGraphIsThatOfTheDecodedGraph() throws {
        let path = dir + "/g.jsonld"
        var g = KnowledgeGraph()
        add(Array(Self.examples.prefix(3)), to: &g)
        try save(g, path)
        let stored = try GraphStore.load(path)
        XCTAssertNotNil(stored.stored)
        let line = Fragments.line(stored)
        XCTAssertEqual(line, Fragments.line(try GraphStore.loadDecoded(path)))
        XCTAssertEqual(line, JSONLDWriter.write(g).replacingOccurrences(of: "\n", with: ""))
        XCTAssertFalse(line.contains("\n"))
    }

    func testIncrementalBuildWritesTheSameBytesAsDecodingEverything() throws {
        let ex = Self.examples
        XCTAssertGreaterThanOrEqual(ex.count, 12)
        try checkIncremental(ex.dropFirst(3).map { [$0] } + [[]], start: Array(ex.prefix(3)))
    }

    func testSameEntitiesAgainAddEvidenceAndKeepOtherLines() throws {
        let ex = Self.examples
        let path = dir + "/g.jsonld"
        var g = KnowledgeGraph()
        add([ex[0], ex[6]], to: &g)
        try save(g, path)
        let before = try lines(path)
        // the same text under another title: new article, same entities and relations
        let again = Article(sourceID: "again", title: ex[0].title + " (2)", text: ex[0].text, language: ex[0].language)
        var stored = try GraphStore.load(path)
        add([again], to: &stored)
        let total = stored.stored!.file.entities.count
        XCTAssertLessThan(stored.stored!.entities.count, total, "only touched nodes are decoded")
        try save(stored, path)
        let after = try lines(path)
        var decoded = try GraphStore.loadDecoded(path)
        XCTAssertNil(decoded.stored, "loadDecoded decodes")
        decoded = try GraphStore.loadDecoded(path)
        var expected = g
        add([again], to: &expected)
        XCTAssertEqual(decoded, expected)
        // the other article's line is copied as it was; relations it alone supports are untouched
        let other = before.first { $0.contains("\"identifier\":\"\(ex[6].sourceID)\"") }!
        XCTAssertTrue(after.contains(other))
        // relations between entities (not the new article's own events) now carry evidence from both versions
        let doubled = after.filter {
            $0.contains("\"@type\":\"RelationStatement\"") && $0.contains(again.contentHash) && !$0.contains("event/" + again.contentHash.prefix(16))
        }
        XCTAssertFalse(doubled.isEmpty)
        for l in doubled { XCTAssertTrue(l.contains(ex[0].contentHash), "new evidence joins the old: \(l.prefix(200))") }
        XCTAssertEqual(try text(path), JSONLDWriter.write(expected))
    }

    func testAddedCountryGivesStoredCityItsContainmentEdge() throws {
        let kharkiv = Article(sourceID: "k1", title: "Strike on Kharkiv", text: "A missile hit Kharkiv on Monday, officials said.", language: "en")
        let ukraine = Article(sourceID: "k2", title: "Kyiv talks", text: "Ukraine and Poland met in Warsaw on Tuesday, the ministry said.", language: "en")
        try checkIncremental([[ukraine]], start: [kharkiv])
        let city = try lines(dir + "/g.jsonld").first { $0.contains("\"en\":\"Kharkiv\"") }!
        XCTAssertTrue(city.contains("\"containedInPlace\""), "the city line is encoded again when its country appears")
    }

    func testReplacedArticleAndSpellingVariants() throws {
        let ex = Self.examples
        // an edited article with the same source id replaces the old one (the graph is then decoded in full)
        var edited = ex[1]
        edited = Article(sourceID: edited.sourceID, title: edited.title, text: edited.text + "\n" + ex[2].text, language: edited.language)
        // the same names spelt differently share keys: names merge and alternate names change
        let variants = Article(sourceID: "v", title: "تقرير", text: ex[0].text.replacingOccurrences(of: "ا", with: "أ"), language: "ar")
        try checkIncremental([[variants], [edited], [ex[3], ex[4]], [ex[1]]], start: [ex[0], ex[1]])
    }

    func testReAddedAndReplacedArticlesWithoutDecoding() throws {
        let ex = Self.examples
        let edited = Article(sourceID: ex[3].sourceID, title: ex[3].title, text: ex[3].text + "\n" + ex[8].text, language: ex[3].language)
        // the same text as a stored article under another source id, replaced in the same run by another text: its
        // nodes lose their only new use but the stored article still uses them
        let again = Article(sourceID: "again", title: ex[0].title + " (2)", text: ex[0].text, language: ex[0].language)
        let other = Article(sourceID: "again", title: "other", text: ex[10].text, language: ex[10].language)
        // the last run removes more than three articles: their evidence is then found through an index, and the
        // surface forms of many entities are searched in one pass
        try checkIncremental([[ex[2]], [ex[0], ex[2], ex[7]], [edited], [ex[3], ex[9]], [edited, ex[3], ex[1]], [again, other],
                              Array(ex.prefix(6)) + [ex[9], again]],
                             start: Array(ex.prefix(6)))
    }

    func testPruningAfterRemovalDropsNodesNothingUses() throws {
        let ex = Self.examples
        // a node no article or relation uses (kg merge can write one): the first removal prunes it, as on dictionaries
        let orphan = GraphEntity(key: "person/nobody", type: .person, subtype: "", names: ["en": "Nobody"], sameAs: [], partOf: "country/ua",
                                 description: "", eventType: nil, cameo: nil)
        try checkIncremental([[ex[4]], [ex[0]]], start: [ex[0], ex[1], ex[4]]) { $0.entities[orphan.key] = orphan }
        XCTAssertFalse(try text(dir + "/g.jsonld").contains("person/nobody"))
    }

    func testHandEditedOrForeignFilesAreReadInFull() throws {
        let ex = Self.examples
        let path = dir + "/g.jsonld"
        var g = KnowledgeGraph()
        add(Array(ex.prefix(4)), to: &g)
        try save(g, path)
        XCTAssertNotNil(try GraphStore.load(path).stored)

        // edited in place (the attribute stays): same length, different bytes
        var bytes = try Data(contentsOf: URL(fileURLWithPath: path))
        let headline = Data("\"headline\":\"".utf8)
        let at = bytes.range(of: headline)!.upperBound
        bytes[at] = bytes[at] == UInt8(ascii: "X") ? UInt8(ascii: "Y") : UInt8(ascii: "X")
        let fd = open(path, O_WRONLY)
        XCTAssertEqual(bytes.withUnsafeBytes { pwrite(fd, $0.baseAddress!, $0.count, 0) }, bytes.count)
        close(fd)
        var edited = try GraphStore.load(path)
        XCTAssertNil(edited.stored, "bytes that no longer match the fingerprint are decoded")
        XCTAssertEqual(edited, try JSONLDReader.read(bytes, file: path))
        add([ex[5]], to: &edited)
        var reference = try JSONLDReader.read(bytes, file: path)
        add([ex[5]], to: &reference)
        XCTAssertEqual(JSONLDWriter.write(edited), JSONLDWriter.write(reference))

        // reformatted by hand (spaces, other order) and written without kg: read in full
        let pretty = try JSONSerialization.data(withJSONObject: JSONSerialization.jsonObject(with: Data(JSONLDWriter.write(g).utf8)),
                                                options: [.prettyPrinted])
        let other = dir + "/pretty.jsonld"
        try pretty.write(to: URL(fileURLWithPath: other))
        let loaded = try GraphStore.load(other)
        XCTAssertNil(loaded.stored)
        XCTAssertEqual(loaded, g)

        // a graph handed to the atomic writer as text gets no fingerprint: only the writer's own output does
        let copy = dir + "/copy.jsonld"
        try GraphStore.writeAtomically(JSONLDWriter.write(g), to: copy)
        XCTAssertNil(try GraphStore.load(copy).stored)
        XCTAssertEqual(try GraphStore.load(copy), g)
    }

    func testLazyGraphReadsLikeADecodedOne() throws {
        let ex = Self.examples
        let path = dir + "/g.jsonld"
        var g = KnowledgeGraph()
        add(Array(ex.prefix(5)), to: &g)
        try save(g, path)
        var stored = try GraphStore.load(path)
        add([ex[6]], to: &g)
        add([ex[6]], to: &stored)
        XCTAssertEqual(stored.articleCount, g.articles.count)
        XCTAssertEqual(stored.relationCount, g.relations.count)
        var types: [EntityType: Int] = [:]
        for e in g.entities.values { types[e.type, default: 0] += 1 }
        XCTAssertEqual(stored.entityCounts().filter { $0.value != 0 }, types)
        // reading the dictionaries decodes the file once; changing one turns the graph into plain dictionaries
        XCTAssertEqual(stored.entities, g.entities)
        XCTAssertEqual(stored.statements, g.statements)
        let copy = stored
        stored.entities[ex[0].contentHash] = nil
        XCTAssertNil(stored.stored)
        XCTAssertNotNil(copy.stored, "copies keep their own state")
        XCTAssertEqual(copy, g)
        XCTAssertEqual(JSONLDWriter.write(copy), JSONLDWriter.write(g))
    }

    func testFingerprintDetectsChanges() {
        var a = ByteHasher(), b = ByteHasher()
        let text = String(repeating: "قال المتحدث \u{1F}", count: 1000)
        a.update(text)
        // the same bytes in other pieces hash the same
        let u = Array(text.utf8)
        for chunk in stride(from: 0, to: u.count, by: 7) { u[chunk..<min(u.count, chunk + 7)].withUnsafeBytes { b.update($0) } }
        XCTAssertEqual(a.finish(), b.finish())
        var c = ByteHasher()
        var v = u
        v[v.count / 2] ^= 1
        v.withUnsafeBytes { c.update($0) }
        XCTAssertNotEqual(a.finish(), c.finish())
        let f = GraphFingerprint(writer: 1, size: 2, hash: 3)
        XCTAssertEqual(GraphFingerprint(text: f.text), f)
        XCTAssertNil(GraphFingerprint(text: "kg-graph/0 writer=1 size=2 hash=3"))
    }
}
