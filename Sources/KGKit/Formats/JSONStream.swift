import Foundation

/// A JSON syntax error, with the byte offset where it was found.
public struct JSONSyntaxError: Error, CustomStringConvertible, Equatable {
    public var offset: Int
    public var message: String
    public var description: String { "byte \(offset): \(message)" }
}

/// A small JSON parser over UTF-8 bytes that yields native Swift values (`String`, `Int`, `Double`, `Bool`,
/// `[Any]`, `[String: Any]`, `NSNull`) and can hand over the elements of one top-level array one at a time.
///
/// Graph files hold hundreds of thousands of nodes; `JSONSerialization` builds the whole document as Foundation
/// objects first (about 20 bytes of memory per byte of JSON). `forEachElement(ofArray:in:)` keeps one element at a
/// time, so loading a graph needs memory for the graph, not for its text.
public enum JSONStream {
    /// Nesting deeper than this is refused (a hostile file must not exhaust the stack).
    public static let maxDepth = 256

    /// Parses a whole JSON document.
    public static func parse(_ data: Data) throws -> Any {
        try data.withUnsafeBytes { raw in
            var p = Parser(raw.bindMemory(to: UInt8.self))
            p.skipSpace()
            let v = try p.value(depth: 0)
            p.skipSpace()
            guard p.i == p.n else { throw p.error("unexpected text after the end of the document") }
            return v
        }
    }

    /// Parses one JSON value that fills `bytes` (a node line of a graph file).
    static func parse(bytes: UnsafeRawBufferPointer) throws -> Any {
        var p = Parser(bytes.bindMemory(to: UInt8.self))
        p.skipSpace()
        let v = try p.value(depth: 0)
        p.skipSpace()
        guard p.i == p.n else { throw p.error("unexpected text after the end of the document") }
        return v
    }

    /// Parses the JSON value that starts at `offset` in `bytes`; returns it and the offset just after it.
    static func value(at offset: Int, in bytes: UnsafeRawBufferPointer) throws -> (Any, Int) {
        var p = Parser(bytes.bindMemory(to: UInt8.self))
        p.i = offset
        let v = try p.value(depth: 0)
        return (v, p.i)
    }

    /// Calls `body` with each element of the array stored under `key` in the top-level object, in order, and
    /// returns the object's other members. Nothing but the current element is kept.
    @discardableResult
    public static func forEachElement(ofArray key: String, in data: Data, _ body: (Any) throws -> Void) throws -> [String: Any] {
        try data.withUnsafeBytes { raw in
            var p = Parser(raw.bindMemory(to: UInt8.self))
            var rest: [String: Any] = [:]
            p.skipSpace()
            try p.expect(0x7B, "expected '{' at the start of the document")
            p.skipSpace()
            if p.peek() == 0x7D {
                p.i += 1
            } else {
                while true {
                    p.skipSpace()
                    let name = try p.string()
                    p.skipSpace()
                    try p.expect(0x3A, "expected ':' after an object key")
                    p.skipSpace()
                    if name == key && p.peek() == 0x5B {
                        p.i += 1
                        p.skipSpace()
                        if p.peek() == 0x5D {
                            p.i += 1
                        } else {
                            while true {
                                p.skipSpace()
                                try body(try p.value(depth: 2))
                                p.skipSpace()
                                if p.peek() == 0x2C { p.i += 1; continue }
                                try p.expect(0x5D, "expected ',' or ']' in an array")
                                break
                            }
                        }
                    } else {
                        rest[name] = try p.value(depth: 1)
                    }
                    p.skipSpace()
                    if p.peek() == 0x2C { p.i += 1; continue }
                    try p.expect(0x7D, "expected ',' or '}' in an object")
                    break
                }
            }
            p.skipSpace()
            guard p.i == p.n else { throw p.error("unexpected text after the end of the document") }
            return rest
        }
    }

    struct Parser {
        let b: UnsafeBufferPointer<UInt8>
        let n: Int
        var i = 0

        init(_ b: UnsafeBufferPointer<UInt8>) {
            self.b = b
            self.n = b.count
            // a UTF-8 byte-order mark (files saved by Windows editors) is not part of the document
            if n >= 3, b[0] == 0xEF, b[1] == 0xBB, b[2] == 0xBF { i = 3 }
        }

        func error(_ message: String) -> JSONSyntaxError { JSONSyntaxError(offset: i, message: message) }

        @inline(__always) func peek() -> UInt8 { i < n ? b[i] : 0 }

        @inline(__always) mutating func skipSpace() {
            while i < n, case let c = b[i], c == 0x20 || c == 0x0A || c == 0x0D || c == 0x09 { i += 1 }
        }

        mutating func expect(_ c: UInt8, _ message: String) throws {
            guard i < n, b[i] == c else { throw error(i < n ? message : "unexpected end of the document") }
            i += 1
        }

        mutating func value(depth: Int) throws -> Any {
            guard depth < JSONStream.maxDepth else { throw error("nested deeper than \(JSONStream.maxDepth) levels") }
            guard i < n else { throw error("unexpected end of the document") }
            switch b[i] {
            case 0x22: return try string()
            case 0x7B: return try object(depth: depth)
            case 0x5B: return try array(depth: depth)
            case 0x74: try literal("true"); return true
            case 0x66: try literal("false"); return false
            case 0x6E: try literal("null"); return NSNull()
            case 0x2D, 0x30...0x39: return try number()
            default: throw error("unexpected character")
            }
        }

        mutating func literal(_ word: StaticString) throws {
            let w = UnsafeBufferPointer(start: word.utf8Start, count: word.utf8CodeUnitCount)
            guard i + w.count <= n, memcmp(b.baseAddress! + i, w.baseAddress!, w.count) == 0 else { throw error("invalid literal") }
            i += w.count
        }

