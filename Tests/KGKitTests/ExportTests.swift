import Foundation
import XCTest
@testable import KGKit

/// The exports beyond JSON-LD (N-Triples / N-Quads, Neo4j CSV, DOT) carry quotations, event dates and casualties.
/// Graphs are built by real extraction of a short Arabic and a short English article.
final class ExportTests: XCTestCase {
    static let lexicons: LexiconSet = try! LexiconSet.load()

    static let arabic = Article(sourceID: "ar1", title: "غارة",
        text: "شنت طائرة حربية أميركية غارتين على مواقع تنظيم داعش في الحسكة الجمعة، ما أسفر عن مقتل 5 مسلحين. وقال جون كيربي إن \"العملية حققت أهدافها كاملة\".",
        date: "2022-01-23", language: "ar")
    static let english = Article(sourceID: "en1", title: "Peskov",
        text: "Kremlin spokesman Dmitry Peskov told reporters in Moscow that Russia remained \"open to a political settlement\" but that its operation would continue.",
        date: "2024-02-20", language: "en")

    static func build(_ articles: [Article]) -> KnowledgeGraph {
        var g = KnowledgeGraph()
        for a in articles { g.add(ArticleExtractor(lexicons: lexicons).extract(a), gazetteer: lexicons.gazetteer, events: lexicons.namedEvents) }
        return g
    }

    static let graph = build([arabic, english])

    var g: KnowledgeGraph { Self.graph }

    func quotation(by speaker: String, _ file: StaticString = #filePath, line: UInt = #line) throws -> (id: String, st: GraphStatement) {
        let hit = g.statements.first { $0.value.speaker == speaker }
        return try XCTUnwrap(hit.map { ($0.key, $0.value) }, "no quotation by \(speaker): \(g.statements.values.map(\.speaker))", file: file, line: line)
    }

    var airstrike: GraphEntity? { g.entities.values.first { $0.eventType == "airstrike" } }

    func testGraphHasWhatTheExportsShow() throws {
        _ = try quotation(by: "person/john-kirby")
        _ = try quotation(by: "person/dmitry-peskov")
        XCTAssertEqual(airstrike?.startDate, "2022-01-21")
        XCTAssertEqual(airstrike?.casualties, [Casualty(outcome: "killed", count: 5, party: "مسلحين")])
    }

    // MARK: N-Triples / N-Quads

    /// One N-Triples line: subject, predicate, object (N-Quads: and graph), the object an IRI or a literal.
    func assertWellFormed(_ text: String, quads: Bool, file: StaticString = #filePath, line: UInt = #line) {
        let iri = #"<[^<>"{}|^`\\\x00-\x20]*>"#
        let lit = #""([^"\\\n\r]|\\["\\nrtbfu])*"(@[A-Za-z]+(-[A-Za-z0-9]+)*|\^\^"# + iri + ")?"
        let pattern = "^" + iri + " " + iri + " (" + iri + "|" + lit + ")" + (quads ? "( " + iri + ")?" : "") + " \\.$"
        let re = try! NSRegularExpression(pattern: pattern)
        for l in text.split(separator: "\n", omittingEmptySubsequences: false).dropLast() {
            let s = String(l)
            XCTAssertNotNil(re.firstMatch(in: s, range: NSRange(s.startIndex..., in: s)), "not an N-Triples line: \(s)", file: file, line: line)
        }
        XCTAssertTrue(text.hasSuffix(" .\n"), file: file, line: line)
    }

