import Foundation
import KGKit

/// kg — a knowledge-graph builder for Arabic and English news. This file only parses arguments and prints;
/// everything else lives in KGKit.

let usage = """
usage: kg <command> [options]

commands:
  build PATH... [-o graph.jsonld] [--lang ar|en] [--lexicon FILE]... [--rules FILE]... [--lossy] [--threads N]
        read articles (.txt, .html, .jsonl, .json, directories, - for stdin) and merge them into the graph file
  export (--dot | --csv DIR [--excel]) [-i graph.jsonld] [--lang en|ar]
        write Graphviz DOT to stdout, or nodes.csv, edges.csv, mentions.csv and statements.csv into DIR
  export (--ntriples | --nquads) [-i graph.jsonld]      triples for triple stores (N-Quads: one graph per article)
  export --csv DIR --neo4j [-i graph.jsonld]           CSV in neo4j-admin import format
  extract [PATH...]
        JSON Lines articles (stdin by default) → one JSON-LD graph fragment per article on stdout (map step)
  merge FILE... [-o graph.jsonld]
        combine graph files and fragment streams into one graph (reduce step)
  analyze FILE [--lang ar|en] [--names]
        print sentences and tokens as TSV: how kg reads a text
  show NAME [-i graph.jsonld]
        print one entity with its relations and evidence sentences
  eval GOLD... [--graph FILE | --build] | eval --conll FILE
        measure quality against gold annotations
  train --conll FILE [-o MODEL] [--folds K]
        train the statistical name tagger (and cross-validate it)
  help [command]

exit codes: 0 ok; 1 some input skipped (the rest was processed); 2 failure (nothing written); 64 usage error
"""

let commandHelp: [String: String] = [
    "build": """
    usage: kg build PATH... [-o graph.jsonld] [--lang ar|en] [--lexicon FILE]... [--rules FILE]... [--lossy] [--threads N]

    Reads articles and merges what it extracts into the graph file (default ./graph.jsonld).
    PATH: a .txt file (first non-empty line is the title), a .html/.htm page (reduced to its text, then read like .txt),
    a .jsonl file (one {"id","title","text","url","date","lang"} a line), a .json file (one such object or an array),
    a directory (read recursively, in sorted order), or - for stdin. Text that looks like HTML is reduced to text;
    evidence offsets then refer to the reduced text.
    Building the same article again replaces its earlier contribution. The graph file is replaced atomically.
      -o FILE          graph file to create or extend (default graph.jsonld)
      --lang ar|en     language of all inputs (default: detected per article)
      --lexicon FILE   extra gazetteer entries (TSV, docs/lexicon-format.md); may repeat; user entries win
      --rules FILE     extra relation rules (a .rules file, format: Sources/KGKit/Resources/rules/relations.rules), or
                       rows for a bundled table, in a .tsv file named like it (event-triggers.tsv, dates.tsv,
                       casualties.tsv, statement-cues.tsv, person-titles.tsv, ...: same header); may repeat
      --lossy          decode invalid UTF-8 with replacement characters instead of skipping the file
      --threads N      worker threads (default: all cores)
      --max-article-mb N  skip (and report) articles larger than N MB (default 16)
    """,
    "export": """
    usage: kg export --dot [-i graph.jsonld | graph.jsonld] [--lang en|ar]
           kg export --csv DIR [-i graph.jsonld] [--excel]
           kg export --csv DIR --neo4j [-i graph.jsonld]
           kg export (--ntriples | --nquads) [-i graph.jsonld]

    --dot        Graphviz DOT on stdout:  kg export --dot | dot -Tsvg > graph.svg
    --csv DIR    nodes.csv, edges.csv, mentions.csv, statements.csv (RFC 4180) in DIR
    --neo4j      with --csv: nodes.csv, quotations.csv, relationships.csv for neo4j-admin database import
    --ntriples   RDF triples on stdout, for triple stores; --nquads: one named graph per article
    --excel      start CSV files with a UTF-8 byte-order mark so spreadsheet programs read Arabic correctly
    --lang       label language for DOT (default en; falls back to the other language)
    """,
    "analyze": "usage: kg analyze FILE [--lang ar|en] [--names]\n\nPrints one TSV row per token: sentence, start, end, surface, normalised, clitics (prefix+stem+suffix), kind.\n--names adds the name tagger's BIO label and the recognised mention over the token (B-Person:title: type and the rule that found it).",
    "show": "usage: kg show NAME [-i graph.jsonld]\n\nPrints the entities whose name matches NAME with their relations and evidence.",
    "train": "usage: kg train --conll FILE [-o MODEL] [--folds K [--seeds N]] [--epochs N] [--models N]\n\nTrains the name tagger on CoNLL data; --folds prints K-fold cross-validation (contiguous blocks);\n--seeds N repeats it with N training orders and prints the full recogniser's F1 per type and their mean\n(a small change moves a single run's PER or ORG by up to a point).\n--models N: the model is the mean of N perceptrons trained in N sentence orders (default 4).\nThe bundled model is Sources/KGKit/Resources/models/ner-ar.perceptron (Scripts/train-tagger.sh).",
    "eval": "usage: kg eval GOLD.json... [--graph FILE | --build] [--floors FILE]\n       kg eval --conll FILE [--document-size N] [--predictions OUT]\n\nScores the graph against gold files (format: ../shared/eval/FORMAT.md) or a CoNLL file. CoNLL sentences are read\nin blocks of N consecutive sentences (default 20), each block as one article; --document-size 1 reads each alone. --predictions writes word/gold/predicted lines.\nCoNLL tags mark names only, as ANERcorp does: bodies described by their kind (الجيش الإسرائيلي, وزارة المالية;\nrules/nominal-bodies.tsv) stay O there, though kg finds and links them.",
]

