import Foundation

/// IRIs of kg's own vocabulary and nodes (see docs/vocabulary.md).
public enum KGIRI {
    public static let vocab = "https://kg.example.org/vocab#"
    public static let node = "https://kg.example.org/id/"
    public static let schema = "http://schema.org/"

    /// The `@id` of a node key: each path segment percent-encoded (RFC 3987 safe for any text).
    public static func node(_ key: String) -> String {
        node + percentEncode(key, keeping: UInt8(ascii: "/"))
    }

    public static func article(_ hash: String) -> String { node + "article/" + hash }

    /// The `@id` of the statement node of a relation: derived from subject, predicate and object, so it is stable.
    public static func statement(_ k: RelationKey) -> String {
        node("statement/" + SHA256.hex(k.subject + "\u{1F}" + k.predicate + "\u{1F}" + k.object, digits: 24))
    }

    /// The node key of an `@id` minted by `node(_:)`.
    public static func key(ofNode iri: String) -> String? {
        guard iri.hasPrefix(node) else { return nil }
        return percentDecode(iri.utf8.dropFirst(node.utf8.count))
    }

    /// Decodes `%XX` escapes; a malformed escape, or escapes that do not decode to UTF-8, are kept as written.
    static func percentDecode(_ s: Substring.UTF8View) -> String {
        guard s.contains(0x25) else { return String(Substring(s)) }
        var out: [UInt8] = []
        out.reserveCapacity(s.count)
        var i = s.startIndex
        while i != s.endIndex {
            let b = s[i]
            if b == 0x25, let h1 = s.index(i, offsetBy: 1, limitedBy: s.endIndex), h1 != s.endIndex,
               let h2 = s.index(h1, offsetBy: 1, limitedBy: s.endIndex), h2 != s.endIndex,
               let hi = hexValue(s[h1]), let lo = hexValue(s[h2]) {
                out.append(hi << 4 | lo)
                i = s.index(after: h2)
            } else {
                out.append(b)
                i = s.index(after: i)
            }
        }
        return String(validating: out, as: UTF8.self) ?? String(Substring(s))
    }

    @inline(__always) private static func hexValue(_ b: UInt8) -> UInt8? {
        switch b {
        case 0x30...0x39: return b - 0x30
        case 0x41...0x46: return b - 0x37
        case 0x61...0x66: return b - 0x57
        default: return nil
        }
    }

    /// Percent-encodes every byte of `s` but the RFC 3986 unreserved characters (and `keeping`, if given).
    /// (Encoded straight into the new string's storage, no intermediate byte array.)
    public static func percentEncode(_ s: String, keeping: UInt8? = nil) -> String {
        let n = s.utf8.count
        if n == 0 { return "" }
        return String(unsafeUninitializedCapacity: n * 3) { out in withBytes(s) { percentEncode($0, keeping: keeping, into: out) } }
    }

    /// Percent-encodes the bytes `u` into `out` (room for `3 * u.count` bytes); the number of bytes written. The
    /// output is unreserved ASCII, `%` and `keeping` only.
    @inline(__always)
    static func percentEncode(_ u: UnsafeBufferPointer<UInt8>, keeping: UInt8?, into out: UnsafeMutableBufferPointer<UInt8>) -> Int {
        var i = 0
        for b in u {
            let unreserved = (b >= 0x61 && b <= 0x7A) || (b >= 0x41 && b <= 0x5A) || (b >= 0x30 && b <= 0x39)
                || b == 0x2D || b == 0x2E || b == 0x5F || b == 0x7E
            if unreserved || b == keeping {
                out[i] = b; i += 1
            } else {
                out[i] = 0x25; out[i + 1] = hexDigit(b >> 4); out[i + 2] = hexDigit(b & 0xF); i += 3
            }
        }
        return i
    }

    @inline(__always) private static func hexDigit(_ v: UInt8) -> UInt8 { v < 10 ? 0x30 + v : 0x37 + v }
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
        "opposes": (KGIRI.vocab + "opposes", "opposes", "يعارض"),
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
        "superEvent": (KGIRI.schema + "superEvent", "part of", "جزء من"),
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
