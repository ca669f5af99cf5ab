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
            var out: [UInt8] = [0x22]
            out.reserveCapacity(u.count + 16)
            let n = u.count
            var i = 0
            while i < n {
                let b = u[i]
                switch b {
                case 0x22: out += [0x5C, 0x22]
                case 0x5C: out += [0x5C, 0x5C]
                case 0x0A: out += [0x5C, 0x6E]
                case 0x0D: out += [0x5C, 0x72]
                case 0x09: out += [0x5C, 0x74]
                case 0xE2 where i + 2 < n && u[i + 1] == 0x80 && (u[i + 2] == 0xA8 || u[i + 2] == 0xA9):
                    // U+2028, U+2029: valid JSON but line breaks to JavaScript
                    out += Array("\\u202".utf8) + [u[i + 2] == 0xA8 ? 0x38 : 0x39]
                    i += 2
                default:
                    if b < 0x20 || b == 0x7F {
                        out += Array("\\u00".utf8) + [hex(b >> 4), hex(b & 0xF)]
                    } else {
                        out.append(b)
                    }
                }
                i += 1
            }
            out.append(0x22)
            return String(decoding: out, as: UTF8.self)
        }
    }

    @inline(__always) private static func hex(_ v: UInt8) -> UInt8 { v < 10 ? 0x30 + v : 0x57 + v }

    static func number(_ d: Double) -> String {
        let r = (d * 1000).rounded() / 1000
        if r == r.rounded() { return String(Int(r)) }
        return String(r)
    }
}
