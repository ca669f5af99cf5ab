import Foundation

/// Loads and saves graph files safely: reads refuse foreign files; writes go to a temporary file in the same
/// directory, are fsync'd and renamed over the old file, so a crash leaves either the old graph or the new one.
/// A lock file (`flock`) serialises concurrent builds on the same graph.
public enum GraphStore {
    public enum StoreError: Error, CustomStringConvertible {
        case cannotWrite(file: String, reason: String)
        case cannotLock(file: String, reason: String)
        public var description: String {
            switch self {
            case let .cannotWrite(f, r): return "\(f): cannot write graph: \(r); the previous graph is unchanged"
            case let .cannotLock(f, r): return "\(f): cannot lock graph: \(r)"
            }
        }
    }

    /// Reads a graph file; a missing file is an empty graph. A file this kg wrote, unchanged since (its fingerprint
    /// matches), is mapped and decoded only as far as it is used; any other file is read in full.
    public static func load(_ path: String) throws -> KnowledgeGraph {
        guard FileManager.default.fileExists(atPath: path) else { return KnowledgeGraph() }
        if let stored = StoredGraph.open(path) { return KnowledgeGraph(stored: stored) }
        return try loadDecoded(path)
    }

    /// Reads a graph file in full (every node decoded), whoever wrote it.
    public static func loadDecoded(_ path: String) throws -> KnowledgeGraph {
        guard FileManager.default.fileExists(atPath: path) else { return KnowledgeGraph() }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw GraphFileError.notJSON(file: path, reason: "cannot read file")
        }
        if data.isEmpty { throw GraphFileError.foreign(file: path) }
        return try JSONLDReader.read(data, file: path)
    }

    /// The temporary file an atomic write is filling: counts and hashes what goes in, and lets `JSONLDWriter` copy
    /// bytes straight in. Found through `current` while the write's producer runs on this thread.
    final class AtomicWrite {
        let fd: Int32
        private(set) var total = 0
        var hasher = ByteHasher()
        /// Set by `JSONLDWriter` when it wrote the whole file: the file then gets its fingerprint.
        var wholeGraph = false
        struct Failed: Error { var reason: String }

        init(fd: Int32) { self.fd = fd }

        static let key = "kg.GraphStore.AtomicWrite"
        static var current: AtomicWrite? { Thread.current.threadDictionary[key] as? AtomicWrite }

        func write(_ buf: UnsafeRawBufferPointer) throws {
            var off = 0
            while off < buf.count {
                let n = Foundation.write(fd, buf.baseAddress! + off, buf.count - off)
                if n <= 0 { throw Failed(reason: String(cString: strerror(errno))) }
                off += n
            }
            hasher.update(buf)
            total += buf.count
        }
    }

    /// Writes `text` to `path` atomically (temp file, fsync, rename).
    public static func writeAtomically(_ text: String, to path: String) throws {
        try writeAtomically(to: path) { write in try write(text) }
    }

    /// Writes the pieces `produce` hands over, in order, to `path` atomically (temp file, fsync, rename), so a large
    /// file never has to exist in memory as a whole.
    public static func writeAtomically(to path: String, _ produce: ((String) throws -> Void) throws -> Void) throws {
        let url = URL(fileURLWithPath: path)
        let dir = url.deletingLastPathComponent().path
        let tmp = (dir as NSString).appendingPathComponent(".\(url.lastPathComponent).tmp-\(getpid())")
        let fd = open(tmp, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard fd >= 0 else { throw StoreError.cannotWrite(file: path, reason: String(cString: strerror(errno))) }
        let target = AtomicWrite(fd: fd)
        let dict = Thread.current.threadDictionary
        let outer = dict[AtomicWrite.key]
        do {
            dict[AtomicWrite.key] = target
            defer { dict[AtomicWrite.key] = outer }
            try produce { piece in
                var piece = piece
                try piece.withUTF8 { try target.write(UnsafeRawBufferPointer($0)) }
            }
        } catch {
            close(fd)
            unlink(tmp)
            throw StoreError.cannotWrite(file: path, reason: (error as? AtomicWrite.Failed)?.reason ?? "\(error)")
        }
        if target.wholeGraph {
            // best effort: without it the next load just decodes the whole file
            GraphFingerprint(writer: GraphFingerprint.currentWriter, size: target.total, hash: target.hasher.finish()).store(fd: fd)
        }
        if fsync(fd) != 0 {
            let r = String(cString: strerror(errno))
            close(fd)
            unlink(tmp)
            throw StoreError.cannotWrite(file: path, reason: r)
        }
        close(fd)
        if rename(tmp, path) != 0 {
            let r = String(cString: strerror(errno))
            unlink(tmp)
            throw StoreError.cannotWrite(file: path, reason: r)
        }
        let dfd = open(dir.isEmpty ? "." : dir, O_RDONLY)
        if dfd >= 0 { fsync(dfd); close(dfd) }
    }

    /// Deletes temporary files a killed writer left next to `path` (`.NAME.tmp-PID`). Call while holding the lock:
    /// then no other writer can be using one.
    public static func removeStaleTemporaries(for path: String) {
        let url = URL(fileURLWithPath: path)
        let dir = url.deletingLastPathComponent().path
        let prefix = ".\(url.lastPathComponent).tmp-"
        for name in (try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? [] where name.hasPrefix(prefix) {
            try? FileManager.default.removeItem(atPath: (dir as NSString).appendingPathComponent(name))
        }
    }

    /// Runs `body` holding an exclusive lock on `path.lock`; calls `waiting` if another process holds it.
    public static func withLock<T>(_ path: String, waiting: () -> Void, _ body: () throws -> T) throws -> T {
        let lockPath = path + ".lock"
        let fd = open(lockPath, O_RDWR | O_CREAT, 0o644)
        guard fd >= 0 else { throw StoreError.cannotLock(file: path, reason: String(cString: strerror(errno))) }
        defer { close(fd) }
        if flock(fd, LOCK_EX | LOCK_NB) != 0 {
            waiting()
            guard flock(fd, LOCK_EX) == 0 else { throw StoreError.cannotLock(file: path, reason: String(cString: strerror(errno))) }
        }
        defer { flock(fd, LOCK_UN) }
        removeStaleTemporaries(for: path)
        return try body()
    }
}
