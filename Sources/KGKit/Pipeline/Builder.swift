import Foundation

/// Summary of a build: what was read, what was skipped and why, what the graph holds.
public struct BuildSummary: Sendable {
    public var articlesRead = 0
    public var articlesReplaced = 0
    /// Articles that appeared more than once in this run's input (same content): extracted once.
    public var duplicatesInInput = 0
    public var skipped: [String] = []
    public var graphEntities: [EntityType: Int] = [:]
    public var graphRelations = 0
    public var graphArticles = 0

    public func render() -> String {
        var s = "articles: \(articlesRead) read"
        if articlesReplaced > 0 { s += " (\(articlesReplaced) already in the graph, replaced)" }
        if duplicatesInInput > 0 { s += ", \(duplicatesInInput) duplicates in the input ignored" }
        s += ", \(skipped.count) skipped\n"
        s += "graph: \(graphArticles) articles, " + EntityType.allCases.map { "\(graphEntities[$0] ?? 0) \($0.rawValue.lowercased())s" }.joined(separator: ", ")
        s += ", \(graphRelations) relations\n"
        for r in skipped.prefix(20) { s += "skipped: \(r)\n" }
        if skipped.count > 20 { s += "skipped: … and \(skipped.count - 20) more\n" }
        return s
    }
}

/// Reads articles, extracts them in parallel and merges the results into a graph.
public struct Builder: Sendable {
    public let extractor: ArticleExtractor
    public var threads: Int

    public init(lexicons: LexiconSet, threads: Int = ProcessInfo.processInfo.activeProcessorCount) {
        self.extractor = ArticleExtractor(lexicons: lexicons)
        self.threads = max(1, threads)
    }

    /// Extracts a batch of articles on all cores; results come back in input order (so builds are deterministic).
    public func extractAll(_ articles: [Article]) -> [ArticleExtraction] {
        if articles.count < 2 || threads == 1 { return articles.map(extractor.extract) }
        final class Box: @unchecked Sendable { var items: [ArticleExtraction?]; init(_ n: Int) { items = Array(repeating: nil, count: n) } }
        let box = Box(articles.count)
        let lock = NSLock()
        let ex = extractor
        DispatchQueue.concurrentPerform(iterations: articles.count) { i in
            let r = ex.extract(articles[i])
            lock.lock(); box.items[i] = r; lock.unlock()
        }
        return box.items.map { $0! }
    }

    /// Reads `paths` and adds every article to `graph`, streaming in batches so the corpus is never held in memory.
    public func build(paths: [String], reader: ArticleReader, into graph: inout KnowledgeGraph,
                      progress: ((Int) -> Void)? = nil) -> BuildSummary {
        var summary = BuildSummary()
        let (files, errors) = reader.expand(paths)
        summary.skipped += errors.map(\.description)
        var batch: [Article] = []
        var seen = Set<String>()
        func flush() {
            for x in extractAll(batch) {
                if graph.articles[x.article.contentHash] != nil { summary.articlesReplaced += 1 }
                graph.add(x, gazetteer: extractor.lexicons.gazetteer)
                summary.articlesRead += 1
            }
            batch.removeAll(keepingCapacity: true)
            progress?(summary.articlesRead)
        }
        func enqueue(_ a: Article) {
            guard seen.insert(a.contentHash).inserted else { summary.duplicatesInInput += 1; return }
            batch.append(a)
            if batch.count >= 256 { flush() }
        }
        for f in files {
            let lower = f.lowercased()
            if f != "-" && (lower.hasSuffix(".jsonl") || lower.hasSuffix(".ndjson")) {
                reader.streamJSONLines(file: f) { r in
                    switch r {
                    case let .success(a): enqueue(a)
                    case let .failure(e): summary.skipped.append(e.description)
                    }
                }
                continue
            }
            let (arts, errs) = reader.read(file: f)
            summary.skipped += errs.map(\.description)
            arts.forEach(enqueue)
        }
        flush()
        summary.graphArticles = graph.articles.count
        for e in graph.entities.values { summary.graphEntities[e.type, default: 0] += 1 }
        summary.graphRelations = graph.relations.count
        return summary
    }
}
