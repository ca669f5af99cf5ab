import Foundation

/// A map from normalised keys to values, compared by their UTF-8 bytes.
///
/// Lexicon lookups run several times per token. Swift's `Dictionary<String, _>` hashes and compares strings by
/// canonical equivalence, which for Arabic means normalising both sides on every probe; kg's keys are already
/// normalised (`Normalizer`), so bytes are enough and several times faster. Iteration follows insertion order, so
/// whatever is built from a KeyMap is deterministic.
public struct KeyMap<Value: Sendable>: Sendable, Sequence {
    /// 0 empty, else where the key starts in `bytes` in the low half and its hash's high half above (probes skip other
    /// keys unread).
    private var slots: [UInt64] = Array(repeating: 0, count: 16)
    private var hashes: [UInt64] = []
    /// Where each entry's key starts in `bytes`. Each key is preceded there by its entry and its length (four bytes
    /// each), so a probe reads the key where the slot points (one place in memory, not an offsets table and then the
    /// bytes).
    private var offsets: [Int] = []
    /// The keys' bytes, in the first `byteCount`; the rest is room for more, written in place (an append of raw bytes
    /// cost about a hundred instructions, and an insertion made two).
    private var bytes: [UInt8] = []
    private var byteCount = 0
    private var storedKeys: [String] = []
    private var values: [Value] = []
    /// For large maps, a one-hash Bloom filter of the keys (4 bits per slot, indexed by hash bits above the slot's):
    /// most lookups (a token's stem in the gazetteer or the name words) find nothing, and this
    /// says so from a table small enough to stay in cache, without touching `slots`. Empty for small maps.
    private var filter: [UInt64] = []

    public init() {}

    public var count: Int { storedKeys.count }
    public var isEmpty: Bool { storedKeys.isEmpty }
    /// The keys, in insertion order.
    public var keys: [String] { storedKeys }
    /// The keys and their values, in insertion order (`values[i]` is `keys[i]`'s): a loop over these makes no
    /// `AnyIterator` call and tuple per entry as iterating the map does.
    public var keysAndValues: (keys: [String], values: [Value]) { (storedKeys, values) }

    public subscript(key: String) -> Value? {
        get { find(key).map { values[$0] } }
        set {
            // (hashed once, for the lookup and the insertion)
            let h = keyHash(key)
            if let e = withBytes(key, { find($0, h) }) {
                if let v = newValue { values[e] = v } else { remove(e) }
            } else if let v = newValue {
                insert(key, v, hash: h)
            }
        }
    }

    public subscript(key: String, default value: @autoclosure () -> Value) -> Value {
        get { self[key] ?? value() }
        set { self[key] = newValue }
    }

    public func contains(_ key: String) -> Bool { find(key) != nil }

    /// The value of the key whose UTF-8 bytes are `u` (no String made for it).
    public func value(bytes u: UnsafeBufferPointer<UInt8>) -> Value? { find(u).map { values[$0] } }

    /// Whether the map has the key whose UTF-8 bytes are `u` (no String made for it, no value copied out).
    public func contains(bytes u: UnsafeBufferPointer<UInt8>) -> Bool { find(u) != nil }

    /// Makes room for `n` keys in all: the table that many insertions would grow to, made once (no rehash on the way)
    /// and the arrays reserved. Lookups and the insertion order are as without it.
    public mutating func reserveCapacity(_ n: Int) {
        var size = slots.count
        while n * 2 > size { size *= 2 }
        if size > slots.count { rehash(size) }
        hashes.reserveCapacity(n)
        offsets.reserveCapacity(n)
        storedKeys.reserveCapacity(n)
        values.reserveCapacity(n)
    }

    /// Inserts `key` with `value` unless the map has it: one hash and one lookup (`contains` and then the subscript
    /// made two of each).
    mutating func insertIfAbsent(_ key: String, _ value: Value) {
        let h = keyHash(key)
        if withBytes(key, { find($0, h) }) == nil { insert(key, value, hash: h) }
    }

