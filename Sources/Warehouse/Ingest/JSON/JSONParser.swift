import Foundation

// Python `json.loads` acceptance, exactly (SCORING.md §0 json_parse): RFC 8259 plus `NaN`,
// `Infinity` and `-Infinity`; only space, tab, LF and CR around tokens; no BOM, comments,
// trailing commas or trailing data; raw control characters (< 0x20) in strings rejected, DEL
// accepted; duplicate keys keep the first position with the last value; any value may be the
// top level. Numbers with a fraction or exponent are Python `float()` of the literal (correctly
// rounded, overflow to ±inf); others are exact ints.
//
// Deliberate differences, all rejections of input Python would also fail on or could not hand
// over as text:
// * Invalid UTF-8 anywhere the parser reads is an error (Python fails earlier, decoding the file).
// * A `\uD800`–`\uDFFF` escape that is not a high+low pair is rejected: Python would produce a
//   lone surrogate, which a Swift `String` cannot hold.
// * Nesting is limited to `maxDepth` (default 10,000) so hostile input cannot exhaust the stack;
//   Python raises RecursionError near depth 1,000, at a depth that depends on its call stack.
// * Like Python 3.11, an integer literal of more than 4,300 digits is rejected (Python raises
//   ValueError from its int-conversion limit).
//
// The parser is iterative (an explicit container stack), so depth never costs native stack.

/// Parses UTF-8 JSON text into `JSONValue`.
public struct JSONParser: Sendable {
    /// Deepest allowed nesting of arrays and objects.
    public var maxDepth: Int

    /// Python 3.11's `sys.get_int_max_str_digits()` default.
    public static let maxIntegerDigits = 4300

    public init(maxDepth: Int = 10_000) {
        self.maxDepth = maxDepth
    }

    public func parse(_ bytes: UnsafeBufferPointer<UInt8>) throws(JSONSyntaxError) -> JSONValue {
        var reader = JSONReader(bytes, maxDepth: maxDepth)
        return try reader.document()
    }

    public func parse(_ bytes: UnsafeRawBufferPointer) throws(JSONSyntaxError) -> JSONValue {
        try parse(bytes.bindMemory(to: UInt8.self))
    }

    public func parse(_ bytes: [UInt8]) throws(JSONSyntaxError) -> JSONValue {
        let result: Result<JSONValue, JSONSyntaxError> = bytes.withUnsafeBufferPointer { buffer in
            Result { () throws(JSONSyntaxError) -> JSONValue in try parse(buffer) }
        }
        return try result.get()
    }

    public func parse(_ bytes: ArraySlice<UInt8>) throws(JSONSyntaxError) -> JSONValue {
        let result: Result<JSONValue, JSONSyntaxError> = bytes.withUnsafeBufferPointer { buffer in
            Result { () throws(JSONSyntaxError) -> JSONValue in try parse(buffer) }
        }
        return try result.get()
    }

    public func parse(_ data: Data) throws(JSONSyntaxError) -> JSONValue {
        let result: Result<JSONValue, JSONSyntaxError> = data.withUnsafeBytes { raw in
            Result { () throws(JSONSyntaxError) -> JSONValue in try parse(raw.bindMemory(to: UInt8.self)) }
        }
        return try result.get()
    }

    /// `json.loads(text)` for already-decoded text.
    public func parse(_ text: String) throws(JSONSyntaxError) -> JSONValue {
        var text = text
        let result: Result<JSONValue, JSONSyntaxError> = text.withUTF8 { buffer in
            Result { () throws(JSONSyntaxError) -> JSONValue in try parse(buffer) }
        }
        return try result.get()
    }

    /// Reads a whole file and parses it (Python's `json.load(open(path, encoding="utf-8"))`).
    public func parse(contentsOf url: URL) throws -> JSONValue {
        try parse(try Data(contentsOf: url))
    }

    /// Parses with the default limits.
    public static func parse(_ text: String) throws(JSONSyntaxError) -> JSONValue {
        try JSONParser().parse(text)
    }

