import Foundation

/// A streaming 64-bit hash of a byte stream, about 5 GB/s. Not cryptographic: it detects edits, not attacks.
struct ByteHasher {
    private var h: UInt64 = 0x243F_6A88_85A3_08D3
    private var carry: UInt64 = 0
    private var carryBytes = 0
    private(set) var count = 0

    @inline(__always) private mutating func mix(_ w: UInt64) {
        h = (h ^ w) &* 0x9E37_79B9_7F4A_7C15
        h = (h << 27) | (h >> 37)
    }

    mutating func update(_ b: UnsafeRawBufferPointer) {
        let n = b.count
        count += n
        var i = 0
        while carryBytes > 0 && i < n {
            carry |= UInt64(b[i]) << UInt64(8 * carryBytes)
            carryBytes += 1
            i += 1
            if carryBytes == 8 { mix(carry); carry = 0; carryBytes = 0 }
        }
        while i + 8 <= n {
            mix(UInt64(littleEndian: b.loadUnaligned(fromByteOffset: i, as: UInt64.self)))
            i += 8
        }
        while i < n {
            carry |= UInt64(b[i]) << UInt64(8 * carryBytes)
            carryBytes += 1
            i += 1
        }
    }

    mutating func update(_ s: String) {
        var s = s
        s.withUTF8 { update(UnsafeRawBufferPointer($0)) }
    }

    func finish() -> UInt64 {
        var c = self
        c.mix(c.carry ^ UInt64(c.carryBytes) << 56)
        c.mix(UInt64(c.count))
        var x = c.h
        x ^= x >> 33; x = x &* 0xFF51_AFD7_ED55_8CCD; x ^= x >> 33; x = x &* 0xC4CE_B9FE_1A85_EC53; x ^= x >> 33
        return x
    }
}

/// What kg records on a graph file it wrote (extended attribute `user.kg.graph`): the writer's layout, the size and a
/// hash of the bytes. A file whose bytes still match it is exactly what this kg wrote, so its node lines can be
/// copied into the next version verbatim instead of being decoded and encoded again. Files without it (written by
/// another kg version, edited by hand, copied without attributes) are read in full as before.
struct GraphFingerprint: Equatable {
    static let attribute = "user.kg.graph"
    var writer: UInt64
    var size: Int
    var hash: UInt64

    /// Identity of the writer's layout: the hash of a sample graph covering every kind of node and field, as this
    /// build writes it. Any change to how nodes are written changes it, and old files are then read in full.
    static let currentWriter: UInt64 = {
        var h = ByteHasher()
        JSONLDWriter.write(StoredGraph.sampleGraph()) { h.update($0) }
        return h.finish()
    }()

    var text: String {
        "kg-graph/\(JSONLDWriter.formatVersion) writer=\(String(writer, radix: 16)) size=\(size) hash=\(String(hash, radix: 16))"
    }

    init(writer: UInt64, size: Int, hash: UInt64) { self.writer = writer; self.size = size; self.hash = hash }

    init?(text: String) {
        let parts = text.split(separator: " ")
        guard parts.count == 4, parts[0] == "kg-graph/\(JSONLDWriter.formatVersion)",
              parts[1].hasPrefix("writer="), let w = UInt64(parts[1].dropFirst(7), radix: 16),
              parts[2].hasPrefix("size="), let s = Int(parts[2].dropFirst(5)),
              parts[3].hasPrefix("hash="), let h = UInt64(parts[3].dropFirst(5), radix: 16) else { return nil }
        self.init(writer: w, size: s, hash: h)
    }

    // fgetxattr/fsetxattr are in the C library but not in Swift's Glibc module: looked up by name
    private typealias GetAttribute = @convention(c) (Int32, UnsafePointer<CChar>, UnsafeMutableRawPointer?, Int) -> Int
    private typealias SetAttribute = @convention(c) (Int32, UnsafePointer<CChar>, UnsafeRawPointer?, Int, Int32) -> Int32

    private static func libc<T>(_ name: String, as: T.Type) -> T? {
        guard let handle = dlopen(nil, RTLD_NOW), let sym = dlsym(handle, name) else { return nil }
        return unsafeBitCast(sym, to: T.self)
    }

