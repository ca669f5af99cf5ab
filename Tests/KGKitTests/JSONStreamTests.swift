import Foundation
import XCTest
@testable import KGKit

final class JSONStreamTests: XCTestCase {
    /// The same value as JSONSerialization reads, compared through a canonical re-serialisation.
    private func canonical(_ v: Any) throws -> String {
        String(decoding: try JSONSerialization.data(withJSONObject: v, options: [.sortedKeys, .fragmentsAllowed]), as: UTF8.self)
    }

    func testAgreesWithJSONSerialization() throws {
        let docs = [
            #"{"a": 1, "b": [true, false, null], "c": -2.5e3, "d": "x\"y\\z\/\b\f\n\r\t\u00e9\ud83d\ude00", "e": {}, "f": []}"#,
            #"[0, -0, 12345678901234, 1.5, 1e-3, "جون كيربي", {"nested": [[[]]]}]"#,
            #"  {"@graph": [{"@id": "x", "name": {"ar": "قسد", "en": "SDF"}}], "@context": {"schema": "https://schema.org/"}}  "#,
        ]
        for d in docs {
            let data = Data(d.utf8)
            XCTAssertEqual(try canonical(JSONStream.parse(data)), try canonical(JSONSerialization.jsonObject(with: data, options: .fragmentsAllowed)), d)
        }
    }

    func testReadsGraphFilesLikeJSONSerialization() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let data = try Data(contentsOf: root.appendingPathComponent("Examples/graph.jsonld"))
        XCTAssertEqual(try canonical(JSONStream.parse(data)), try canonical(JSONSerialization.jsonObject(with: data)))
    }

    func testSkipsAUTF8ByteOrderMark() throws {
        let doc = Data([0xEF, 0xBB, 0xBF] + Array(#"{"@graph": [{"n": 1}]}"#.utf8))
        XCTAssertEqual(try canonical(JSONStream.parse(doc)), #"{"@graph":[{"n":1}]}"#)
        var seen = 0
        try JSONStream.forEachElement(ofArray: "@graph", in: doc) { _ in seen += 1 }
        XCTAssertEqual(seen, 1)
    }

    func testNumbersCastLikeFoundationNumbers() throws {
        let v = try JSONStream.parse(Data(#"{"i": 3, "d": 0.25}"#.utf8)) as? [String: Any]
        XCTAssertEqual(v?["i"] as? Int, 3)
        XCTAssertEqual(v?["d"] as? Double, 0.25)
        XCTAssertEqual((v?["d"] as? NSNumber)?.doubleValue, 0.25, "the graph reader reads numbers as NSNumber")
        XCTAssertEqual((v?["i"] as? NSNumber)?.doubleValue, 3)
    }

    func testForEachElementStreamsTheArray() throws {
        let data = Data(#"{"@context": {"k": "v"}, "@graph": [{"n": 1}, {"n": 2}, {"n": 3}], "tail": true}"#.utf8)
        var seen: [Int] = []
        let rest = try JSONStream.forEachElement(ofArray: "@graph", in: data) { seen.append(($0 as? [String: Any])?["n"] as? Int ?? -1) }
        XCTAssertEqual(seen, [1, 2, 3])
        XCTAssertEqual(Set(rest.keys), ["@context", "tail"])
        var count = 0
        try JSONStream.forEachElement(ofArray: "@graph", in: Data(#"{"@graph": []}"#.utf8)) { _ in count += 1 }
        XCTAssertEqual(count, 0)
    }

    func testBadDocumentsGiveErrorsWithOffsets() {
        let bad: [(String, Int)] = [
            (#"{"a": 1"#, 7), (#"{"a" 1}"#, 5), (#"[1, 2,]"#, 6), (#"{"a": "unterminated}"#, 20), (#"{"a": tru}"#, 6),
            (#"{"a": "\x"}"#, 9), (#"{"a": "\ud800"}"#, 13), ("[1] [2]", 4), ("", 0), ("{\"a\": \"tab\there\"}", 10),
            (#"{"a": -}"#, 7), (#"{"a": 1.}"#, 8),
        ]
        for (doc, offset) in bad {
            XCTAssertThrowsError(try JSONStream.parse(Data(doc.utf8)), doc) { e in
                XCTAssertEqual((e as? JSONSyntaxError)?.offset, offset, "\(doc): \(e)")
            }
        }
        // invalid UTF-8 inside a string, and nesting that would exhaust the stack
        XCTAssertThrowsError(try JSONStream.parse(Data([0x5B, 0x22, 0xFF, 0xFE, 0x22, 0x5D])))
        XCTAssertThrowsError(try JSONStream.parse(Data(String(repeating: "[", count: 100_000).utf8))) { e in
            XCTAssertTrue("\(e)".contains("nested deeper"), "\(e)")
        }
    }
}