struct UsageError: Error { let message: String }

/// Parsed arguments: positionals, flags, and options with values (options may repeat).
struct Arguments {
    var positionals: [String] = []
    var flags: Set<String> = []
    var options: [String: [String]] = [:]

    init(_ args: ArraySlice<String>, valued: Set<String>, flags known: Set<String>) throws {
        var it = args.makeIterator()
        while let a = it.next() {
            if a == "-" || !a.hasPrefix("-") { positionals.append(a); continue }
            if valued.contains(a) {
                guard let v = it.next() else { throw UsageError(message: "\(a) needs a value") }
                options[a, default: []].append(v)
            } else if known.contains(a) {
                flags.insert(a)
            } else {
                throw UsageError(message: "unknown option \(a)")
            }
        }
    }
    func value(_ k: String) -> String? { options[k]?.last }
}

/// An output could not be written (disk full, closed stdout, unwritable directory): kg must not claim success.
struct OutputError: Error, CustomStringConvertible {
    var file: String? = nil
    let reason: String
    var description: String { file.map { "\($0): \(reason)" } ?? "cannot write to standard output: \(reason); the output is incomplete" }
}

/// Writes all of `s` to a file descriptor; the errno text on failure, nil on success.
func writeAll(_ fd: Int32, _ s: String) -> String? {
    var bytes = Array(s.utf8)
    return bytes.withUnsafeMutableBytes { buf -> String? in
        var off = 0
        while off < buf.count {
            let n = write(fd, buf.baseAddress! + off, buf.count - off)
            if n < 0 && errno == EINTR { continue }
            if n <= 0 { return String(cString: strerror(errno)) }
            off += n
        }
        return nil
    }
}

func eprint(_ s: String) { _ = writeAll(2, s + "\n") }
func out(_ s: String) throws { if let r = writeAll(1, s) { throw OutputError(reason: r) } }

/// Creates an output directory, or says in one line why not.
func makeDirectory(_ dir: String) throws {
    do { try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true) } catch {
        let posix = ((error as NSError).userInfo[NSUnderlyingErrorKey] as? Error).map { String(cString: strerror(Int32(($0 as NSError).code))) }
        throw OutputError(file: dir, reason: "cannot create directory: " + (posix ?? "\(error)"))
    }
}

/// Leaves `value` to the process's exit: freeing what it holds (the lexicons' tables, a graph) is work exit makes moot.
func keepUntilExit(_ value: Any) { _ = Unmanaged.passRetained(value as AnyObject) }

/// The bytes of a CoNLL file, or nil after saying on stderr why it cannot be read.
func readCoNLL(_ path: String) -> Data? {
    guard let data = FileManager.default.contents(atPath: path) else {
        eprint("kg: \(path): cannot read: \(ArticleReader.whyUnreadable(path))")
        return nil
    }
    return data
}

func loadLexicons(_ a: Arguments) throws -> LexiconSet {
    try LexiconSet.load(userLexicons: a.options["--lexicon"] ?? [], userRules: a.options["--rules"] ?? [])
}

