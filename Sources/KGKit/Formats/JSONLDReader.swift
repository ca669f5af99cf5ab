import Foundation

/// Problems with a graph file; each names the file.
public enum GraphFileError: Error, CustomStringConvertible, Equatable {
    case notJSON(file: String, reason: String)
    case foreign(file: String)
    case newerFormat(file: String, version: String)

    public var description: String {
        switch self {
        case let .notJSON(file, reason): return "\(file): not a kg graph (invalid JSON: \(reason)); left untouched"
        case let .foreign(file): return "\(file): not a kg graph (no kg-graph format marker); left untouched — use another -o path"
        case let .newerFormat(file, version): return "\(file): graph format \(version) is newer than this kg understands; left untouched"
        }
    }
}

/// Reads a graph written by `JSONLDWriter`. Never fetches anything: the context is inline and only kg's own
/// layout is accepted; anything else is refused with a clear error.
public enum JSONLDReader {
    public static func read(_ data: Data, file: String) throws -> KnowledgeGraph {
        var g = KnowledgeGraph()
        var decoder = NodeDecoder()
        // nodes are read one at a time (JSONStream), so loading needs memory for the graph, not for its text
        var sawMarker = false
        do {
            try JSONStream.forEachElement(ofArray: "@graph", in: data) { item in
                guard let n = item as? [String: Any] else { throw GraphFileError.foreign(file: file) }
                if sawMarker {
                    switch decoder.decode(n) {
                    case let .article(a): g.articles[a.hash] = a
                    case let .relation(k, ev): g.relations[k] = ev
                    case let .statement(st): g.statements[st.id] = st
                    case let .entity(e, _): g.entities[e.key] = e
                    case .other: break
                    }
                    return
                }
                // the first node marks a kg graph and its format version
                guard let version = n["formatVersion"] as? String, version.hasPrefix("kg-graph/") else { throw GraphFileError.foreign(file: file) }
                guard version == "kg-graph/\(JSONLDWriter.formatVersion)" else { throw GraphFileError.newerFormat(file: file, version: version) }
                sawMarker = true
            }
        } catch let e as JSONSyntaxError {
            // valid JSON of another shape (an array, a string) is a foreign file, not a broken one
            if (try? JSONStream.parse(data)) != nil { throw GraphFileError.foreign(file: file) }
            throw GraphFileError.notJSON(file: file, reason: e.description)
        }
        guard sawMarker else { throw GraphFileError.foreign(file: file) }
        return g
    }
}

/// Turns one parsed node of a graph file into graph values. Evidence from one sentence repeats its article hash and
/// sentence text: one copy of each is kept (a large graph holds hundreds of thousands of evidence records).
struct NodeDecoder {
    enum Node {
        case article(GraphArticle)
        case relation(RelationKey, [Evidence])
        case statement(GraphStatement)
        /// An entity with the alternate names written on it.
        case entity(GraphEntity, [String])
        case other
    }

    private struct SentenceRef: Hashable { var article: String; var sentence: Int }
    private var sharedArticle: [String: String] = [:]
    private var sharedSentence: [SentenceRef: String] = [:]

    private func key(_ v: Any?) -> String? { (v as? String).flatMap(KGIRI.key(ofNode:)) }

    private func articleHash(_ v: Any?) -> String? {
        guard let s = v as? String, s.hasPrefix(KGIRI.node + "article/") else { return nil }
        return String(s.dropFirst((KGIRI.node + "article/").count))
    }

    private mutating func evidence(_ e: [String: Any]) -> Evidence {
        var article = articleHash(e["article"]) ?? ""
        if let a = sharedArticle[article] { article = a } else { sharedArticle[article] = article }
        let sentence = e["sentenceIndex"] as? Int ?? 0
        var text = e["sentenceText"] as? String ?? ""
        let ref = SentenceRef(article: article, sentence: sentence)
        if let t = sharedSentence[ref] {
            if sameKey(t, text) { text = t }
        } else {
            sharedSentence[ref] = text
        }
        return Evidence(article: article, sentence: sentence,
                        start: e["startOffset"] as? Int ?? 0, end: e["endOffset"] as? Int ?? 0,
                        sentenceStart: e["sentenceStart"] as? Int ?? 0, sentenceText: text,
                        rule: e["rule"] as? String ?? "", confidence: (e["confidence"] as? NSNumber)?.doubleValue ?? 0)
    }

    mutating func decode(_ n: [String: Any]) -> Node {
        let types: [String] = (n["@type"] as? [String]) ?? [(n["@type"] as? String) ?? ""]
        if types.contains("NewsArticle"), let hash = articleHash(n["@id"]) {
            let ms = (n["mention"] as? [[String: Any]] ?? []).compactMap { m -> GraphMention? in
                guard let e = key(m["entity"]) else { return nil }
                return GraphMention(entity: e, sentence: m["sentenceIndex"] as? Int ?? 0, start: m["startOffset"] as? Int ?? 0,
                                    end: m["endOffset"] as? Int ?? 0, surface: m["surface"] as? String ?? "", rule: m["rule"] as? String ?? "",
                                    nominal: m["nominal"] as? Bool ?? false)
            }
            return .article(GraphArticle(hash: hash, sourceID: n["identifier"] as? String ?? "", title: n["headline"] as? String ?? "",
                                         url: n["url"] as? String, date: n["datePublished"] as? String,
                                         language: n["inLanguage"] as? String ?? "und", mentions: ms))
        } else if types.contains("RelationStatement") {
            guard let s = key(n["subject"]), let o = key(n["object"]), let p = n["predicate"] as? String else { return .other }
            let ev = (n["evidence"] as? [[String: Any]] ?? []).map { evidence($0) }
            return .relation(RelationKey(subject: s, predicate: p, object: o), ev)
        } else if types.contains("Quotation") {
            guard let sp = key(n["creator"]), let first = (n["evidence"] as? [[String: Any]])?.first else { return .other }
            let e = evidence(first)
            return .statement(GraphStatement(speaker: sp, kind: n["statementKind"] as? String ?? "said", cue: n["cue"] as? String ?? "",
                                             quote: n["text"] as? String ?? "", evidence: e))
        } else if let k = key(n["@id"]), let t = types.first.flatMap({ EntityType(rawValue: $0) }) {
            let e = GraphEntity(key: k, type: t, subtype: n["subtype"] as? String ?? "",
                                names: n["name"] as? [String: String] ?? [:], sameAs: n["sameAs"] as? [String] ?? [],
                                partOf: key(n["parent"]), description: n["description"] as? String ?? "",
                                eventType: n["eventType"] as? String, cameo: n["cameoCode"] as? String,
                                startDate: n["startDate"] as? String,
                                casualties: (n["casualty"] as? [[String: Any]] ?? []).map { c in
                                    Casualty(outcome: c["outcome"] as? String ?? "", count: (c["count"] as? NSNumber)?.intValue ?? 0,
                                             party: c["party"] as? String, atLeast: (c["atLeast"] as? Bool) ?? false)
                                }.sorted())
            return .entity(e, n["alternateName"] as? [String] ?? [])
        }
        return .other
    }
}