    public static func parse(_ bytes: [UInt8]) throws(JSONSyntaxError) -> JSONValue {
        try JSONParser().parse(bytes)
    }

    public static func parse(_ data: Data) throws(JSONSyntaxError) -> JSONValue {
        try JSONParser().parse(data)
    }
}

/// The cursor and container stack of one parse.
struct JSONReader {
    private let bytes: UnsafeBufferPointer<UInt8>
    private let p: UnsafePointer<UInt8>
    private let n: Int
    private var i = 0
    private let maxDepth: Int
    /// Escaped strings are assembled here, reused across strings.
    private var scratch: [UInt8] = []
    /// Recently seen long keys, by a hash of their bytes.
    private var keyCache = [String?](repeating: nil, count: 64)

    init(_ bytes: UnsafeBufferPointer<UInt8>, maxDepth: Int) {
        self.bytes = bytes
        // A dummy pointer for empty input keeps every access unconditional; `n == 0` guards it.
        self.p = bytes.baseAddress ?? UnsafePointer(bitPattern: 1)!
        self.n = bytes.count
        self.maxDepth = maxDepth
    }

    // MARK: Document and containers

    /// One container under construction: its kind and where its members start on the shared
    /// member stacks. Members are collected there and copied out once, at the exact size, when
    /// the container closes, instead of growing one array per container.
    private struct Open {
        let isObject: Bool
        let start: Int
    }

    mutating func document() throws(JSONSyntaxError) -> JSONValue {
        if n >= 3, p[0] == 0xEF, p[1] == 0xBB, p[2] == 0xBF {
            throw error("unexpected UTF-8 byte order mark (Python reads the file as plain UTF-8)", at: 0)
        }
        var open: [Open] = []
        let members = MoveStack<JSONValue>()
        let keys = MoveStack<String>()

        parsing: while true {
            skipWhitespace()
            guard i < n else { throw error(expected: "a JSON value") }
            var value: JSONValue
            switch p[i] {
            case UInt8(ascii: "{"):
                i += 1
                skipWhitespace()
                if i < n, p[i] == UInt8(ascii: "}") {
                    i += 1
                    value = .object(JSONObject())
                } else {
                    guard open.count < maxDepth else { throw error("nesting deeper than \(maxDepth) levels", at: i - 1) }
                    keys.push(try memberKey(after: "'{'"))
                    open.append(Open(isObject: true, start: members.count))
                    continue parsing
                }
            case UInt8(ascii: "["):
                i += 1
                skipWhitespace()
                if i < n, p[i] == UInt8(ascii: "]") {
                    i += 1
                    value = .array([])
                } else {
                    guard open.count < maxDepth else { throw error("nesting deeper than \(maxDepth) levels", at: i - 1) }
                    open.append(Open(isObject: false, start: members.count))
                    continue parsing
                }
            default:
                value = try scalar()
            }

            // Hand the finished value to its container; close containers that end here.
            while let top = open.last {
                members.push(value)
                skipWhitespace()
                if top.isObject {
                    if i < n, p[i] == UInt8(ascii: ",") {
                        i += 1
                        skipWhitespace()
                        keys.push(try memberKey(after: "','"))
                        continue parsing
                    }
                    guard i < n, p[i] == UInt8(ascii: "}") else {
                        throw error(expected: "',' or '}' after object member")
                    }
                    i += 1
                    let count = members.count - top.start
                    value = .object(JSONObject(keys: keys.popArray(from: keys.count - count), values: members.popArray(from: top.start)))
                } else {
                    if i < n, p[i] == UInt8(ascii: ",") {
                        i += 1
                        continue parsing
                    }
                    guard i < n, p[i] == UInt8(ascii: "]") else {
                        throw error(expected: "',' or ']' after array element")
                    }
                    i += 1
                    value = .array(members.popArray(from: top.start))
                }
                open.removeLast()
            }
            skipWhitespace()
            guard i == n else { throw error("trailing data after JSON value", at: i) }
            return value
        }
    }

