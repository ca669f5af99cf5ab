/// Minimal deterministic JSON text building: string escaping and number formatting that never depend on locale.
enum JSONText {
    static func string(_ s: String) -> String {
        var bytes = s
        return bytes.withUTF8 { u -> String in
            var clean = true
            for b in u where b < 0x20 || b == 0x22 || b == 0x5C || b == 0x7F || b == 0xE2 {
                clean = false
                break
            }
            // (the quotes and the bytes written straight into one new string: `"\"" + s + "\""` makes two)
            if clean {
                return String(unsafeUninitializedCapacity: u.count + 2) { out in
                    out[0] = 0x22
                    if u.count > 0 { UnsafeMutableRawPointer(out.baseAddress! + 1).copyMemory(from: u.baseAddress!, byteCount: u.count) }
                    out[u.count + 1] = 0x22
                    return u.count + 2
                }
            }
            var out = JSONBytes(capacity: u.count + 16)
            appendQuoted(u, to: &out)
            return String(decoding: out.finish(), as: UTF8.self)
        }
    }

    /// Appends the UTF-8 bytes `u` as a JSON string, quoted and escaped: the bytes of `string(_:)`. Runs of bytes that
    /// need no escape are copied whole.
    static func appendQuoted(_ u: UnsafeBufferPointer<UInt8>, to out: inout JSONBytes) {
        out.append(0x22)
        let n = u.count
        var run = 0
        var i = 0
        let raw = UnsafeRawPointer(u.baseAddress)
        while i < n {
            if i + 8 <= n, !mayNeedEscape(raw!.loadUnaligned(fromByteOffset: i, as: UInt64.self)) { i += 8; continue }
            let b = u[i]
            if b >= 0x20 && b != 0x22 && b != 0x5C && b != 0x7F && b != 0xE2 { i += 1; continue }
            if run < i { out.append(UnsafeBufferPointer(rebasing: u[run..<i])) }
            switch b {
            case 0x22: out.append(0x5C); out.append(0x22)
            case 0x5C: out.append(0x5C); out.append(0x5C)
            case 0x0A: out.append(0x5C); out.append(0x6E)
            case 0x0D: out.append(0x5C); out.append(0x72)
            case 0x09: out.append(0x5C); out.append(0x74)
            case 0xE2 where i + 2 < n && u[i + 1] == 0x80 && (u[i + 2] == 0xA8 || u[i + 2] == 0xA9):
                // U+2028, U+2029: valid JSON but line breaks to JavaScript
                for c: UInt8 in [0x5C, 0x75, 0x32, 0x30, 0x32, u[i + 2] == 0xA8 ? 0x38 : 0x39] { out.append(c) }
                i += 2
            default:
                if b < 0x20 || b == 0x7F {
                    for c: UInt8 in [0x5C, 0x75, 0x30, 0x30, hex(b >> 4), hex(b & 0xF)] { out.append(c) }
                } else {
                    out.append(b)
                }
            }
            i += 1
            run = i
        }
        if run < n { out.append(UnsafeBufferPointer(rebasing: u[run..<n])) }
        out.append(0x22)
    }

    @inline(__always) private static func hex(_ v: UInt8) -> UInt8 { v < 10 ? 0x30 + v : 0x57 + v }

    /// Whether any of eight bytes is one `appendQuoted` looks at: below 0x20, `"`, `\`, 0x7F or 0xE2 (tested for all
    /// eight at once: a byte below n, or equal to zero after an xor, borrows into its high bit). (Also how
    /// `JSONStream` skips the bytes of a string that cannot end it or start an escape.)
    @inline(__always) static func mayNeedEscape(_ w: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101, high: UInt64 = 0x8080_8080_8080_8080
        @inline(__always) func zeroByte(_ x: UInt64) -> UInt64 { (x &- ones) & ~x & high }
        let below20 = (w &- ones &* 0x20) & ~w & high
        return below20 | zeroByte(w ^ (ones &* 0x22)) | zeroByte(w ^ (ones &* 0x5C)) | zeroByte(w ^ (ones &* 0x7F))
            | zeroByte(w ^ (ones &* 0xE2)) != 0
    }