    /// `self[key]` for `key` whose `keyHash` is `hash` (a token's, made once per word).
    @inline(__always) public func value(_ key: String, hash: UInt64) -> Value? {
        if filtersOut(hash) { return nil }
        return withBytes(key) { find($0, hash) }.map { values[$0] }
    }

    /// `contains(key)` for `key` whose `keyHash` is `hash`.
    @inline(__always) public func contains(_ key: String, hash: UInt64) -> Bool {
        !filtersOut(hash) && withBytes(key) { find($0, hash) } != nil
    }

    /// Whether the `filter` says no key has this hash (then the key's bytes need not be read).
    @inline(__always) private func filtersOut(_ h: UInt64) -> Bool {
        if filter.isEmpty { return false }
        let (w, bit) = Self.filterBit(h, filter.count)
        return filter[w] & bit == 0
    }

    public func makeIterator() -> AnyIterator<(key: String, value: Value)> {
        var i = 0
        let k = storedKeys, v = values
        return AnyIterator {
            guard i < k.count else { return nil }
            defer { i += 1 }
            return (k[i], v[i])
        }
    }

    /// Changes the value of `key` in place, inserting `value()` first if there is none: one lookup, and the value
    /// (an array being appended to, say) is not copied as `map[key] = (map[key] ?? []) + ...` would copy it.
    public mutating func update(_ key: String, default value: @autoclosure () -> Value, _ body: (inout Value) -> Void) {
        if let e = find(key) {
            body(&values[e])
        } else {
            var v = value()
            body(&v)
            insert(key, v)
        }
    }

    /// Rewrites every value in place.
    public mutating func updateValues(_ body: (inout Value) -> Void) {
        for i in values.indices { body(&values[i]) }
    }

    // MARK: table

    /// Eight bytes at a time, multiply-mixed (keys are short: two or three rounds).
    @inline(__always) static func hash(_ u: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var h: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ UInt64(u.count)
        let n = u.count
        var i = 0
        let raw = UnsafeRawPointer(u.baseAddress)
        while i + 8 <= n {
            let w = raw!.loadUnaligned(fromByteOffset: i, as: UInt64.self)
            h = (h ^ w) &* 0xBF58_476D_1CE4_E5B9
            h ^= h >> 31
            i += 8
        }
        if i < n {
            // the last 1–7 bytes as a little-endian number: the key's last eight bytes shifted down where it has eight,
            // else four, two and one byte loads (not a loop over the bytes)
            var w: UInt64 = 0
            if n >= 8 {
                w = UInt64(littleEndian: raw!.loadUnaligned(fromByteOffset: n - 8, as: UInt64.self)) >> (UInt64(8 - (n - i)) * 8)
            } else {
                var shift: UInt64 = 0
                if n - i >= 4 {
                    w = UInt64(UInt32(littleEndian: raw!.loadUnaligned(fromByteOffset: i, as: UInt32.self)))
                    i += 4; shift = 32
                }
                if n - i >= 2 {
                    w |= UInt64(UInt16(littleEndian: raw!.loadUnaligned(fromByteOffset: i, as: UInt16.self))) << shift
                    i += 2; shift += 16
                }
                if i < n { w |= UInt64(u[i]) << shift }
            }
            h = (h ^ w) &* 0x94D0_49BB_1331_11EB
            h ^= h >> 29
        }
        return h &* 0xBF58_476D_1CE4_E5B9 ^ (h >> 32)
    }

    @inline(__always) private func find(_ key: String) -> Int? { withBytes(key) { find($0) } }

    /// Slots from which a map keeps a `filter`.
    static var filterFrom: Int { 4096 }

    @inline(__always) private static func filterBit(_ h: UInt64, _ words: Int) -> (Int, UInt64) {
        let b = Int(truncatingIfNeeded: h >> 24) & (words * 64 - 1)
        return (b >> 6, 1 << UInt64(b & 63))
    }

    @inline(__always) private func find(_ u: UnsafeBufferPointer<UInt8>) -> Int? { find(u, Self.hash(u)) }

