import Foundation
import XCTest
@testable import KGKit

final class HTMLTextTests: XCTestCase {
    /// A news page as scrapers save it: doctype, head with meta/script/style, navigation, comments, attributes
    /// (one holding `>` in quotes), entities, the story in paragraphs, a share widget and a footer.
    static let arabicPage = """
    <!DOCTYPE html>
    <html lang="ar" dir="rtl"><head><meta charset="utf-8">
    <title>البنتاغون يؤكد دعم &laquo;قسد&raquo; في الحسكة</title>
    <script type="text/javascript">var dataLayer = [{"pageType":"article","section":"<p>World</p>"}]; if (a < b && c > d) {}</script>
    <style>.article-body p { font-family: "Noto Naskh Arabic"; } div > span { color: red }</style>
    <link rel="stylesheet" href="/assets/site.css"></head>
    <body class="article-page">
    <!-- header navigation: <a href="/">الرئيسية</a> -->
    <nav class="top-nav"><ul><li><a href="/world" title="a > b">العالم</a></li><li><a href="/sport">رياضة</a></li></ul></nav>
    <article itemscope itemtype="https://schema.org/NewsArticle">
    <h1 class="headline">البنتاغون يؤكد دعم &quot;قسد&quot;</h1>
    <div class="article-body" data-id="12345">
    <p>قال المتحدث باسم وزارة الدفاع الأميركية، <strong>جون كيربي</strong>، الجمعة، إن قوات التحالف دعمت قوات سوريا الديمقراطية&nbsp;خلال تعاملها مع هجوم تنظيم داعش على سجن الحسكة.</p>
    <p>من جانبه، قال القائد العام لقوات سوريا الديمقراطية، <a href="/tags/mazloum-abdi" class="tag">مظلوم عبدي</a>&#x060C; إن القوات ستواصل قتالها ضد تنظيم داعش.<br>وأضاف أن &#1575;&#1604;&#1578;&#1581;&#1575;&#1604;&#1601; ساعد قواته.</p>
    <div class="share"><span>شارك</span><img src="/img/fb.png" alt="facebook"></div>
    </div></article>
    <footer><p>&copy; 2026 الحرة &ndash; جميع الحقوق محفوظة</p></footer>
    <script>window.analytics && window.analytics.track("view");</script>
    </body></html>
    """

    func testArabicNewsPageIsReducedToItsText() {
        XCTAssertTrue(HTMLText.looksLikeHTML(Self.arabicPage))
        let text = HTMLText.text(Self.arabicPage)
        let lines = text.split(separator: "\n").map(String.init)
        XCTAssertEqual(lines.first, "البنتاغون يؤكد دعم «قسد» في الحسكة", "the <title> is the first line")
        XCTAssertTrue(lines.contains("البنتاغون يؤكد دعم \"قسد\""), "<h1> is a line of its own: \(lines)")
        XCTAssertTrue(lines.contains("قال المتحدث باسم وزارة الدفاع الأميركية، جون كيربي، الجمعة، إن قوات التحالف دعمت قوات سوريا الديمقراطية خلال تعاملها مع هجوم تنظيم داعش على سجن الحسكة."),
                      "inline tags vanish without breaking the line, &nbsp; is a space: \(lines)")
        XCTAssertTrue(lines.contains("من جانبه، قال القائد العام لقوات سوريا الديمقراطية، مظلوم عبدي، إن القوات ستواصل قتالها ضد تنظيم داعش."),
                      "hex reference &#x060C; is the Arabic comma; <br> ends the line: \(lines)")
        XCTAssertTrue(lines.contains("وأضاف أن التحالف ساعد قواته."), "decimal references: \(lines)")
        XCTAssertTrue(lines.contains("© 2026 الحرة – جميع الحقوق محفوظة"), lines.joined(separator: "\n"))
        XCTAssertTrue(lines.contains("العالم") && lines.contains("رياضة"), "list items are lines")
        for leak in ["<", ">", "&", "script", "dataLayer", "font-family", "href", "class", "itemscope", "الرئيسية", "analytics", "fb.png"] {
            XCTAssertFalse(text.contains(leak), "\(leak) leaked into the text:\n\(text)")
        }
        XCTAssertFalse(text.contains("  ") || text.contains("\n\n") || text.hasPrefix("\n") || text.hasSuffix("\n") || text.contains(" \n") || text.contains("\n "),
                       "whitespace collapsed, lines trimmed: \(text.debugDescription)")
    }

