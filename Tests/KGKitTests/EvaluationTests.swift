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

    /// `kg train --folds K --seeds N` prints the full recogniser's F1 per type for each training order and their mean.
    func testSeedTableGivesEachOrderAndTheMean() {
        let gold = [["B-PER", "O", "B-ORG"]]
        let exact = CoNLL.score(gold: gold, predicted: gold)
        let half = CoNLL.score(gold: gold, predicted: [["B-PER", "O", "O"]])   // ORG missed: F1 0
        let table = TaggerTraining.seedTable(seeds: [42, 43], [(exact, exact), (exact, half)])
        let lines = table.split(separator: "\n").map(String.init)
        XCTAssertEqual(lines.count, 3, table)
        XCTAssertTrue(lines[0].hasPrefix("seed 42") && lines[0].contains("ORG 100.00"), table)
        XCTAssertTrue(lines[1].hasPrefix("seed 43") && lines[1].contains("ORG 0.00"), table)
        XCTAssertTrue(lines[2].hasPrefix("mean") && lines[2].contains("ORG 50.00") && lines[2].contains("PER 100.00"), table)
    }

    func testCoNLLTagsFollowMentions() {
        let extractor = ArticleExtractor(lexicons: Self.lexicons)
        let tags = Evaluator.tags(for: ["قال", "المتحدث", "باسم", "قوات", "سوريا", "الديمقراطية", "،", "فرهاد", "شامي"], extractor: extractor)
        XCTAssertEqual(tags[3], "B-ORG")
        XCTAssertEqual(Array(tags[4...5]), ["I-ORG", "I-ORG"])
        XCTAssertEqual(Array(tags[7...8]), ["B-PER", "I-PER"])
        XCTAssertEqual(tags[0], "O")
    }

    /// CoNLL annotation (ANERcorp) tags names only: a body described by its kind (the US defence ministry, the
    /// Lebanese army) is a nominal mention and stays O, while kg still finds and links it.
    func testCoNLLTagsLeaveNominalBodiesOut() {
        let extractor = ArticleExtractor(lexicons: Self.lexicons)
        let words = ["قال", "المتحدث", "باسم", "وزارة", "الدفاع", "الأميركية", "إن", "الجيش", "اللبناني", "انتشر", "في", "بيروت"]
        let tags = Evaluator.tags(for: words, extractor: extractor)
        XCTAssertEqual(Array(tags[3...8]), ["O", "O", "O", "O", "O", "O"], "\(tags)")
        XCTAssertEqual(tags[11], "B-LOC")
        let x = extractor.extract(Article(sourceID: "t", title: "", text: words.joined(separator: " "), language: "ar"))
        XCTAssertTrue(x.mentions.contains { $0.entryID == "org:us-dod" && $0.isNominal }, "\(x.mentions.map { ($0.surface, $0.entryID ?? "") })")
        XCTAssertTrue(x.mentions.contains { $0.entryID == "org:lb-army" && $0.isNominal })
    }

    /// Name-only annotation leaves the class word of a place out (مطار بيروت: بيروت) and tags the place in a
    /// national team (منتخب فرنسا: فرنسا, LOC), while the graph keeps the airport and the team.
    func testCoNLLTagsNameThePlaceNotItsClassWordOrTeam() {
        let extractor = ArticleExtractor(lexicons: Self.lexicons)
        let words = ["وصل", "الوفد", "إلى", "مطار", "بيروت", "قبل", "مباراة", "منتخب", "فرنسا", "في", "مدينة", "غزة"]
        let tags = Evaluator.tags(for: words, extractor: extractor)
        XCTAssertEqual(Array(tags[3...4]), ["O", "B-LOC"], "\(tags)")
        XCTAssertEqual(Array(tags[7...8]), ["O", "B-LOC"], "\(tags)")
        XCTAssertEqual(Array(tags[10...11]), ["O", "B-LOC"], "\(tags)")
        // a place named with its class word keeps it (مدينة الصدر is a district of Baghdad; الصدر alone is a name)
        let sadr = Evaluator.tags(for: ["وقع", "انفجار", "في", "مدينة", "الصدر", "ببغداد"], extractor: extractor)
        XCTAssertEqual(Array(sadr[3...4]), ["B-LOC", "I-LOC"], "\(sadr)")
        // a river, lake or island is named after its class word (نهر النيجر: النيجر), though the graph keeps the river
        let niger = Evaluator.tags(for: ["يمر", "نهر", "النيجر", "في", "مالي"], extractor: extractor)
        XCTAssertEqual(Array(niger[1...2]), ["O", "B-LOC"], "\(niger)")
        let x = extractor.extract(Article(sourceID: "t", title: "", text: words.joined(separator: " "), language: "ar"))
        XCTAssertTrue(x.mentions.contains { $0.surface == "مطار بيروت" && $0.type == .place }, "\(x.mentions.map(\.surface))")
        XCTAssertTrue(x.mentions.contains { $0.surface == "منتخب فرنسا" && $0.type == .organization }, "\(x.mentions.map(\.surface))")
    }

    /// Name-only annotation tags a club, company, newspaper or movement by its name without its head noun (نادي
    /// الزمالك: الزمالك), a party with it (حزب العمال); the graph keeps the whole name.
    func testCoNLLTagsLeaveTheHeadOfAClubOrCompanyOut() {
        let extractor = ArticleExtractor(lexicons: Self.lexicons)
        let words = ["قال", "نادي", "الزمالك", "إن", "صحيفة", "الغارديان", "نشرت", "الخبر", "عن", "حزب", "العمال", "البريطاني"]
        let tags = Evaluator.tags(for: words, extractor: extractor)
        XCTAssertEqual(Array(tags[1...2]), ["O", "B-ORG"], "\(tags)")
        XCTAssertEqual(Array(tags[4...5]), ["O", "B-ORG"], "\(tags)")
        XCTAssertEqual(Array(tags[9...10]), ["B-ORG", "I-ORG"], "\(tags)")
        // (an agency signing in single letters is left untagged, though the graph links it: د ب أ is dpa)
        let dpa = ["برلين", "(", "د", "ب", "أ", ")", "قالت", "الحكومة"]
        XCTAssertEqual(Array(Evaluator.tags(for: dpa, extractor: extractor)[2...4]), ["O", "O", "O"])
        let x = extractor.extract(Article(sourceID: "t", title: "", text: dpa.joined(separator: " "), language: "ar"))
        XCTAssertTrue(x.mentions.contains { $0.surface == "د ب أ" && $0.type == .organization }, "\(x.mentions.map(\.surface))")
    }

    /// A region named after a place (قطاع غزة) is the region in the graph, not the city; name-only annotation tags
    /// the place inside it (ANERcorp: غزة).
    func testRegionNamedAfterAPlaceIsTheRegionButCoNLLTagsThePlace() {
        let extractor = ArticleExtractor(lexicons: Self.lexicons)
        let words = ["قصفت", "الطائرات", "مواقع", "في", "قطاع", "غزة", "ليلة", "الأحد"]
        let tags = Evaluator.tags(for: words, extractor: extractor)
        XCTAssertEqual(Array(tags[4...5]), ["O", "B-LOC"], "\(tags)")
        let x = extractor.extract(Article(sourceID: "t", title: "", text: words.joined(separator: " "), language: "ar"))
        XCTAssertTrue(x.mentions.contains { $0.entryID == "region:gaza-strip" && $0.surface == "قطاع غزة" },
                      "\(x.mentions.map { ($0.surface, $0.entryID ?? "") })")
        XCTAssertFalse(x.entities.contains { $0.name == "غزة" && $0.type == .place }, "\(x.entities.map(\.name))")
    }

    /// A leader's body named with his name (إدارة ترامب) is an organisation of the graph; name-only annotation tags the
    /// leader alone.
    func testCoNLLTagsTheLeaderNotHisAdministration() {
        let tags = Evaluator.tags(for: ["قالت", "إدارة", "ترامب", "إنها", "فرضت", "رسوما"], extractor: ArticleExtractor(lexicons: Self.lexicons))
        XCTAssertEqual(Array(tags[1...2]), ["O", "B-PER"], "\(tags)")
    }

    func testCoNLLSentencesReadAsOneArticleKeepTheirOwnTags() {
        let extractor = ArticleExtractor(lexicons: Self.lexicons)
        let first = ["قال", "المتحدث", "باسم", "وزارة", "الدفاع", "الأميركية", "،", "جون", "كيربي"]
        let second = ["وأضاف", "كيربي", "أن", "الهجوم", "وقع", "في", "بغداد"]
        let tags = Evaluator.tags(forDocument: [first, second], extractor: extractor)
        XCTAssertEqual(tags.map(\.count), [first.count, second.count])
        XCTAssertEqual(tags[0], Evaluator.tags(for: first, extractor: extractor), "the first sentence reads as it does alone")
        XCTAssertEqual(tags[1][1], "B-PER", "\(tags[1])")
        XCTAssertEqual(tags[1][6], "B-LOC", "\(tags[1])")
        XCTAssertFalse(tags[1].contains { $0.hasPrefix("I-") && $0 != "I-PER" && $0 != "I-LOC" && $0 != "I-ORG" })
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

/// The map/reduce path (`kg extract` fragments, `kg merge`) gives the same graph as `kg build`, in any grouping and order.
final class FragmentMergeTests: XCTestCase {
    func testMergeOfFragmentsEqualsBuildAndIsAssociativeAndCommutative() throws {
        let lex = EvaluationTests.lexicons
        let dir = EvaluationTests.root.appendingPathComponent("Examples/articles").path
        let reader = ArticleReader()
        let arts = reader.expand([dir]).files.prefix(5).flatMap { reader.read(file: $0).articles }
        XCTAssertEqual(arts.count, 5)
        let ex = ArticleExtractor(lexicons: lex)
        let frags = try arts.map { try JSONLDReader.read(Data(Fragments.fragment(ex.extract($0), gazetteer: lex.gazetteer, events: lex.namedEvents).utf8), file: "f") }
        var built = KnowledgeGraph()
        for a in arts { built.add(ex.extract(a), gazetteer: lex.gazetteer, events: lex.namedEvents) }
        func merged(_ gs: [KnowledgeGraph]) -> KnowledgeGraph { gs.reduce(into: KnowledgeGraph()) { $0.merge($1) } }
        let forward = merged(frags), backward = merged(frags.reversed())
        var left = merged(Array(frags[0..<2])); left.merge(merged(Array(frags[2...])))
        var right = frags[0]; right.merge(merged(Array(frags[1...])))
        let reference = JSONLDWriter.write(built)
        XCTAssertEqual(JSONLDWriter.write(forward), reference)
        XCTAssertEqual(JSONLDWriter.write(backward), reference)
        XCTAssertEqual(JSONLDWriter.write(left), reference)
        XCTAssertEqual(JSONLDWriter.write(right), reference)
        XCTAssertFalse(Fragments.fragment(ex.extract(arts[0]), gazetteer: lex.gazetteer, events: lex.namedEvents).contains("\n"), "a fragment is one line")
    }

    func testNTriplesEscapeLiteralsAndIRIs() {
        XCTAssertEqual(NTriplesWriter.literal("a\"b\\c\nd"), "\"a\\\"b\\\\c\\nd\"")
        XCTAssertEqual(NTriplesWriter.iri("https://x/a b<c>"), "<https://x/a%20b%3Cc%3E>")
    }
}