    /// The fingerprint stored on the file open as `fd`, if any.
    static func read(fd: Int32) -> GraphFingerprint? {
        guard let get = libc("fgetxattr", as: GetAttribute.self) else { return nil }
        var buf = [UInt8](repeating: 0, count: 256)
        let n = buf.withUnsafeMutableBytes { get(fd, attribute, $0.baseAddress, $0.count) }
        guard n > 0 else { return nil }
        return GraphFingerprint(text: String(decoding: buf[0..<n], as: UTF8.self))
    }

    /// Stores the fingerprint on the file open as `fd`; false if the file system refuses (the graph is then simply
    /// read in full next time).
    @discardableResult
    func store(fd: Int32) -> Bool {
        guard let set = Self.libc("fsetxattr", as: SetAttribute.self) else { return false }
        let t = Array(text.utf8)
        return t.withUnsafeBytes { set(fd, Self.attribute, $0.baseAddress, $0.count, 0) } == 0
    }
}

/// A graph file as kg wrote it, memory-mapped: where each node's line is and the little that merging needs without
/// decoding nodes (article source ids, entity types). Keys are read from the lines when searched for: nodes are
/// sorted in the file, so a key is found by binary search. Immutable after `open`, so copies of a graph share it.
final class StoredGraph: @unchecked Sendable {
    enum Kind: Int { case article, entity, relation, statement }

    let path: String
    let bytes: UnsafeRawBufferPointer
    /// Start and end (exclusive, without the separator) of each node line, in file order.
    let starts: [Int]
    let ends: [Int]
    let articles: Range<Int>
    let entities: Range<Int>
    let relations: Range<Int>
    let statements: Range<Int>
    /// Source id → smallest article hash with it (what `KnowledgeGraph`'s source index holds after a full load).
    let sourceIDs: [String: String]
    /// Source id → every article hash with it, sorted (rarely more than one).
    let articlesBySource: [String: [String]]
    let entityTypeCounts: [EntityType: Int]

    private init(path: String, bytes: UnsafeRawBufferPointer, starts: [Int], ends: [Int], ranges: [Range<Int>],
                 articlesBySource: [String: [String]], entityTypeCounts: [EntityType: Int]) {
        self.path = path; self.bytes = bytes; self.starts = starts; self.ends = ends
        articles = ranges[0]; entities = ranges[1]; relations = ranges[2]; statements = ranges[3]
        self.articlesBySource = articlesBySource; self.entityTypeCounts = entityTypeCounts
        sourceIDs = articlesBySource.mapValues { $0[0] }
    }

    deinit { munmap(UnsafeMutableRawPointer(mutating: bytes.baseAddress), bytes.count) }

    static let nodePrefix = Array(KGIRI.node.utf8)
    static let articlePrefix = Array(KGIRI.article("").utf8)

    /// The text before the first node: context and format marker, exactly as the writer makes it.
    static let head: [UInt8] = {
        var s = ""
        JSONLDWriter.write(KnowledgeGraph()) { s += $0 }
        let u = Array(s.utf8)
        return Array(u[0..<(u.count - JSONLDWriter.tail.utf8.count)])
    }()

    /// Maps `path` if it carries a fingerprint of this kg's writer that its bytes match; nil otherwise (the caller
    /// then reads the file in full, with all its checks).
    static func open(_ path: String) -> StoredGraph? {
        let fd = Foundation.open(path, O_RDONLY)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        guard let fp = GraphFingerprint.read(fd: fd), fp.writer == GraphFingerprint.currentWriter else { return nil }
        var st = stat()
        guard fstat(fd, &st) == 0, Int(st.st_size) == fp.size, fp.size > head.count else { return nil }
        let size = fp.size
        guard let map = mmap(nil, size, PROT_READ, MAP_PRIVATE, fd, 0), map != MAP_FAILED else { return nil }
        let bytes = UnsafeRawBufferPointer(start: map, count: size)
        guard let g = index(path: path, bytes: bytes, fingerprint: fp) else { munmap(map, size); return nil }
        return g
    }