    func testArabicPageEntitiesWithoutMarkupLeaking() throws {
        let lex = try LexiconSet.load()
        let reader = ArticleReader()
        let (arts, errs) = reader.parse(Data(Self.arabicPage.utf8), name: "page.html")
        XCTAssertEqual(errs, [])
        let art = try XCTUnwrap(arts.first)
        XCTAssertEqual(art.title, "البنتاغون يؤكد دعم «قسد» في الحسكة")
        XCTAssertEqual(art.language, "ar")
        let x = ArticleExtractor(lexicons: lex).extract(art)
        let names = x.entities.map(\.name)
        let ids = Set(x.entities.compactMap(\.entryID))
        XCTAssertTrue(names.contains { $0.contains("كيربي") }, "John Kirby found: \(names)")
        XCTAssertTrue(names.contains { $0.contains("مظلوم عبدي") }, "Mazloum Abdi (inside <a>) found: \(names)")
        XCTAssertFalse(ids.isEmpty, "gazetteer entities linked: \(names)")
        let scalars = Array(art.text.unicodeScalars)
        for m in x.mentions {
            // offsets refer to the reduced text the article holds
            let surface = String(String.UnicodeScalarView(scalars[m.start..<m.end]))
            for leak in ["<", ">", "&", "=", "\"", "href", "class", "span", "strong", "nbsp", "div"] {
                XCTAssertFalse(surface.contains(leak), "mention \(surface) holds markup")
            }
        }
        // the same page inside a JSON text field, and saved as .txt, reads the same
        let json = try JSONSerialization.data(withJSONObject: ["id": "p1", "title": "عنوان &amp; <b>خبر</b>", "text": Self.arabicPage])
        let fromJSON = try XCTUnwrap(reader.parse(json, name: "a.json").articles.first)
        XCTAssertEqual(fromJSON.text, art.text)
        XCTAssertEqual(fromJSON.title, "عنوان & خبر")
        XCTAssertEqual(reader.parse(Data(Self.arabicPage.utf8), name: "page.txt").articles.first?.text, art.text)
    }

    func testHTMLFilesInDirectoriesAreRead() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("kg-html-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        try Data(Self.arabicPage.utf8).write(to: dir.appendingPathComponent("a.HTML"))
        try Data("<p>Kirby</p>".utf8).write(to: dir.appendingPathComponent("b.htm"))
        try Data("<script>only()</script>".utf8).write(to: dir.appendingPathComponent("c.html"))
        let reader = ArticleReader()
        let (files, errors) = reader.expand([dir.path])
        XCTAssertEqual(errors, [])
        XCTAssertEqual(files.map { ($0 as NSString).lastPathComponent }, ["a.HTML", "b.htm", "c.html"])
        XCTAssertEqual(reader.read(file: files[1]).articles.first?.text, "Kirby", ".htm is always HTML, even with one tag")
        XCTAssertEqual(reader.read(file: files[2]).errors, [.empty(file: files[2])], "a page without text is skipped, named")
    }