    /// A `"key"` and its `:`; the cursor is at the key's opening quote (after whitespace).
    private mutating func memberKey(after what: String) throws(JSONSyntaxError) -> String {
        guard i < n, p[i] == UInt8(ascii: "\"") else {
            throw error(expected: "property name in double quotes after \(what)")
        }
        i += 1
        let key = try stringBody(interning: true)
        skipWhitespace()
        guard i < n, p[i] == UInt8(ascii: ":") else { throw error(expected: "':' after property name") }
        i += 1
        return key
    }

    @inline(__always)
    private mutating func skipWhitespace() {
        // Pretty-printed files indent with runs of spaces: take them eight at a time.
        while n - i >= 8,
            UnsafeRawPointer(p).loadUnaligned(fromByteOffset: i, as: UInt64.self) == 0x2020_2020_2020_2020
        {
            i += 8
        }
        while i < n {
            switch p[i] {
            case 0x20, 0x0A, 0x0D, 0x09: i += 1
            default: return
            }
        }
    }

    // MARK: Scalars

    private mutating func scalar() throws(JSONSyntaxError) -> JSONValue {
        switch p[i] {
        case UInt8(ascii: "\""):
            i += 1
            return .string(try stringBody())
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            return try number()
        case UInt8(ascii: "n"):
            try literal("null")
            return .null
        case UInt8(ascii: "t"):
            try literal("true")
            return .bool(true)
        case UInt8(ascii: "f"):
            try literal("false")
            return .bool(false)
        case UInt8(ascii: "N"):
            try literal("NaN")
            return .float(.nan)
        case UInt8(ascii: "I"):
            try literal("Infinity")
            return .float(.infinity)
        default:
            throw error(expected: "a JSON value")
        }
    }

    private mutating func literal(_ word: StaticString) throws(JSONSyntaxError) {
        let count = word.utf8CodeUnitCount
        let w = word.utf8Start
        guard n - i >= count else { throw error(expected: "a JSON value") }
        for k in 0..<count where p[i + k] != w[k] { throw error(expected: "a JSON value") }
        i += count
    }

    // MARK: Strings

    /// The rest of a string after its opening quote; leaves the cursor after the closing quote.
    private mutating func stringBody(interning: Bool = false) throws(JSONSyntaxError) -> String {
        let start = i
        try scanPlain()
        if i < n, p[i] == UInt8(ascii: "\"") {
            let raw = UnsafeBufferPointer(start: p + start, count: i - start)
            i += 1
            // Keys repeat in every item of a result file; reusing a long key's String saves an
            // allocation and a validation pass. Short keys are inline strings and cost nothing.
            guard interning && raw.count > 15 else { return String(decoding: raw, as: UTF8.self) }
            return internedKey(raw)
        }
        // An escape: assemble the decoded bytes in the scratch buffer.
        scratch.removeAll(keepingCapacity: true)
        scratch.append(contentsOf: UnsafeBufferPointer(start: p + start, count: i - start))
        while true {
            // Here p[i] is a backslash (scanPlain stops only at a quote, backslash or the end).
            try escape()
            let segment = i
            try scanPlain()
            scratch.append(contentsOf: UnsafeBufferPointer(start: p + segment, count: i - segment))
            if i < n, p[i] == UInt8(ascii: "\"") {
                i += 1
                return String(decoding: scratch, as: UTF8.self)
            }
        }
    }

    private mutating func internedKey(_ raw: UnsafeBufferPointer<UInt8>) -> String {
        let slot = Int(truncatingIfNeeded: (raw.count &* 31) ^ Int(raw[raw.count - 1]) &* 7 ^ Int(raw[raw.count / 2])) & 63
        if let cached = keyCache[slot], cached.utf8.count == raw.count {
            let same = cached.utf8.withContiguousStorageIfAvailable { memcmp($0.baseAddress!, raw.baseAddress!, raw.count) == 0 }
            if same == true { return cached }
        }
        let key = String(decoding: raw, as: UTF8.self)
        keyCache[slot] = key
        return key
    }

