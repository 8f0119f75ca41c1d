/// Why a document is not what Python's `json.loads` accepts, and where.
public struct JSONSyntaxError: Error, CustomStringConvertible, Sendable, Equatable {
    /// Byte offset into the UTF-8 input.
    public let offset: Int
    /// 1-based line (lines end at LF, as Python counts them).
    public let line: Int
    /// 1-based column in code points since the line start (Python counts characters, not bytes).
    public let column: Int
    /// What was wrong or expected, e.g. "expected ',' or ']' after array element".
    public let message: String

    public init(offset: Int, line: Int, column: Int, message: String) {
        self.offset = offset
        self.line = line
        self.column = column
        self.message = message
    }

    /// Locates a byte offset in `bytes` and builds the error.
    init(_ message: String, at offset: Int, in bytes: UnsafeBufferPointer<UInt8>) {
        var line = 1, column = 1
        for i in 0..<min(offset, bytes.count) {
            let b = bytes[i]
            if b == 0x0A {
                line += 1
                column = 1
            } else if b & 0xC0 != 0x80 {
                column += 1
            }
        }
        self.init(offset: offset, line: line, column: column, message: message)
    }

    public var description: String {
        "\(message) at line \(line), column \(column) (byte \(offset))"
    }
}
