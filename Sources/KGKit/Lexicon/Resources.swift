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
            let t = line.trimmingCharacters(in: .whitespaces)
            return t.isEmpty || t.hasPrefix("#") ? nil : t
        }
    }
}
