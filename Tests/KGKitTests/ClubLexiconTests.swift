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
        // (by the sports-metonymy rule, or by the tagger reading a body there and the known club's name)
        let clubs = Set(x.mentions.filter { $0.type == .organization }.compactMap(\.entryID))
        for id in ["org:sevilla-fc", "org:ssc-napoli", "org:fc-porto", "org:olympique-marseille"] {
            XCTAssertTrue(clubs.contains(id), "\(id): \(x.mentions.map { ($0.surface, $0.entryID ?? "", $0.rule) })")
        }
        XCTAssertFalse(x.mentions.contains { $0.type == .place }, "\(x.mentions.map { ($0.surface, $0.type) })")
    }

    /// A club's nickname (rules/sports-context.tsv) is the club in a sports report, except as money: الريال after an
    /// amount is the riyal.
    func testNicknameInASportsReportIsTheClub() {
        let x = extract("فاز الريال على يونايتد في مباراة ودية، وسجل المهاجم هدفين، وقال المدرب إن الفريق يستعد للموسم في الدوري. "
                        + "وحافظ الريال السعودي على سعره في سوق الانتقالات.", "ar")
        let clubs = x.mentions.filter { $0.rule == "sports-metonymy" }
        XCTAssertEqual(Set(clubs.compactMap(\.entryID)), ["org:real-madrid", "org:manchester-united"],
                       "\(x.mentions.map { ($0.surface, $0.entryID ?? "", $0.rule) })")
        XCTAssertEqual(clubs.filter { $0.entryID == "org:real-madrid" }.count, 1, "\(clubs.map(\.surface))")
    }

    /// A club's other spelling (نادي ملقة besides نادي ملقا) names it in a sports report; another spelling of a city
    /// is no club's (ميلانو in إنتر ميلانو is not AC Milan).
    func testClubsOtherSpellingInASportsReportIsTheClub() {
        let x = extract("ويمكن لأتليتيكو التقدم للمركز الثالث في حال فوزه على ملقة متذيل الترتيب في الدوري، وقال المدرب إن الفريق جاهز للمباراة.", "ar")
        XCTAssertTrue(x.mentions.contains { $0.surface == "ملقة" && $0.entryID == "org:malaga-cf" },
                      "\(x.mentions.map { ($0.surface, $0.entryID ?? "", $0.rule) })")
        let y = extract("وتشير تقارير إلى رغبة إنتر ميلانو الإيطالي في ضم لاعب الوسط، وقال المدرب إن الفريق سيلعب المباراة المقبلة في الدوري بعد الفوز بهدف.", "ar")
        XCTAssertFalse(ids(y).contains("org:ac-milan"), "\(y.mentions.map { ($0.surface, $0.entryID ?? "", $0.rule) })")
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

    func testArabLeagueClubsAreSportsTeamsOfTheirCountry() {
        let expected = ["org:maghreb-fes": "Moroccan", "org:moghreb-tetouan": "Moroccan", "org:hassania-agadir": "Moroccan",
                        "org:cr-belouizdad": "Algerian", "org:us-monastir": "Tunisian", "org:al-ahli-tripoli": "Libyan",
                        "org:smouha-sc": "Egyptian", "org:al-taawoun": "Saudi", "org:al-arabi-qatar": "Qatari",
                        "org:al-khor-sc": "Qatari", "org:al-wakrah-sc": "Qatari", "org:qadsia-sc": "Kuwaiti",
                        "org:al-nasr-dubai": "Emirati", "org:al-muharraq": "Bahraini", "org:dhofar-club": "Omani",
                        "org:al-shorta-iraq": "Iraqi", "org:al-ramtha-sc": "Jordanian", "org:al-ahed": "Lebanese",
                        "org:al-karamah": "Syrian", "org:hilal-al-quds": "Palestinian", "org:al-ahli-shendi": "Sudanese"]
        for (id, nationality) in expected {
            guard let e = Self.lexicons.gazetteer.entry(id: id) else { XCTFail("missing \(id)"); continue }
            XCTAssertEqual(e.type, .organization, id)
            XCTAssertEqual(e.subtype, "SportsTeam", id)
            XCTAssertTrue(e.description.hasPrefix("\(nationality) football club"), "\(id): \(e.description)")
            // the clubs record no country in part_of, as the other clubs of the file
            XCTAssertEqual(e.partOf, "", id)
        }
    }

    func testQualifiedArabLeagueClubNamesLink() {
        let x = extract("فاز العربي القطري على الخور القطري في الدوري، وتعادل المغرب الفاسي مع المغرب التطواني، وهزم القادسية الكويتي نادي الوكرة.", "ar")
        for id in ["org:al-arabi-qatar", "org:al-khor-sc", "org:maghreb-fes", "org:moghreb-tetouan", "org:qadsia-sc", "org:al-wakrah-sc"] {
            XCTAssertTrue(ids(x).contains(id), "\(id): \(x.mentions.map { ($0.surface, $0.entryID ?? "") })")
        }
        // الأهلي + a qualifier is that club, not Al Ahly of Cairo. (Where the tagger reads الأهلي alone as a name and the
        // nisba as an adjective — فاز الأهلي القطري — the tagger's reading wins over the gazetteer's, as for every club
        // named with a nisba; not tested here.)
        let y = extract("تعادل الأهلي شندي مع المريخ، وفاز أهلي طرابلس على الأهلي البحريني في البطولة العربية للأندية.", "ar")
        XCTAssertTrue(ids(y).isSuperset(of: ["org:al-ahli-shendi", "org:al-ahli-tripoli", "org:al-ahli-bahrain"]),
                      "\(y.mentions.map { ($0.surface, $0.entryID ?? "") })")
        XCTAssertFalse(ids(y).contains("org:al-ahly"), "\(y.mentions.map { ($0.surface, $0.entryID ?? "") })")
        // every club of a league named like الأهلي/العربي/النصر has its qualified name in the lexicon
        for (id, name) in [("org:al-ahli-qatar", "الأهلي القطري"), ("org:al-arabi-kuwait", "العربي الكويتي"), ("org:al-nasr-dubai", "النصر الإماراتي")] {
            XCTAssertEqual(Self.lexicons.gazetteer.entry(id: id)?.nameAr, name, id)
        }
    }

    func testBareCommonWordIsNoArabLeagueClub() {
        let clubs: Set<String> = ["org:al-arabi-qatar", "org:al-arabi-kuwait", "org:al-taawoun", "org:al-fateh", "org:al-nasr-dubai",
                                  "org:al-shorta-iraq", "org:al-naft-iraq", "org:al-wahda-syria", "org:al-karamah", "org:al-ahed"]
        let x = extract("أكد وزير الخارجية أن العالم العربي يواجه تحديات كبيرة، وأن التعاون بين الدول والعهد الجديد يحفظ الكرامة، وأن النفط العراقي والشرطة ستحمي الوحدة الوطنية.", "ar")
        XCTAssertTrue(ids(x).isDisjoint(with: clubs), "\(x.mentions.map { ($0.surface, $0.entryID ?? "") })")
        // nor in a sports report: العربي alone is 'Arab'
        let y = extract("قال المدرب إن الفريق العربي قدم مباراة كبيرة في الدوري وسجل هدفين، وإن الجمهور العربي ساند اللاعبين حتى النهاية.", "ar")
        XCTAssertTrue(ids(y).isDisjoint(with: clubs), "\(y.mentions.map { ($0.surface, $0.entryID ?? "") })")
    }

    func testCityNamedAloneInASportsReportIsItsArabClub() {
        let x = extract("فاز الوكرة على الخور بهدفين في الدوري القطري، وسجل المهاجم هدف المباراة، وقال المدرب إن الفريق قدم مباراة كبيرة.", "ar")
        // (by the sports-metonymy rule, or by the tagger reading the city as the club's name)
        let clubs = Set(x.mentions.filter { ["الوكرة", "الخور"].contains($0.surface) }.compactMap(\.entryID))
        for id in ["org:al-wakrah-sc", "org:al-khor-sc"] {
            XCTAssertTrue(clubs.contains(id), "\(id): \(x.mentions.map { ($0.surface, $0.entryID ?? "", $0.rule) })")
        }
        let y = extract("وصل الأمير إلى الخور ثم زار الوكرة لافتتاح مشروع سكني جديد مع المسؤولين المحليين.", "ar")
        XCTAssertTrue(ids(y).isDisjoint(with: ["org:al-wakrah-sc", "org:al-khor-sc"]), "\(y.mentions.map { ($0.surface, $0.entryID ?? "") })")
    }

    /// A club named with its country's nisba is that country's club, even where the tagger reads only the first word
    /// as the name (الأهلي القطري is not Cairo's الأهلي; الهلال السعودي is Al Hilal).
    func testNisbaQualifiedClubKeepsItsLinkWhenTheTaggerCutsTheName() {
        let x = extract("فاز الأهلي القطري على السد في الدوري القطري وسجل المهاجم هدفين في المباراة. وتعادل الهلال السعودي مع النصر السعودي في مباراة الدوري.", "ar")
        XCTAssertTrue(ids(x).isSuperset(of: ["org:al-ahli-qatar", "org:al-hilal"]), "\(x.mentions.map { ($0.surface, $0.entryID ?? "") })")
        XCTAssertFalse(ids(x).contains("org:al-ahly"), "\(x.mentions.map { ($0.surface, $0.entryID ?? "") })")
    }

    /// A bare club name shared by clubs of several countries (النصر, الأهلي) is the one of the country whose league or
    /// clubs the report names; with no such country it stays unlinked.
    func testBareClubNameIsTheClubOfTheReportsCountry() {
        let x = extract("اختتم الدوري السعودي للمحترفين موسمه، وحقق فريقا النصر والأهلي فوزين على ضيفيهما، وسجل المهاجم هدفين، "
                        + "وقال المدرب إن المباراة كانت صعبة وإن الفريق يستحق الفوز.", "ar")
        XCTAssertTrue(ids(x).isSuperset(of: ["org:al-nassr", "org:al-ahli-saudi"]), "\(x.mentions.map { ($0.surface, $0.entryID ?? "") })")
        XCTAssertFalse(ids(x).contains("org:al-ahly"), "\(x.mentions.map { ($0.surface, $0.entryID ?? "") })")
        let y = extract("وحقق فريقا النصر والوحدة فوزين على ضيفيهما، وسجل المهاجم هدفين، وقال المدرب إن المباراة كانت صعبة وإن الفريق يستحق الفوز.", "ar")
        XCTAssertFalse(ids(y).contains("org:al-nassr"), "\(y.mentions.map { ($0.surface, $0.entryID ?? "") })")
    }

    /// The nationality of a player or coach says nothing of the league: two Brazilian strikers in a report on the
    /// Saudi league do not outvote it, and its bare club names stay Saudi.
    func testPlayersNationalitiesDoNotDecideTheReportsCountry() {
        let x = extract("حقق النصر فوزاً ثميناً على ضيفه الأهلي في الدوري السعودي للمحترفين. وتقدم الأهلي عن طريق مهاجمه البرازيلي "
                        + "جورجينيو، ثم سجل مهاجم النصر البرازيلي ماركوس هدف التعادل، وقال المدرب البرازيلي إن المباراة كانت صعبة.", "ar")
        XCTAssertTrue(ids(x).isSuperset(of: ["org:al-nassr", "org:al-ahli-saudi"]), "\(x.mentions.map { ($0.surface, $0.entryID ?? "") })")
    }

    /// A known team of several words stays whole where the tagger reads a part of it: ريال مدريد is not a body ريال and
    /// the city of Madrid, شباب الأهلي is not Cairo's الأهلي.
    func testKnownTeamOfSeveralWordsIsNotSplitByTheTagger() {
        let x = extract("وفاز شباب الأهلي على الوصل في الدوري الإماراتي، وتعادل ريال مدريد مع برشلونة في الدوري الإسباني.", "ar")
        let teams = x.mentions.filter { $0.type == .organization }.map { ($0.surface, $0.entryID ?? "") }
        XCTAssertTrue(teams.contains { $0 == ("شباب الأهلي", "org:shabab-al-ahli") }, "\(teams)")
        XCTAssertTrue(teams.contains { $0 == ("ريال مدريد", "org:real-madrid") }, "\(teams)")
        XCTAssertFalse(x.mentions.contains { $0.type == .place && $0.surface == "مدريد" }, "\(x.mentions.map(\.surface))")
        XCTAssertFalse(ids(x).contains("org:al-ahly"))
    }

    /// A tie in the vote for the report's country goes to the country more of whose clubs the report names bare: one
    /// Chilean club named in full does not undo the Saudi league's bare names.
    func testTiedCountryVoteGoesToTheCountryOfTheBareClubNames() {
        let x = extract("قاد المدرب فريقه السابق كولو كولو التشيلي إلى اللقب قبل أن ينتقل إلى الدوري السعودي. "
                        + "وفاز الهلال على الفتح، وتعادل الأهلي مع التعاون، وسجل المهاجم هدفين في المباراة.", "ar")
        XCTAssertTrue(ids(x).isSuperset(of: ["org:al-hilal", "org:al-ahli-saudi"]), "\(x.mentions.map { ($0.surface, $0.entryID ?? "") })")
        XCTAssertFalse(ids(x).contains("org:al-ahly"), "\(x.mentions.map { ($0.surface, $0.entryID ?? "") })")
    }

    /// "النادي الأهلي" is the Ahly club by name: النادي there does not point back to the club named before.
    func testClubWordBeforeAClubNameIsNoBackReference() {
        let x = extract("وفاز الفجيرة على عجمان في الدوري الإماراتي وسجل المهاجم هدفين. وكان اللاعب قد بدأ مسيرته بالنادي الأهلي قبل أن ينتقل إلى الإمارات.", "ar")
        XCTAssertFalse(x.mentions.contains { $0.rule == "definite-description" && $0.surface.contains("النادي") },
                       "\(x.mentions.map { ($0.surface, $0.rule, $0.entryID ?? "") })")
        XCTAssertTrue(ids(x).contains("org:al-ahly"))
    }

    /// الفريق ("the team") points back to a sports team, never to whatever body was named last (a research team is
    /// not the World Bank).
    func testTheTeamIsASportsTeam() {
        let x = extract("وقال البنك الدولي إن المشروع سيستمر. وطور الفريق البحثي نموذجا جديدا للتنبؤ بالأزمات.", "ar")
        XCTAssertFalse(x.mentions.contains { $0.rule == "definite-description" && $0.entryID == "org:world-bank" },
                       "\(x.mentions.map { ($0.surface, $0.rule, $0.entryID ?? "") })")
    }

    func testDefiniteWordAfterAPlayerWordIsHisClub() {
        let x = extract("ويضم الدوري السعودي لاعبين مصريين هم: محمد عبد الشافي لاعب الفتح، ومحمود شيكابالا ومحمد عطوة لاعبي الرائد. وسجل لاعب الوسط هدفا في المباراة.", "ar")
        let clubs = Set(x.mentions.filter { $0.type == .organization && $0.subtype == "SportsTeam" }.map(\.surface))
        XCTAssertTrue(clubs.isSuperset(of: ["الفتح", "الرائد"]), "\(x.mentions.map { ($0.surface, $0.type, $0.rule) })")
        XCTAssertFalse(x.mentions.contains { $0.surface == "الوسط" })
        XCTAssertTrue(x.relations.contains { r in
            r.predicate == "memberOf" && x.entities[r.subject].name.contains("عبد الشافي") && x.entities[r.object].name == "الفتح"
        }, "\(x.relations.map { (x.entities[$0.subject].name, $0.predicate, x.entities[$0.object].name) })")
        // not in a news report on other things: الفتح is "the conquest"
        let y = extract("وقال الوزير إن الفتح الإسلامي غير وجه المنطقة.", "ar")
        XCTAssertFalse(y.mentions.contains { $0.rule == "player-club" })
    }

    /// In a sports report, a bare definite word after a team word (ضيفه, فريقا), right after a match verb (تعادل) or
    /// after على following one names a club, and so do the report's other bare uses of that word; adjectives and
    /// phrases in those slots do not (على التوالي, غريمه التقليدي).
    func testDefiniteWordInATeamSlotIsAClub() {
        let x = extract("تعادل الفيصلي أمام ضيفه الشباب 2-2 في الدوري، وتقدم الشباب أولا عند الدقيقة 30 بهدف لاعبه. "
                        + "وفي المباراة الأخرى تعادل فريقا الباطن والفيحاء 1-1. وفاز الفيصلي على التوالي للمرة الثالثة، "
                        + "وواجه غريمه التقليدي في المباراة المقبلة. وقال مدرب الفريق إن اللاعب سجل الهدف في المباراة.", "ar")
        // (الفيصلي may be the tagger's organisation, without the club subtype)
        let clubs = x.mentions.filter { $0.type == .organization && $0.rule != "definite-description" }
        XCTAssertEqual(Set(clubs.map(\.surface)), ["الفيصلي", "الشباب", "الباطن", "الفيحاء"],
                       "\(x.mentions.map { ($0.surface, $0.type, $0.rule) })")
        XCTAssertEqual(clubs.filter { $0.surface == "الشباب" }.count, 2, "the second الشباب is the same club")
        XCTAssertEqual(clubs.filter { $0.surface == "الفيصلي" }.count, 2)
        // a known club named in full lends its entry to its bare word (اتحاد جدة … الاتحاد: one node)
        let j = extract("حقق الرائد فوزا متأخرا على ضيفه اتحاد جدة 2-1 في الدوري، وسجل مدافع الاتحاد زياد المولد في مرماه. "
                        + "وقال مدرب الفريق إن اللاعب سجل الهدف في المباراة.", "ar")
        XCTAssertTrue(j.mentions.contains { $0.surface == "الاتحاد" && $0.entryID == "org:al-ittihad" }, "\(j.mentions.map { ($0.surface, $0.entryID ?? "", $0.rule) })")
        // the same words outside sports news are no clubs
        let y = extract("وقال الوزير إن الشباب يواجه البطالة، وتعادل الطرفان في المفاوضات.", "ar")
        XCTAssertFalse(y.mentions.contains { $0.rule == "player-club" }, "\(y.mentions.map { ($0.surface, $0.rule) })")
        // nor in a text that names a match only in passing; nor the name علي (which normalises like على), a word that only
        // looks definite (إليسا), or a team word with a pronoun (فريقه المستقبلي)
        let z = extract("وقال فريق العمل في البرنامج إن اللاعب السابق حضر المباراة في الدوري مع فريق الإنتاج.", "ar")
        XCTAssertFalse(z.mentions.contains { $0.rule == "player-club" }, "\(z.mentions.map { ($0.surface, $0.rule) })")
        let w = extract("وتعادل علي الزعقان للفتح في الدقيقة 80، وأهدى اللاعب الهدف إلى فريق إليسا، ورحل المدرب إلى فريقه المستقبلي "
                        + "بعد المباراة في الدوري. وقال مدرب الفريق إن الهدف والمباراة والدوري أهم من الموسم.", "ar")
        let wrong = w.mentions.filter { $0.rule == "player-club" && ["الزعقان", "إليسا", "المستقبلي"].contains($0.surface) }
        XCTAssertTrue(wrong.isEmpty, "\(w.mentions.map { ($0.surface, $0.rule) })")
    }

    /// Two readings of one node give it the subtype that says something, whatever the order the articles came in.
    func testSubtypesMergeInAnyOrder() {
        XCTAssertEqual(KnowledgeGraph.mergeSubtype("", "SportsTeam"), "SportsTeam")
        XCTAssertEqual(KnowledgeGraph.mergeSubtype("SportsTeam", ""), "SportsTeam")
        XCTAssertEqual(KnowledgeGraph.mergeSubtype("SportsTeam", "Corporation"), KnowledgeGraph.mergeSubtype("Corporation", "SportsTeam"))
    }

}
