/// Decoding Unicode scalars straight from valid UTF-8 bytes (a Swift String guarantees validity): the hot loops that
/// read a String's bytes decode here rather than through `unicodeScalars`, at a fraction of the cost.
enum UTF8Decoding {
    /// The scalar value starting at byte `i` of `u`; advances `i` past it. `u` must be valid UTF-8.
    @inline(__always)
    static func scalar(_ u: UnsafeBufferPointer<UInt8>, at i: inout Int) -> UInt32 {
        let b0 = UInt32(u[i])
        if b0 < 0x80 { i += 1; return b0 }
        if b0 < 0xE0 {
            defer { i += 2 }
            return (b0 & 0x1F) << 6 | UInt32(u[i + 1] & 0x3F)
        }
        if b0 < 0xF0 {
            defer { i += 3 }
            return (b0 & 0x0F) << 12 | UInt32(u[i + 1] & 0x3F) << 6 | UInt32(u[i + 2] & 0x3F)
        }
        defer { i += 4 }
        return (b0 & 0x07) << 18 | UInt32(u[i + 1] & 0x3F) << 12 | UInt32(u[i + 2] & 0x3F) << 6 | UInt32(u[i + 3] & 0x3F)
    }

    /// `s.unicodeScalars.count`, counted on the UTF-8 bytes (every byte but a continuation byte starts a scalar): the
    /// scalar view's count walks the String through its index machinery, several times the cost.
    @inline(__always)
    static func scalarCount(_ s: String) -> Int {
        withBytes(s) { u in
            var n = 0
            for b in u where b & 0xC0 != 0x80 { n += 1 }
            return n
        }
    }
}
