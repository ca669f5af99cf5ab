/// SHA-256 (FIPS 180-4), used for article content hashes. Foundation on Linux has no CryptoKit.
public enum SHA256 {
    private static let k: [UInt32] = [
        0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
        0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
        0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
        0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
        0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
        0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
        0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
        0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2]

    /// Lower-case hex digest of the UTF-8 bytes of `text` (read in place, not copied to an array); its first `digits`
    /// hex digits (1...64) only, for an id made of a prefix (no String of 64 cut by Characters).
    public static func hex(_ text: String, digits: Int = 64) -> String { withBytes(text) { hex($0, digits: digits) } }

    public static func hex(_ bytes: [UInt8]) -> String { bytes.withUnsafeBufferPointer { hex($0) } }

    /// Whole blocks are compressed straight from `bytes`; only the last one or two (with the padding and the bit
    /// length) are copied, into a buffer on the stack.
    static func hex(_ bytes: UnsafeBufferPointer<UInt8>, digits: Int = 64) -> String {
        var h: (UInt32, UInt32, UInt32, UInt32, UInt32, UInt32, UInt32, UInt32) =
            (0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19)
        let n = bytes.count
        let whole = n / 64 * 64
        k.withUnsafeBufferPointer { k in
            withUnsafeTemporaryAllocation(of: UInt32.self, capacity: 64) { w in
                var at = 0
                while at < whole {
                    compress(bytes.baseAddress! + at, &h, w, k)
                    at += 64
                }
                withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 128) { tail in
                    let rest = n - whole
                    for i in 0..<rest { tail[i] = bytes[whole + i] }
                    tail[rest] = 0x80
                    let end = rest < 56 ? 64 : 128
                    for i in (rest + 1)..<(end - 8) { tail[i] = 0 }
                    let bitLen = UInt64(n) &* 8
                    for i in 0..<8 { tail[end - 1 - i] = UInt8(truncatingIfNeeded: bitLen >> (UInt64(i) * 8)) }
                    compress(UnsafePointer(tail.baseAddress!), &h, w, k)
                    if end == 128 { compress(UnsafePointer(tail.baseAddress! + 64), &h, w, k) }
                }
            }
        }
        let digits = min(max(digits, 1), 64)
        return String(unsafeUninitializedCapacity: digits) { out in
            var i = 0
            func put(_ v: UInt32) {
                for s in stride(from: 28, through: 0, by: -4) where i < digits {
                    let d = UInt8((v >> UInt32(s)) & 0xf)
                    out[i] = d < 10 ? 0x30 + d : 0x57 + d
                    i += 1
                }
            }
            put(h.0); put(h.1); put(h.2); put(h.3); put(h.4); put(h.5); put(h.6); put(h.7)
            return digits
        }
    }

    /// Eight rounds per pass with the working variables renamed instead of shifted (no register shuffling).
    @inline(__always)
    private static func compress(_ p: UnsafePointer<UInt8>, _ h: inout (UInt32, UInt32, UInt32, UInt32, UInt32, UInt32, UInt32, UInt32),
                                 _ w: UnsafeMutableBufferPointer<UInt32>, _ k: UnsafeBufferPointer<UInt32>) {
        let w = w.baseAddress!, k = k.baseAddress!
        let raw = UnsafeRawPointer(p)
        for i in 0..<16 { w[i] = UInt32(bigEndian: raw.loadUnaligned(fromByteOffset: 4 * i, as: UInt32.self)) }
        for i in 16..<64 {
            let s0 = rotr(w[i - 15], 7) ^ rotr(w[i - 15], 18) ^ (w[i - 15] >> 3)
            let s1 = rotr(w[i - 2], 17) ^ rotr(w[i - 2], 19) ^ (w[i - 2] >> 10)
            w[i] = w[i - 16] &+ s0 &+ w[i - 7] &+ s1
        }
        var a = h.0, b = h.1, c = h.2, d = h.3, e = h.4, f = h.5, g = h.6, hh = h.7
        var i = 0
        while i < 64 {
            round(a, b, c, &d, e, f, g, &hh, k[i] &+ w[i])
            round(hh, a, b, &c, d, e, f, &g, k[i + 1] &+ w[i + 1])
            round(g, hh, a, &b, c, d, e, &f, k[i + 2] &+ w[i + 2])
            round(f, g, hh, &a, b, c, d, &e, k[i + 3] &+ w[i + 3])
            round(e, f, g, &hh, a, b, c, &d, k[i + 4] &+ w[i + 4])
            round(d, e, f, &g, hh, a, b, &c, k[i + 5] &+ w[i + 5])
            round(c, d, e, &f, g, hh, a, &b, k[i + 6] &+ w[i + 6])
            round(b, c, d, &e, f, g, hh, &a, k[i + 7] &+ w[i + 7])
            i += 8
        }
        h.0 &+= a; h.1 &+= b; h.2 &+= c; h.3 &+= d; h.4 &+= e; h.5 &+= f; h.6 &+= g; h.7 &+= hh
    }

    /// One round: `d` becomes the next round's `e` and `h` its `a`. (Σ1(e) = rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25) and
    /// Σ0(a) = rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22) are computed with nested rotations: fewer register copies.)
    @inline(__always)
    private static func round(_ a: UInt32, _ b: UInt32, _ c: UInt32, _ d: inout UInt32, _ e: UInt32, _ f: UInt32, _ g: UInt32,
                              _ h: inout UInt32, _ kw: UInt32) {
        let sigma1 = rotr(rotr(rotr(e, 14) ^ e, 5) ^ e, 6)
        let t1 = h &+ sigma1 &+ (g ^ (e & (f ^ g))) &+ kw
        d &+= t1
        let sigma0 = rotr(rotr(rotr(a, 9) ^ a, 11) ^ a, 2)
        h = t1 &+ sigma0 &+ ((a & b) | (c & (a | b)))
    }

    @inline(__always) private static func rotr(_ x: UInt32, _ n: UInt32) -> UInt32 { (x >> n) | (x << (32 - n)) }
}
