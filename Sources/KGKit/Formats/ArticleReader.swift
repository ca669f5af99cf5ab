import Foundation

/// Why an input could not be read as articles. Each names the file (and line) so the user can fix it.
public enum InputError: Error, CustomStringConvertible, Equatable {
    case unreadable(file: String, reason: String)
    case invalidUTF8(file: String, byteOffset: Int)
    case binary(file: String)
    case empty(file: String)
    case badJSON(file: String, line: Int?, reason: String)
    case missingText(file: String, line: Int?)
    case unsupported(file: String)
    case tooLarge(file: String, line: Int?, megabytes: Int, limit: Int)

    public var description: String {
        func at(_ f: String, _ l: Int?) -> String { l.map { "\(f):\($0)" } ?? f }
        switch self {
        case let .unreadable(f, r): return "\(f): cannot read: \(r)"
        case let .invalidUTF8(f, o): return "\(f): invalid UTF-8 at byte \(o) (re-encode as UTF-8, or pass --lossy)"
        case let .binary(f): return "\(f): looks like a binary file, not text"
        case let .empty(f): return "\(f): empty, no article"
        case let .badJSON(f, l, r): return "\(at(f, l)): invalid JSON: \(r)"
        case let .missingText(f, l): return "\(at(f, l)): article has no \"text\""
        case let .unsupported(f): return "\(f): unsupported file type (use .txt, .html, .json or .jsonl)"
        case let .tooLarge(f, l, mb, limit): return "\(at(f, l)): article of \(mb) MB is larger than the \(limit) MB limit (split it, or raise --max-article-mb)"
        }
    }
}

/// Reads articles from `.txt` (first non-empty line is the title, the whole file is the analysed text), `.html`/`.htm`
/// (reduced to text by `HTMLText`, then read like `.txt`), `.jsonl` (one article a line) and `.json` (one article or
/// an array) files, directories (recursively, sorted) and stdin. A `.txt` file or JSON `text` that looks like HTML
/// (`HTMLText.looksLikeHTML`) is reduced to text too; evidence offsets then refer to that text.
public struct ArticleReader {
    public var forcedLanguage: String?
    public var lossy: Bool
    /// Articles larger than this are skipped with an error instead of exhausting memory (news articles are kilobytes).
    public var maxArticleBytes: Int = 16 << 20

    public init(forcedLanguage: String? = nil, lossy: Bool = false) {
        self.forcedLanguage = forcedLanguage
        self.lossy = lossy
    }

    /// The files a list of paths stands for: directories expanded recursively in sorted order; `-` is stdin.
    public func expand(_ paths: [String]) -> (files: [String], errors: [InputError]) {
        var files: [String] = [], errors: [InputError] = []
        let fm = FileManager.default
        for p in paths {
            if p == "-" { files.append(p); continue }
            var isDir: ObjCBool = false
            guard fm.fileExists(atPath: p, isDirectory: &isDir) else { errors.append(.unreadable(file: p, reason: "no such file or directory")); continue }
            if isDir.boolValue {
                guard let en = fm.enumerator(atPath: p) else { errors.append(.unreadable(file: p, reason: "cannot list directory")); continue }
                var found: [String] = []
                while let rel = en.nextObject() as? String {
                    let full = (p as NSString).appendingPathComponent(rel)
                    var d: ObjCBool = false
                    guard Self.isArticleFile(rel) else { continue }
                    if fm.fileExists(atPath: full, isDirectory: &d) {
                        if !d.boolValue { found.append(full) }
                    } else if (try? fm.destinationOfSymbolicLink(atPath: full)) != nil {
                        errors.append(.unreadable(file: full, reason: "broken symbolic link"))
                    }
                }
                files += found.sorted()
            } else {
                files.append(p)
            }
        }
        return (files, errors)
    }

    static func isArticleFile(_ name: String) -> Bool {
        let n = name.lowercased()
        return n.hasSuffix(".txt") || n.hasSuffix(".json") || n.hasSuffix(".jsonl") || n.hasSuffix(".ndjson") || isHTMLFile(n)
    }

