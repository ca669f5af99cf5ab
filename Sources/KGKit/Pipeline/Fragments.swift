import Foundation

/// The map/reduce form of a build, for Hadoop Streaming or Spark's `RDD.pipe`: `kg extract` turns each article into a
/// self-contained graph fragment (one JSON-LD document on one line, no shared state), and `kg merge` combines
/// fragments and graph files with the same deduplication as `kg build`. Merging is associative and commutative.
public enum Fragments {
    /// One article's graph as a single-line JSON-LD document.
    public static func fragment(_ x: ArticleExtraction, gazetteer: Gazetteer, events: Gazetteer) -> String {
        var g = KnowledgeGraph()
        g.add(x, gazetteer: gazetteer, events: events)
        return line(g)
    }

    /// A graph as one line (the writer only puts line breaks between nodes; strings escape theirs).
    /// The line breaks are dropped from the UTF-8 bytes: NSString's replacingOccurrences went through UTF-16 (a third
    /// of all the time of `kg extract`).
    public static func line(_ g: KnowledgeGraph) -> String { JSONLDWriter.line(g) }

    /// Reads a graph file or a stream of fragments (one JSON-LD document a line) and merges everything in it.
    public static func read(_ data: Data, file: String) throws -> KnowledgeGraph {
        if let g = try? JSONLDReader.read(data, file: file) { return g }
        var merged = KnowledgeGraph()
        var lineNo = 0
        for line in data.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false) {
            lineNo += 1
            if line.allSatisfy({ $0 == 0x20 || $0 == 0x0D || $0 == 0x09 }) { continue }
            do { merged.merge(try JSONLDReader.read(Data(line), file: "\(file):\(lineNo)")) } catch let e as GraphFileError {
                throw e
            }
        }
        return merged
    }
}
