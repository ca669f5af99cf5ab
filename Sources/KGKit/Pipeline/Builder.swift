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
    /// Articles extracted together (one unit of the read → extract → merge pipeline).
    public var batchSize = 256

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
    ///
    /// Three stages overlap: this thread reads and parses batch k+2 while batch k+1 is extracted on all cores and
    /// batch k is merged into the graph. Batches are extracted and merged in input order, so the graph does not
    /// depend on timing; at most `inFlight` batches are held at once.
    public func build(paths: [String], reader: ArticleReader, into graph: inout KnowledgeGraph,
                      progress: ((Int) -> Void)? = nil) -> BuildSummary {
        final class Shared: @unchecked Sendable {
            var graph: KnowledgeGraph
            var read = 0, replaced = 0
            let progress: ((Int) -> Void)?
            init(_ g: KnowledgeGraph, _ p: ((Int) -> Void)?) { graph = g; progress = p }
        }
        let shared = Shared(graph, progress)
        graph = KnowledgeGraph()     // the merge stage owns the graph until the end
        let extractQueue = DispatchQueue(label: "kg.build.extract")
        let mergeQueue = DispatchQueue(label: "kg.build.merge")
        let inFlight = 3
        let slots = DispatchSemaphore(value: inFlight)
        let gazetteer = extractor.lexicons.gazetteer
        let events = extractor.lexicons.namedEvents
        let builder = self

        var summary = BuildSummary()
        let (files, errors) = reader.expand(paths)
        summary.skipped += errors.map(\.description)
        var batch: [Article] = []
        var seen = Set<String>()
        func flush() {
            guard !batch.isEmpty else { return }
            let work = batch
            batch.removeAll(keepingCapacity: true)
            slots.wait()
            extractQueue.async {
                let results = builder.extractAll(work)
                mergeQueue.async {
                    for x in results {
                        if shared.graph.containsArticle(x.article.contentHash) { shared.replaced += 1 }
                        shared.graph.add(x, gazetteer: gazetteer, events: events)
                        shared.read += 1
                    }
                    shared.progress?(shared.read)
                    slots.signal()
                }
            }
        }
        func enqueue(_ a: Article) {
            guard seen.insert(a.contentHash).inserted else { summary.duplicatesInInput += 1; return }
            batch.append(a)
            if batch.count >= max(1, batchSize) { flush() }
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
        extractQueue.sync {}
        mergeQueue.sync {}
        graph = shared.graph
        summary.articlesRead = shared.read
        summary.articlesReplaced = shared.replaced
        // counted without decoding a stored graph
        summary.graphArticles = graph.articleCount
        summary.graphEntities = graph.entityCounts()
        summary.graphRelations = graph.relationCount
        return summary
    }
}
