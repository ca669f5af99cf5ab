import Foundation
import XCTest
@testable import KGKit

/// `kg eval` must agree with the project's reference scorer (../shared/eval/score.py, rdflib) on the same graph.
final class EvaluationTests: XCTestCase {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let lexicons: LexiconSet = try! LexiconSet.load()

    func testAgreesWithScorePyOnSeed() throws {
        let shared = Self.root.appendingPathComponent("../shared/eval").standardized
        let gold = shared.appendingPathComponent("gold/seed-hasakah.ar.json").path
        guard FileManager.default.fileExists(atPath: gold) else { throw XCTSkip("../shared not beside the repository") }
        var g = KnowledgeGraph()
        _ = Builder(lexicons: Self.lexicons, threads: 1).build(paths: [Self.root.appendingPathComponent("seeds").path],
                                                               reader: ArticleReader(), into: &g)
        let graphFile = FileManager.default.temporaryDirectory.appendingPathComponent("eval-\(getpid()).jsonld").path
        try GraphStore.writeAtomically(JSONLDWriter.write(g), to: graphFile)
        defer { try? FileManager.default.removeItem(atPath: graphFile) }

        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = ["python3", shared.appendingPathComponent("score.py").path, graphFile, gold, "--json"]
        let out = Pipe()
        p.standardOutput = out
        p.standardError = Pipe()
        try p.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        guard p.terminationStatus == 0, let py = try JSONSerialization.jsonObject(with: data) as? [String: Any],
              let ents = py["entities"] as? [String: Any], let rels = py["relations"] as? [String: Any] else {
            throw XCTSkip("python3 with rdflib is not available (pip install rdflib)")
        }
        let report = try Evaluator.gold(files: [gold], graphFile: graphFile, lexicons: Self.lexicons).files[0]
        func num(_ v: Any?) -> Double { (v as? NSNumber)?.doubleValue ?? -1 }
        XCTAssertEqual(num(ents["precision"]), (report.precision * 1000).rounded() / 1000, accuracy: 1e-9)
        XCTAssertEqual(num(ents["recall"]), (report.recall * 1000).rounded() / 1000, accuracy: 1e-9)
        XCTAssertEqual(num(ents["f1"]), (report.f1 * 1000).rounded() / 1000, accuracy: 1e-9)
        XCTAssertEqual(Int(num(ents["fragments"])), report.fragments)
        XCTAssertEqual(Int(num(rels["found"])), report.relationsFound)
        XCTAssertEqual(Int(num(rels["gold"])), report.relationsGold)
        XCTAssertEqual(Set(ents["missing"] as? [String] ?? []), Set(report.missingEntities))
    }

    func testFloorsCheckReportsDrops() throws {
        let report = Evaluator.Report(files: [])
        let floors = FileManager.default.temporaryDirectory.appendingPathComponent("floors-\(getpid()).txt").path
        try "# test\nentity_f1 0.5\nrelation_recall 0.1\n".write(toFile: floors, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: floors) }
        let failures = try report.check(floorsFile: floors)
        XCTAssertEqual(failures.count, 2, "an empty report is below every positive floor")
    }

    func testCoNLLTagsFollowMentions() {
        let extractor = ArticleExtractor(lexicons: Self.lexicons)
        let tags = Evaluator.tags(for: ["قال", "المتحدث", "باسم", "وزارة", "الدفاع", "الأميركية", "،", "جون", "كيربي"], extractor: extractor)
        XCTAssertEqual(tags[3], "B-ORG")
        XCTAssertEqual(Array(tags[4...5]), ["I-ORG", "I-ORG"])
        XCTAssertEqual(Array(tags[7...8]), ["B-PER", "I-PER"])
        XCTAssertEqual(tags[0], "O")
    }
}

/// Legacy Arabic files are decoded, not rejected.
final class LegacyEncodingTests: XCTestCase {
    func testWindows1256FileIsDecoded() throws {
        // "قال المتحدث باسم البنتاغون" in Windows-1256
        let bytes: [UInt8] = [0xDE, 0xC7, 0xE1, 0x20, 0xC7, 0xE1, 0xE3, 0xCA, 0xCD, 0xCF, 0xCB, 0x20, 0xC8, 0xC7, 0xD3, 0xE3, 0x20,
                              0xC7, 0xE1, 0xC8, 0xE4, 0xCA, 0xC7, 0xDB, 0xE6, 0xE4]
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("cp1256-\(getpid()).txt").path
        FileManager.default.createFile(atPath: file, contents: Data(bytes))
        defer { try? FileManager.default.removeItem(atPath: file) }
        let (arts, errs) = ArticleReader().read(file: file)
        XCTAssertEqual(errs, [])
        XCTAssertEqual(arts.first?.text, "قال المتحدث باسم البنتاغون")
    }

    func testRandomBinaryIsStillInvalidUTF8() throws {
        let bytes: [UInt8] = [0x41, 0x42, 0xFF, 0xFE, 0x80, 0x81, 0x41]
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("bad-\(getpid()).txt").path
        FileManager.default.createFile(atPath: file, contents: Data(bytes))
        defer { try? FileManager.default.removeItem(atPath: file) }
        let (_, errs) = ArticleReader().read(file: file)
        XCTAssertEqual(errs, [.invalidUTF8(file: file, byteOffset: 2)])
    }
}
