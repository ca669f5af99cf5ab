import Foundation
import XCTest
@testable import KGKit

/// End-to-end tests: run the built `kg` binary as a user would.
final class CLITests: XCTestCase {
    static let repoRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let binary = repoRoot.appendingPathComponent(".build/debug/kg")
    static let seeds = repoRoot.appendingPathComponent("seeds").path
    static let seedFile = repoRoot.appendingPathComponent("seeds/000_ee5b84b101fbfd16.txt").path

    var tmp: URL!

    struct Run {
        var status: Int32
        var stdout: Data
        var stderr: String
        var out: String { String(decoding: stdout, as: UTF8.self) }
    }

    override func setUpWithError() throws {
        guard FileManager.default.isExecutableFile(atPath: Self.binary.path) else {
            XCTFail("kg binary not found at \(Self.binary.path): run `swift build` first")
            throw XCTSkip("no binary")
        }
        tmp = FileManager.default.temporaryDirectory.appendingPathComponent("kg-cli-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: tmp, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        if let t = tmp { try? FileManager.default.removeItem(at: t) }
    }

    @discardableResult
    func kg(_ args: [String], stdin: Data? = nil, executable: URL = CLITests.binary, stdoutTo: String? = nil) throws -> Run {
        let p = Process()
        p.executableURL = executable
        p.arguments = args
        p.currentDirectoryURL = tmp
        // stdout and stderr go to files, so a full pipe can never block the child
        let id = UUID().uuidString
        let outURL = tmp.appendingPathComponent(".out-\(id)"), errURL = tmp.appendingPathComponent(".err-\(id)")
        FileManager.default.createFile(atPath: outURL.path, contents: nil)
        FileManager.default.createFile(atPath: errURL.path, contents: nil)
        let outHandle = try FileHandle(forWritingTo: outURL), errHandle = try FileHandle(forWritingTo: errURL)
        let redirected = try stdoutTo.map { try XCTUnwrap(FileHandle(forWritingAtPath: $0), "cannot open \($0)") }
        p.standardOutput = redirected ?? outHandle
        p.standardError = errHandle
        let inPipe = Pipe()
        p.standardInput = inPipe
        try p.run()
        if let d = stdin { inPipe.fileHandleForWriting.write(d) }
        try inPipe.fileHandleForWriting.close()
        p.waitUntilExit()
        try outHandle.close(); try errHandle.close(); try redirected?.close()
        let outData = try Data(contentsOf: outURL), errData = try Data(contentsOf: errURL)
        try? FileManager.default.removeItem(at: outURL); try? FileManager.default.removeItem(at: errURL)
        return Run(status: p.terminationStatus, stdout: outData, stderr: String(decoding: errData, as: UTF8.self))
    }

    func path(_ name: String) -> String { tmp.appendingPathComponent(name).path }

    // MARK: usage

    func testHelpAndUsageErrors() throws {
        let help = try kg(["--help"])
        XCTAssertEqual(help.status, 0)
        XCTAssertTrue(help.out.lowercased().contains("usage"), help.out)

        let buildHelp = try kg(["build", "--help"])
        XCTAssertEqual(buildHelp.status, 0)
        XCTAssertTrue(buildHelp.out.contains("usage: kg build"), buildHelp.out)

        let helpBuild = try kg(["help", "build"])
        XCTAssertEqual(helpBuild.status, 0)
        XCTAssertEqual(helpBuild.out, buildHelp.out)

        let unknown = try kg(["frobnicate"])
        XCTAssertEqual(unknown.status, 64)
        XCTAssertTrue(unknown.stderr.contains("frobnicate"), unknown.stderr)

        let noPath = try kg(["build"])
        XCTAssertEqual(noPath.status, 64)
        XCTAssertTrue(noPath.stderr.contains("usage"), noPath.stderr)
        XCTAssertEqual(noPath.stdout.count, 0)

        let none = try kg([])
        XCTAssertEqual(none.status, 64)
        XCTAssertTrue(none.stderr.contains("usage"))

        // eval --conll: a document size must be a whole number ≥ 1
        let conll = FileManager.default.temporaryDirectory.appendingPathComponent("size-\(getpid()).conll").path
        try "كيربي B-PERS\nقال O\n\n".write(toFile: conll, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: conll) }
        let badSize = try kg(["eval", "--conll", conll, "--document-size", "0"])
        XCTAssertEqual(badSize.status, 64)
        XCTAssertTrue(badSize.stderr.contains("--document-size"), badSize.stderr)
        XCTAssertEqual(badSize.stdout.count, 0)

        let badOption = try kg(["build", Self.seeds, "--frob"])
        XCTAssertEqual(badOption.status, 64)
        XCTAssertFalse(FileManager.default.fileExists(atPath: path("graph.jsonld")), "a usage error must not write a graph")
    }