    /// Loads what a lookup of a key with this `keyHash` reads first (filter word and slot), so that the lookup soon
    /// after finds them in cache; returns them only so the loads are kept.
    @inline(__always) public func touch(hash h: UInt64) -> UInt64 {
        let f = filter.isEmpty ? 0 : filter[Self.filterBit(h, filter.count).0]
        return f &+ slots[Int(truncatingIfNeeded: h) & (slots.count - 1)]
    }

    private func find(_ u: UnsafeBufferPointer<UInt8>, _ h: UInt64) -> Int? {
        if !filter.isEmpty {
            let (w, bit) = Self.filterBit(h, filter.count)
            if filter[w] & bit == 0 { return nil }
        }
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: h) & mask
        while true {
            let x = slots[slot]
            if x == 0 { return nil }
            // equal bytes have equal hashes: the high halves filter, `equals` decides
            if (x ^ h) >> 32 == 0, let e = equals(Int(x & 0xFFFF_FFFF), u) { return e }
            slot = (slot + 1) & mask
        }
    }

    /// The entry whose key starts at `bytes[a]`, if it is `u`.
    @inline(__always) private func equals(_ a: Int, _ u: UnsafeBufferPointer<UInt8>) -> Int? {
        bytes.withUnsafeBufferPointer { s in
            let raw = UnsafeRawPointer(s.baseAddress!)
            guard Int(UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: a - 4, as: UInt32.self))) == u.count,
                  u.count == 0 || memcmp(raw + a, u.baseAddress!, u.count) == 0 else { return nil }
            return Int(UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: a - 8, as: UInt32.self)))
        }
    }

    /// Adds a key the map does not have; `hash` is its `keyHash` when the caller has it.
    private mutating func insert(_ key: String, _ value: Value, hash: UInt64? = nil) {
        let e = UInt32(storedKeys.count)
        let h = withBytes(key) { u -> UInt64 in
            let start = byteCount + 8, end = byteCount + 8 + u.count
            if end > bytes.count { bytes += repeatElement(0, count: Swift.max(end, 2 * bytes.count, 256) - bytes.count) }
            bytes.withUnsafeMutableBytes { raw in
                raw.storeBytes(of: (UInt64(e) | UInt64(UInt32(u.count)) << 32).littleEndian, toByteOffset: byteCount, as: UInt64.self)
                if u.count > 0 { memcpy(raw.baseAddress! + start, u.baseAddress!, u.count) }
            }
            byteCount = end
            offsets.append(start)
            return hash ?? Self.hash(u)
        }
        hashes.append(h)
        storedKeys.append(key)
        values.append(value)
        if storedKeys.count * 2 > slots.count { rehash(slots.count * 2) } else { place(storedKeys.count - 1) }
    }

    private mutating func place(_ e: Int) {
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hashes[e]) & mask
        while slots[slot] != 0 { slot = (slot + 1) & mask }
        slots[slot] = hashes[e] & 0xFFFF_FFFF_0000_0000 | UInt64(offsets[e])
        if !filter.isEmpty {
            let (w, bit) = Self.filterBit(hashes[e], filter.count)
            filter[w] |= bit
        }
    }

    /// (Every key placed as `place` would, in order, through buffer pointers: a map that grows by doubling places
    /// each key about twice, and `place`'s checked, uniqueness-tested array writes cost three times as much.)
    private mutating func rehash(_ size: Int) {
        var newSlots = [UInt64](repeating: 0, count: size)
        var newFilter: [UInt64] = size >= Self.filterFrom ? Array(repeating: 0, count: size / 16) : []
        let mask = size - 1
        newSlots.withUnsafeMutableBufferPointer { slots in
            newFilter.withUnsafeMutableBufferPointer { filter in
                hashes.withUnsafeBufferPointer { hashes in
                    offsets.withUnsafeBufferPointer { offsets in
                        for e in 0..<hashes.count {
                            let h = hashes[e]
                            var slot = Int(truncatingIfNeeded: h) & mask
                            while slots[slot] != 0 { slot = (slot + 1) & mask }
                            slots[slot] = h & 0xFFFF_FFFF_0000_0000 | UInt64(offsets[e])
                            if filter.count > 0 {
                                let (w, bit) = Self.filterBit(h, filter.count)
                                filter[w] |= bit
                            }
                        }
                    }
                }
            }
        }
        slots = newSlots
        filter = newFilter
    }

    /// Removal is rare (user entries overriding bundled ones): rebuild without the entry.
    private mutating func remove(_ e: Int) {
        var rebuilt = KeyMap()
        for i in storedKeys.indices where i != e { rebuilt.insert(storedKeys[i], values[i]) }
        self = rebuilt
    }
}