    func testPlainTextWithAngleBracketsIsUntouched() {
        let plain = [
            "Inflation < 3% in Egypt, while rates > 20% persist; AT&T &amp; others <b>said</b> nothing.",
            "if a<b and c>d then x <- y\nعنوان <مهم> & مختصر",
            "only <b>bold</b> here: 3 < 4",
        ]
        let reader = ArticleReader()
        for p in plain {
            XCTAssertFalse(HTMLText.looksLikeHTML(p), p)
            XCTAssertEqual(reader.parse(Data(("t\n" + p).utf8), name: "x.txt").articles.first?.text, "t\n" + p)
            let json = try! JSONSerialization.data(withJSONObject: ["text": p, "title": "a &amp; b"])
            let a = reader.parse(json, name: "x.json").articles.first
            XCTAssertEqual(a?.text, p)
            XCTAssertEqual(a?.title, "a &amp; b", "titles of plain articles are not decoded")
        }
        XCTAssertTrue(HTMLText.looksLikeHTML("<div>a</div><p>b</p>"))
        XCTAssertTrue(HTMLText.looksLikeHTML(" <p class=\"lead\">John Kirby said.</p>\n"), "one wrapped paragraph")
        XCTAssertEqual(ArticleReader().parse(Data(#"{"text":"<p>John Kirby said.</p>"}"#.utf8), name: "a.json").articles.first?.text, "John Kirby said.")
        XCTAssertFalse(HTMLText.looksLikeHTML("<i>x and y</b>"), "different elements at the ends")
        XCTAssertFalse(HTMLText.looksLikeHTML("<p>x</p"), "unclosed")
        XCTAssertTrue(HTMLText.looksLikeHTML("  <!doctype html>x"))
    }

    func testEntitiesTagsAndEdgeCases() {
        XCTAssertEqual(HTMLText.text("a&amp;b &lt;x&gt; &#65;&#x42;&#X43; &#0; &#xD800; &#x110000; &bogus; &amp"), "a&b <x> ABC \u{FFFD} \u{FFFD} \u{FFFD} &bogus; &amp")
        XCTAssertEqual(HTMLText.text("<p>a</p><p>b</p><br/><br /><div><div>c</div></div>"), "a\nb\nc")
        XCTAssertEqual(HTMLText.text("<table><tr><td>x</td><td>y</td></tr><tr><th>z</th></tr></table>"), "x y\nz")
        XCTAssertEqual(HTMLText.text("<SCRIPT>alert('<p>')</SCRIPT>A<Style>b{}</sTyle>B"), "AB", "raw elements case-insensitive")
        XCTAssertEqual(HTMLText.text("<script></script>A<scripts>B</scripts>"), "AB")
        XCTAssertEqual(HTMLText.text("a<script>never closed <p>x</p>"), "a", "an unclosed script eats the rest, as in a browser")
        XCTAssertEqual(HTMLText.text("a<!-- comment <p> -->b<!-- open"), "ab")
        XCTAssertEqual(HTMLText.text("<a title='x > y' href=\"q>r\">link</a>"), "link", "quoted > inside attributes")
        XCTAssertEqual(HTMLText.text("x < y <p>z"), "x < y\nz", "a < that is no tag is text")
        XCTAssertEqual(HTMLText.text("<a <b>c"), "<a c")
        XCTAssertEqual(HTMLText.text("<![CDATA[x]]><?xml version='1.0'?>y"), "y")
        XCTAssertEqual(HTMLText.text("  \n\t<p>  many   spaces \n here </p>  "), "many spaces here")
        XCTAssertEqual(HTMLText.text(""), "")
        // pathological inputs (many unclosed tags and quotes) are kept as text, never grown; their speed is covered by
        // the fuzz runs (docs/fuzzing.md), not timed here
        let evil = String(repeating: "<a x=\"", count: 20_000) + "<a y='" + String(repeating: "<b  c=\"&#", count: 20_000)
        let reduced = HTMLText.text(evil)
        XCTAssertLessThanOrEqual(reduced.unicodeScalars.count, evil.unicodeScalars.count)
        XCTAssertTrue(reduced.hasPrefix("<a x="), "an unclosed tag is text")
        _ = HTMLText.looksLikeHTML(evil)
    }
}
