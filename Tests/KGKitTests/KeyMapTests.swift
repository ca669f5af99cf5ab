import XCTest
@testable import KGKit

final class KeyMapTests: XCTestCase {
    func testLookupInsertOverwriteRemoveAndOrder() {
        var m = KeyMap<Int>()
        let words = (0..<5000).map { "كلمة\($0)" } + ["", "a", "داعش", "الحسكه"]
        for (i, w) in words.enumerated() { m[w] = i }
        XCTAssertEqual(m.count, words.count)
        for (i, w) in words.enumerated() { XCTAssertEqual(m[w], i, w) }
        XCTAssertNil(m["كلمة5000"])
        XCTAssertNil(m["داع"], "a prefix of a key is a different key")
        m["داعش"] = -1
        XCTAssertEqual(m["داعش"], -1)
        m["كلمة7"] = nil
        XCTAssertNil(m["كلمة7"])
        XCTAssertEqual(m["كلمة8"], 8)
        XCTAssertEqual(m.count, words.count - 1)
        XCTAssertEqual(m.keys.prefix(8), ["كلمة0", "كلمة1", "كلمة2", "كلمة3", "كلمة4", "كلمة5", "كلمة6", "كلمة8"], "insertion order")
        XCTAssertEqual(m[ "nothing", default: 42], 42)
    }

    func testSetAndSameKey() {
        let s: KeySet = ["و", "في", "من"]
        XCTAssertTrue(s.contains("في"))
        XCTAssertFalse(s.contains("فى"))
        XCTAssertEqual(Array(s), ["و", "في", "من"])
        XCTAssertTrue(sameKey("قسد", String("قوات قسد".split(separator: " ")[1])))
        XCTAssertFalse(sameKey("قسد", "قسده"))
    }
}
