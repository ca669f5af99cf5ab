/// The four kinds of node kg extracts.
public enum EntityType: String, Sendable, Codable, CaseIterable, Comparable {
    case person = "Person"
    case organization = "Organization"
    case place = "Place"
    case event = "Event"

    public static func < (a: EntityType, b: EntityType) -> Bool { a.rank < b.rank }

    var rank: Int {
        switch self {
        case .person: return 0
        case .organization: return 1
        case .place: return 2
        case .event: return 3
        }
    }

    /// Short slug used in node identifiers.
    public var slug: String {
        switch self {
        case .person: return "person"
        case .organization: return "org"
        case .place: return "place"
        case .event: return "event"
        }
    }

    /// Parses `Person`, `PER`, `PERS`, `ORG`, `LOC`, `Place`, `GPE`, `Event`... (case-insensitive).
    public init?(label: String) {
        switch label.lowercased() {
        case "person", "per", "pers": self = .person
        case "organization", "organisation", "org": self = .organization
        case "place", "loc", "location", "gpe": self = .place
        case "event", "evt": self = .event
        default: return nil
        }
    }
}