    // MARK: build

    func buildSeeds(_ out: String) throws -> Run {
        try kg(["build", Self.seeds, "-o", out])
    }

    func testBuildWritesJSONLDWithInlineContext() throws {
        let g = path("g.jsonld")
        let r = try buildSeeds(g)
        XCTAssertEqual(r.status, 0, r.stderr)
        let data = try XCTUnwrap(FileManager.default.contents(atPath: g), "graph file not written")
        let obj = try XCTUnwrap(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        XCTAssertNotNil(obj["@context"] as? [String: Any], "@context must be an inline object, not a URL")
        let graph = try XCTUnwrap(obj["@graph"] as? [[String: Any]])
        XCTAssertGreaterThan(graph.count, 5)
        XCTAssertTrue(graph.contains { ($0["@type"] as? String) == "NewsArticle" })
        // a second build of the same input leaves the file byte-identical
        let again = try buildSeeds(g)
        XCTAssertEqual(again.status, 0, again.stderr)
        XCTAssertEqual(FileManager.default.contents(atPath: g), data)
    }

    func testCorruptGraphIsLeftUntouched() throws {
        let bad = path("bad.jsonld")
        try Data("not json".utf8).write(to: URL(fileURLWithPath: bad))
        let r = try buildSeeds(bad)
        XCTAssertNotEqual(r.status, 0)
        XCTAssertTrue(r.stderr.contains("bad.jsonld"), r.stderr)
        XCTAssertEqual(FileManager.default.contents(atPath: bad), Data("not json".utf8))

        let foreign = path("foreign.jsonld")
        try Data("{\"a\":1}".utf8).write(to: URL(fileURLWithPath: foreign))
        let f = try buildSeeds(foreign)
        XCTAssertNotEqual(f.status, 0)
        XCTAssertTrue(f.stderr.contains("foreign.jsonld"), f.stderr)
        XCTAssertEqual(FileManager.default.contents(atPath: foreign), Data("{\"a\":1}".utf8))
    }

    func testBatchWithBadArticleExitsOneAndKeepsGoodOnes() throws {
        let lines = [
            #"{"id":"good-1","title":"Kirby","text":"Pentagon spokesman John Kirby said the coalition supported the Syrian Democratic Forces in Hasakah."}"#,
            #"{"id":"bad","title":"x","text":"unterminated"#,
        ]
        let input = path("batch.jsonl")
        try Data((lines.joined(separator: "\n") + "\n").utf8).write(to: URL(fileURLWithPath: input))
        let g = path("g.jsonld")
        let r = try kg(["build", input, Self.seedFile, "-o", g])
        XCTAssertEqual(r.status, 1, r.stderr)
        XCTAssertTrue(r.stderr.contains("batch.jsonl:2"), "the skipped line is named: \(r.stderr)")
        let text = try String(contentsOfFile: g, encoding: .utf8)
        XCTAssertTrue(text.contains("\"identifier\":\"good-1\""), "good article missing from the graph")
        XCTAssertTrue(text.contains("\"identifier\":\"000_ee5b84b101fbfd16.txt\""), "seed article missing from the graph")
        XCTAssertFalse(text.contains("\"identifier\":\"bad\""))
    }

    /// A build whose every input is unreadable (a mistyped path) fails and writes nothing: no empty graph is made,
    /// an existing graph is left as it was.
    func testBuildWithNothingReadableWritesNothing() throws {
        let g = path("g.jsonld")
        let r = try kg(["build", path("no-such-dir"), "-o", g])
        XCTAssertEqual(r.status, 2, r.stderr)
        XCTAssertTrue(r.stderr.contains("no-such-dir: cannot read: no such file or directory"), r.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: g))
        XCTAssertEqual(try buildSeeds(g).status, 0)
        let before = try XCTUnwrap(FileManager.default.contents(atPath: g))
        XCTAssertEqual(try kg(["build", path("typo.txt"), "-o", g]).status, 2)
        XCTAssertEqual(FileManager.default.contents(atPath: g), before)
    }