/// A set of normalised keys, compared by their UTF-8 bytes (see `KeyMap`).
public struct KeySet: Sendable, Sequence, ExpressibleByArrayLiteral {
    private var map = KeyMap<Bool>()

    public init() {}
    public init<S: Sequence>(_ keys: S) where S.Element == String {
        // (room made once for the keys the sequence says it has at least: no rehash on the way there)
        map.reserveCapacity(keys.underestimatedCount)
        for k in keys { insert(k) }
    }
    public init(arrayLiteral keys: String...) { self.init(keys) }

    public var count: Int { map.count }
    public var isEmpty: Bool { map.isEmpty }
    public func contains(_ key: String) -> Bool { map.contains(key) }
    /// `contains(key)` for `key` whose `keyHash` is `hash`.
    @inline(__always) public func contains(_ key: String, hash: UInt64) -> Bool { map.contains(key, hash: hash) }
    public mutating func insert(_ key: String) { map.insertIfAbsent(key, true) }
    /// Makes room for `n` keys in all (`KeyMap.reserveCapacity`).
    public mutating func reserveCapacity(_ n: Int) { map.reserveCapacity(n) }
    public func makeIterator() -> IndexingIterator<[String]> { map.keys.makeIterator() }
}

/// The hash a `KeyMap` files `key` under: tokens carry their words' (`Token.keyHash`), so lookups skip hashing.
public func keyHash(_ key: String) -> UInt64 { withBytes(key) { KeyMap<Bool>.hash($0) } }

/// Whether two normalised keys are the same bytes (no canonical-equivalence work, see `KeyMap`).
@inline(__always) public func sameKey(_ a: String, _ b: String) -> Bool {
    if sameRepresentation(a, b) { return true }
    return withBytes(a) { x in withBytes(b) { y in x.count == y.count && (x.count == 0 || memcmp(x.baseAddress!, y.baseAddress!, x.count) == 0) } }
}

/// Calls `body` with the UTF-8 bytes of `s`, read in place for native and small strings: no copy of the String into
/// a `var` (and its retain and release) as `withUTF8` needs.
@inline(__always) func withBytes<R>(_ s: String, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
    if let r = s.utf8.withContiguousStorageIfAvailable(body) { return r }
    var s = s
    return s.withUTF8(body)
}

/// Whether two strings have the same representation: the same small-string bytes or the same storage and length.
/// Such strings are equal; equal strings may still differ here (two copies of a long string), so a `false` only
/// means "not known equal".
@inline(__always) public func sameRepresentation(_ a: String, _ b: String) -> Bool {
    let x = unsafeBitCast(a, to: (UInt64, UInt64).self), y = unsafeBitCast(b, to: (UInt64, UInt64).self)
    return x.0 == y.0 && x.1 == y.1
}

/// `a == b` (canonical equivalence), without String's normalising comparison in the usual cases: equal bytes are
/// equal, and different bytes made only of ASCII and Arabic letters U+0621–U+064A (each its own NFC, none combining)
/// are different, and so are texts whose first letters decompose to different starters (`firstBase`). Anything else
/// is left to `==`.
@inline(__always) public func keysEqual(_ a: String, _ b: String) -> Bool {
    if sameRepresentation(a, b) { return true }
    let simple = withBytes(a) { x in
        withBytes(b) { y in
            if x.count == y.count && (x.count == 0 || memcmp(x.baseAddress!, y.baseAddress!, x.count) == 0) { return true as Bool? }
            // (keys that start differently are told apart from their first letters, not a scan of both: see `firstBase`)
            if let p = firstBase(x), let q = firstBase(y), p != q { return false }
            return isPlainKey(x) && isPlainKey(y) ? false : nil
        }
    }
    return simple ?? (a == b)
}

