/// One known entity of the gazetteer: a row of a lexicon TSV file (see docs/lexicon-format.md).
public struct LexiconEntry: Sendable, Equatable {
    public var id: String
    public var type: EntityType
    public var subtype: String
    public var nameEn: String
    public var nameAr: String
    public var aliases: [String]
    public var demonyms: [String]
    public var partOf: String
    public var sameAs: [String]
    public var description: String
    /// For people: the country or organisation (an id) the person heads or headed, read where a head title names them.
    public var leads: String = ""
    /// True for entries from a user's `--lexicon` file: they win over bundled entries.
    public var isUserEntry: Bool

    /// All names this entry is known by (preferred names first).
    /// (Duplicates are found with `keysEqual`, which is `==` without its normalising comparison for plain names.)
    /// (Each name's first base letter (`firstBase`) is found once: `keysEqual` tells names whose first base letters
    /// differ apart by them, so a name is compared only with those that start alike, not with all before it.)
    public var allNames: [String] {
        var out: [String] = []
        var bases: [UInt32?] = []
        out.reserveCapacity(2 + aliases.count)
        bases.reserveCapacity(2 + aliases.count)
        func add(_ n: String) {
            if n.isEmpty { return }
            let b = withBytes(n, firstBase)
            for i in out.indices where b == nil || bases[i] == nil || bases[i] == b {
                if keysEqual(out[i], n) { return }
            }
            out.append(n)
            bases.append(b)
        }
        add(nameAr)
        add(nameEn)
        for n in aliases { add(n) }
        return out
    }

    /// Rank used to choose between entries sharing a name: countries before provinces before cities.
    var ambiguityRank: Int {
        if isUserEntry { return 0 }
        switch subtype {
        case "Country": return 1
        case "AdministrativeArea", "Region": return 3
        case "City": return 4
        default: return 2
        }
    }

    /// Place granularity: smaller is more specific (Facility < Neighborhood < City < Province < Country).
    public var placeLevel: Int { PlaceLevel.of(subtype: subtype) }
}

/// Granularity of places, used so that "located in" runs from the smaller place to the larger.
public enum PlaceLevel {
    public static func of(subtype: String) -> Int {
        switch subtype {
        case "Facility", "Prison", "Building", "Camp", "Airport": return 0
        case "Neighborhood", "Village": return 1
        case "City", "Town": return 2
        case "AdministrativeArea", "Province", "Region": return 3
        case "Country": return 4
        case "Continent": return 5
        default: return 2
        }
    }
}