    static func isHTMLFile(_ name: String) -> Bool {
        let n = name.lowercased()
        return n.hasSuffix(".html") || n.hasSuffix(".htm")
    }

    /// Why `file` could not be read, in words a user can act on.
    public static func whyUnreadable(_ file: String) -> String {
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: file, isDirectory: &isDir) else { return "no such file or directory" }
        return isDir.boolValue ? "is a directory" : "permission denied or not a regular file"
    }

    /// Reads one file. Per-article problems inside a JSON Lines file are returned alongside the good articles.
    public func read(file: String) -> (articles: [Article], errors: [InputError]) {
        let data: Data
        if file == "-" {
            data = FileHandle.standardInput.readDataToEndOfFile()
        } else {
            let lower = file.lowercased()
            if !(lower.hasSuffix(".jsonl") || lower.hasSuffix(".ndjson")),
               let size = (try? FileManager.default.attributesOfItem(atPath: file)[.size] as? NSNumber)?.intValue, size > maxArticleBytes {
                return ([], [.tooLarge(file: file, line: nil, megabytes: size >> 20, limit: maxArticleBytes >> 20)])
            }
            guard let d = FileManager.default.contents(atPath: file) else { return ([], [.unreadable(file: file, reason: Self.whyUnreadable(file))]) }
            data = d
        }
        let name = file == "-" ? "<stdin>" : file
        if data.isEmpty { return ([], [.empty(file: name)]) }
        let text: String
        switch decode(data, file: name) {
        case let .success(t): text = t
        case let .failure(e): return ([], [e])
        }
        let lower = name.lowercased()
        if lower.hasSuffix(".jsonl") || lower.hasSuffix(".ndjson") || (file == "-" && text.first == "{" && text.contains("\n{")) {
            return readJSONLines(text, file: name)
        }
        if lower.hasSuffix(".json") || (file == "-" && (text.first == "{" || text.first == "[")) {
            return readJSON(text, file: name)
        }
        if Self.isHTMLFile(lower) { return readText(text, file: name, html: true) }
        if lower.hasSuffix(".txt") || file == "-" {
            return readText(text, file: name)
        }
        return ([], [.unsupported(file: name)])
    }

    /// Reads articles from bytes as if they were a file named `name` (fuzzing, embedding).
    public func parse(_ data: Data, name: String) -> (articles: [Article], errors: [InputError]) {
        if data.isEmpty { return ([], [.empty(file: name)]) }
        let text: String
        switch decode(data, file: name) {
        case let .success(t): text = t
        case let .failure(e): return ([], [e])
        }
        let lower = name.lowercased()
        if lower.hasSuffix(".jsonl") { return readJSONLines(text, file: name) }
        if lower.hasSuffix(".json") { return readJSON(text, file: name) }
        return readText(text, file: name, html: Self.isHTMLFile(lower))
    }

    enum Decoded { case success(String), failure(InputError) }

    func decode(_ data: Data, file: String) -> Decoded {
        if data.count >= 2 && (data.starts(with: [0xFF, 0xFE]) || data.starts(with: [0xFE, 0xFF])) {
            if let s = String(data: data, encoding: .utf16) { return .success(s) }
        }
        var bytes = [UInt8](data)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        // binary: NUL bytes in the first 8 KB of something that is not UTF-16
        let head = bytes.prefix(8192)
        if head.filter({ $0 == 0 }).count > head.count / 10 && !head.isEmpty { return .failure(.binary(file: file)) }
        if let off = Self.firstInvalidUTF8(bytes) {
            if lossy { return .success(String(decoding: bytes, as: UTF8.self)) }
            // Arabic archives are often Windows-1256: decode when the bytes read as Arabic text in that code page
            if let text = Windows1256.decodeIfArabic(bytes) { return .success(text) }
            return .failure(.invalidUTF8(file: file, byteOffset: off))
        }
        return .success(String(decoding: bytes, as: UTF8.self))
    }

    /// Byte offset of the first invalid UTF-8 sequence, or nil.
    static func firstInvalidUTF8(_ b: [UInt8]) -> Int? { b.withUnsafeBufferPointer { firstInvalidUTF8($0) } }

    /// ASCII is skipped eight bytes at a time and two-byte sequences (Arabic) take one test; other bytes are decoded.
    static func firstInvalidUTF8(_ b: UnsafeBufferPointer<UInt8>) -> Int? {
        var i = 0
        let n = b.count
        guard let base = b.baseAddress else { return nil }
        let raw = UnsafeRawPointer(base)
        while i < n {
            if i + 8 <= n, raw.loadUnaligned(fromByteOffset: i, as: UInt64.self) & 0x8080_8080_8080_8080 == 0 { i += 8; continue }
            let c = b[i]
            if c < 0x80 { i += 1; continue }
            if c >= 0xC2 && c <= 0xDF && i + 1 < n && b[i + 1] & 0xC0 == 0x80 { i += 2; continue }
            var need = 0
            var min: UInt32 = 0
            var cp: UInt32 = 0
            if c & 0xE0 == 0xC0 { need = 1; min = 0x80; cp = UInt32(c & 0x1F) }
            else if c & 0xF0 == 0xE0 { need = 2; min = 0x800; cp = UInt32(c & 0x0F) }
            else if c & 0xF8 == 0xF0 { need = 3; min = 0x10000; cp = UInt32(c & 0x07) }
            else { return i }
            if i + need >= n { return i }
            for k in 1...need {
                guard i + k < n, b[i + k] & 0xC0 == 0x80 else { return i }
                cp = cp << 6 | UInt32(b[i + k] & 0x3F)
            }
            if cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF) { return i }
            i += need + 1
        }
        return nil
    }

    /// A text file; `html` forces HTML reduction (`.html` files), otherwise it applies when the text looks like HTML.
    func readText(_ raw: String, file: String, html: Bool = false) -> ([Article], [InputError]) {
        let text = html || HTMLText.looksLikeHTML(raw) ? HTMLText.text(raw) : raw
        guard let titleLine = text.split(whereSeparator: \.isNewline).first(where: { !$0.trimmingCharacters(in: .whitespaces).isEmpty }) else {
            return ([], [.empty(file: file)])
        }
        let title = titleLine.trimmingCharacters(in: .whitespaces)
        let id = (file as NSString).lastPathComponent
        return ([Article(sourceID: id, title: title, text: text, language: forcedLanguage)], [])
    }

    func article(from obj: Any, file: String, line: Int?) -> Result<Article, InputError> {
        guard let o = obj as? [String: Any] else { return .failure(.badJSON(file: file, line: line, reason: "expected an object")) }
        guard var text = o["text"] as? String else { return .failure(.missingText(file: file, line: line)) }
        if text.utf8.count > maxArticleBytes {
            return .failure(.tooLarge(file: file, line: line, megabytes: text.utf8.count >> 20, limit: maxArticleBytes >> 20))
        }
        var title = o["title"] as? String ?? ""
        if HTMLText.looksLikeHTML(text) {
            text = HTMLText.text(text)
            title = HTMLText.text(title)
        }
        guard !text.unicodeScalars.allSatisfy(\.properties.isWhitespace) else { return .failure(.missingText(file: file, line: line)) }
        let id = (o["id"] as? String) ?? (o["id"] as? NSNumber)?.stringValue ?? ""
        let lang = forcedLanguage ?? (o["lang"] as? String).flatMap { $0.isEmpty ? nil : $0 }
        return .success(Article(sourceID: id, title: title, text: text, url: o["url"] as? String,
                                date: o["date"] as? String, language: lang))
    }

    /// Streams a JSON Lines file in 4 MB chunks, handing over articles (or per-line errors) as they are read, so a large
    /// corpus is never held in memory. Invalid UTF-8 on a line is an error for that line only.
    public func streamJSONLines(file: String, _ body: (Result<Article, InputError>) -> Void) {
        guard let h = FileHandle(forReadingAtPath: file) else { body(.failure(.unreadable(file: file, reason: "cannot open"))); return }
        defer { try? h.close() }
        var pending = [UInt8]()
        var lineNo = 0
        func handle(_ line: ArraySlice<UInt8>) {
            lineNo += 1
            var bytes = line
            if bytes.last == 0x0D { bytes = bytes.dropLast() }
            if bytes.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) { return }
            // (the line is read where it lies in `pending`, not copied)
            let parsed = bytes.withUnsafeBufferPointer { u -> Result<Any, InputError> in
                if !lossy, let off = Self.firstInvalidUTF8(u) { return .failure(.invalidUTF8(file: "\(file):\(lineNo)", byteOffset: off)) }
                do { return .success(try JSONStream.parse(bytes: UnsafeRawBufferPointer(u))) } catch {
                    return .failure(.badJSON(file: file, line: lineNo, reason: "cannot parse this line (\(error))"))
                }
            }
            switch parsed {
            case let .success(obj): body(article(from: obj, file: file, line: lineNo))
            case let .failure(e): body(.failure(e))
            }
        }
        while true {
            let chunk = h.readData(ofLength: 4 << 20)
            if chunk.isEmpty { break }
            pending.append(contentsOf: chunk)
            var start = 0
            while let nl = pending[start...].firstIndex(of: 0x0A) {
                handle(pending[start..<nl])
                start = nl + 1
            }
            pending.removeFirst(start)
        }
        if !pending.isEmpty { handle(pending[...]) }
    }

    /// Parses JSON Lines text (for tools and benchmarks).
    public func readJSONLinesPublic(_ text: String, file: String) -> ([Article], [InputError]) { readJSONLines(text, file: file) }

    func readJSONLines(_ text: String, file: String) -> ([Article], [InputError]) {
        var arts: [Article] = [], errs: [InputError] = []
        var lineNo = 0
        for line in Self.lines(text) {
            lineNo += 1
            if line.unicodeScalars.allSatisfy(\.properties.isWhitespace) { continue }
            do {
                let obj = try JSONStream.parse(Data(line.utf8))
                switch article(from: obj, file: file, line: lineNo) {
                case let .success(a): arts.append(a)
                case let .failure(e): errs.append(e)
                }
            } catch {
                errs.append(.badJSON(file: file, line: lineNo, reason: "cannot parse this line (\(error))"))
            }
        }
        return (arts, errs)
    }

    /// The lines of `text`, the same as `text.split(separator: "\n", omittingEmptySubsequences: false)` but found in
    /// its UTF-8 rather than by Character: a line feed right after a carriage return is one Character with it, which
    /// that split does not cut, and neither does this.
    /// (The line feeds found by memchr in the bytes; stepping through the UTF8View took forty instructions a byte.)
    static func lines(_ text: String) -> [Substring] {
        var whole = text
        let breaks = whole.withUTF8 { u -> [Int] in
            var at: [Int] = []
            guard let base = u.baseAddress else { return at }
            var p = 0
            while p < u.count, let hit = memchr(base + p, 0x0A, u.count - p) {
                let i = UnsafeRawPointer(base).distance(to: UnsafeRawPointer(hit))
                if i == 0 || u[i - 1] != 0x0D { at.append(i) }
                p = i + 1
            }
            return at
        }
        let u = whole.utf8
        var lines: [Substring] = []
        lines.reserveCapacity(breaks.count + 1)
        var start = u.startIndex
        for b in breaks {
            let end = u.index(u.startIndex, offsetBy: b)
            lines.append(whole[start..<end])
            start = u.index(after: end)
        }
        lines.append(whole[start...])
        return lines
    }

    func readJSON(_ text: String, file: String) -> ([Article], [InputError]) {
        let obj: Any
        do { obj = try JSONStream.parse(Data(text.utf8)) } catch {
            return ([], [.badJSON(file: file, line: nil, reason: "cannot parse the file (\(error))")])
        }
        let items = (obj as? [Any]) ?? [obj]
        var arts: [Article] = [], errs: [InputError] = []
        for (i, it) in items.enumerated() {
            switch article(from: it, file: file, line: items.count > 1 ? nil : nil) {
            case let .success(a): arts.append(a)
            case let .failure(e):
                if case .missingText = e { errs.append(.missingText(file: "\(file)[\(i)]", line: nil)) } else { errs.append(e) }
            }
        }
        return (arts, errs)
    }
}
