/// Problems reading kg's data files, each naming the file and line so the user can fix it.
public enum LexiconError: Error, CustomStringConvertible, Equatable {
    case unreadable(file: String, reason: String)
    case missingHeader(file: String)
    case badRow(file: String, line: Int, reason: String)
    case missingResource(name: String)
    case unknownTable(file: String, known: [String])

    public var description: String {
        switch self {
        case let .unreadable(file, reason): return "\(file): cannot read lexicon: \(reason)"
        case let .missingHeader(file): return "\(file): no header line (expected: id, type, subtype, name_en, name_ar, aliases, demonyms, part_of, same_as, description)"
        case let .badRow(file, line, reason): return "\(file):\(line): \(reason)"
        case let .missingResource(name): return "bundled resource \(name) is missing: reinstall kg (swift build)"
        case let .unknownTable(file, known):
            return "\(file): a rules table extends the bundled table of the same name; name it one of \(known.joined(separator: ", ")), or give relation rules a .rules file"
        }
    }
}
