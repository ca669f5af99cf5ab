import Foundation
import KGKit

/// libFuzzer entry point (docs/fuzzing.md). The first byte picks what is fuzzed with the rest:
/// 0 article readers (.txt/.json/.jsonl), 1 text analysis (tokeniser, clitics, sentences), 2 JSON-LD graph reader,
/// 3 the whole extraction of one article. `KG_FUZZ_MODE=N` fixes the mode (the first byte is then ignored), so each
/// target can be fuzzed on its own (Scripts/fuzz.sh SECONDS MODE).
let lexicons: LexiconSet = try! LexiconSet.load()
let forcedMode: Int? = ProcessInfo.processInfo.environment["KG_FUZZ_MODE"].flatMap { Int($0) }.map { $0 % 4 }

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    guard count > 0 else { return 0 }
    let bytes = UnsafeRawBufferPointer(start: start, count: count)
    let mode = forcedMode ?? Int(bytes[0] % 4)
    let data = Data(bytes[1...])
    switch mode {
    case 0:
        let reader = ArticleReader(lossy: data.count % 2 == 0)
        for name in ["f.txt", "f.json", "f.jsonl", "f.html"] { _ = reader.parse(data, name: name) }
        let raw = String(decoding: data, as: UTF8.self)
        let text = HTMLText.text(raw)
        precondition(text.unicodeScalars.count <= raw.unicodeScalars.count, "HTML reduction made the text longer")
        _ = HTMLText.looksLikeHTML(raw)
    case 1:
        let text = String(decoding: data, as: UTF8.self)
        let doc = lexicons.analyzer.analyze(text)
        for t in doc.tokens {
            precondition(t.start >= 0 && t.start < t.end && t.end <= doc.scalars.count, "token offsets out of range")
            precondition(Analysis.pieces(doc, t).joined() == doc.surface(t), "clitic pieces do not rebuild the surface")
        }
    case 2:
        _ = try? JSONLDReader.read(data, file: "fuzz.jsonld")
    default:
        let text = String(decoding: data, as: UTF8.self)
        _ = ArticleExtractor(lexicons: lexicons).extract(Article(sourceID: "fuzz", title: "", text: text))
    }
    return 0
}

#if !FUZZING
/// Without libFuzzer (a normal `swift build`), kg-fuzz replays inputs: `kg-fuzz FILE...` runs each file through the
/// fuzz entry point — how the committed corpus (Tests/FuzzCorpus) is checked in tests.
@main
struct Replay {
    static func main() {
        for path in CommandLine.arguments.dropFirst() {
            guard let d = FileManager.default.contents(atPath: path), !d.isEmpty else { continue }
            _ = d.withUnsafeBytes { fuzz($0.baseAddress!, d.count) }
        }
    }
}
#endif

#if FUZZING
// SwiftPM links an executable's entry point as `<target>_main`; under libFuzzer that entry hands over to the
// fuzzing driver.
@_silgen_name("LLVMFuzzerRunDriver")
func LLVMFuzzerRunDriver(_ argc: UnsafeMutablePointer<CInt>,
                         _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
                         _ callback: @convention(c) (UnsafeRawPointer?, Int) -> CInt) -> CInt

@_cdecl("kg_fuzz_main")
public func kgFuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    var c = argc
    var v = argv
    return LLVMFuzzerRunDriver(&c, &v) { data, size in
        guard let data, size > 0 else { return 0 }
        return fuzz(data, size)
    }
}
#endif