    func testQuotationTriplesWithCreatorTextAndEscaping() throws {
        let nt = NTriplesWriter.write(g, quads: false)
        assertWellFormed(nt, quads: false)
        for (speaker, text) in [("person/dmitry-peskov", #""Russia remained \"open to a political settlement\" but that its operation would continue""#),
                                ("person/john-kirby", "")] {
            let (id, st) = try quotation(by: speaker)
            let q = "<\(KGIRI.node("quote/" + id))>"
            XCTAssertTrue(nt.contains("\(q) <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <http://schema.org/Quotation> .\n"))
            XCTAssertTrue(nt.contains("\(q) <http://schema.org/creator> <https://kg.example.org/id/\(speaker)> .\n"), speaker)
            if !text.isEmpty { XCTAssertTrue(nt.contains("\(q) <http://schema.org/text> \(text) .\n"), "text of \(speaker): \(st.quote)") }
            XCTAssertTrue(nt.contains("\(q) <http://schema.org/text> \(NTriplesWriter.literal(st.quote)) .\n"))
            XCTAssertTrue(nt.contains("\(q) <https://kg.example.org/vocab#statementKind> \"said\" .\n"))
            XCTAssertTrue(nt.contains("\(q) <https://kg.example.org/vocab#cameoCode> \"010\" .\n"))
            XCTAssertTrue(nt.contains("\(q) <https://kg.example.org/vocab#cue> \"\(st.cue)\" .\n"))
            // its evidence: a node with the sentence, offsets and article
            let evLine = try XCTUnwrap(nt.split(separator: "\n").first { $0.hasPrefix(q + " <https://kg.example.org/vocab#evidence> ") })
            let ev = String(evLine.split(separator: " ")[2])
            XCTAssertTrue(nt.contains("\(ev) <https://kg.example.org/vocab#article> <\(KGIRI.article(st.evidence.article))> .\n"))
            XCTAssertTrue(nt.contains("\(ev) <https://kg.example.org/vocab#startOffset> \"\(st.evidence.start)\"^^<http://www.w3.org/2001/XMLSchema#integer> .\n"))
            XCTAssertTrue(nt.contains("\(ev) <https://kg.example.org/vocab#sentenceText> \(NTriplesWriter.literal(st.evidence.sentenceText)) .\n"))
        }
        let kirby = try quotation(by: "person/john-kirby").st.quote
        XCTAssertTrue(kirby.contains("العملية حققت أهدافها كاملة"))
        XCTAssertTrue(nt.contains(" <http://schema.org/text> \"" + kirby.replacingOccurrences(of: "\"", with: "\\\"") + "\" .\n"),
                      "Arabic as UTF-8 (not \\u-escaped), quote marks escaped")
    }

    func testEventDateAndCasualtyTriples() throws {
        let nt = NTriplesWriter.write(g, quads: false)
        let e = try XCTUnwrap(airstrike)
        let s = "<\(KGIRI.node(e.key))>"
        XCTAssertTrue(nt.contains("\(s) <http://schema.org/startDate> \"2022-01-21\"^^<http://www.w3.org/2001/XMLSchema#date> .\n"))
        let links = nt.split(separator: "\n").filter { $0.hasPrefix(s + " <https://kg.example.org/vocab#casualty> ") }
        XCTAssertEqual(links.count, 1)
        let c = String(try XCTUnwrap(links.first).split(separator: " ")[2])
        XCTAssertTrue(c.hasPrefix("<https://kg.example.org/id/casualty/"), "a stable IRI, not a blank node: \(c)")
        XCTAssertTrue(nt.contains("\(c) <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <https://kg.example.org/vocab#CasualtyCount> .\n"))
        XCTAssertTrue(nt.contains("\(c) <https://kg.example.org/vocab#outcome> \"killed\" .\n"))
        XCTAssertTrue(nt.contains("\(c) <https://kg.example.org/vocab#count> \"5\"^^<http://www.w3.org/2001/XMLSchema#integer> .\n"))
        XCTAssertTrue(nt.contains("\(c) <https://kg.example.org/vocab#party> \"مسلحين\" .\n"))
        XCTAssertFalse(nt.contains("\(c) <https://kg.example.org/vocab#atLeast>"), "an exact count states no atLeast (as in the JSON-LD)")
    }

    func testAtLeastIsABoolean() {
        var g = KnowledgeGraph()
        let a = Article(sourceID: "e", title: "", text: "At least 12 people were killed in an airstrike on Mosul on Tuesday, the army said.", date: "2024-03-14", language: "en")
        g.add(ArticleExtractor(lexicons: Self.lexicons).extract(a), gazetteer: Self.lexicons.gazetteer, events: Self.lexicons.namedEvents)
        guard let e = g.entities.values.first(where: { $0.casualties.contains { $0.atLeast } }) else {
            return XCTFail("no at-least casualty in \(g.entities.values.map { ($0.key, $0.casualties) })")
        }
        let nt = NTriplesWriter.write(g, quads: false)
        XCTAssertTrue(nt.contains("<https://kg.example.org/vocab#atLeast> \"true\"^^<http://www.w3.org/2001/XMLSchema#boolean> .\n"), "\(e.casualties)")
    }

    func testDatesAreTypedOnlyWhenTheyAreCalendarDays() {
        let xsdDate = "^^<http://www.w3.org/2001/XMLSchema#date>"
        XCTAssertEqual(NTriplesWriter.date("2022-01-21"), "\"2022-01-21\"" + xsdDate)
        XCTAssertEqual(NTriplesWriter.date("2024-02-29"), "\"2024-02-29\"" + xsdDate)
        // month and week precision (DateResolver) and impossible days stay plain literals: never an ill-typed xsd:date
        for d in ["2024-03", "2024-W10", "2023-02-29", "2024-04-31", "0000-01-01", "2024-13-01", "24-01-01"] {
            XCTAssertEqual(NTriplesWriter.date(d), "\"\(d)\"", d)
        }
    }

    /// The IRIs the N-Triples use for the new terms are the ones the JSON-LD `@context` maps them to, so both files
    /// describe the same RDF graph.
    func testTermIRIsMatchTheJSONLDContext() throws {
        let ctx = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(JSONLDWriter.context.utf8)) as? [String: Any])
        func expand(_ term: String) throws -> String {
            let v = try XCTUnwrap(ctx[term], term)
            let id = try XCTUnwrap((v as? String) ?? ((v as? [String: Any])?["@id"] as? String), term)
            let parts = id.split(separator: ":", maxSplits: 1).map(String.init)
            if parts.count == 2, let prefix = ctx[parts[0]] as? String { return prefix + parts[1] }
            return id
        }
        let nt = NTriplesWriter.write(g, quads: false)
        for term in ["creator", "text", "statementKind", "cue", "cameoCode", "confidence", "evidence", "startDate", "casualty", "outcome",
                     "count", "party", "sentenceStart", "sentenceText"] {
            let full = try expand(term)
            XCTAssertTrue(nt.contains(" <\(full)> "), "\(term) → \(full) not used")
        }
        for cls in ["Quotation", "CasualtyCount", "Evidence"] {
            let full = try expand(cls)
            XCTAssertTrue(nt.contains(" <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <\(full)> ."), cls)
        }
    }

    func testNQuadsPutAQuotationInItsArticlesGraph() throws {
        let nq = NTriplesWriter.write(g, quads: true)
        assertWellFormed(nq, quads: true)
        let (id, st) = try quotation(by: "person/john-kirby")
        let q = "<\(KGIRI.node("quote/" + id))> "
        let lines = nq.split(separator: "\n").filter { $0.hasPrefix(q) }
        XCTAssertGreaterThanOrEqual(lines.count, 6)
        for l in lines { XCTAssertTrue(l.hasSuffix(" <\(KGIRI.article(st.evidence.article))> ."), String(l)) }
    }

    func testTriplesAreDeterministicWhateverTheArticleOrder() {
        let other = Self.build([Self.english, Self.arabic])
        for quads in [false, true] {
            let a = NTriplesWriter.write(g, quads: quads)
            XCTAssertEqual(a, NTriplesWriter.write(g, quads: quads))
            XCTAssertEqual(a, NTriplesWriter.write(other, quads: quads), "same graph, byte-identical triples")
            XCTAssertEqual(Set(a.split(separator: "\n")).count, a.split(separator: "\n").count, "no duplicate lines")
        }
    }

    // MARK: Neo4j

    func parseCSV(_ text: String) -> [[String]] {
        var rows: [[String]] = [], row: [String] = [], cell = "", inQuotes = false
        var it = Array(text.unicodeScalars)[...]
        while let c = it.popFirst() {
            if inQuotes {
                if c == "\"" { if it.first == "\"" { it.removeFirst(); cell.unicodeScalars.append(c) } else { inQuotes = false } }
                else { cell.unicodeScalars.append(c) }
            } else if c == "\"" { inQuotes = true }
            else if c == "," { row.append(cell); cell = "" }
            else if c == "\r" { continue }
            else if c == "\n" { row.append(cell); rows.append(row); row = []; cell = "" }
            else { cell.unicodeScalars.append(c) }
        }
        return rows
    }

    func table(_ text: String) -> (header: [String], rows: [[String: String]]) {
        let all = parseCSV(text)
        let header = all.first ?? []
        for r in all.dropFirst() { XCTAssertEqual(r.count, header.count, "\(r)") }
        return (header, all.dropFirst().map { Dictionary(uniqueKeysWithValues: zip(header, $0)) })
    }

    func testNeo4jHeaders() {
        XCTAssertEqual(table(Neo4jCSVWriter.nodes(g)).header,
                       ["id:ID", ":LABEL", "name_en", "name_ar", "name_translit", "subtype", "same_as:string[]", "event_type", "cameo_code",
                        "start_date", "casualties:string[]", "killed:int", "injured:int"])
        XCTAssertEqual(table(Neo4jCSVWriter.quotations(g)).header,
                       ["id:ID", ":LABEL", "kind", "cue", "text", "cameo_code", "confidence:double", "article", "sentence:int", "start:int",
                        "end:int", "sentence_text", "rule"])
        XCTAssertEqual(table(Neo4jCSVWriter.relationships(g)).header,
                       [":START_ID", ":END_ID", ":TYPE", "confidence:double", "evidence_count:int", "rules:string[]", "nominal:boolean"])
    }

    /// A MENTIONS edge says whether the article only describes the entity by its kind (kg:nominal in the JSON-LD).
    func testNeo4jMentionsSayWhetherTheArticleOnlyDescribesTheEntity() {
        let g = Self.build([Self.arabic, Article(sourceID: "mof", title: "", text: "قالت وزارة المالية في مصر إن العجز تراجع، وأكدت الوزارة أن مصر ماضية في الإصلاح.", language: "ar")])
        let rels = table(Neo4jCSVWriter.relationships(g)).rows.filter { $0[":TYPE"] == "MENTIONS" }
        XCTAssertTrue(rels.allSatisfy { $0["nominal:boolean"] == "true" || $0["nominal:boolean"] == "false" })
        for a in g.articles.values {
            for m in a.mentions {
                let edge = rels.first { $0[":START_ID"] == "article/" + a.hash && $0[":END_ID"] == m.entity }
                let all = a.mentions.filter { $0.entity == m.entity }.allSatisfy { $0.nominal || $0.rule == "definite-description" }
                XCTAssertEqual(edge?["nominal:boolean"], all ? "true" : "false", "\(m.surface)")
            }
        }
        // (the Egyptian finance ministry the article describes by its kind is the known body, still only described)
        XCTAssertTrue(rels.contains { $0["nominal:boolean"] == "true" && $0[":END_ID"] == "org/eg-mof" }, "\(rels)")
        XCTAssertTrue(rels.contains { $0["nominal:boolean"] == "false" && $0[":END_ID"] == "org/isis" })
    }

    func testNeo4jQuotationsAndTheirRelationships() throws {
        let quotes = table(Neo4jCSVWriter.quotations(g)).rows
        let nodes = table(Neo4jCSVWriter.nodes(g)).rows
        let rels = table(Neo4jCSVWriter.relationships(g)).rows
        let (id, st) = try quotation(by: "person/john-kirby")
        let row = try XCTUnwrap(quotes.first { $0["id:ID"] == "quote/" + id })
        XCTAssertEqual(row[":LABEL"], "Quotation")
        XCTAssertEqual(row["kind"], "said")
        XCTAssertEqual(row["text"], st.quote)
        XCTAssertTrue(st.quote.contains("العملية حققت أهدافها كاملة"))
        XCTAssertEqual(row["cameo_code"], "010")
        XCTAssertEqual(row["sentence_text"], st.evidence.sentenceText)
        let peskov = try quotation(by: "person/dmitry-peskov")
        XCTAssertEqual(quotes.first { $0["id:ID"] == "quote/" + peskov.id }?["text"], peskov.st.quote, "quotes inside a cell survive CSV quoting")
        XCTAssertTrue(rels.contains { $0[":START_ID"] == "person/john-kirby" && $0[":END_ID"] == "quote/" + id && $0[":TYPE"] == "SAID" })
        XCTAssertTrue(rels.contains { $0[":START_ID"] == "quote/" + id && $0[":END_ID"] == "article/" + st.evidence.article && $0[":TYPE"] == "QUOTED_IN" })
        XCTAssertEqual(Neo4jCSVWriter.statementType("denied"), "DENIED")
        XCTAssertEqual(Neo4jCSVWriter.statementType("source"), "SOURCE")
        // neo4j-admin import fails on a relationship whose end is no node: every id must be in one of the node files
        let ids = Set(nodes.compactMap { $0["id:ID"] } + quotes.compactMap { $0["id:ID"] })
        XCTAssertEqual(ids.count, nodes.count + quotes.count, "ids are unique across the node files")
        for r in rels {
            XCTAssertTrue(ids.contains(r[":START_ID"] ?? ""), "dangling start: \(r)")
            XCTAssertTrue(ids.contains(r[":END_ID"] ?? ""), "dangling end: \(r)")
        }
    }

    func testNeo4jEventDateAndCasualties() throws {
        let e = try XCTUnwrap(airstrike)
        let row = try XCTUnwrap(table(Neo4jCSVWriter.nodes(g)).rows.first { $0["id:ID"] == e.key })
        XCTAssertEqual(row["start_date"], "2022-01-21")
        XCTAssertEqual(row["casualties:string[]"], "killed 5 مسلحين")
        XCTAssertEqual(row["killed:int"], "5")
        XCTAssertEqual(row["injured:int"], "", "no count: no property")
        XCTAssertEqual(row["event_type"], "airstrike")
        XCTAssertEqual(Neo4jCSVWriter.arrayElement("killed 3 a;b"), "killed 3 a,b", "an element cannot split the array")
    }

    func testNeo4jFilesAreDeterministic() {
        let other = Self.build([Self.english, Self.arabic])
        XCTAssertEqual(Neo4jCSVWriter.nodes(g), Neo4jCSVWriter.nodes(other))
        XCTAssertEqual(Neo4jCSVWriter.quotations(g), Neo4jCSVWriter.quotations(other))
        XCTAssertEqual(Neo4jCSVWriter.relationships(g), Neo4jCSVWriter.relationships(other))
    }

    // MARK: DOT

    func testDOTEventLabelHasTypeAndDate() throws {
        let e = try XCTUnwrap(airstrike)
        let dot = DOTWriter.write(g, language: "en")
        XCTAssertTrue(dot.contains("  \"\(e.key)\" [label=\"airstrike\\n2022-01-21\", shape=diamond"), dot)
        let ar = DOTWriter.write(g, language: "ar")
        XCTAssertTrue(ar.contains("\\n2022-01-21\", shape=diamond"), "the date is shown whatever the label language")
        XCTAssertFalse(dot.contains("quote/"), "quotations are not drawn")
        XCTAssertTrue(dot.contains("\"person/john-kirby\" [label="), "speakers still are")
        XCTAssertEqual(dot, DOTWriter.write(Self.build([Self.english, Self.arabic]), language: "en"))
    }

    func testDOTMultiLineLabelsStayEscaped() {
        XCTAssertEqual(DOTWriter.quote(lines: ["attack", "2022-01-21"]), "\"attack\\n2022-01-21\"")
        XCTAssertEqual(DOTWriter.quote(lines: ["a\"b", "c\\"]), "\"a\\\"b\\nc\\\\\"")
        XCTAssertEqual(DOTWriter.quote(lines: ["one"]), DOTWriter.quote("one"))
        var g = KnowledgeGraph()
        let evil = "\"]; evil [label=\"x\\"
        g.entities["event/x-attack"] = GraphEntity(key: "event/x-attack", type: .event, subtype: "", names: ["en": evil], sameAs: [], partOf: nil,
                                                   description: "", eventType: "attack", cameo: nil, startDate: evil + "\n\"", casualties: [])
        let dot = DOTWriter.write(g, language: "en")
        for line in dot.split(separator: "\n") {
            var outside = "", inString = false, escaped = false, quotes = 0
            for c in line.unicodeScalars {
                if inString {
                    if escaped { escaped = false } else if c == "\\" { escaped = true } else if c == "\"" { inString = false; quotes += 1 }
                } else if c == "\"" { inString = true; quotes += 1 } else { outside.unicodeScalars.append(c) }
            }
            XCTAssertEqual(quotes % 2, 0, "unbalanced quotes: \(line)")
            XCTAssertFalse(outside.contains("evil"), "label text escaped its string: \(line)")
        }
    }
}