    func testBuildFromStdin() throws {
        let g = path("g.jsonld")
        let r = try kg(["build", "-", "-o", g], stdin: Data("Kirby speaks\nPentagon spokesman John Kirby said on Friday.\n".utf8))
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertTrue(try String(contentsOfFile: g, encoding: .utf8).contains("Kirby speaks"))
    }

    // MARK: export

    func testExportDOT() throws {
        let g = path("g.jsonld")
        XCTAssertEqual(try buildSeeds(g).status, 0)
        let r = try kg(["export", "--dot", "-i", g])
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertTrue(r.out.hasPrefix("digraph"), String(r.out.prefix(80)))
        XCTAssertTrue(r.out.contains("->"))
        let dot = URL(fileURLWithPath: "/usr/bin/dot")
        guard FileManager.default.isExecutableFile(atPath: dot.path) else { return }
        let svg = try kg(["-Tsvg"], stdin: r.stdout, executable: dot)
        XCTAssertEqual(svg.status, 0, svg.stderr)
        XCTAssertTrue(svg.out.contains("<svg"))
    }

    func testExportMissingGraph() throws {
        let r = try kg(["export", "--dot", "-i", path("none.jsonld")])
        XCTAssertEqual(r.status, 2)
        XCTAssertTrue(r.stderr.contains("none.jsonld"), r.stderr)
    }

    /// The graph can be named as the only argument (kg export --dot graph.jsonld), never silently ignored.
    func testExportTakesTheGraphAsItsArgument() throws {
        let g = path("g.jsonld")
        XCTAssertEqual(try buildSeeds(g).status, 0)
        let byFlag = try kg(["export", "--dot", "-i", g]), byArgument = try kg(["export", "--dot", g])
        XCTAssertEqual(byArgument.status, 0, byArgument.stderr)
        XCTAssertEqual(byArgument.stdout, byFlag.stdout)
        let missing = try kg(["export", "--dot", path("none.jsonld")])
        XCTAssertEqual(missing.status, 2)
        XCTAssertTrue(missing.stderr.contains("none.jsonld"), missing.stderr)
        XCTAssertNotEqual(try kg(["export", "--dot", g, g]).status, 0)
    }

    /// Unreadable inputs say why: a missing file is "no such file", not a permission problem; a gold file that names
    /// no article is refused at once (it used to build the whole folder beside it).
    func testUnreadableInputsSayWhy() throws {
        let a = try kg(["analyze", path("none.txt")])
        XCTAssertEqual(a.status, 2)
        XCTAssertTrue(a.stderr.contains("none.txt") && a.stderr.contains("no such file"), a.stderr)
        let t = try kg(["train", "--conll", path("none.conll")])
        XCTAssertEqual(t.status, 2)
        XCTAssertTrue(t.stderr.contains("no such file"), t.stderr)
        let gold = path("gold.json")
        try Data("{}".utf8).write(to: URL(fileURLWithPath: gold))
        let e = try kg(["eval", gold])
        XCTAssertEqual(e.status, 2, e.stderr)
        XCTAssertTrue(e.stderr.contains("gold.json") && e.stderr.contains("document"), e.stderr)
    }