    /// Hashes and indexes the mapped file in one pass, dropping pages behind it from the resident set (they stay in
    /// the page cache).
    private static func index(path: String, bytes: UnsafeRawBufferPointer, fingerprint: GraphFingerprint) -> StoredGraph? {
        let n = bytes.count
        guard memcmp(bytes.baseAddress!, head, head.count) == 0 else { return nil }
        let tail = Array(JSONLDWriter.tail.utf8)
        guard n >= head.count + tail.count, memcmp(bytes.baseAddress! + (n - tail.count), tail, tail.count) == 0 else { return nil }
        var hasher = ByteHasher()
        var hashed = 0
        let window = 32 << 20
        func advance(to pos: Int) {
            while hashed + window <= pos || (pos == n && hashed < n) {
                let end = min(n, hashed + window)
                hasher.update(UnsafeRawBufferPointer(rebasing: bytes[hashed..<end]))
                release(bytes, hashed..<end)
                hashed = end
            }
        }
        var starts: [Int] = [], ends: [Int] = []
        var kinds: [Kind] = []
        var bySource: [String: [String]] = [:]
        var typeCounts: [EntityType: Int] = [:]
        var pos = head.count
        let bodyEnd = n - tail.count
        let base = bytes.baseAddress!
        while pos < bodyEnd {
            // separator ",\n" then one node on one line
            guard pos + 2 < bodyEnd, bytes[pos] == 0x2C, bytes[pos + 1] == 0x0A else { return nil }
            let s = pos + 2
            guard let nl = memchr(base + s, 0x0A, n - s) else { return nil }
            var e = base.distance(to: UnsafeRawPointer(nl))
            if e > bodyEnd { return nil }
            if e < bodyEnd { e -= 1 }        // the next separator's comma
            guard e > s, bytes[s] == 0x7B, bytes[e - 1] == 0x7D else { return nil }
            guard let k = kind(bytes, s, e) else { return nil }
            if let last = kinds.last, last.rawValue > k.rawValue { return nil }
            switch k {
            case .article:
                guard let hash = articleHash(bytes, s), let sid = articleSourceID(bytes, s, e) else { return nil }
                if !sid.isEmpty { bySource[sid, default: []].append(hash) }
            case .entity:
                guard let t = entityType(bytes, s, e) else { return nil }
                typeCounts[t, default: 0] += 1
            default: break
            }
            starts.append(s); ends.append(e); kinds.append(k)
            pos = e
            advance(to: s)
        }
        advance(to: n)
        guard hasher.count == n, hasher.finish() == fingerprint.hash else { return nil }
        var ranges: [Range<Int>] = []
        var lo = 0
        for k in [Kind.article, .entity, .relation, .statement] {
            var hi = lo
            while hi < kinds.count && kinds[hi] == k { hi += 1 }
            ranges.append(lo..<hi)
            lo = hi
        }
        return StoredGraph(path: path, bytes: bytes, starts: starts, ends: ends, ranges: ranges, articlesBySource: bySource.mapValues { $0.sorted() },
                           entityTypeCounts: typeCounts)
    }

    /// Drops mapped pages from this process's resident set; the kernel keeps them cached and maps them back on use.
    static func release(_ bytes: UnsafeRawBufferPointer, _ r: Range<Int>) {
        let page = Int(sysconf(Int32(_SC_PAGESIZE)))
        let lo = (r.lowerBound / page) * page
        let hi = r.upperBound == bytes.count ? r.upperBound : (r.upperBound / page) * page
        guard hi > lo else { return }
        madvise(UnsafeMutableRawPointer(mutating: bytes.baseAddress! + lo), hi - lo, MADV_DONTNEED)
    }

    // MARK: reading fields at the start of a node line (the writer's fixed layout)

    private static let idOpen = Array("{\"@id\":\"".utf8)
    private static let typeOpen = Array("\",\"@type\":".utf8)

    /// Offset of the closing quote of the `@id` value, which follows `{"@id":"` (IRIs are never escaped).
    @inline(__always) static func idEnd(_ b: UnsafeRawBufferPointer, _ s: Int, _ e: Int) -> Int? {
        guard e - s > idOpen.count, memcmp(b.baseAddress! + s, idOpen, idOpen.count) == 0 else { return nil }
        guard let q = memchr(b.baseAddress! + s + idOpen.count, 0x22, e - s - idOpen.count) else { return nil }
        return b.baseAddress!.distance(to: UnsafeRawPointer(q))
    }