    static func number(_ d: Double) -> String {
        let r = (d * 1000).rounded() / 1000
        if r == r.rounded() { return String(Int(r)) }
        return String(r)
    }
}

/// JSON text built as UTF-8 bytes in one buffer: strings are escaped straight into it, with no String made per value
/// or per interpolation. Gives the bytes of `JSONText.string` and `JSONText.number`.
struct JSONBytes {
    /// The bytes written are `storage[..<count]`; the rest is room for more, written in place (`Array.append(contentsOf:)`
    /// cost about a hundred instructions a call, most of the cost of writing a member name).
    private var storage: [UInt8]
    private(set) var count = 0

    init(capacity: Int) { storage = Array(repeating: 0, count: Swift.max(capacity, 16)) }

    /// The bytes written (the buffer itself, cut to them).
    mutating func finish() -> [UInt8] {
        storage.removeLast(storage.count - count)
        defer { storage = []; count = 0 }
        return storage
    }

    /// Room for `n` more bytes: the buffer at least doubles when it grows.
    @inline(__always) private mutating func reserve(_ n: Int) {
        if count + n > storage.count { storage += repeatElement(0, count: Swift.max(count + n, 2 * storage.count) - storage.count) }
    }

    /// Writes the bytes `u` as they are.
    @inline(__always) mutating func append(_ u: UnsafeBufferPointer<UInt8>) {
        let n = u.count, at = count
        guard n > 0 else { return }
        reserve(n)
        storage.withUnsafeMutableBufferPointer { b in (b.baseAddress! + at).update(from: u.baseAddress!, count: n) }
        count = at + n
    }

    /// Writes the byte `b`.
    @inline(__always) mutating func append(_ b: UInt8) {
        reserve(1)
        storage[count] = b
        count += 1
    }

    /// JSON punctuation and member names, written as they are.
    @inline(__always) mutating func raw(_ s: StaticString) {
        append(UnsafeBufferPointer(start: s.utf8Start, count: s.utf8CodeUnitCount))
    }

    /// Text already in JSON form, written as it is.
    mutating func raw(_ s: String) { withBytes(s) { append($0) } }

    /// `JSONText.string(s)`.
    mutating func string(_ s: String) { withBytes(s) { JSONText.appendQuoted($0, to: &self) } }

    /// The decimal digits of `v`, as `String(v)` writes them.
    mutating func int(_ v: Int) {
        if v < 0 { append(0x2D) }
        let m = v.magnitude
        var digits = 1
        var t = m
        while t >= 10 { t /= 10; digits += 1 }
        let at = count
        reserve(digits)
        storage.withUnsafeMutableBufferPointer { b in
            var x = m
            var k = at + digits - 1
            repeat {
                b[k] = 0x30 + UInt8(x % 10)
                x /= 10
                k -= 1
            } while x > 0
        }
        count = at + digits
    }

    /// `JSONText.number(d)`.
    mutating func number(_ d: Double) { raw(JSONText.number(d)) }

    /// `string(KGIRI.node(key))`: the key percent-encoded straight into the buffer after the node prefix (no String
    /// made for the IRI; none of its bytes needs a JSON escape).
    mutating func nodeIRI(_ key: String) {
        append(0x22)
        raw(KGIRI.node)
        withBytes(key) { k in
            let at = count
            reserve(3 * k.count)
            let n = storage.withUnsafeMutableBufferPointer { b in
                KGIRI.percentEncode(k, keeping: 0x2F, into: UnsafeMutableBufferPointer(rebasing: b[at...]))
            }
            count = at + n
        }
        append(0x22)
    }
}
