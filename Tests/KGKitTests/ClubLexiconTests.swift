import Foundation
import XCTest
@testable import KGKit

/// The football and basketball clubs of lexicon/organizations.tsv: a city named alone in a sports report is its club
/// (through the نادي X / X FC names), stays a place elsewhere, and no club takes a bare common word.
final class ClubLexiconTests: XCTestCase {
    static let lexicons: LexiconSet = try! LexiconSet.load()

    func extract(_ text: String, _ lang: String) -> ArticleExtraction {
        ArticleExtractor(lexicons: Self.lexicons).extract(Article(sourceID: "t", title: "", text: text, date: nil, language: lang))
    }

    func ids(_ x: ArticleExtraction) -> Set<String> { Set(x.mentions.compactMap(\.entryID)) }

    func testClubsAreSportsTeamsOfACountry() {
        for id in ["org:sevilla-fc", "org:ssc-napoli", "org:fc-porto", "org:olympique-lyonnais", "org:olympique-marseille",
                   "org:benfica", "org:ajax", "org:celtic-fc", "org:al-wahda-uae", "org:es-setif", "org:la-lakers"] {
            guard let e = Self.lexicons.gazetteer.entry(id: id) else { XCTFail("missing \(id)"); continue }
            XCTAssertEqual(e.type, .organization, id)
            XCTAssertEqual(e.subtype, "SportsTeam", id)
        }
    }

    func testCityNamedAloneInASportsReportIsTheClub() {
        let x = extract("فاز إشبيلية على نابولي في مباراة ودية، وسجل المهاجم هدفين، وقال المدرب إن الفريق يستعد للموسم الجديد في الدوري. وتعادل بورتو مع مرسيليا.", "ar")
        let clubs = Set(x.mentions.filter { $0.rule == "sports-metonymy" }.compactMap(\.entryID))
        for id in ["org:sevilla-fc", "org:ssc-napoli", "org:fc-porto", "org:olympique-marseille"] {
            XCTAssertTrue(clubs.contains(id), "\(id): \(x.mentions.map { ($0.surface, $0.entryID ?? "", $0.rule) })")
        }
    }

    func testCityStaysAPlaceOutsideSports() {
        let x = extract("وصل الرئيس إلى إشبيلية ثم زار نابولي وبورتو ومرسيليا لبحث ملف الهجرة مع المسؤولين المحليين.", "ar")
        XCTAssertFalse(x.mentions.contains { $0.rule == "sports-metonymy" })
        XCTAssertTrue(ids(x).isDisjoint(with: ["org:sevilla-fc", "org:ssc-napoli", "org:fc-porto", "org:olympique-marseille"]),
                      "\(x.mentions.map { ($0.surface, $0.entryID ?? "") })")
    }

    func testQualifiedArabClubNamesAndNoBareCommonWords() {
        let x = extract("فاز الوحدة الإماراتي على الجزيرة الإماراتي في الدوري، وتعادل الشباب السعودي مع الاتفاق السعودي.", "ar")
        for id in ["org:al-wahda-uae", "org:al-jazira-uae", "org:al-shabab-saudi", "org:al-ettifaq"] {
            XCTAssertTrue(ids(x).contains(id), "\(id): \(x.mentions.map { ($0.surface, $0.entryID ?? "") })")
        }
        // common words are never club names, not even in a sports report
        let y = extract("قال المدرب إن الوحدة بين اللاعبين والاتفاق على الخطة أساس الفوز في المباراة، وإن الشباب هم مستقبل الفريق في الدوري.", "ar")
        XCTAssertTrue(ids(y).isDisjoint(with: ["org:al-wahda-uae", "org:al-ettifaq", "org:al-shabab-saudi", "org:club-africain"]),
                      "\(y.mentions.map { ($0.surface, $0.entryID ?? "") })")
    }
}
