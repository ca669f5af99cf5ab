import Foundation
import XCTest
@testable import KGKit

final class FormatTests: XCTestCase {
    var tmp: URL!

    override func setUpWithError() throws {
        tmp = FileManager.default.temporaryDirectory.appendingPathComponent("kg-format-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: tmp, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: tmp)
    }

    /// A small graph built by hand: two nodes with hostile names, one relation, one article.
    func sampleGraph(label: String = "Kirby") -> KnowledgeGraph {
        var g = KnowledgeGraph()
        g.entities["person/kirby"] = GraphEntity(key: "person/kirby", type: .person, subtype: "", names: ["en": label, "ar": "كيربي"],
                                                 sameAs: [], partOf: nil, description: "", eventType: nil, cameo: nil)
        g.entities["org/us-dod"] = GraphEntity(key: "org/us-dod", type: .organization, subtype: "GovernmentOrganization",
                                               names: ["en": "=HYPERLINK(\"http://x\")"], sameAs: [], partOf: nil, description: "",
                                               eventType: nil, cameo: nil)
        g.articles["h1"] = GraphArticle(hash: "h1", sourceID: "-5", title: "t", url: nil, date: nil, language: "en",
                                        mentions: [GraphMention(entity: "person/kirby", sentence: 0, start: 0, end: 5, surface: "Kirby, \"the\"\nspokesman", rule: "gaz")])
        g.relations[RelationKey(subject: "person/kirby", predicate: "spokespersonOf", object: "org/us-dod")] =
            [Evidence(article: "h1", sentence: 0, start: 0, end: 5, sentenceStart: 0, sentenceText: "@evil, \"x\"", rule: "r", confidence: 0.9)]
        return g
    }

    // MARK: CSV

    func testNodeIRIsArePercentEncodedAndRoundTrip() {
        let keys = ["person/john-kirby", "place/سجن الصناعة", "org/100% \"quoted\" <b>", "place/a/b/c", "x/emoji 👨‍👩‍👧 %2F ~._-",
                    "place/", "event/\u{200F}rtl\u{0}nul"]
        for k in keys {
            let iri = KGIRI.node(k)
            XCTAssertTrue(iri.utf8.allSatisfy { $0 > 0x20 && $0 < 0x7F && !"<>\"{}|\\^`".utf8.contains($0) }, iri)
            XCTAssertEqual(KGIRI.key(ofNode: iri), k)
        }
        XCTAssertEqual(KGIRI.node("place/سجن"), KGIRI.node + "place/%D8%B3%D8%AC%D9%86")
        XCTAssertEqual(KGIRI.key(ofNode: KGIRI.node + "place/100%zz"), "place/100%zz", "malformed escapes are kept")
        XCTAssertNil(KGIRI.key(ofNode: "https://example.org/other"))
    }

    func testJSONStringEscapingRoundTrips() throws {
        let controls = String(String.UnicodeScalarView((0..<0x20).compactMap(Unicode.Scalar.init)))
        let samples = ["", "plain ASCII", "جون كيربي \"قسد\" \\ back", controls, "\u{7F}\u{2028}line\u{2029}para\u{2027}\u{202A}",
                       "emoji 👨‍👩‍👧 and \u{200F}RTL mark", "tab\tnew\nline\rcr"]
        for s in samples {
            let json = JSONText.string(s)
            XCTAssertFalse(json.unicodeScalars.dropFirst().dropLast().contains { $0.value < 0x20 || $0 == "\u{2028}" || $0 == "\u{2029}" },
                           "raw control or line separator left in \(json.debugDescription)")
            let parsed = try JSONSerialization.jsonObject(with: Data("[\(json)]".utf8)) as? [String]
            XCTAssertEqual(parsed, [s])
        }
        XCTAssertEqual(JSONText.string("a\u{1}\u{7F}"), "\"a\\u0001\\u007f\"")
    }

    func testCSVCellQuoting() {
        XCTAssertEqual(CSVWriter.cell("plain"), "plain")
        XCTAssertEqual(CSVWriter.cell(""), "")
        XCTAssertEqual(CSVWriter.cell("a,b"), "\"a,b\"")
        XCTAssertEqual(CSVWriter.cell("say \"hi\""), "\"say \"\"hi\"\"\"")
        XCTAssertEqual(CSVWriter.cell("two\nlines"), "\"two\nlines\"")
        XCTAssertEqual(CSVWriter.cell("cr\rhere"), "\"cr\rhere\"")
        XCTAssertEqual(CSVWriter.cell("قوات سوريا الديمقراطية"), "قوات سوريا الديمقراطية")
    }

    func testCSVFormulaInjection() {
        XCTAssertEqual(CSVWriter.cell("=1+1"), "'=1+1")
        XCTAssertEqual(CSVWriter.cell("+x"), "'+x")
        XCTAssertEqual(CSVWriter.cell("-x"), "'-x")
        XCTAssertEqual(CSVWriter.cell("@x"), "'@x")
        XCTAssertEqual(CSVWriter.cell("\tx"), "'\tx")
        XCTAssertEqual(CSVWriter.cell("=HYPERLINK(\"a\",\"b\")"), "\"'=HYPERLINK(\"\"a\"\",\"\"b\"\")\"")
        XCTAssertEqual(CSVWriter.cell("-5", numeric: true), "-5")
        XCTAssertEqual(CSVWriter.cell("0.75", numeric: true), "0.75")
        XCTAssertEqual(CSVWriter.cell("-5"), "'-5", "a text column that looks negative is still neutralised")
        XCTAssertEqual(CSVWriter.cell("a=b"), "a=b")
    }

    /// Minimal RFC 4180 parser, to check the writers' output as a spreadsheet would read it.
    func parseCSV(_ text: String) -> [[String]] {
        var rows: [[String]] = [], row: [String] = [], cell = ""
        var inQuotes = false, afterQuote = false
        let chars = Array(text.unicodeScalars)
        var i = 0
        while i < chars.count {
            let c = chars[i]
            if inQuotes {
                if c == "\"" {
                    if i + 1 < chars.count && chars[i + 1] == "\"" { cell.unicodeScalars.append("\""); i += 1 } else { inQuotes = false; afterQuote = true }
                } else { cell.unicodeScalars.append(c) }
            } else if c == "\"" && cell.isEmpty && !afterQuote {
                inQuotes = true
            } else if c == "," {
                row.append(cell); cell = ""; afterQuote = false
            } else if c == "\r" && i + 1 < chars.count && chars[i + 1] == "\n" {
                row.append(cell); rows.append(row); row = []; cell = ""; afterQuote = false; i += 1
            } else {
                XCTAssertFalse(afterQuote, "text after a closing quote at scalar \(i)")
                cell.unicodeScalars.append(c)
            }
            i += 1
        }
        XCTAssertFalse(inQuotes, "unterminated quoted cell")
        XCTAssertTrue(cell.isEmpty && row.isEmpty, "last row not terminated by CRLF")
        return rows
    }

    func testCSVHeadersAndRows() {
        let g = sampleGraph()
        let nodes = parseCSV(CSVWriter.nodes(g))
        XCTAssertEqual(nodes.first, ["id", "type", "subtype", "name_en", "name_ar", "name_translit", "alternate_names", "same_as", "part_of", "mentions", "articles", "start_date", "casualties"])
        XCTAssertEqual(nodes.count, 3)
        XCTAssertEqual(nodes[1][0], "org/us-dod")
        XCTAssertEqual(nodes[1][3], "'=HYPERLINK(\"http://x\")")
        XCTAssertEqual(nodes[2][0], "person/kirby")
        XCTAssertEqual(nodes[2][6], "Kirby, \"the\"\nspokesman")
        XCTAssertEqual(nodes[2][9], "1")
        XCTAssertEqual(nodes[2][10], "1")
        for r in nodes { XCTAssertEqual(r.count, nodes[0].count) }

        let edges = parseCSV(CSVWriter.edges(g))
        XCTAssertEqual(edges.first, ["subject", "predicate", "object", "subject_name", "object_name", "confidence", "evidence_count", "rules", "example_sentence"])
        XCTAssertEqual(edges.count, 2)
        XCTAssertEqual(edges[1][0], "person/kirby")
        XCTAssertEqual(edges[1][1], "spokespersonOf")
        XCTAssertEqual(edges[1][6], "1")
        XCTAssertEqual(Double(edges[1][5]) ?? -1, 0.9, accuracy: 1e-9)
        XCTAssertEqual(edges[1][8], "'@evil, \"x\"")

        let mentions = parseCSV(CSVWriter.mentions(g))
        XCTAssertEqual(mentions.first, ["article", "article_id", "entity", "sentence", "start", "end", "surface", "rule", "nominal"])
        XCTAssertEqual(mentions.count, 2)
        XCTAssertEqual(mentions[1][1], "'-5", "article ids are text, so -5 is neutralised")
        XCTAssertEqual(Array(mentions[1][3...5]), ["0", "0", "5"])
    }

    // MARK: DOT

    func testDOTQuote() {
        XCTAssertEqual(DOTWriter.quote("a"), "\"a\"")
        XCTAssertEqual(DOTWriter.quote("say \"hi\""), "\"say \\\"hi\\\"\"")
        XCTAssertEqual(DOTWriter.quote("back\\slash"), "\"back\\\\slash\"")
        XCTAssertEqual(DOTWriter.quote("two\nlines\r\n"), "\"two lines  \"")
        XCTAssertFalse(DOTWriter.quote("a\u{0}b\u{7}c").unicodeScalars.contains { $0.value < 0x20 })
        XCTAssertEqual(DOTWriter.quote("trailing\\"), "\"trailing\\\\\"")
    }

    /// Scalars of `line` that are outside double-quoted strings (backslash escapes respected).
    func unquotedParts(_ line: String) -> (outside: String, quoteCount: Int) {
        var outside = "", inString = false, escaped = false, quotes = 0
        for c in line.unicodeScalars {
            if inString {
                if escaped { escaped = false } else if c == "\\" { escaped = true } else if c == "\"" { inString = false; quotes += 1 }
            } else if c == "\"" { inString = true; quotes += 1 } else { outside.unicodeScalars.append(c) }
        }
        return (outside, quotes)
    }

    func testDOTInjectionStaysInsideStrings() {
        let evil = "\"]; evil [label=\"x"
        for label in [evil, evil + "\\", "a\\\"]; b [x=\"\ny", "\\\\\"; }"] {
            let dot = DOTWriter.write(sampleGraph(label: label), language: "en")
            XCTAssertTrue(dot.hasPrefix("digraph"))
            XCTAssertTrue(dot.hasSuffix("}\n"))
            for line in dot.split(separator: "\n") {
                let (outside, quotes) = unquotedParts(String(line))
                XCTAssertEqual(quotes % 2, 0, "unbalanced quotes in line: \(line)")
                XCTAssertFalse(outside.contains("evil"), "label text escaped its string: \(line)")
            }
            XCTAssertEqual(dot.split(separator: "\n").filter { $0.contains("->") }.count, 1)
        }
    }

    // MARK: ArticleReader

    @discardableResult
    func write(_ name: String, _ data: Data) throws -> String {
        let url = tmp.appendingPathComponent(name)
        try data.write(to: url)
        return url.path
    }

    func write(_ name: String, _ text: String) throws -> String { try write(name, Data(text.utf8)) }

    func testReadTxtTitleIsFirstNonEmptyLine() throws {
        let path = try write("a.txt", "\n  \n  Pentagon backs SDF  \nBody text.\n")
        let (arts, errs) = ArticleReader().read(file: path)
        XCTAssertEqual(errs, [])
        XCTAssertEqual(arts.count, 1)
        XCTAssertEqual(arts.first?.title, "Pentagon backs SDF")
        XCTAssertEqual(arts.first?.sourceID, "a.txt")
        XCTAssertEqual(arts.first?.text, "\n  \n  Pentagon backs SDF  \nBody text.\n")
        XCTAssertEqual(arts.first?.language, "en")
    }

    func testReadJSONLinesKeepsGoodLines() throws {
        let lines = [
            #"{"id":"1","title":"one","text":"قال كيربي إن الدعم مستمر","lang":"ar"}"#,
            #"{"id":"2","title":"two","text":"broken"#,
            "",
            #"{"id":3,"title":"three","text":"Kirby said support continues.","url":"http://x","date":"2022-01-21"}"#,
            #"{"id":"4","title":"no text"}"#,
        ]
        let path = try write("b.jsonl", lines.joined(separator: "\n") + "\n")
        let (arts, errs) = ArticleReader().read(file: path)
        XCTAssertEqual(arts.map(\.sourceID), ["1", "3"])
        XCTAssertEqual(arts.last?.url, "http://x")
        XCTAssertEqual(arts.last?.date, "2022-01-21")
        XCTAssertEqual(arts.first?.language, "ar")
        XCTAssertEqual(errs.count, 2)
        if case let .badJSON(file, line, _)? = errs.first {
            XCTAssertEqual(file, path); XCTAssertEqual(line, 2)
        } else { XCTFail("expected badJSON, got \(errs)") }
        XCTAssertTrue(errs.first?.description.contains("\(path):2") ?? false, errs.first?.description ?? "")
        XCTAssertEqual(errs.last, .missingText(file: path, line: 5))
    }

    func testReadJSONArrayAndObject() throws {
        let arr = try write("c.json", #"[{"id":"a","title":"A","text":"one"},{"id":"b","title":"B","text":"two"}]"#)
        let (arts, errs) = ArticleReader().read(file: arr)
        XCTAssertEqual(errs, [])
        XCTAssertEqual(arts.map(\.title), ["A", "B"])
        let obj = try write("d.json", #"{"id":"a","title":"A","text":"one"}"#)
        XCTAssertEqual(ArticleReader().read(file: obj).articles.map(\.sourceID), ["a"])
        let noText = try write("e.json", #"{"id":"a","title":"A"}"#)
        let r = ArticleReader().read(file: noText)
        XCTAssertEqual(r.articles.count, 0)
        XCTAssertEqual(r.errors.count, 1)
        if case .missingText? = r.errors.first {} else { XCTFail("expected missingText, got \(r.errors)") }
        XCTAssertTrue(r.errors.first?.description.contains(noText) ?? false)
        let bad = try write("f.json", "{not json")
        if case .badJSON? = ArticleReader().read(file: bad).errors.first {} else { XCTFail("expected badJSON") }
    }

    func testInvalidUTF8NamesByteOffsetAndLossyDecodes() throws {
        var bytes = Array("قال كيربي\nok ".utf8)
        let offset = bytes.count
        bytes += [0xC3, 0x28] + Array(" more text".utf8)
        let path = try write("g.txt", Data(bytes))
        let (arts, errs) = ArticleReader().read(file: path)
        XCTAssertEqual(arts.count, 0)
        XCTAssertEqual(errs, [.invalidUTF8(file: path, byteOffset: offset)])
        XCTAssertTrue(errs.first?.description.contains("byte \(offset)") ?? false)
        let lossy = ArticleReader(lossy: true).read(file: path)
        XCTAssertEqual(lossy.errors, [])
        XCTAssertEqual(lossy.articles.first?.title, "قال كيربي")
        XCTAssertTrue(lossy.articles.first?.text.contains("\u{FFFD}") ?? false)
        XCTAssertTrue(lossy.articles.first?.text.hasSuffix(" more text") ?? false)
    }

    func testFirstInvalidUTF8() {
        XCTAssertNil(ArticleReader.firstInvalidUTF8(Array("abc قسد 😀".utf8)))
        XCTAssertEqual(ArticleReader.firstInvalidUTF8([0x61, 0x80]), 1)                 // lone continuation
        XCTAssertEqual(ArticleReader.firstInvalidUTF8([0x61, 0xC0, 0x80]), 1)           // overlong
        XCTAssertEqual(ArticleReader.firstInvalidUTF8([0xED, 0xA0, 0x80]), 0)           // surrogate
        XCTAssertEqual(ArticleReader.firstInvalidUTF8([0x61, 0x62, 0xE2, 0x82]), 2)     // truncated at end
        XCTAssertEqual(ArticleReader.firstInvalidUTF8([0xF4, 0x90, 0x80, 0x80]), 0)     // > U+10FFFF
        XCTAssertNil(ArticleReader.firstInvalidUTF8([0xF0, 0x9F, 0x98, 0x80]))           // 😀 at the very end
    }

    func testEmptyFile() throws {
        let path = try write("h.txt", Data())
        let (arts, errs) = ArticleReader().read(file: path)
        XCTAssertEqual(arts.count, 0)
        XCTAssertEqual(errs, [.empty(file: path)])
        let blank = try write("i.txt", "\n   \n")
        XCTAssertEqual(ArticleReader().read(file: blank).articles.count, 0)
    }

    func testUTF16LEWithBOM() throws {
        let text = "البنتاغون يؤكد دعم قسد\nقال كيربي."
        var data = Data([0xFF, 0xFE])
        for u in text.utf16 { data.append(UInt8(u & 0xFF)); data.append(UInt8(u >> 8)) }
        let path = try write("j.txt", data)
        let (arts, errs) = ArticleReader().read(file: path)
        XCTAssertEqual(errs, [])
        XCTAssertEqual(arts.first?.title, "البنتاغون يؤكد دعم قسد")
        XCTAssertEqual(arts.first?.text, text)
    }

    func testUTF8BOMIsDropped() throws {
        let path = try write("k.txt", Data([0xEF, 0xBB, 0xBF] + Array("Title\nBody".utf8)))
        let a = ArticleReader().read(file: path).articles.first
        XCTAssertEqual(a?.title, "Title")
        XCTAssertEqual(a?.text, "Title\nBody")
    }

    func testBinaryAndUnsupported() throws {
        let bin = try write("l.txt", Data([0x00, 0x01, 0x00, 0x00, 0x89, 0x50, 0x4E, 0x47, 0x00, 0x00]))
        XCTAssertEqual(ArticleReader().read(file: bin).errors, [.binary(file: bin)])
        let doc = try write("m.docx", "hello")
        XCTAssertEqual(ArticleReader().read(file: doc).errors, [.unsupported(file: doc)])
        let missing = tmp.appendingPathComponent("nope.txt").path
        if case .unreadable? = ArticleReader().read(file: missing).errors.first {} else { XCTFail("missing file must be unreadable") }
    }

    func testExpandDirectorySortedAndFiltered() throws {
        let sub = tmp.appendingPathComponent("dir/sub")
        try FileManager.default.createDirectory(at: sub, withIntermediateDirectories: true)
        try write("dir/b.txt", "b")
        try write("dir/a.jsonl", "{}")
        try write("dir/sub/c.json", "{}")
        try write("dir/notes.md", "x")
        let (files, errs) = ArticleReader().expand([tmp.appendingPathComponent("dir").path, tmp.appendingPathComponent("missing").path])
        XCTAssertEqual(files.map { ($0 as NSString).lastPathComponent }, ["a.jsonl", "b.txt", "c.json"])
        XCTAssertEqual(errs.count, 1)
    }
}
