// Python `json.dumps(obj, indent=2, ensure_ascii=False)`, byte for byte (SCORING.md §0 output
// formatting): the upstream scorers print their metrics this way, and `print` adds the final
// newline that `dumpsFile` appends.

public struct PythonJSONWriter: Sendable {
    /// Spaces per level, or nil for Python's single-line form (`", "` and `": "` separators).
    public var indent: Int?
    /// Python's `ensure_ascii`: escape everything outside printable ASCII as `\uXXXX`.
    public var ensureASCII: Bool

    public init(indent: Int? = 2, ensureASCII: Bool = false) {
        self.indent = indent
        self.ensureASCII = ensureASCII
    }

    /// `json.dumps(value, indent=2, ensure_ascii=False)`: no trailing newline.
    public static func dumps(_ value: JSONValue) -> String {
        PythonJSONWriter().dumps(value)
    }

    /// What the upstream scorers write: `dumps` plus the newline `print` adds.
    public static func dumpsFile(_ value: JSONValue) -> String {
        PythonJSONWriter().dumps(value) + "\n"
    }

    public func dumps(_ value: JSONValue) -> String {
        String(decoding: bytes(value), as: UTF8.self)
    }

    /// The UTF-8 bytes of `dumps(value)`.
    public func bytes(_ value: JSONValue) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(256)
        write(value, to: &out)
        return out
    }

    private func newline(_ level: Int, _ out: inout [UInt8]) {
        out.append(0x0A)
        out.append(contentsOf: repeatElement(UInt8(ascii: " "), count: level * (indent ?? 0)))
    }

    /// An open container and the position of its next member.
    private struct Frame {
        let items: [JSONValue]
        let keys: [String]?
        var next = 0
    }

    // Iterative, with an explicit stack: documents may nest up to the parser's 10,000 levels,
    // deeper than a recursive writer can go on a small thread stack.
    private func write(_ root: JSONValue, to out: inout [UInt8]) {
        var stack: [Frame] = []
        open(root, &stack, &out)
        while !stack.isEmpty {
            let top = stack.count - 1
            let k = stack[top].next
            if k < stack[top].items.count {
                stack[top].next = k + 1
                separator(first: k == 0, level: stack.count, &out)
                if let keys = stack[top].keys {
                    writeString(keys[k], to: &out)
                    out.append(UInt8(ascii: ":"))
                    out.append(UInt8(ascii: " "))
                }
                open(stack[top].items[k], &stack, &out)
            } else {
                if indent != nil { newline(stack.count - 1, &out) }
                out.append(stack[top].keys == nil ? UInt8(ascii: "]") : UInt8(ascii: "}"))
                stack.removeLast()
            }
        }
    }

    /// Writes a scalar or an empty container whole; opens any other container on the stack.
    @inline(__always)
    private func open(_ value: JSONValue, _ stack: inout [Frame], _ out: inout [UInt8]) {
        switch value {
        case .null: out.append(contentsOf: "null".utf8)
        case .bool(let b): out.append(contentsOf: (b ? "true" : "false").utf8)
        case .int(let digits): out.append(contentsOf: digits.utf8)
        case .float(let d): out.append(contentsOf: Self.floatLiteral(d).utf8)
        case .string(let s): writeString(s, to: &out)
        case .array(let items):
            if items.isEmpty {
                out.append(contentsOf: "[]".utf8)
            } else {
                out.append(UInt8(ascii: "["))
                stack.append(Frame(items: items, keys: nil))
            }
        case .object(let object):
            if object.isEmpty {
                out.append(contentsOf: "{}".utf8)
            } else {
                out.append(UInt8(ascii: "{"))
                stack.append(Frame(items: object.values, keys: object.keys))
            }
        }
    }

    /// Before an item: a newline and indentation with `indent`, otherwise `", "` between items.
    @inline(__always)
    private func separator(first: Bool, level: Int, _ out: inout [UInt8]) {
        if indent != nil {
            if !first { out.append(UInt8(ascii: ",")) }
            newline(level, &out)
        } else if !first {
            out.append(UInt8(ascii: ","))
            out.append(UInt8(ascii: " "))
        }
    }

    /// Python's `float.__repr__`, with JSON's spellings for the non-finite values.
    public static func floatLiteral(_ d: Double) -> String {
        if d.isNaN { return "NaN" }
        if d.isInfinite { return d < 0 ? "-Infinity" : "Infinity" }
        return PythonRepr.floatRepr(d)
    }

    private static let hexDigits = Array("0123456789abcdef".utf8)

    private func writeString(_ s: String, to out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        if ensureASCII {
            for c in s.unicodeScalars {
                if c.value < 0x80 {
                    Self.escapeASCII(UInt8(c.value), asciiOnly: true, &out)
                } else if c.value < 0x10000 {
                    Self.unicodeEscape(UInt16(c.value), &out)
                } else {
                    for unit in String(c).utf16 { Self.unicodeEscape(unit, &out) }
                }
            }
        } else {
            var s = s
            s.withUTF8 { utf8 in
                // Copy runs that need no escape in bulk; only ASCII controls, `"` and `\` do.
                var runStart = 0
                for k in utf8.indices {
                    let b = utf8[k]
                    guard b < 0x20 || b == UInt8(ascii: "\"") || b == UInt8(ascii: "\\") else { continue }
                    out.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<k]))
                    Self.escapeASCII(b, asciiOnly: false, &out)
                    runStart = k + 1
                }
                out.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart...]))
            }
        }
        out.append(UInt8(ascii: "\""))
    }

    @inline(__always)
    private static func escapeASCII(_ b: UInt8, asciiOnly: Bool, _ out: inout [UInt8]) {
        switch b {
        case UInt8(ascii: "\""): out.append(0x5C); out.append(b)
        case UInt8(ascii: "\\"): out.append(0x5C); out.append(b)
        case 0x0A: out.append(0x5C); out.append(UInt8(ascii: "n"))
        case 0x0D: out.append(0x5C); out.append(UInt8(ascii: "r"))
        case 0x09: out.append(0x5C); out.append(UInt8(ascii: "t"))
        case 0x08: out.append(0x5C); out.append(UInt8(ascii: "b"))
        case 0x0C: out.append(0x5C); out.append(UInt8(ascii: "f"))
        case ..<0x20: unicodeEscape(UInt16(b), &out)
        case 0x7F where asciiOnly: unicodeEscape(0x7F, &out)
        default: out.append(b)
        }
    }

    private static func unicodeEscape(_ unit: UInt16, _ out: inout [UInt8]) {
        out.append(0x5C)
        out.append(UInt8(ascii: "u"))
        out.append(hexDigits[Int(unit >> 12)])
        out.append(hexDigits[Int(unit >> 8 & 0xF)])
        out.append(hexDigits[Int(unit >> 4 & 0xF)])
        out.append(hexDigits[Int(unit & 0xF)])
    }
}

extension PythonJSONWriter {
    /// Python's single-line `json.dumps(value, ensure_ascii=False)`: how isaq stores metadata
    /// objects and non-string responses.
    public static func compact(_ value: JSONValue) -> String {
        PythonJSONWriter(indent: nil).dumps(value)
    }
}
