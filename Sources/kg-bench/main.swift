import Foundation
import KGKit

/// Benchmark of the text layer and of the whole extraction: `swift run -c release kg-bench text FILE` or
/// `kg-bench articles FILE.jsonl` (text layer per article) or `kg-bench extract FILE.jsonl`. Reports MB/s; peak memory is measured by Scripts/bench-text.sh with /usr/bin/time.
let args = CommandLine.arguments

/// CPU seconds used by this thread: unlike wall time, not inflated when other processes share the cores.
func threadCPUTime() -> Double {
    var ts = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts)
    return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
}
guard args.count >= 3 else { print("usage: kg-bench text FILE [MIN_MB] | articles FILE.jsonl | extract FILE.jsonl | json GRAPH.jsonld | write GRAPH.jsonld"); exit(64) }
let lex = try LexiconSet.load()
let data = FileManager.default.contents(atPath: args[2])!
var text = String(decoding: data, as: UTF8.self)
let minMB = args.count > 3 ? Double(args[3]) ?? 0 : 0
if args[1] == "text" {
    while Double(text.utf8.count) < minMB * 1_000_000 { text += "\n" + text }
    let mb = Double(text.utf8.count) / 1_000_000
    let t0 = Date(), c0 = threadCPUTime()
    var tokens = 0, sentences = 0
    // analyse in 1 MB pieces split at line breaks, as articles are
    var pieceStart = text.startIndex
    while pieceStart < text.endIndex {
        var end = text.utf8.index(pieceStart, offsetBy: 1_000_000, limitedBy: text.endIndex) ?? text.endIndex
        if end < text.endIndex, let nl = text[end...].firstIndex(of: "\n") { end = nl }
        let doc = lex.analyzer.analyze(String(text[pieceStart..<end]))
        tokens += doc.tokens.count
        sentences += doc.sentences.count
        pieceStart = end < text.endIndex ? text.index(after: end) : end
    }
    let dt = Date().timeIntervalSince(t0), cpu = threadCPUTime() - c0
    print(String(format: "text: %.1f MB, %d tokens, %d sentences in %.2f s (%.2f s CPU) = %.1f MB/s", mb, tokens, sentences, dt, cpu, mb / cpu))
} else if args[1] == "json" {
    // reading a graph file: Foundation's JSONSerialization against kg's streaming parser
    let mb = Double(data.count) / 1_000_000
    var c0 = threadCPUTime()
    _ = try JSONSerialization.jsonObject(with: data)
    let foundation = threadCPUTime() - c0
    c0 = threadCPUTime()
    var nodes = 0
    try JSONStream.forEachElement(ofArray: "@graph", in: data) { _ in nodes += 1 }
    let stream = threadCPUTime() - c0
    print(String(format: "json: %.1f MB, %d nodes: JSONSerialization %.2f s CPU (%.0f MB/s), JSONStream %.2f s CPU (%.0f MB/s)",
                 mb, nodes, foundation, mb / foundation, stream, mb / stream))
} else if args[1] == "write" {
    // writing a whole decoded graph as JSON-LD (what the end of kg build does), to /dev/null
    let g = try GraphStore.loadDecoded(args[2])
    let t0 = Date(), c0 = threadCPUTime()
    var bytes = 0
    JSONLDWriter.write(g) { bytes += $0.utf8.count }
    let dt = Date().timeIntervalSince(t0), cpu = threadCPUTime() - c0
    print(String(format: "write: %.1f MB of JSON-LD in %.2f s wall (%.2f s CPU on this thread) = %.1f MB/s wall", Double(bytes) / 1e6, dt, cpu, Double(bytes) / 1e6 / dt))
} else if args[1] == "articles" {
    // the text layer on real articles, each analysed on its own as kg build does (fresh per-document caches)
    let (arts, _) = ArticleReader().readJSONLinesPublic(text, file: args[2])
    let mb = Double(arts.reduce(0) { $0 + $1.text.utf8.count }) / 1_000_000
    let t0 = Date(), c0 = threadCPUTime()
    var tokens = 0, sentences = 0
    for a in arts {
        let doc = lex.analyzer.analyze(a.text)
        tokens += doc.tokens.count
        sentences += doc.sentences.count
    }
    let dt = Date().timeIntervalSince(t0), cpu = threadCPUTime() - c0
    print(String(format: "articles: %d articles, %.1f MB of text, %d tokens, %d sentences in %.2f s (%.2f s CPU) = %.1f MB/s", arts.count, mb, tokens, sentences, dt, cpu, mb / cpu))
} else {
    let reader = ArticleReader()
    let (arts, _) = reader.readJSONLinesPublic(text, file: args[2])
    let mb = Double(data.count) / 1_000_000
    let t0 = Date(), c0 = threadCPUTime()
    let ex = ArticleExtractor(lexicons: lex)
    var mentions = 0
    for a in arts { mentions += ex.extract(a).mentions.count }
    let dt = Date().timeIntervalSince(t0), cpu = threadCPUTime() - c0
    print(String(format: "extract (1 thread): %d articles, %.1f MB, %d mentions in %.2f s (%.2f s CPU) = %.2f MB/s", arts.count, mb, mentions, dt, cpu, mb / cpu))
}