    func testExportCSVWithAndWithoutBOM() throws {
        let g = path("g.jsonld")
        XCTAssertEqual(try buildSeeds(g).status, 0)
        let excel = path("excel"), plain = path("plain")
        XCTAssertEqual(try kg(["export", "--csv", excel, "--excel", "-i", g]).status, 0)
        XCTAssertEqual(try kg(["export", "--csv", plain, "-i", g]).status, 0)
        for name in ["nodes.csv", "edges.csv", "mentions.csv"] {
            let e = try XCTUnwrap(FileManager.default.contents(atPath: excel + "/" + name), name)
            let p = try XCTUnwrap(FileManager.default.contents(atPath: plain + "/" + name), name)
            XCTAssertEqual(Array(e.prefix(3)), [0xEF, 0xBB, 0xBF], "\(name) with --excel starts with a BOM")
            XCTAssertNotEqual(Array(p.prefix(3)), [0xEF, 0xBB, 0xBF], "\(name) without --excel has no BOM")
            XCTAssertEqual(e.dropFirst(3), p[...], name)
        }
        let nodes = try String(contentsOfFile: plain + "/nodes.csv", encoding: .utf8)
        XCTAssertTrue(nodes.hasPrefix("id,type,subtype,name_en,name_ar,"), String(nodes.prefix(80)))
        XCTAssertTrue(nodes.contains("person/john-kirby"))
    }

    // MARK: analyze

    func testAnalyzePrintsTSV() throws {
        let r = try kg(["analyze", Self.seedFile])
        XCTAssertEqual(r.status, 0, r.stderr)
        let rows = r.out.split(separator: "\n")
        XCTAssertEqual(rows.first, "sentence\tstart\tend\tsurface\tnormalised\tclitics\tkind")
        XCTAssertGreaterThan(rows.count, 100)
        for row in rows { XCTAssertEqual(row.split(separator: "\t", omittingEmptySubsequences: false).count, 7, String(row)) }
        XCTAssertTrue(rows.contains { $0.hasPrefix("0\t0\t9\tالبنتاغون\t") }, "first token row")
        XCTAssertTrue(rows.contains { $0.contains("\tقواته\tقواته\tقوات+ه\tword") }, "clitic column of قواته")
        let missing = try kg(["analyze", path("none.txt")])
        XCTAssertNotEqual(missing.status, 0)
        XCTAssertTrue(missing.stderr.contains("none.txt"))
    }

    /// `--names` adds the tagger's label and the recognised mention with the rule that found it, per token.
    func testAnalyzeNamesShowsTaggerAndMentions() throws {
        let r = try kg(["analyze", "--names", Self.seedFile])
        XCTAssertEqual(r.status, 0, r.stderr)
        let rows = r.out.split(separator: "\n").map { $0.split(separator: "\t", omittingEmptySubsequences: false).map(String.init) }
        XCTAssertEqual(rows.first?.suffix(2), ["tagger", "name"])
        for row in rows { XCTAssertEqual(row.count, 9, row.joined(separator: "|")) }
        let pentagon = rows.first { $0[3] == "البنتاغون" }
        XCTAssertEqual(pentagon?[8], "B-Organization:gazetteer")
        XCTAssertTrue(rows.contains { $0[3] == "كيربي" && $0[8].hasPrefix("I-Person") }, "Kirby's surname inside his name")
        XCTAssertTrue(rows.dropFirst().allSatisfy { ["O", "-"].contains($0[7]) || $0[7].hasPrefix("B-") || $0[7].hasPrefix("I-") })
    }

    /// Starts `kg` without waiting for it.
    func launch(_ args: [String]) throws -> Process {
        let p = Process()
        p.executableURL = CLITests.binary
        p.arguments = args
        p.standardOutput = FileHandle.nullDevice
        p.standardError = FileHandle.nullDevice
        try p.run()
        return p
    }

    func articleCount(_ graph: String) throws -> Int {
        let g = try JSONLDReader.read(try Data(contentsOf: URL(fileURLWithPath: graph)), file: graph)
        return g.articles.count
    }

    func testConcurrentBuildsLoseNoArticles() throws {
        let graph = path("shared.jsonld")
        let articles = try FileManager.default.contentsOfDirectory(atPath: CLITests.repoRoot.appendingPathComponent("Examples/articles").path)
            .filter { $0.hasSuffix(".txt") }.sorted().prefix(4)
        let procs = try articles.map { try launch(["build", CLITests.repoRoot.appendingPathComponent("Examples/articles/" + $0).path, "-o", graph]) }
        for p in procs { p.waitUntilExit(); XCTAssertEqual(p.terminationStatus, 0) }
        XCTAssertEqual(try articleCount(graph), articles.count, "every concurrent build's article must be in the graph")
    }