func runBuild(_ args: ArraySlice<String>) throws -> Int32 {
    let a = try Arguments(args, valued: ["-o", "--lang", "--lexicon", "--rules", "--threads", "--max-article-mb"], flags: ["--lossy", "--quiet"])
    guard !a.positionals.isEmpty else { throw UsageError(message: "build needs at least one PATH") }
    if let l = a.value("--lang"), !["ar", "en"].contains(l) { throw UsageError(message: "--lang must be ar or en") }
    let output = a.value("-o") ?? "graph.jsonld"
    let lex = try loadLexicons(a)
    var builder = Builder(lexicons: lex)
    if let t = a.value("--threads") { guard let n = Int(t), n > 0 else { throw UsageError(message: "--threads needs a positive number") }; builder.threads = n }
    var reader = ArticleReader(forcedLanguage: a.value("--lang"), lossy: a.flags.contains("--lossy"))
    if let m = a.value("--max-article-mb") {
        guard let mb = Int(m), mb > 0 else { throw UsageError(message: "--max-article-mb needs a positive number") }
        reader.maxArticleBytes = mb << 20
    }
    let tty = isatty(2) != 0 && !a.flags.contains("--quiet")
    let summary: BuildSummary = try GraphStore.withLock(output, waiting: { eprint("kg: \(output) is locked by another kg build; waiting…") }) {
        var graph = try GraphStore.load(output)
        let s = builder.build(paths: a.positionals, reader: reader, into: &graph) { n in
            if tty { FileHandle.standardError.write("\rkg: \(n) articles…".data(using: .utf8)!) }
        }
        if tty { eprint("") }
        // (input that could not be read at all, a mistyped path, leaves the graph file as it was)
        if s.articlesRead == 0 && !s.skipped.isEmpty { return s }
        try GraphStore.writeAtomically(to: output) { try JSONLDWriter.write(graph, to: $0) }
        keepUntilExit(graph)
        return s
    }
    keepUntilExit(builder)
    if summary.articlesRead == 0 && !summary.skipped.isEmpty {
        eprint(summary.render() + "kg: none of the input could be read; \(output) not written")
        return 2
    }
    eprint(summary.render() + "wrote \(output)")
    return summary.skipped.isEmpty ? 0 : 1
}

func runExport(_ args: ArraySlice<String>) throws -> Int32 {
    let a = try Arguments(args, valued: ["-i", "--lang", "--csv"], flags: ["--dot", "--excel", "--ntriples", "--nquads", "--neo4j"])
    // (the graph may also be named without -i: kg export --dot graph.jsonld)
    guard a.positionals.count <= 1, a.positionals.isEmpty || a.value("-i") == nil else {
        throw UsageError(message: "export reads one graph: give it with -i FILE or as the only argument")
    }
    let input = a.value("-i") ?? a.positionals.first ?? "graph.jsonld"
    guard FileManager.default.fileExists(atPath: input) else { eprint("kg: \(input): no such graph file (run kg build first)"); return 2 }
    let g = try GraphStore.load(input)
    if a.flags.contains("--dot") {
        try out(DOTWriter.write(g, language: a.value("--lang") ?? "en"))
        return 0
    }
    if a.flags.contains("--ntriples") || a.flags.contains("--nquads") {
        try out(NTriplesWriter.write(g, quads: a.flags.contains("--nquads")))
        return 0
    }
    guard let dir = a.value("--csv") else { throw UsageError(message: "export needs --dot, --ntriples, --nquads or --csv DIR") }
    try makeDirectory(dir)
    if a.flags.contains("--neo4j") {
        try GraphStore.writeAtomically(Neo4jCSVWriter.nodes(g), to: (dir as NSString).appendingPathComponent("nodes.csv"))
        try GraphStore.writeAtomically(Neo4jCSVWriter.quotations(g), to: (dir as NSString).appendingPathComponent("quotations.csv"))
        try GraphStore.writeAtomically(Neo4jCSVWriter.relationships(g), to: (dir as NSString).appendingPathComponent("relationships.csv"))
        eprint("wrote \(dir)/nodes.csv, quotations.csv, relationships.csv (neo4j-admin database import --nodes=nodes.csv --nodes=quotations.csv --relationships=relationships.csv)")
        return 0
    }
    let bom = a.flags.contains("--excel") ? "\u{FEFF}" : ""
    for (name, text) in [("nodes.csv", CSVWriter.nodes(g)), ("edges.csv", CSVWriter.edges(g)), ("mentions.csv", CSVWriter.mentions(g)), ("statements.csv", CSVWriter.statements(g))] {
        try GraphStore.writeAtomically(bom + text, to: (dir as NSString).appendingPathComponent(name))
    }
    eprint("wrote \(dir)/nodes.csv, edges.csv, mentions.csv, statements.csv")
    return 0
}