/// `a < b` for texts whose UTF-8 bytes `x` and `y` are both plain keys (`isPlainKey`: ASCII and Arabic letters
/// U+0621–U+064A, each its own NFC and composing with no neighbour, so the text is its NFC form): String's order, that
/// of the NFC scalars, is then UTF-8 byte order (`<` normalises non-ASCII text on every comparison instead).
@inline(__always) func plainKeysLess(_ x: UnsafeBufferPointer<UInt8>, _ y: UnsafeBufferPointer<UInt8>) -> Bool {
    let n = Swift.min(x.count, y.count)
    let c = n == 0 ? 0 : memcmp(x.baseAddress!, y.baseAddress!, n)
    return c != 0 ? c < 0 : x.count < y.count
}

/// The first scalar of the canonical decomposition of the text's first scalar, when that is ASCII or an Arabic letter
/// U+0621–U+064A (valid UTF-8); nil otherwise or when empty. Such a scalar is a starter and decomposes to a starter
/// (آ أ إ to ا, ؤ to و, ئ to ي; the others are their own), which stays first in the text's canonical decomposition
/// whatever follows: two texts whose first bases differ are not canonically equivalent.
@inline(__always) func firstBase(_ u: UnsafeBufferPointer<UInt8>) -> UInt32? {
    guard let b = u.first else { return nil }
    if b < 0x80 { return UInt32(b) }
    guard u.count >= 2, (UInt16(b) << 8 | UInt16(u[1])) &- 0xD8A1 <= 0xD98A - 0xD8A1 else { return nil }
    let v = UInt32(b & 0x1F) << 6 | UInt32(u[1] & 0x3F)
    switch v {
    case 0x0622, 0x0623, 0x0625: return 0x0627
    case 0x0624: return 0x0648
    case 0x0626: return 0x064A
    default: return v
    }
}

/// Whether the UTF-8 bytes (valid UTF-8) are all ASCII or Arabic letters U+0621–U+064A.
@inline(__always) func isPlainKey(_ u: UnsafeBufferPointer<UInt8>) -> Bool {
    var i = 0
    let n = u.count
    while i < n {
        let b = u[i]
        if b < 0x80 { i += 1; continue }
        guard i + 1 < n else { return false }
        // D8 A1 ... D9 8A read as one big-endian number: in valid UTF-8 (a String's) a byte after D8 or D9 is 80–BF, so
        // this one range is exactly D8 A1–BF and D9 80–8A
        if (UInt16(b) << 8 | UInt16(u[i + 1])) &- 0xD8A1 > 0xD98A - 0xD8A1 { return false }
        i += 2
    }
    return true
}

/// `s.contains(sub)` (Foundation's search, by canonical equivalence) without Foundation when both are made only of
/// ASCII and Arabic letters U+0621–U+064A (see `isPlainKey`): none combines or decomposes, so the search is a
/// byte search. nil when that cannot be decided this way (the caller asks Foundation).
public func plainContains(_ s: String, _ sub: String) -> Bool? {
    var s = s, sub = sub
    return s.withUTF8 { x in
        sub.withUTF8 { y -> Bool? in
            guard isPlainKey(x), isPlainKey(y) else { return nil }
            // (no control characters either: CR LF is one Character)
            for b in x where b < 0x20 { return nil }
            for b in y where b < 0x20 { return nil }
            if y.count == 0 { return nil }
            if y.count > x.count { return false }
            var i = 0
            while i + y.count <= x.count {
                if memcmp(x.baseAddress! + i, y.baseAddress!, y.count) == 0 { return true }
                i += 1
            }
            return false
        }
    }
}
