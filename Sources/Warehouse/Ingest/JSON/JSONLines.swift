import Foundation

// Newline-delimited JSON (SCORING.md §2.1 accepts NDJSON result files). Files can be many
// gigabytes, so lines are cut from fixed-size chunks and handed over without loading the file.

public enum JSONLines {
    /// Calls `body` with the 1-based number and bytes of every line of the file at `url` that has
    /// something besides space, tab and CR. Lines end at LF; a CR before the LF is dropped (so
    /// CRLF files work). The bytes are only valid during the call. Memory stays at about
    /// `chunkSize` plus the longest line.
    public static func forEach(
        inFile url: URL,
        chunkSize: Int = 1 << 20,
        _ body: (_ lineNumber: Int, _ bytes: UnsafeBufferPointer<UInt8>) throws -> Void
    ) throws {
        let handle = try FileHandle(forReadingFrom: url)
        defer { try? handle.close() }
        var splitter = LineSplitter()
        while let chunk = try handle.read(upToCount: max(chunkSize, 1)), !chunk.isEmpty {
            try chunk.withUnsafeBytes { raw in
                try splitter.feed(raw.bindMemory(to: UInt8.self), body)
            }
        }
        try splitter.finish(body)
    }

    /// Each non-blank line of `url` parsed by `parser`; stops at the first error, whose `line` is
    /// the file's line number (its `offset` and `column` stay relative to that line).
    public static func forEachValue(
        inFile url: URL,
        parser: JSONParser = JSONParser(),
        _ body: (_ lineNumber: Int, _ value: JSONValue) throws -> Void
    ) throws {
        try forEach(inFile: url) { number, bytes in
            let value: JSONValue
            do throws(JSONSyntaxError) {
                value = try parser.parse(bytes)
            } catch {
                throw JSONSyntaxError(
                    offset: error.offset, line: number, column: error.column, message: error.message)
            }
            try body(number, value)
        }
    }

    /// The same splitting over bytes already in memory.
    public static func forEach(
        in bytes: UnsafeBufferPointer<UInt8>,
        _ body: (_ lineNumber: Int, _ bytes: UnsafeBufferPointer<UInt8>) throws -> Void
    ) rethrows {
        var splitter = LineSplitter()
        try splitter.feed(bytes, body)
        try splitter.finish(body)
    }
}

/// Cuts a byte stream into lines; keeps an unfinished line between chunks.
struct LineSplitter {
    private var pending: [UInt8] = []
    private var lineNumber = 0

    mutating func feed(
        _ chunk: UnsafeBufferPointer<UInt8>,
        _ body: (Int, UnsafeBufferPointer<UInt8>) throws -> Void
    ) rethrows {
        var start = 0
        while start < chunk.count {
            guard let newline = Self.indexOfNewline(chunk, from: start) else {
                pending.append(contentsOf: UnsafeBufferPointer(rebasing: chunk[start...]))
                return
            }
            lineNumber += 1
            if pending.isEmpty {
                try emit(UnsafeBufferPointer(rebasing: chunk[start..<newline]), body)
            } else {
                pending.append(contentsOf: UnsafeBufferPointer(rebasing: chunk[start..<newline]))
                let number = lineNumber
                try pending.withUnsafeBufferPointer { try Self.emit(number, $0, body) }
                pending.removeAll(keepingCapacity: true)
            }
            start = newline + 1
        }
    }

    mutating func finish(_ body: (Int, UnsafeBufferPointer<UInt8>) throws -> Void) rethrows {
        guard !pending.isEmpty else { return }
        lineNumber += 1
        let number = lineNumber
        try pending.withUnsafeBufferPointer { try Self.emit(number, $0, body) }
        pending.removeAll()
    }

    private func emit(_ line: UnsafeBufferPointer<UInt8>, _ body: (Int, UnsafeBufferPointer<UInt8>) throws -> Void) rethrows {
        try Self.emit(lineNumber, line, body)
    }

    private static func emit(
        _ number: Int, _ line: UnsafeBufferPointer<UInt8>, _ body: (Int, UnsafeBufferPointer<UInt8>) throws -> Void
    ) rethrows {
        var end = line.count
        if end > 0 && line[end - 1] == 0x0D { end -= 1 }
        let trimmed = UnsafeBufferPointer(rebasing: line[..<end])
        guard trimmed.contains(where: { $0 != 0x20 && $0 != 0x09 && $0 != 0x0D }) else { return }
        try body(number, trimmed)
    }

    private static func indexOfNewline(_ chunk: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        guard let base = chunk.baseAddress,
            let hit = memchr(base + start, 0x0A, chunk.count - start)
        else { return nil }
        return UnsafeRawPointer(hit) - UnsafeRawPointer(base)
    }
}