    func testKilledBuildsNeverLeaveABrokenGraph() throws {
        let graph = path("killed.jsonld")
        XCTAssertEqual(try kg(["build", CLITests.seeds, "-o", graph]).status, 0)
        var rng = SystemRandomNumberGenerator()
        let examples = CLITests.repoRoot.appendingPathComponent("Examples/articles").path
        for _ in 0..<6 {
            let p = try launch(["build", examples, "-o", graph])
            usleep(UInt32.random(in: 50_000...4_000_000, using: &rng))
            kill(p.processIdentifier, SIGKILL)
            p.waitUntilExit()
            // whatever moment it died at, the file is the old graph or the new one, and it parses
            let n = try articleCount(graph)
            XCTAssertTrue(n == 1 || n == 13, "graph holds \(n) articles after kill -9")
        }
        // the next build cleans up what killed writers left behind
        XCTAssertEqual(try kg(["build", CLITests.seeds, "-o", graph]).status, 0)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: tmp.path).filter { $0.hasPrefix(".killed.jsonld.tmp-") }
        XCTAssertEqual(leftovers, [])
    }

    func testHugeArticleAndLongLineAreHandled() throws {
        // a 20 MB .txt article is refused with a clear error (limit 16 MB); a 10 MB JSON Lines line under the limit is read
        let huge = path("huge.txt")
        let line = String(repeating: "قال المتحدث باسم الجيش إن الهجوم فشل. ", count: 20 * 1024 * 1024 / 70)
        try ("عنوان\n" + line).write(toFile: huge, atomically: true, encoding: .utf8)
        let long = path("long.jsonl")
        let body = String(repeating: "word ", count: 2_000_000)
        try ("{\"id\":\"big\",\"title\":\"t\",\"text\":\"" + body + "\"}\n{\"id\":\"small\",\"title\":\"t\",\"text\":\"Kirby said.\"}\n").write(toFile: long, atomically: true, encoding: .utf8)
        let r = try kg(["build", huge, long, "-o", path("g.jsonld"), "--quiet"])
        XCTAssertEqual(r.status, 1)
        XCTAssertTrue(r.stderr.contains("huge.txt") && r.stderr.contains("MB limit"), r.stderr)
        XCTAssertEqual(try articleCount(path("g.jsonld")), 2)
    }

    func testFuzzCorpusReplays() throws {
        let corpus = CLITests.repoRoot.appendingPathComponent("Tests/FuzzCorpus").path
        let files = try FileManager.default.contentsOfDirectory(atPath: corpus).sorted().map { corpus + "/" + $0 }
        XCTAssertFalse(files.isEmpty)
        let replay = CLITests.repoRoot.appendingPathComponent(".build/debug/kg-fuzz")
        let r = try kg(files, executable: replay)
        XCTAssertEqual(r.status, 0, "a fuzz regression input crashed: \(r.stderr)")
    }

    func testHTMLArticlesBuildWithoutMarkup() throws {
        let page = """
        <html><head><title>Kirby &amp; the SDF</title><script>var s = "<p>John Kirby</p>";</script></head>
        <body><div class="story"><p>قال المتحدث باسم وزارة الدفاع الأميركية، <a href="/p/kirby" class="person">جون كيربي</a>&#x060C; إن قوات
        التحالف دعمت <span style="x">قوات سوريا الديمقراطية</span>.</p></div></body></html>
        """
        try Data(page.utf8).write(to: URL(fileURLWithPath: path("page.html")))
        let json = try JSONSerialization.data(withJSONObject: ["id": "j1", "title": "t", "text": page.replacingOccurrences(of: "Kirby &amp;", with: "Kirby and")])
        try (String(decoding: json, as: UTF8.self) + "\n").write(toFile: path("scraped.jsonl"), atomically: true, encoding: .utf8)
        let g = path("g.jsonld")
        let r = try kg(["build", path("page.html"), path("scraped.jsonl"), "-o", g])
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertEqual(try articleCount(g), 2)
        let text = try String(contentsOfFile: g, encoding: .utf8)
        XCTAssertTrue(text.contains("\"headline\":\"Kirby & the SDF\""), "title decoded")
        XCTAssertTrue(text.contains("person/john-kirby") && text.contains("org/sdf"), "entities found in HTML")
        for leak in ["href", "class=", "<p>", "<a", "&#x", "style", "var s"] { XCTAssertFalse(text.contains(leak), "\(leak) leaked into the graph") }
    }

    // MARK: faults: full disk, unwritable directory, failing stdout

    /// Runs a shell command quietly; its exit status.
    @discardableResult
    func sh(_ command: String) throws -> Int32 {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/bin/sh")
        p.arguments = ["-c", command]
        p.standardOutput = FileHandle.nullDevice
        p.standardError = FileHandle.nullDevice
        try p.run()
        p.waitUntilExit()
        return p.terminationStatus
    }

    func testFullDiskKeepsTheOldGraph() throws {
        #if os(Linux)
        let mnt = path("small-fs")
        try FileManager.default.createDirectory(atPath: mnt, withIntermediateDirectories: true)
        guard try sh("mount -t tmpfs -o size=1m kg-test-tmpfs '\(mnt)'") == 0 else {
            throw XCTSkip("cannot mount a small tmpfs here (needs root or CAP_SYS_ADMIN); full-disk test skipped")
        }
        defer { try? sh("umount '\(mnt)'") }
        let g = mnt + "/g.jsonld"
        XCTAssertEqual(try buildSeeds(g).status, 0)
        let old = try XCTUnwrap(FileManager.default.contents(atPath: g))
        // fill the file system to the last byte
        let fd = open(mnt + "/filler", O_WRONLY | O_CREAT, 0o644)
        XCTAssertGreaterThanOrEqual(fd, 0)
        let block = [UInt8](repeating: 0x20, count: 4096)
        while block.withUnsafeBytes({ write(fd, $0.baseAddress!, 4096) }) > 0 {}
        var one: UInt8 = 0x20
        while write(fd, &one, 1) > 0 {}
        close(fd)

        let r = try kg(["build", CLITests.repoRoot.appendingPathComponent("Examples/articles").path, "-o", g, "--quiet"])
        XCTAssertEqual(r.status, 2, r.stderr)
        let lines = r.stderr.split(separator: "\n")
        XCTAssertEqual(lines.count, 1, "one clear line: \(r.stderr)")
        XCTAssertTrue(r.stderr.contains(g) && r.stderr.contains("No space left on device") && r.stderr.contains("unchanged"), r.stderr)
        XCTAssertEqual(FileManager.default.contents(atPath: g), old, "the old graph is intact")
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: mnt).filter { $0.contains(".tmp-") }
        XCTAssertEqual(leftovers, [], "no half-written temporary file is left behind")

        let csv = try kg(["export", "--csv", mnt + "/csv", "-i", g])
        XCTAssertEqual(csv.status, 2, csv.stderr)
        XCTAssertTrue(csv.stderr.contains("No space left on device"), csv.stderr)
        #else
        throw XCTSkip("tmpfs mounts are Linux-only")
        #endif
    }

    /// Makes `dir` unwritable even for root: `chattr +i`, else a read-only bind mount; as non-root, `chmod 555`.
    /// Returns how to undo it, or nil when no mechanism works here.
    func makeUnwritable(_ dir: String) throws -> (() -> Void)? {
        let q = "'\(dir)'"
        var attempts: [(String, String)] = []
        if getuid() != 0 { attempts.append(("chmod 555 \(q)", "chmod 755 \(q)")) }
        attempts.append(("chattr +i \(q)", "chattr -i \(q)"))
        attempts.append(("mount --bind \(q) \(q) && mount -o remount,bind,ro \(q)", "umount \(q)"))
        for (make, undo) in attempts {
            // it only counts if creating a file now really fails; a half-done attempt (bind without remount) is undone
            let probe = dir + "/.probe"
            if try sh(make) != 0 || FileManager.default.createFile(atPath: probe, contents: Data()) {
                try? FileManager.default.removeItem(atPath: probe)
                try sh(undo)
                continue
            }
            return { _ = try? self.sh(undo) }
        }
        return nil
    }

    func testUnwritableDirectoryKeepsTheOldGraph() throws {
        let dir = path("locked")
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        let g = dir + "/g.jsonld"
        XCTAssertEqual(try buildSeeds(g).status, 0)
        let old = try XCTUnwrap(FileManager.default.contents(atPath: g))
        guard let undo = try makeUnwritable(dir) else {
            throw XCTSkip("no way to make a directory unwritable here (root without chattr or bind mounts); skipped")
        }
        defer { undo() }
        let r = try kg(["build", CLITests.repoRoot.appendingPathComponent("Examples/articles/01-fidan-baghdad.ar.txt").path, "-o", g])
        XCTAssertEqual(r.status, 2, r.stderr)
        XCTAssertEqual(r.stderr.split(separator: "\n").count, 1, "one clear line: \(r.stderr)")
        // chattr +i and chmod fail at the temporary file, a read-only mount already at the lock file
        XCTAssertTrue(r.stderr.contains(g) && (r.stderr.contains("cannot write graph") || r.stderr.contains("cannot lock graph")), r.stderr)
        XCTAssertEqual(FileManager.default.contents(atPath: g), old, "the old graph is intact")
    }

    func testOutputUnderARegularFileFailsClearly() throws {
        // works everywhere, root or not: a path whose parent is a regular file can never be written
        let file = path("plain-file")
        try Data("x".utf8).write(to: URL(fileURLWithPath: file))
        let r = try kg(["build", Self.seedFile, "-o", file + "/g.jsonld"])
        XCTAssertEqual(r.status, 2, r.stderr)
        XCTAssertEqual(r.stderr.split(separator: "\n").count, 1, r.stderr)
        XCTAssertTrue(r.stderr.contains(file + "/g.jsonld") && r.stderr.contains("Not a directory"), r.stderr)
        let g = path("g.jsonld")
        XCTAssertEqual(try buildSeeds(g).status, 0)
        let csv = try kg(["export", "--csv", file + "/csv", "-i", g])
        XCTAssertEqual(csv.status, 2, csv.stderr)
        XCTAssertEqual(csv.stderr, "kg: \(file)/csv: cannot create directory: Not a directory\n")
        XCTAssertEqual(FileManager.default.contents(atPath: file), Data("x".utf8))
    }

    func testExportToAFullStdoutFails() throws {
        guard FileManager.default.fileExists(atPath: "/dev/full") else { throw XCTSkip("no /dev/full on this system") }
        let g = path("g.jsonld")
        XCTAssertEqual(try buildSeeds(g).status, 0)
        for args in [["export", "--dot", "-i", g], ["export", "--ntriples", "-i", g], ["show", "Kirby", "-i", g], ["--help"]] {
            let r = try kg(args, stdoutTo: "/dev/full")
            XCTAssertEqual(r.status, 2, "\(args): must not claim success: \(r.stderr)")
            XCTAssertEqual(r.stderr, "kg: cannot write to standard output: No space left on device; the output is incomplete\n", "\(args)")
        }
    }

    func testBrokenSymlinkInDirectoryIsReported() throws {
        let dir = path("links")
        try FileManager.default.createDirectory(atPath: dir + "/sub", withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: Self.seedFile, toPath: dir + "/seed.txt")
        try FileManager.default.createSymbolicLink(atPath: dir + "/gone.txt", withDestinationPath: dir + "/nowhere.txt")
        try FileManager.default.createSymbolicLink(atPath: dir + "/sub/loop", withDestinationPath: dir)
        let r = try kg(["build", dir, "-o", path("g.jsonld")])
        XCTAssertEqual(r.status, 1, r.stderr)
        XCTAssertTrue(r.stderr.contains("gone.txt: cannot read: broken symbolic link"), r.stderr)
        XCTAssertTrue(r.stderr.contains("articles: 1 read, 1 skipped"), "a symlink loop is not followed: \(r.stderr)")
        XCTAssertEqual(try articleCount(path("g.jsonld")), 1)
    }

    // MARK: a directory of 100,000 files

    /// Runs kg directly (posix_spawn + wait4) with at most `maxFiles` open descriptors; exit status, peak memory in MB
    /// and stderr.
    func kgMeasured(_ args: [String], maxFiles: rlim_t) throws -> (status: Int32, peakMB: Int, stderr: String) {
        let errPath = path(".err-measured")
        var fa = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&fa)
        defer { posix_spawn_file_actions_destroy(&fa) }
        posix_spawn_file_actions_addopen(&fa, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&fa, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&fa, 2, errPath, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        let argv: [UnsafeMutablePointer<CChar>?] = ([Self.binary.path] + args).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        // the child inherits a low open-file limit: a descriptor leak per file would fail the build
        var saved = rlimit()
        getrlimit(Int32(RLIMIT_NOFILE.rawValue), &saved)
        var low = saved
        low.rlim_cur = min(saved.rlim_cur, maxFiles)
        setrlimit(Int32(RLIMIT_NOFILE.rawValue), &low)
        var pid: pid_t = 0
        let rc = posix_spawn(&pid, Self.binary.path, &fa, nil, argv, environ)
        setrlimit(Int32(RLIMIT_NOFILE.rawValue), &saved)
        guard rc == 0 else { throw XCTSkip("posix_spawn failed: \(rc)") }
        var status: Int32 = 0
        var usage = rusage()
        #if os(Linux)
        // the child's own high-water mark (VmHWM of its address space after exec): ru_maxrss of a child spawned from
        // this test process also counts this process's memory at the spawn, which grows with the tests run before
        var hwmKB = 0
        while true {
            let r = wait4(pid, &status, WNOHANG, &usage)
            if r == pid { break }
            if r < 0 && errno != EINTR { break }
            if let st = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8),
               let line = st.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }),
               let kb = Int(line.split(separator: " ", omittingEmptySubsequences: true).dropFirst().first ?? "") {
                hwmKB = max(hwmKB, kb)
            }
            usleep(5_000)
        }
        let peakMB = hwmKB / 1024
        #else
        while wait4(pid, &status, 0, &usage) < 0 && errno == EINTR {}
        let peakMB = usage.ru_maxrss / (1024 * 1024)
        #endif
        let exited = status & 0x7F == 0
        let err = (try? String(contentsOfFile: errPath, encoding: .utf8)) ?? ""
        return (exited ? (status >> 8) & 0xFF : 128 + (status & 0x7F), peakMB, err)
    }

    func testDirectoryWithOneHundredThousandFiles() throws {
        let dir = path("archive")
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        let t0 = Date()
        // 100,000 tiny articles in one directory: every 100th distinct, ten empty, the rest the same brief
        let same = Array("Brief\nPentagon spokesman John Kirby said on Friday that talks in Baghdad continued.\n".utf8)
        for i in 0..<100_000 {
            let fd = open(dir + String(format: "/a%06d.txt", i), O_WRONLY | O_CREAT | O_TRUNC, 0o644)
            guard fd >= 0 else { return XCTFail("cannot create file \(i): \(String(cString: strerror(errno)))") }
            let bytes = i % 10_000 == 5 ? [] : i % 100 == 0
                ? Array("Report \(i)\nPentagon spokesman John Kirby said on Friday that talks in Baghdad continued, item \(i).\n".utf8)
                : same
            _ = bytes.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
            close(fd)
        }
        let made = Date()
        let g = path("archive.jsonld")
        let r = try kgMeasured(["build", dir, "-o", g, "--quiet"], maxFiles: 128)
        let built = Date()
        print("100k-file directory: created in \(String(format: "%.1f", made.timeIntervalSince(t0))) s, built in \(String(format: "%.1f", built.timeIntervalSince(made))) s, peak \(r.peakMB) MB")
        XCTAssertEqual(r.status, 1, "ten empty files are skipped: \(r.stderr)")
        XCTAssertFalse(r.stderr.lowercased().contains("too many open files"), r.stderr)
        XCTAssertTrue(r.stderr.contains("articles: 1001 read, 98989 duplicates in the input ignored, 10 skipped"), r.stderr)
        XCTAssertTrue(r.stderr.contains("a010005.txt: empty"), r.stderr)
        XCTAssertEqual(try articleCount(g), 1001)
        XCTAssertLessThan(r.peakMB, 500, "memory must not grow with the number of files")
    }
}
