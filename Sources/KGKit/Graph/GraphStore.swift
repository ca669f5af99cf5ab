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

    /// Reads a graph file; a missing file is an empty graph.
    public static func load(_ path: String) throws -> KnowledgeGraph {
        guard FileManager.default.fileExists(atPath: path) else { return KnowledgeGraph() }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw GraphFileError.notJSON(file: path, reason: "cannot read file")
        }
        if data.isEmpty { throw GraphFileError.foreign(file: path) }
        return try JSONLDReader.read(data, file: path)
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
        struct WriteFailed: Error { var reason: String }
        do {
            try produce { piece in
                var piece = piece
                try piece.withUTF8 { buf in
                    var off = 0
                    while off < buf.count {
                        let n = Foundation.write(fd, buf.baseAddress! + off, buf.count - off)
                        if n <= 0 { throw WriteFailed(reason: String(cString: strerror(errno))) }
                        off += n
                    }
                }
            }
            if fsync(fd) != 0 { throw WriteFailed(reason: String(cString: strerror(errno))) }
        } catch {
            close(fd)
            unlink(tmp)
            throw StoreError.cannotWrite(file: path, reason: (error as? WriteFailed)?.reason ?? "\(error)")
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
