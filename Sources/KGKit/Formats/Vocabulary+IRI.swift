import Foundation

/// IRIs of kg's own vocabulary and nodes (see docs/vocabulary.md).
public enum KGIRI {
    public static let vocab = "https://kg.example.org/vocab#"
    public static let node = "https://kg.example.org/id/"
    public static let schema = "http://schema.org/"

    /// The `@id` of a node key: each path segment percent-encoded (RFC 3987 safe for any text).
    public static func node(_ key: String) -> String {
        node + key.split(separator: "/", omittingEmptySubsequences: false).map { percentEncode(String($0)) }.joined(separator: "/")
    }

    public static func article(_ hash: String) -> String { node + "article/" + hash }

    /// The `@id` of the statement node of a relation: derived from subject, predicate and object, so it is stable.
    public static func statement(_ k: RelationKey) -> String {
        node("statement/" + String(SHA256.hex(k.subject + "\u{1F}" + k.predicate + "\u{1F}" + k.object).prefix(24)))
    }

    /// The node key of an `@id` minted by `node(_:)`.
    public static func key(ofNode iri: String) -> String? {
        guard iri.hasPrefix(node) else { return nil }
        return String(iri.dropFirst(node.count)).split(separator: "/", omittingEmptySubsequences: false)
            .map { $0.removingPercentEncoding ?? String($0) }.joined(separator: "/")
    }

    static let unreserved = Set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~".utf8)

    public static func percentEncode(_ s: String) -> String {
        var out = ""
        for b in s.utf8 {
            if unreserved.contains(b) { out.unicodeScalars.append(Unicode.Scalar(b)) } else {
                out += "%" + String(format: "%02X", b)
            }
        }
        return out
    }
}

/// kg's relation predicates, their JSON-LD terms and schema.org equivalents where they exist.
public enum Predicate {
    /// Predicate name → (IRI, human label en, label ar).
    public static let all: [String: (iri: String, en: String, ar: String)] = [
        "spokespersonOf": (KGIRI.vocab + "spokespersonOf", "spokesperson of", "متحدث باسم"),
        "leads": (KGIRI.vocab + "leads", "leads", "يقود"),
        "memberOf": (KGIRI.schema + "memberOf", "member of", "عضو في"),
        "supports": (KGIRI.vocab + "supports", "supports", "يدعم"),
        "attacks": (KGIRI.vocab + "attacks", "attacks", "يهاجم"),
        "fights": (KGIRI.vocab + "fights", "fights", "يقاتل"),
        "alliedWith": (KGIRI.vocab + "alliedWith", "allied with", "متحالف مع"),
        "locatedIn": (KGIRI.vocab + "locatedIn", "located in", "يقع في"),
        "containedInPlace": (KGIRI.schema + "containedInPlace", "contained in", "ضمن"),
        "parentOrganization": (KGIRI.schema + "parentOrganization", "part of", "تابع لـ"),
        "nationality": (KGIRI.schema + "nationality", "national of", "جنسية"),
        "reportedBy": (KGIRI.vocab + "reportedBy", "reported by", "بحسب"),
        "agent": (KGIRI.vocab + "agent", "agent", "الفاعل"),
        "target": (KGIRI.vocab + "target", "target", "الهدف"),
        "location": (KGIRI.schema + "location", "location", "المكان"),
        "said": (KGIRI.vocab + "said", "said", "قال"),
        "participant": (KGIRI.vocab + "participant", "participant", "مشارك"),
        "founderOf": (KGIRI.vocab + "founderOf", "founder of", "مؤسس"),
    ]

    public static func iri(_ p: String) -> String { all[p]?.iri ?? KGIRI.vocab + KGIRI.percentEncode(p) }

    /// The lower-cased local name of a predicate's IRI, as RDF tools see it (`spokespersonof`, `containedinplace`).
    public static func localName(_ p: String) -> String {
        String(iri(p).split(whereSeparator: { "#/:".contains($0) }).last ?? "").lowercased()
    }

    public static func name(ofIRI iri: String) -> String {
        for (k, v) in all where v.iri == iri { return k }
        if iri.hasPrefix(KGIRI.vocab) { return String(iri.dropFirst(KGIRI.vocab.count)).removingPercentEncoding ?? iri }
        return iri
    }
}
