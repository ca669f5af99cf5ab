import Foundation

/// Access to the data files bundled with kg (`Sources/KGKit/Resources`).
public enum BundledResources {
    /// The directory holding the bundled resources.
    public static var directory: URL {
        if let env = ProcessInfo.processInfo.environment["KG_RESOURCES"], !env.isEmpty {
            return URL(fileURLWithPath: env, isDirectory: true)
        }
        // Foundation on Linux reports the bundle's `Resources` folder itself as resourceURL; on Darwin it is the
        // bundle's resource root, which holds our `Resources` folder
        let base = Bundle.module.resourceURL ?? Bundle.module.bundleURL
        let nested = base.appendingPathComponent("Resources", isDirectory: true)
        var isDir: ObjCBool = false
        if FileManager.default.fileExists(atPath: nested.appendingPathComponent("lexicon").path, isDirectory: &isDir) { return nested }
        return base
    }

    /// The text of a bundled file, e.g. `lexicon/places.tsv`.
    public static func text(_ relativePath: String) throws -> String {
        let url = directory.appendingPathComponent(relativePath)
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw LexiconError.missingResource(name: relativePath)
        }
        return String(decoding: data, as: UTF8.self)
    }

    /// Bundled files in a folder with the given extension, sorted by name.
    public static func files(in folder: String, ext: String) -> [String] {
        let dir = directory.appendingPathComponent(folder)
        let names = (try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []
        return names.filter { $0.hasSuffix("." + ext) }.sorted().map { folder + "/" + $0 }
    }

    /// Lines of a simple list file: one item a line, `#` comments and blank lines skipped.
    public static func list(_ relativePath: String) throws -> [String] {
        try text(relativePath).split(whereSeparator: \.isNewline).compactMap { line in
            let t = line.trimmingSpaces()
            return t.isEmpty || t.hasPrefix("#") ? nil : t
        }
    }
}

extension StringProtocol {
    /// The text without leading and trailing spaces and tabs (what `trimmingCharacters(in: .whitespaces)` removes),
    /// without Foundation's bridging: lexicon files have hundreds of thousands of cells.
    func trimmingSpaces() -> String {
        let v = unicodeScalars
        func isSpace(_ u: Unicode.Scalar) -> Bool {
            u == " " || u == "\t" || (u.value >= 0x80 && u.properties.generalCategory == .spaceSeparator)
        }
        guard let first = v.firstIndex(where: { !isSpace($0) }) else { return "" }
        let last = v.lastIndex(where: { !isSpace($0) })!
        return String(String.UnicodeScalarView(v[first...last]))
    }
}
