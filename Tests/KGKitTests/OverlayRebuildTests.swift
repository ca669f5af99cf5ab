import Foundation
import XCTest
@testable import KGKit

/// `kg build` onto a graph that already holds the articles: an article whose text changed replaces its old version,
/// the nodes only the old version mentioned go with it, and nodes that other articles still mention stay. The graph
/// file is the one kg wrote, so it is loaded lazily and changed through its overlay.
final class OverlayRebuildTests: XCTestCase {
    static var lexicons: LexiconSet { Fixtures.lexicons }
    static var examples: [Article] { Fixtures.examples }

    var dir: String!

    override func setUp() { dir = Fixtures.temporaryDirectory("kg-rebuild") }

    override func tearDown() { try? FileManager.default.removeItem(atPath: dir) }

    // the old version names the SDF and Raqqa; the other article and the new version still name Kirby
    let original = Article(sourceID: "story-1", title: "Kirby",
                           text: "Pentagon spokesman John Kirby said on Friday that the coalition supported the SDF in Raqqa.", language: "en")
    let changed = Article(sourceID: "story-1", title: "Kirby",
                          text: "Pentagon spokesman John Kirby said on Saturday that the talks in Geneva would continue.", language: "en")
    let other = Article(sourceID: "story-2", title: "Visit",
                        text: "John Kirby met the Iraqi foreign minister in Baghdad on Monday.", language: "en")
    let sdfAgain = Article(sourceID: "story-3", title: "SDF", text: "The SDF said on Sunday that Raqqa was calm.", language: "en")

    /// Builds `articles` onto the graph file at `path` as `kg build ARTICLES -o path` does: load (lazily, for a file
    /// kg wrote), build from a JSON Lines file, write atomically.
    func build(_ articles: [Article], onto path: String, expectStored: Bool = true) throws {
        let input = dir + "/input-\(UUID().uuidString).jsonl"
        let lines = try articles.map { a -> String in
            let o: [String: Any] = ["id": a.sourceID, "title": a.title, "text": a.text, "lang": a.language ?? ""]
            return String(decoding: try JSONSerialization.data(withJSONObject: o), as: UTF8.self)
        }
        try (lines.joined(separator: "\n") + "\n").write(toFile: input, atomically: true, encoding: .utf8)
        var g = try GraphStore.load(path)
        XCTAssertEqual(g.stored != nil, expectStored, "a graph file kg wrote is loaded lazily")
        let summary = Builder(lexicons: Self.lexicons, threads: 2).build(paths: [input], reader: ArticleReader(), into: &g)
        XCTAssertEqual(summary.skipped, [])
        XCTAssertEqual(g.stored != nil, expectStored, "building onto it never decodes the whole graph")
        try GraphStore.writeAtomically(to: path) { try JSONLDWriter.write(g, to: $0) }
    }

    /// The graph file made by building `runs` one after the other onto a new file.
    func graphFile(_ runs: [[Article]], name: String) throws -> String {
        let path = dir + "/" + name + ".jsonld"
        for (i, run) in runs.enumerated() { try build(run, onto: path, expectStored: i > 0) }
        return path
    }

    func entities(_ path: String) throws -> Set<String> { Set(try GraphStore.loadDecoded(path).entities.keys) }

    func testChangedArticleTakesAwayTheNodesOnlyItsOldVersionMentioned() throws {
        let before = try entities(try graphFile([[original, other]], name: "before"))
        let onlyOriginal = before.subtracting(try entities(try graphFile([[other, changed]], name: "without")))
        let shared = try entities(try graphFile([[original]], name: "original")).intersection(try entities(try graphFile([[other]], name: "other")))
        XCTAssertFalse(onlyOriginal.isEmpty, "the old version names nodes nothing else does (the SDF, Raqqa)")
        XCTAssertFalse(shared.isEmpty, "the other article names nodes the old version names too (Kirby)")

        let path = try graphFile([[original, other], [changed]], name: "rebuilt")
        let after = try entities(path)
        XCTAssertTrue(after.isDisjoint(with: onlyOriginal), "still there: \(after.intersection(onlyOriginal).sorted())")
        XCTAssertTrue(shared.isSubset(of: after), "gone: \(shared.subtracting(after).sorted())")
        let graph = try GraphStore.loadDecoded(path)
        XCTAssertEqual(graph.articles.count, 2, "the changed article replaced its old version")
        XCTAssertEqual(Set(graph.articles.keys), [other.contentHash, changed.contentHash])
        // what remains is what building the two current articles from scratch gives
        XCTAssertEqual(after, try entities(try graphFile([[other, changed]], name: "fresh")))
    }

    /// Two versions of one article in one run: the later replaces the earlier, whether the graph file is new or
    /// already holds the article (the result never depends on what the graph held before).
    func testLaterVersionInTheSameRunReplacesTheEarlier() throws {
        let latest = Article(sourceID: "story-1", title: "Kirby",
                             text: "Pentagon spokesman John Kirby said on Sunday that the Geneva talks had ended.", language: "en")
        let fresh = try GraphStore.loadDecoded(try graphFile([[changed, latest]], name: "fresh"))
        XCTAssertEqual(Set(fresh.articles.keys), [latest.contentHash])
        let onto = try GraphStore.loadDecoded(try graphFile([[original, other], [changed, latest]], name: "onto"))
        XCTAssertEqual(Set(onto.articles.keys), [other.contentHash, latest.contentHash])
        XCTAssertEqual(try entities(try graphFile([[original, other], [changed, latest]], name: "onto2")),
                       try entities(try graphFile([[other, latest]], name: "fresh2")))
    }

    func testChangedArticleAmongManyRebuiltOnes() throws {
        let ex = Self.examples
        XCTAssertGreaterThanOrEqual(ex.count, 8)
        let start = Array(ex.prefix(8)) + [original, other]
        // the second run holds every article again (more than three are replaced, so evidence is found through the
        // index of the stored file), the changed one among them, and a later article that names the SDF again
        let path = try graphFile([start, Array(ex.prefix(4)) + [changed, other] + Array(ex[4..<8])], name: "rebuilt")
        let after = try entities(path)
        let expected = try entities(try graphFile([Array(ex.prefix(8)) + [other, changed]], name: "fresh"))
        XCTAssertEqual(after, expected)
        let onlyOriginal = try entities(try graphFile([start], name: "before")).subtracting(expected)
        XCTAssertFalse(onlyOriginal.isEmpty)

        // a node the changed article dropped comes back when a later article of the same build names it
        let again = try graphFile([start, [changed, ex[0], ex[1], ex[2], ex[3], sdfAgain]], name: "again")
        let sdf = try entities(try graphFile([[sdfAgain]], name: "sdf")).intersection(onlyOriginal)
        XCTAssertFalse(sdf.isEmpty, "the later article names a node only the old version named")
        XCTAssertTrue(sdf.isSubset(of: try entities(again)))
        XCTAssertEqual(try entities(again), try entities(try graphFile([Array(ex.prefix(8)) + [other, changed, sdfAgain]], name: "fresh-again")))
    }

    func testRebuildingUnchangedArticlesLeavesTheFileAsItWas() throws {
        let ex = Self.examples
        let path = try graphFile([Array(ex.prefix(6)) + [original, other]], name: "g")
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        try build(Array(ex.prefix(6)).reversed() + [other, original], onto: path)
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: path)), before)
    }
}