        mutating func object(depth: Int) throws -> [String: Any] {
            i += 1
            var out: [String: Any] = [:]
            skipSpace()
            if peek() == 0x7D { i += 1; return out }
            while true {
                skipSpace()
                let k = try string()
                skipSpace()
                try expect(0x3A, "expected ':' after an object key")
                skipSpace()
                out[k] = try value(depth: depth + 1)
                skipSpace()
                if peek() == 0x2C { i += 1; continue }
                try expect(0x7D, "expected ',' or '}' in an object")
                return out
            }
        }

        mutating func array(depth: Int) throws -> [Any] {
            i += 1
            var out: [Any] = []
            skipSpace()
            if peek() == 0x5D { i += 1; return out }
            while true {
                skipSpace()
                out.append(try value(depth: depth + 1))
                skipSpace()
                if peek() == 0x2C { i += 1; continue }
                try expect(0x5D, "expected ',' or ']' in an array")
                return out
            }
        }

        mutating func string() throws -> String {
            guard peek() == 0x22 else { throw error(i < n ? "expected a string" : "unexpected end of the document") }
            i += 1
            let start = i
            while i < n {
                // (eight bytes at a time while none of them may be a quote, a backslash or a control byte)
                if i + 8 <= n, !JSONText.mayNeedEscape(UnsafeRawPointer(b.baseAddress! + i).loadUnaligned(as: UInt64.self)) { i += 8; continue }
                let c = b[i]
                if c == 0x22 {
                    let s = try utf8(start, i)
                    i += 1
                    return s
                }
                if c == 0x5C { return try escapedString(from: start) }
                if c < 0x20 { throw error("control character in a string") }
                i += 1
            }
            throw error("unterminated string")
        }

        func utf8(_ from: Int, _ to: Int) throws -> String {
            guard let s = String(validating: UnsafeBufferPointer(rebasing: b[from..<to]), as: UTF8.self) else {
                throw JSONSyntaxError(offset: from, message: "invalid UTF-8 in a string")
            }
            return s
        }

        /// The rest of a string that has escapes; the bytes between escapes are copied a run at a time.
        mutating func escapedString(from start: Int) throws -> String {
            var out: [UInt8] = Array(b[start..<i])
            var run = i
            while i < n {
                if i + 8 <= n, !JSONText.mayNeedEscape(UnsafeRawPointer(b.baseAddress! + i).loadUnaligned(as: UInt64.self)) { i += 8; continue }
                let c = b[i]
                if c != 0x22 && c != 0x5C && c >= 0x20 { i += 1; continue }
                if run < i { out.append(contentsOf: UnsafeBufferPointer(rebasing: b[run..<i])) }
                if c == 0x22 {
                    i += 1
                    guard let s = String(validating: out, as: UTF8.self) else {
                        throw JSONSyntaxError(offset: start, message: "invalid UTF-8 in a string")
                    }
                    return s
                }
                if c < 0x20 { throw error("control character in a string") }
                guard i + 1 < n else { break }
                let e = b[i + 1]
                i += 2
                switch e {
                case 0x22, 0x5C, 0x2F: out.append(e)
                case 0x62: out.append(0x08)
                case 0x66: out.append(0x0C)
                case 0x6E: out.append(0x0A)
                case 0x72: out.append(0x0D)
                case 0x74: out.append(0x09)
                case 0x75:
                    var v = try hex4()
                    if (0xD800..<0xDC00).contains(v), i + 1 < n, b[i] == 0x5C, b[i + 1] == 0x75 {
                        i += 2
                        let lo = try hex4()
                        guard (0xDC00..<0xE000).contains(lo) else { throw error("invalid surrogate pair") }
                        v = 0x10000 + ((v - 0xD800) << 10) + (lo - 0xDC00)
                    }
                    guard let u = Unicode.Scalar(v) else { throw error("lone surrogate in \\u escape") }
                    out.append(contentsOf: Array(String(u).utf8))
                default: throw error("invalid escape")
                }
                run = i
            }
            throw error("unterminated string")
        }

        mutating func hex4() throws -> UInt32 {
            guard i + 4 <= n else { throw error("short \\u escape") }
            var v: UInt32 = 0
            for _ in 0..<4 {
                let c = b[i]
                let d: UInt32
                switch c {
                case 0x30...0x39: d = UInt32(c - 0x30)
                case 0x41...0x46: d = UInt32(c - 0x37)
                case 0x61...0x66: d = UInt32(c - 0x57)
                default: throw error("invalid \\u escape")
                }
                v = v << 4 | d
                i += 1
            }
            return v
        }

        mutating func number() throws -> Any {
            let start = i
            var integral = true
            if b[i] == 0x2D { i += 1 }
            let digits = i
            while i < n, b[i] >= 0x30 && b[i] <= 0x39 { i += 1 }
            guard i > digits else { throw error("invalid number") }
            if i < n, b[i] == 0x2E {
                integral = false
                i += 1
                let f = i
                while i < n, b[i] >= 0x30 && b[i] <= 0x39 { i += 1 }
                guard i > f else { throw error("invalid number") }
            }
            if i < n, b[i] == 0x65 || b[i] == 0x45 {
                integral = false
                i += 1
                if i < n, b[i] == 0x2B || b[i] == 0x2D { i += 1 }
                let e = i
                while i < n, b[i] >= 0x30 && b[i] <= 0x39 { i += 1 }
                guard i > e else { throw error("invalid number") }
            }
            let text = String(decoding: UnsafeBufferPointer(rebasing: b[start..<i]), as: UTF8.self)
            if integral, let v = Int(text) { return v }
            guard let d = Double(text) else { throw JSONSyntaxError(offset: start, message: "invalid number") }
            return d
        }
    }
}
