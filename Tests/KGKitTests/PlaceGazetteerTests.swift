import Foundation
import XCTest
@testable import KGKit

/// The notable world cities of places.tsv (Scripts/gen-places.py, notable_world_rows; docs/gazetteer.md): widely named
/// cities below 1,000,000 inhabitants are known, without the given names, English words and Arabic common words
/// that a plain population threshold would bring in.
final class PlaceGazetteerTests: XCTestCase {
    nonisolated(unsafe) static var lexicons: LexiconSet!

    override class func setUp() {
        super.setUp()
        lexicons = try! LexiconSet.load()
    }

    var gazetteer: Gazetteer { Self.lexicons.gazetteer }

    /// Rivers, lakes and seas (lexicon/geographic-features.tsv) are named with their class word, so the river is not
    /// the country it shares a name with (نهر الأردن, not Jordan; بحيرة طبريا, not the city); international bodies
    /// (lexicon/international-bodies.tsv) are linked by name and acronym.
    func testNaturalFeaturesAndInternationalBodiesAreLinked() {
        let x = ArticleExtractor(lexicons: Self.lexicons).extract(Article(sourceID: "t", title: "",
            text: "انخفض منسوب نهر الأردن وبحيرة طبريا هذا الصيف، وغرقت سفينة في المحيط الهندي. وقالت المنظمة العالمية للملكية الفكرية (الويبو) إن الطلبات زادت.",
            language: "ar"))
        let ids = Set(x.mentions.compactMap(\.entryID))
        for id in ["region:jordan-river", "region:sea-of-galilee", "region:indian-ocean", "org:wipo"] {
            XCTAssertTrue(ids.contains(id), "\(id): \(x.mentions.map { ($0.surface, $0.entryID ?? "", $0.rule) })")
        }
        XCTAssertFalse(ids.contains("country:jo"), "\(x.mentions.map { ($0.surface, $0.entryID ?? "") })")
    }

    func testNotableWorldCitiesAreKnown() {
        for (id, en, ar) in [("gn:2892794", "Karlsruhe", "كارلسروه"), ("gn:2831580", "Solingen", "زولينغن"),
                             ("gn:2644210", "Liverpool", "ليفربول"), ("gn:2747373", "The Hague", "لاهاي"),
                             ("gn:1138336", "Kandahār", "قندهار")] {
            guard let e = gazetteer.entry(id: id) else { XCTFail("missing \(id) \(en)"); continue }
            XCTAssertEqual(e.nameEn, en)
            XCTAssertEqual(e.nameAr, ar)
            XCTAssertEqual(e.subtype, "City")
        }
        // the spelling most frequent in Arabic news is the name: إشبيلية, not سيبييا
        XCTAssertEqual(gazetteer.entry(id: "gn:2510911")?.nameAr, "إشبيلية")
    }

    /// GeoNames' Arabic alternates of a large city include Persian and Uyghur spellings and misspellings (Rome: رم,
    /// روم, روما, رىم): the spelling Arabic news writes is the name, but never a common word (Bursa is not بورصة
    /// "stock exchange", Huế not هوئه ≈ هوية "identity").
    func testLargeCitiesTakeTheirNewsSpelling() {
        for (id, ar) in [("gn:3169070", "روما"), ("gn:264371", "أثينا"), ("gn:4887398", "شيكاغو"), ("gn:1850147", "طوكيو")] {
            XCTAssertEqual(gazetteer.entry(id: id)?.nameAr, ar, id)
        }
        XCTAssertNotEqual(gazetteer.entry(id: "gn:750269")?.nameAr, "بورصة")
        XCTAssertNotEqual(gazetteer.entry(id: "gn:1580240")?.nameAr, "هوئه")
    }

    /// A user lexicon saved with Windows line endings (CR LF) is read line by line, like one with line feeds; a file
    /// without the header line is refused with its name.
    func testUserLexiconWithWindowsLineEndings() throws {
        var g = Gazetteer()
        let rows = ["id\ttype\tsubtype\tname_en\tname_ar\taliases", "# a comment", "org:foo\tOrganization\t\tFoo Corp\tشركة فو\tFooCo",
                    "org:bar\tOrganization\t\tBar Inc\tشركة بار\t"]
        try g.load(tsv: rows.joined(separator: "\r\n") + "\r\n", file: "user.tsv", isUser: true)
        XCTAssertEqual(g.entries.map(\.id), ["org:foo", "org:bar"])
        XCTAssertEqual(g.entry(id: "org:foo")?.nameAr, "شركة فو")
        XCTAssertEqual(g.entry(id: "org:bar")?.nameEn, "Bar Inc")
        var empty = Gazetteer()
        XCTAssertThrowsError(try empty.load(tsv: "org:foo\tOrganization\r\n", file: "nohead.tsv", isUser: true)) { error in
            XCTAssertEqual(error as? LexiconError, .missingHeader(file: "nohead.tsv"))
        }
    }

    func testWorldCityNamesAreNoCommonWordsOrGivenNames() {
        var cityNames = Set<String>()
        for e in gazetteer.entries where e.type == .place && e.subtype == "City" { cityNames.formUnion(e.allNames) }
        // English given names and words (Salem, Orlando, ...), Arabic words: دوله (Dhule) = دولة "state",
        // تاريخا "a history" (Tarija), ليل "night" (Lille), بيرا in كبيرا (Beira), لستر (Leicester)
        for name in ["Salem", "Orlando", "Charlotte", "Austin", "Reading", "Nice", "Mesa", "Oral", "Toyota", "Santos",
                     "Kennedy", "Aurora", "Preston", "Vladimir", "Hollywood",
                     "دوله", "دولة", "تاريخا", "ليل", "بيرا", "لستر", "فلاديمير", "سالم"] {
            XCTAssertFalse(cityNames.contains(name), "\(name) is a city name")
        }
    }

    func testATakenNameIsNotGivenAgain() {
        // London (Ontario) does not share the bare name with London; Birmingham (Alabama) neither
        let londons = gazetteer.entries.filter { $0.allNames.contains("London") }.map(\.id)
        XCTAssertEqual(londons, ["gn:2643743"])
        XCTAssertEqual(gazetteer.entries.filter { $0.allNames.contains("Birmingham") }.count, 1)
        // a name of a bundled organisation stays the organisation's (دورتموند: Borussia Dortmund)
        XCTAssertEqual(gazetteer.entries.filter { $0.allNames.contains("دورتموند") }.map(\.id), ["org:borussia-dortmund"])
    }
}