    /// Advances over unescaped string content, validating UTF-8 and rejecting control
    /// characters; stops at `"` or `\`, and throws at the end of input.
    @inline(__always)
    private mutating func scanPlain() throws(JSONSyntaxError) {
        let raw = UnsafeRawPointer(p)
        while true {
            // Eight ASCII bytes at a time while none is a quote, backslash, control or non-ASCII.
            while n - i >= 8 {
                let w = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: i, as: UInt64.self))
                if Self.needsAttention(w) { break }
                i += 8
            }
            guard i < n else { throw error("unterminated string", at: n) }
            let b = p[i]
            if b == UInt8(ascii: "\"") || b == UInt8(ascii: "\\") { return }
            if b < 0x20 {
                throw error("invalid control character U+\(Self.hex4(UInt32(b))) in string (must be escaped)", at: i)
            }
            if b < 0x80 {
                i += 1
            } else if b >= 0xE1 && b <= 0xEC && n - i >= 3 && p[i + 1] & 0xC0 == 0x80 && p[i + 2] & 0xC0 == 0x80 {
                i += 3  // the common three-byte case (CJK text) without the general check
            } else {
                try utf8Sequence()
            }
        }
    }

    private static let ones: UInt64 = 0x0101_0101_0101_0101
    private static let highs: UInt64 = 0x8080_8080_8080_8080

    /// True when some byte of `w` is `"`, `\`, below 0x20 or above 0x7F (may be true for a
    /// harmless word after such a byte; the byte loop then sorts it out).
    @inline(__always)
    private static func needsAttention(_ w: UInt64) -> Bool {
        let control = (w &- ones &* 0x20) & ~w
        let q = w ^ (ones &* 0x22)
        let quote = (q &- ones) & ~q
        let s = w ^ (ones &* 0x5C)
        let slash = (s &- ones) & ~s
        return ((control | quote | slash) & highs) | (w & highs) != 0
    }

    /// Validates one multi-byte UTF-8 sequence at the cursor and steps over it.
    @inline(__always)
    private mutating func utf8Sequence() throws(JSONSyntaxError) {
        let length = Self.validUTF8Length(p, i, n)
        guard length > 0 else { throw error("invalid UTF-8 byte sequence", at: i) }
        i += length
    }

    /// Length of the well-formed UTF-8 sequence at `p[i]` (lead byte ≥ 0x80), or 0.
    static func validUTF8Length(_ p: UnsafePointer<UInt8>, _ i: Int, _ n: Int) -> Int {
        let b0 = p[i]
        @inline(__always) func cont(_ k: Int, _ lo: UInt8 = 0x80, _ hi: UInt8 = 0xBF) -> Bool {
            i + k < n && p[i + k] >= lo && p[i + k] <= hi
        }
        switch b0 {
        case 0xC2...0xDF: return cont(1) ? 2 : 0
        case 0xE0: return cont(1, 0xA0) && cont(2) ? 3 : 0
        case 0xE1...0xEC, 0xEE...0xEF: return cont(1) && cont(2) ? 3 : 0
        case 0xED: return cont(1, 0x80, 0x9F) && cont(2) ? 3 : 0
        case 0xF0: return cont(1, 0x90) && cont(2) && cont(3) ? 4 : 0
        case 0xF1...0xF3: return cont(1) && cont(2) && cont(3) ? 4 : 0
        case 0xF4: return cont(1, 0x80, 0x8F) && cont(2) && cont(3) ? 4 : 0
        default: return 0
        }
    }

    /// Decodes the escape at the cursor (a backslash) into `scratch`.
    private mutating func escape() throws(JSONSyntaxError) {
        let at = i
        guard i + 1 < n else { throw error("unterminated string", at: n) }
        let c = p[i + 1]
        i += 2
        switch c {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): scratch.append(c)
        case UInt8(ascii: "b"): scratch.append(0x08)
        case UInt8(ascii: "f"): scratch.append(0x0C)
        case UInt8(ascii: "n"): scratch.append(0x0A)
        case UInt8(ascii: "r"): scratch.append(0x0D)
        case UInt8(ascii: "t"): scratch.append(0x09)
        case UInt8(ascii: "u"):
            var code = try hex4(at: at)
            if code >= 0xDC00 && code <= 0xDFFF {
                throw error("lone low surrogate \\u\(Self.hex4(code)) (not representable as text)", at: at)
            }
            if code >= 0xD800 && code <= 0xDBFF {
                guard n - i >= 2, p[i] == UInt8(ascii: "\\"), p[i + 1] == UInt8(ascii: "u") else {
                    throw error("lone high surrogate \\u\(Self.hex4(code)) (not representable as text)", at: at)
                }
                let low = try hex4(at: i)
                guard low >= 0xDC00 && low <= 0xDFFF else {
                    throw error("lone high surrogate \\u\(Self.hex4(code)) (not representable as text)", at: at)
                }
                code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
            }
            appendUTF8(code)
        default:
            throw error("invalid escape '\\\(Self.describe(c))' in string", at: at)
        }
    }

    /// The four hex digits of the `\u` escape starting at `at`; leaves the cursor after them.
    private mutating func hex4(at: Int) throws(JSONSyntaxError) -> UInt32 {
        let digits = at + 2
        guard n - digits >= 4 else { throw error("invalid \\u escape (needs four hex digits)", at: at) }
        var v: UInt32 = 0
        for k in 0..<4 {
            let b = p[digits + k]
            let d: UInt8
            switch b {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): d = b - 48
            case UInt8(ascii: "a")...UInt8(ascii: "f"): d = b - 87
            case UInt8(ascii: "A")...UInt8(ascii: "F"): d = b - 55
            default: throw error("invalid \\u escape (needs four hex digits)", at: at)
            }
            v = v << 4 | UInt32(d)
        }
        i = digits + 4
        return v
    }

    private mutating func appendUTF8(_ c: UInt32) {
        switch c {
        case ..<0x80:
            scratch.append(UInt8(c))
        case ..<0x800:
            scratch.append(UInt8(0xC0 | c >> 6))
            scratch.append(UInt8(0x80 | c & 0x3F))
        case ..<0x10000:
            scratch.append(UInt8(0xE0 | c >> 12))
            scratch.append(UInt8(0x80 | (c >> 6) & 0x3F))
            scratch.append(UInt8(0x80 | c & 0x3F))
        default:
            scratch.append(UInt8(0xF0 | c >> 18))
            scratch.append(UInt8(0x80 | (c >> 12) & 0x3F))
            scratch.append(UInt8(0x80 | (c >> 6) & 0x3F))
            scratch.append(UInt8(0x80 | c & 0x3F))
        }
    }

    // MARK: Numbers

    private static let powersOf10: [Double] = (0...22).map { k in
        var v = 1.0
        for _ in 0..<k { v *= 10 }
        return v
    }

    /// `-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][-+]?[0-9]+)?`, or `-Infinity`. Like Python's scanner, a
    /// `.` or `e` not followed by digits ends the number before it.
    private mutating func number() throws(JSONSyntaxError) -> JSONValue {
        let start = i
        var negative = false
        if p[i] == UInt8(ascii: "-") {
            negative = true
            i += 1
            if i < n, p[i] == UInt8(ascii: "I") {
                try literal("Infinity")
                return .float(-.infinity)
            }
        }
        // Mantissa digits for the fast float path: up to 19 significant digits fit a UInt64.
        var mantissa: UInt64 = 0
        var significant = 0
        var fits = true
        @inline(__always) func take(_ d: UInt8) {
            if significant < 19 {
                mantissa = mantissa &* 10 &+ UInt64(d)
                if mantissa != 0 { significant += 1 }
            } else {
                fits = false
            }
        }
        guard i < n, p[i] >= UInt8(ascii: "0"), p[i] <= UInt8(ascii: "9") else {
            throw error(expected: "a digit after '-'")
        }
        if p[i] == UInt8(ascii: "0") {
            i += 1
        } else {
            while i < n, p[i] >= UInt8(ascii: "0"), p[i] <= UInt8(ascii: "9") {
                take(p[i] - 48)
                i += 1
            }
        }
        let integerEnd = i
        var exponent = 0
        var isFloat = false
        if i + 1 < n, p[i] == UInt8(ascii: "."), p[i + 1] >= UInt8(ascii: "0"), p[i + 1] <= UInt8(ascii: "9") {
            isFloat = true
            i += 1
            while i < n, p[i] >= UInt8(ascii: "0"), p[i] <= UInt8(ascii: "9") {
                take(p[i] - 48)
                exponent -= 1
                i += 1
            }
        }
        if i < n, p[i] | 0x20 == UInt8(ascii: "e") {
            var j = i + 1
            var expNegative = false
            if j < n, p[j] == UInt8(ascii: "+") || p[j] == UInt8(ascii: "-") {
                expNegative = p[j] == UInt8(ascii: "-")
                j += 1
            }
            if j < n, p[j] >= UInt8(ascii: "0"), p[j] <= UInt8(ascii: "9") {
                isFloat = true
                var e = 0
                while j < n, p[j] >= UInt8(ascii: "0"), p[j] <= UInt8(ascii: "9") {
                    if e < 100_000 { e = e * 10 + Int(p[j] - 48) }
                    j += 1
                }
                exponent += expNegative ? -e : e
                i = j
            }
        }
        let literal = UnsafeBufferPointer(start: p + start, count: i - start)
        guard isFloat else {
            let digits = integerEnd - start - (negative ? 1 : 0)
            guard digits <= JSONParser.maxIntegerDigits else {
                throw error("integer literal has \(digits) digits, more than Python's limit of \(JSONParser.maxIntegerDigits)", at: start)
            }
            if negative && digits == 1 && p[start + 1] == UInt8(ascii: "0") { return .int("0") }
            return .int(String(decoding: literal, as: UTF8.self))
        }
        // Exact when both the mantissa and the power of ten are exact doubles (Clinger).
        if fits && significant <= 15 && exponent >= -22 && exponent <= 22 {
            var v = Double(mantissa)
            v = exponent < 0 ? v / Self.powersOf10[-exponent] : v * Self.powersOf10[exponent]
            return .float(negative ? -v : v)
        }
        // glibc strtod (behind Double(String)) is correctly rounded, as Python's float() is.
        guard let v = Double(String(decoding: literal, as: UTF8.self)) else {
            throw error("number literal out of range", at: start)
        }
        return .float(v)
    }

    // MARK: Errors

    private func error(_ message: String, at offset: Int) -> JSONSyntaxError {
        JSONSyntaxError(message, at: offset, in: bytes)
    }

    /// "expected X, found Y" at the cursor, or "unexpected end of input" there.
    private func error(expected: String) -> JSONSyntaxError {
        guard i < n else { return error("unexpected end of input: expected \(expected)", at: i) }
        let b = p[i]
        if b >= 0x80 && Self.validUTF8Length(p, i, n) == 0 {
            return error("invalid UTF-8 byte sequence (expected \(expected))", at: i)
        }
        return error("expected \(expected), found \(Self.describe(at: i, p, n))", at: i)
    }

    private static func describe(at i: Int, _ p: UnsafePointer<UInt8>, _ n: Int) -> String {
        let b = p[i]
        if b >= 0x80 {
            let length = validUTF8Length(p, i, n)
            let s = String(decoding: UnsafeBufferPointer(start: p + i, count: max(length, 1)), as: UTF8.self)
            return "'\(s)'"
        }
        return "'\(describe(b))'"
    }

    private static func describe(_ b: UInt8) -> String {
        b >= 0x20 && b < 0x7F ? String(UnicodeScalar(b)) : "\\x" + String(b, radix: 16, uppercase: false).leftPadded(2)
    }

    static func hex4(_ v: UInt32) -> String {
        String(v, radix: 16, uppercase: true).leftPadded(4)
    }
}

extension String {
    fileprivate func leftPadded(_ width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}