    static func kind(_ b: UnsafeRawBufferPointer, _ s: Int, _ e: Int) -> Kind? {
        guard let q = idEnd(b, s, e), q + typeOpen.count < e, memcmp(b.baseAddress! + q, typeOpen, typeOpen.count) == 0 else { return nil }
        let t = q + typeOpen.count
        if b[t] == 0x5B { return .entity }
        if has(b, t, e, "\"NewsArticle\"") { return .article }
        if has(b, t, e, "\"RelationStatement\"") { return .relation }
        if has(b, t, e, "\"Quotation\"") { return .statement }
        return nil
    }

    @inline(__always) static func has(_ b: UnsafeRawBufferPointer, _ at: Int, _ e: Int, _ lit: StaticString) -> Bool {
        let c = lit.utf8CodeUnitCount
        return at + c <= e && memcmp(b.baseAddress! + at, lit.utf8Start, c) == 0
    }

    /// The `@id` IRI of the line starting at `s`.
    static func iri(_ b: UnsafeRawBufferPointer, _ s: Int) -> UnsafeRawBufferPointer {
        let from = s + idOpen.count
        let q = memchr(b.baseAddress! + from, 0x22, b.count - from)!
        return UnsafeRawBufferPointer(rebasing: b[from..<b.baseAddress!.distance(to: UnsafeRawPointer(q))])
    }

    static func key(ofIRI iri: UnsafeRawBufferPointer) -> String? {
        let s = String(decoding: iri, as: UTF8.self)
        return KGIRI.key(ofNode: s)
    }

    static func articleHash(_ b: UnsafeRawBufferPointer, _ s: Int) -> String? {
        let i = iri(b, s)
        guard i.count > articlePrefix.count, memcmp(i.baseAddress!, articlePrefix, articlePrefix.count) == 0 else { return nil }
        return String(decoding: UnsafeRawBufferPointer(rebasing: i[articlePrefix.count...]), as: UTF8.self)
    }

    private static let identifierOpen = Array("\",\"@type\":\"NewsArticle\",\"identifier\":".utf8)

    static func articleSourceID(_ b: UnsafeRawBufferPointer, _ s: Int, _ e: Int) -> String? {
        guard let q = idEnd(b, s, e), q + identifierOpen.count < e,
              memcmp(b.baseAddress! + q, identifierOpen, identifierOpen.count) == 0 else { return nil }
        return (try? JSONStream.value(at: q + identifierOpen.count, in: UnsafeRawBufferPointer(rebasing: b[0..<e])))?.0 as? String
    }

    static func entityType(_ b: UnsafeRawBufferPointer, _ s: Int, _ e: Int) -> EntityType? {
        guard let q = idEnd(b, s, e) else { return nil }
        let t = q + typeOpen.count + 1
        for type in EntityType.allCases {
            let lit = Array("\"\(type.rawValue)\"".utf8)
            if t + lit.count <= e && memcmp(b.baseAddress! + t, lit, lit.count) == 0 { return type }
        }
        return nil
    }

    // MARK: keys of stored nodes

    @inline(__always) func line(_ i: Int) -> UnsafeRawBufferPointer { UnsafeRawBufferPointer(rebasing: bytes[starts[i]..<ends[i]]) }

    func articleHash(_ i: Int) -> String { Self.articleHash(bytes, starts[i])! }

    func entityKey(_ i: Int) -> String { Self.key(ofIRI: Self.iri(bytes, starts[i]))! }

    func entityType(_ i: Int) -> EntityType { Self.entityType(bytes, starts[i], ends[i])! }

    func statementID(_ i: Int) -> String { String(Self.key(ofIRI: Self.iri(bytes, starts[i]))!.dropFirst("quote/".count)) }

    private static let subjectOpen = Array(",\"@type\":\"RelationStatement\",\"subject\":".utf8)

    /// Subject IRI, predicate and object IRI of a relation statement line, as written.
    func relationFields(_ i: Int) -> (String, String, String) {
        let q = Self.idEnd(bytes, starts[i], ends[i])! + 1
        let sub = UnsafeRawBufferPointer(rebasing: bytes[0..<ends[i]])
        var p = q + Self.subjectOpen.count
        func next() -> String {
            let (v, end) = try! JSONStream.value(at: p, in: sub)
            p = end + 1
            while sub[p] != 0x3A { p += 1 }
            p += 1
            return v as! String
        }
        let s = next(), pr = next(), o = next()
        return (s, pr, o)
    }