func runAnalyze(_ args: ArraySlice<String>) throws -> Int32 {
    let a = try Arguments(args, valued: ["--lang"], flags: ["--names"])
    guard a.positionals.count == 1 else { throw UsageError(message: "analyze needs one FILE") }
    let names = a.flags.contains("--names")
    let lex = try LexiconSet.load(useTagger: names)
    let recognizer = EntityRecognizer(lexicons: lex)
    let reader = ArticleReader(forcedLanguage: a.value("--lang"))
    let (arts, errs) = reader.read(file: a.positionals[0])
    for e in errs { eprint("kg: \(e)") }
    for art in arts {
        let doc = lex.analyzer.analyze(art.text, language: art.language)
        try out(names ? NameReading.tsv(doc, recognizer: recognizer) : Analysis.tsv(doc))
    }
    return errs.isEmpty ? 0 : 2
}

func runShow(_ args: ArraySlice<String>) throws -> Int32 {
    let a = try Arguments(args, valued: ["-i"], flags: [])
    guard !a.positionals.isEmpty else { throw UsageError(message: "show needs a NAME") }
    let g = try GraphStore.load(a.value("-i") ?? "graph.jsonld")
    let text = Inspector.show(a.positionals.joined(separator: " "), in: g)
    if text.isEmpty { eprint("kg: no entity named \(a.positionals.joined(separator: " "))"); return 1 }
    try out(text)
    return 0
}

func runEval(_ args: ArraySlice<String>) throws -> Int32 {
    let a = try Arguments(args, valued: ["--graph", "--conll", "--floors", "--articles", "--document-size", "--predictions"], flags: ["--build", "--json"])
    let lex = try LexiconSet.load()
    if let conll = a.value("--conll") {
        guard let data = readCoNLL(conll) else { return 2 }
        let size = try a.value("--document-size").map { v -> Int in
            guard let n = Int(v), n >= 1 else { throw UsageError(message: "--document-size needs a whole number of sentences ≥ 1, not '\(v)'") }
            return n
        } ?? Evaluator.conllDocumentSize
        let (score, lines) = Evaluator.conllPredictions(String(decoding: data, as: UTF8.self), lexicons: lex, documentSize: size)
        if let file = a.value("--predictions") {
            guard FileManager.default.createFile(atPath: file, contents: Data(lines.utf8)) else { eprint("kg: \(file): cannot write"); return 2 }
        }
        try out(score.table())
        return 0
    }
    guard !a.positionals.isEmpty else { throw UsageError(message: "eval needs GOLD files or --conll FILE") }
    let report = try Evaluator.gold(files: a.positionals, graphFile: a.value("--graph"), lexicons: lex)
    try out(report.table())
    if let floors = a.value("--floors") {
        let failures = try report.check(floorsFile: floors)
        for f in failures { eprint("kg eval: below floor: \(f)") }
        return failures.isEmpty ? 0 : 1
    }
    return 0
}

func runExtract(_ args: ArraySlice<String>) throws -> Int32 {
    let a = try Arguments(args, valued: ["--lang", "--lexicon", "--rules"], flags: ["--lossy"])
    let lex = try loadLexicons(a)
    let extractor = ArticleExtractor(lexicons: lex)
    let reader = ArticleReader(forcedLanguage: a.value("--lang"), lossy: a.flags.contains("--lossy"))
    var skipped = 0
    let (files, errors) = reader.expand(a.positionals.isEmpty ? ["-"] : a.positionals)
    for e in errors { eprint("kg: \(e)"); skipped += 1 }
    for f in files {
        let (arts, errs) = f == "-" ? reader.readJSONLinesPublic(String(decoding: FileHandle.standardInput.readDataToEndOfFile(), as: UTF8.self), file: "<stdin>")
                                    : reader.read(file: f)
        for e in errs { eprint("kg: \(e)"); skipped += 1 }
        for art in arts { try out(Fragments.fragment(extractor.extract(art), gazetteer: lex.gazetteer, events: lex.namedEvents) + "\n") }
    }
    keepUntilExit(extractor)
    return skipped == 0 ? 0 : 1
}

