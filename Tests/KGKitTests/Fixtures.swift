import Foundation
@testable import KGKit

/// What the graph-file tests share: the bundled lexicons, loaded once per test process, the example articles of
/// Examples/articles in file-name order, and a fresh temporary directory per test.
enum Fixtures {
    static let repoRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let lexicons: LexiconSet = try! LexiconSet.load()
    static let examples: [Article] = {
        let dir = repoRoot.appendingPathComponent("Examples/articles")
        let files = (try! FileManager.default.contentsOfDirectory(atPath: dir.path)).filter { $0.hasSuffix(".txt") }.sorted()
        return files.flatMap { ArticleReader().read(file: dir.appendingPathComponent($0).path).0 }
    }()

    static func temporaryDirectory(_ prefix: String) -> String {
        let dir = NSTemporaryDirectory() + "\(prefix)-\(UUID().uuidString)"
        try! FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        return dir
    }
}
