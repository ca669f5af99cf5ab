import Foundation

/// Windows-1256, the legacy Arabic code page (table in Resources/encodings/windows-1256.tsv).
public enum Windows1256 {
    /// Unicode scalar for each byte 0x80–0xFF.
    static let table: [Unicode.Scalar] = {
        var t = [Unicode.Scalar](repeating: "\u{FFFD}", count: 128)
        guard let text = try? BundledResources.text("encodings/windows-1256.tsv") else { return t }
        for line in text.split(separator: "\n") where !line.hasPrefix("#") {
            let c = line.split(separator: "\t")
            guard c.count == 2, let b = UInt8(c[0], radix: 16), b >= 0x80, let v = UInt32(c[1], radix: 16), let s = Unicode.Scalar(v) else { continue }
            t[Int(b - 0x80)] = s
        }
        return t
    }()

    public static func decode(_ bytes: [UInt8]) -> String {
        var v = String.UnicodeScalarView()
        v.reserveCapacity(bytes.count)
        for b in bytes { v.append(b < 0x80 ? Unicode.Scalar(b) : table[Int(b - 0x80)]) }
        return String(v)
    }

    /// Decodes `bytes` when most of their non-ASCII bytes are Arabic letters in Windows-1256; nil otherwise.
    public static func decodeIfArabic(_ bytes: [UInt8]) -> String? {
        var high = 0, arabic = 0
        for b in bytes where b >= 0x80 {
            high += 1
            let s = table[Int(b - 0x80)].value
            if (0x0621...0x064A).contains(s) || (0x064B...0x0652).contains(s) || s == 0x060C || s == 0x061F || s == 0x061B { arabic += 1 }
        }
        guard high > 0, arabic * 10 >= high * 8 else { return nil }
        return decode(bytes)
    }
}