    /// Subject, predicate and object of a relation statement line.
    func relationKey(_ i: Int) -> RelationKey {
        let (s, p, o) = relationFields(i)
        return RelationKey(subject: KGIRI.key(ofNode: s)!, predicate: p, object: KGIRI.key(ofNode: o)!)
    }

    private static let creatorOpen = Array(",\"@type\":\"Quotation\",\"creator\":\"".utf8)

    /// The speaker IRI of a quotation line.
    func speakerIRI(_ i: Int) -> String {
        let from = Self.idEnd(bytes, starts[i], ends[i])! + 1 + Self.creatorOpen.count
        let q = memchr(bytes.baseAddress! + from, 0x22, ends[i] - from)!
        return String(decoding: UnsafeRawBufferPointer(rebasing: bytes[from..<bytes.baseAddress!.distance(to: UnsafeRawPointer(q))]), as: UTF8.self)
    }

    /// The entity IRI of every mention on an article line.
    func mentionIRIs(_ i: Int) -> [String] {
        let needle = Self.mentionOpen
        return occurrences(of: needle, in: starts[i]..<ends[i]).map { at in
            let from = at + needle.count
            let q = memchr(bytes.baseAddress! + from, 0x22, ends[i] - from)!
            return String(decoding: UnsafeRawBufferPointer(rebasing: bytes[from..<bytes.baseAddress!.distance(to: UnsafeRawPointer(q))]), as: UTF8.self)
        }
    }

    static let mentionOpen = Array("{\"@type\":\"Mention\",\"entity\":\"".utf8)

    /// The `@id` IRI of line `i`, as written.
    func iri(_ i: Int) -> String { String(decoding: Self.iri(bytes, starts[i]), as: UTF8.self) }