func runMerge(_ args: ArraySlice<String>) throws -> Int32 {
    let a = try Arguments(args, valued: ["-o"], flags: [])
    guard !a.positionals.isEmpty else { throw UsageError(message: "merge needs graph or fragment files (- for stdin)") }
    let output = a.value("-o") ?? "graph.jsonld"
    try GraphStore.withLock(output, waiting: { eprint("kg: \(output) is locked by another kg process; waiting…") }) {
        var g = KnowledgeGraph()
        for f in a.positionals {
            let data = f == "-" ? FileHandle.standardInput.readDataToEndOfFile() : (FileManager.default.contents(atPath: f) ?? Data())
            if data.isEmpty && f != "-" && !FileManager.default.fileExists(atPath: f) { throw InputError.unreadable(file: f, reason: "no such file") }
            g.merge(try Fragments.read(data, file: f))
        }
        try GraphStore.writeAtomically(to: output) { try JSONLDWriter.write(g, to: $0) }
        eprint("merged \(a.positionals.count) inputs: \(g.articles.count) articles, \(g.entities.count) nodes, \(g.relations.count) relations → \(output)")
    }
    return 0
}

func runTrain(_ args: ArraySlice<String>) throws -> Int32 {
    let a = try Arguments(args, valued: ["--conll", "-o", "--folds", "--epochs", "--seeds", "--models"], flags: [])
    guard let conll = a.value("--conll") else { throw UsageError(message: "train needs --conll FILE") }
    guard let data = readCoNLL(conll) else { return 2 }
    let text = String(decoding: data, as: UTF8.self)
    let lex = try LexiconSet.load(useTagger: false)
    let epochs = Int(a.value("--epochs") ?? "10") ?? 10
    guard let models = Int(a.value("--models") ?? String(TaggerTraining.defaultModels)), models >= 1 else {
        throw UsageError(message: "--models needs a number >= 1")
    }
    if let f = a.value("--folds") {
        guard let k = Int(f), k >= 2 else { throw UsageError(message: "--folds needs a number >= 2") }
        guard let seeds = Int(a.value("--seeds") ?? "1"), seeds >= 1 else { throw UsageError(message: "--seeds needs a number >= 1") }
        // training orders 42, 43, ...
        let orders = (0..<seeds).map { UInt64(42 + $0) }
        let runs = TaggerTraining.crossValidate(text, lexicons: lex, folds: k, epochs: epochs, seeds: orders, models: models)
        if seeds == 1 {
            try out("tagger alone (\(k)-fold, contiguous blocks):\n" + runs[0].tagger.table() + "\nfull recogniser (gazetteer + rules + tagger):\n"
                    + runs[0].full.table())
        } else {
            try out(TaggerTraining.seedTable(seeds: orders, runs) + "tagger alone, mean"
                    + TaggerTraining.seedTable(seeds: [], runs.map { ($0.full, $0.tagger) }).dropFirst(4))
        }
    }
    if let o = a.value("-o") {
        do {
            try GraphStore.writeAtomically(TaggerTraining.train(text, lexicons: lex, epochs: epochs, models: models), to: o)
        } catch GraphStore.StoreError.cannotWrite(_, let reason) {
            eprint("kg: \(o): cannot write the model: \(reason); any previous model there is unchanged")
            return 2
        }
        eprint("wrote \(o)")
    }
    return 0
}

func main() -> Int32 {
    let argv = CommandLine.arguments
    guard argv.count >= 2 else { eprint(usage); return 64 }
    let cmd = argv[1]
    let rest = argv.dropFirst(2)
    do {
        if cmd == "--help" || cmd == "-h" || (cmd == "help" && rest.isEmpty) { try out(usage + "\n"); return 0 }
        if cmd == "help" { try out((commandHelp[rest.first!] ?? usage) + "\n"); return commandHelp[rest.first!] == nil ? 64 : 0 }
        if rest.contains("--help") || rest.contains("-h") { try out((commandHelp[cmd] ?? usage) + "\n"); return commandHelp[cmd] == nil ? 64 : 0 }
        switch cmd {
        case "build": return try runBuild(rest)
        case "export": return try runExport(rest)
        case "analyze": return try runAnalyze(rest)
        case "show": return try runShow(rest)
        case "eval": return try runEval(rest)
        case "train": return try runTrain(rest)
        case "extract": return try runExtract(rest)
        case "merge": return try runMerge(rest)
        default: throw UsageError(message: "unknown command \(cmd)")
        }
    } catch let e as UsageError {
        eprint("kg: \(e.message)\n\n" + (commandHelp[cmd] ?? usage))
        return 64
    } catch {
        eprint("kg: \(error)")
        return 2
    }
}

exit(main())