    /// First index in `range` whose key is not less than `key` (the range is sorted by `keyAt`).
    func lowerBound<K: Comparable>(_ range: Range<Int>, _ key: K, _ keyAt: (Int) -> K) -> Int {
        var lo = range.lowerBound, hi = range.upperBound
        while lo < hi {
            let mid = (lo + hi) / 2
            if keyAt(mid) < key { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }

    func findArticle(_ hash: String) -> Int? {
        let i = lowerBound(articles, hash, articleHash)
        return i < articles.upperBound && articleHash(i) == hash ? i : nil
    }

    func findEntity(_ key: String) -> Int? {
        let i = lowerBound(entities, key, entityKey)
        return i < entities.upperBound && entityKey(i) == key ? i : nil
    }

    func findRelation(_ key: RelationKey) -> Int? {
        let i = lowerBound(relations, key, relationKey)
        return i < relations.upperBound && relationKey(i) == key ? i : nil
    }

    func findStatement(_ id: String) -> Int? {
        let i = lowerBound(statements, id, statementID)
        return i < statements.upperBound && statementID(i) == id ? i : nil
    }

    /// Stored relations whose subject is `subject`: a contiguous run, since relations are sorted by subject first.
    func relations(withSubject subject: String) -> Range<Int> {
        let lo = lowerBound(relations, subject) { self.relationKey($0).subject }
        var hi = lo
        while hi < relations.upperBound && relationKey(hi).subject == subject { hi += 1 }
        return lo..<hi
    }

    /// The node on line `i`, parsed.
    func node(_ i: Int) -> [String: Any] {
        guard let n = (try? JSONStream.parse(bytes: line(i))) as? [String: Any] else {
            // the bytes matched the fingerprint of what this kg wrote, so they parse
            preconditionFailure("\(path): node line \(i) does not parse although the file matches its fingerprint")
        }
        return n
    }

    // MARK: scans

    private typealias MemMem = @convention(c) (UnsafeRawPointer?, Int, UnsafeRawPointer?, Int) -> UnsafeMutableRawPointer?
    /// glibc's `memmem` (not in Swift's Glibc module), much faster than a `memchr` loop when the first byte is common.
    private static let memmem: MemMem? = {
        guard let handle = dlopen(nil, RTLD_NOW), let sym = dlsym(handle, "memmem") else { return nil }
        return unsafeBitCast(sym, to: MemMem.self)
    }()

    /// Offsets of every occurrence of `needle` in `range` of the file. Large ranges are searched in windows whose
    /// pages are then dropped from the resident set.
    func occurrences(of needle: [UInt8], in range: Range<Int>) -> [Int] {
        let window = 64 << 20
        guard range.count > 2 * window else { return search(needle, in: range) }
        var out: [Int] = []
        var lo = range.lowerBound
        while lo < range.upperBound {
            let hi = min(range.upperBound, lo + window)
            // a match may start in this window and end in the next
            out += search(needle, in: lo..<min(range.upperBound, hi + needle.count - 1)).filter { $0 < hi }
            Self.release(bytes, lo..<hi)
            lo = hi
        }
        return out
    }

    /// Calls `body` with the offset of every occurrence of `needle` in `range`, in order, window by window, dropping
    /// each window's pages from the resident set once its occurrences are handled.
    func forEachOccurrence(of needle: [UInt8], in range: Range<Int>, _ body: (Int) -> Void) {
        let window = 64 << 20
        var lo = range.lowerBound
        while lo < range.upperBound {
            let hi = min(range.upperBound, lo + window)
            for at in search(needle, in: lo..<min(range.upperBound, hi + needle.count - 1)) where at < hi { body(at) }
            // a line handled in this window may reach into the next one: keep a margin
            Self.release(bytes, lo..<max(lo, hi - (1 << 20)))
            lo = hi
        }
    }

    private func search(_ needle: [UInt8], in range: Range<Int>) -> [Int] {
        var out: [Int] = []
        var p = range.lowerBound
        guard let first = needle.first else { return [] }
        let base = bytes.baseAddress!
        if let memmem = Self.memmem {
            while p < range.upperBound, let hit = memmem(base + p, range.upperBound - p, needle, needle.count) {
                let at = base.distance(to: UnsafeRawPointer(hit))
                out.append(at)
                p = at + needle.count
            }
            return out
        }
        while p + needle.count <= range.upperBound, let hit = memchr(base + p, Int32(first), range.upperBound - p - needle.count + 1) {
            let at = base.distance(to: UnsafeRawPointer(hit))
            if memcmp(base + at, needle, needle.count) == 0 {
                out.append(at)
                p = at + needle.count
            } else {
                p = at + 1
            }
        }
        return out
    }

    /// Line index holding byte `offset`.
    func lineIndex(ofOffset offset: Int) -> Int {
        var lo = 0, hi = starts.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if starts[mid] <= offset { lo = mid + 1 } else { hi = mid }
        }
        return lo - 1
    }

    func byteRange(_ lines: Range<Int>) -> Range<Int> {
        lines.isEmpty ? 0..<0 : starts[lines.lowerBound]..<ends[lines.upperBound - 1]
    }

    /// Stored entities with a `parent` among `keys` (a key was added or removed, so their containment edge changes).
    func children(of keys: Set<String>) -> [Int] {
        guard !keys.isEmpty else { return [] }
        let needle = Array("\"parent\":\"".utf8)
        var out: [Int] = []
        for at in occurrences(of: needle, in: byteRange(entities)) {
            let from = at + needle.count
            guard let q = memchr(bytes.baseAddress! + from, 0x22, bytes.count - from) else { continue }
            let iri = UnsafeRawBufferPointer(rebasing: bytes[from..<bytes.baseAddress!.distance(to: UnsafeRawPointer(q))])
            if let k = Self.key(ofIRI: iri), keys.contains(k) { out.append(lineIndex(ofOffset: at)) }
        }
        return out
    }

    /// Surface forms that stored articles (but those in `skipping`) mention the entity `key` by (name mentions only,
    /// as `surfaceForms`).
    func surfaces(of key: String, skipping removed: Set<String> = []) -> Set<String> {
        let open = Array("{\"@type\":\"Mention\",".utf8)
        let needle = open + Array("\"entity\":".utf8) + Array(JSONText.string(KGIRI.node(key)).utf8)
        var out = Set<String>()
        for at in occurrences(of: needle, in: byteRange(articles)) {
            if !removed.isEmpty && removed.contains(articleHash(lineIndex(ofOffset: at))) { continue }
            guard let m = (try? JSONStream.value(at: at, in: bytes))?.0 as? [String: Any] else { continue }
            if let s = m["surface"] as? String, !KnowledgeGraph.nonNameRules.contains(m["rule"] as? String ?? "") { out.insert(s) }
        }
        return out
    }

    /// Surface forms of each entity in `keys` over the stored articles not in `removed`: one search per key when they
    /// are few, else one pass over every mention.
    func surfaces(of keys: Set<String>, skipping removed: Set<String>) -> [String: Set<String>] {
        if keys.count <= 4 {
            return Dictionary(uniqueKeysWithValues: keys.map { ($0, surfaces(of: $0, skipping: removed)) })
        }
        var wanted: [String: String] = [:]
        for k in keys { wanted[KGIRI.node(k)] = k }
        var out: [String: Set<String>] = [:]
        let open = Self.mentionOpen
        forEachOccurrence(of: open, in: byteRange(articles)) { at in
            let from = at + open.count
            guard let q = memchr(bytes.baseAddress! + from, 0x22, bytes.count - from) else { return }
            let iri = String(decoding: UnsafeRawBufferPointer(rebasing: bytes[from..<bytes.baseAddress!.distance(to: UnsafeRawPointer(q))]), as: UTF8.self)
            guard let k = wanted[iri] else { return }
            if !removed.isEmpty && removed.contains(articleHash(lineIndex(ofOffset: at))) { return }
            guard let m = (try? JSONStream.value(at: at, in: bytes))?.0 as? [String: Any] else { return }
            if let s = m["surface"] as? String, !KnowledgeGraph.nonNameRules.contains(m["rule"] as? String ?? "") { out[k, default: []].insert(s) }
        }
        for k in keys where out[k] == nil { out[k] = [] }
        return out
    }

    // MARK: the writer's sample

    /// A small graph with every kind of node and every optional field, whose serialisation identifies the writer.
    static func sampleGraph() -> KnowledgeGraph {
        var g = KnowledgeGraph()
        let ev = Evidence(article: "a1", sentence: 1, start: 2, end: 5, sentenceStart: 10, sentenceText: "ق \"x\"\n\u{2028}", rule: "r",
                          confidence: 0.8125)
        g.articles["a1"] = GraphArticle(hash: "a1", sourceID: "s\u{1}", title: "عنوان", url: "u", date: "2024-01-02", language: "ar",
                                        mentions: [GraphMention(entity: "person/x y", sentence: 1, start: 2, end: 5, surface: "س", rule: "gaz"),
                                                   GraphMention(entity: "gn/2", sentence: 1, start: 6, end: 7, surface: "d", rule: "demonym")])
        g.entities["person/x y"] = GraphEntity(key: "person/x y", type: .person, subtype: "", names: ["ar": "س", "ar-Latn": "s"],
                                               sameAs: [], partOf: nil, description: "", eventType: nil, cameo: nil)
        g.entities["gn/1"] = GraphEntity(key: "gn/1", type: .place, subtype: "Country", names: ["en": "C"], sameAs: ["w:2", "w:1"],
                                         partOf: nil, description: "d", eventType: nil, cameo: nil)
        g.entities["gn/2"] = GraphEntity(key: "gn/2", type: .place, subtype: "City", names: ["en": "T"], sameAs: [], partOf: "gn/1",
                                         description: "", eventType: nil, cameo: nil)
        g.entities["org/o"] = GraphEntity(key: "org/o", type: .organization, subtype: "Militia", names: ["en": "O"], sameAs: [],
                                          partOf: "gn/1", description: "", eventType: nil, cameo: nil)
        g.entities["event/e"] = GraphEntity(key: "event/e", type: .event, subtype: "", names: ["en": "attack"], sameAs: [], partOf: nil,
                                            description: "", eventType: "attack", cameo: "19", startDate: "2024-01",
                                            casualties: [Casualty(outcome: "killed", count: 3, party: "p", atLeast: true),
                                                         Casualty(outcome: "injured", count: 2)])
        g.relations[RelationKey(subject: "event/e", predicate: "location", object: "gn/2")] = [ev]
        g.relations[RelationKey(subject: "person/x y", predicate: "memberOf", object: "org/o")] = [ev, ev]
        let st = GraphStatement(speaker: "person/x y", kind: "said", cue: "قال", quote: "q", evidence: ev)
        g.statements[st.id] = st
        return g
    }
}
