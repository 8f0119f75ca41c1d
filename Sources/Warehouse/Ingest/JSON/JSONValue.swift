// A parsed JSON document as Python's `json.loads` would see it (SCORING.md §0 json_parse).
//
// Integers keep their exact decimal digits because Python ints are unbounded and `str()` of one
// prints every digit; objects keep insertion order with Python dict semantics for duplicates.

/// An ordered JSON tree.
///
/// Equality is structural and exact: strings compare by Unicode scalars (not by Swift's
/// canonical equivalence), objects compare in key order (unlike Python's order-insensitive dict
/// `==`), `int` and `float` never equal each other, and two NaNs are equal so that the type can
/// be `Hashable`.
///
/// Only `object` is boxed (`indirect`): arrays already live on the heap, and boxing every
/// scalar would cost an allocation per value, which dominated parse time.
public enum JSONValue: Sendable {
    case null
    case bool(Bool)
    /// Canonical decimal digits of a Python int: optional `-`, no leading zeros, never `-0`.
    case int(String)
    case float(Double)
    case string(String)
    case array([JSONValue])
    indirect case object(JSONObject)
}

extension JSONValue {
    /// The type name used in error messages.
    public var typeName: String {
        switch self {
        case .null: return "null"
        case .bool: return "boolean"
        case .int, .float: return "number"
        case .string: return "string"
        case .array: return "array"
        case .object: return "object"
        }
    }

    public var stringValue: String? {
        if case .string(let s) = self { return s }
        return nil
    }

    public var boolValue: Bool? {
        if case .bool(let b) = self { return b }
        return nil
    }

    /// The integer when it fits an `Int`.
    public var intValue: Int? {
        if case .int(let digits) = self { return Int(digits) }
        return nil
    }

    /// The number as a Python `float()` would give it (ints convert with correct rounding).
    public var doubleValue: Double? {
        switch self {
        case .float(let d): return d
        case .int(let digits): return Double(digits)
        default: return nil
        }
    }

    public var arrayValue: [JSONValue]? {
        if case .array(let a) = self { return a }
        return nil
    }

    public var objectValue: JSONObject? {
        if case .object(let o) = self { return o }
        return nil
    }

    public var isNull: Bool {
        if case .null = self { return true }
        return false
    }

    /// Member of an object, or nil for a missing key or a non-object.
    public subscript(key: String) -> JSONValue? {
        if case .object(let o) = self { return o[key] }
        return nil
    }

    /// Element of an array, or nil when out of range or not an array.
    public subscript(index: Int) -> JSONValue? {
        if case .array(let a) = self, a.indices.contains(index) { return a[index] }
        return nil
    }

    /// An int from a Swift integer.
    public static func int(_ value: Int) -> JSONValue { .int(String(value)) }
}

extension JSONValue: Hashable {
    public static func == (lhs: JSONValue, rhs: JSONValue) -> Bool {
        switch (lhs, rhs) {
        case (.null, .null): return true
        case (.bool(let a), .bool(let b)): return a == b
        case (.int(let a), .int(let b)): return a.utf8.elementsEqual(b.utf8)
        case (.float(let a), .float(let b)): return a == b || (a.isNaN && b.isNaN)
        case (.string(let a), .string(let b)): return a.utf8.elementsEqual(b.utf8)
        case (.array(let a), .array(let b)): return a == b
        case (.object(let a), .object(let b)): return a == b
        default: return false
        }
    }

    public func hash(into hasher: inout Hasher) {
        switch self {
        case .null: hasher.combine(0 as UInt8)
        case .bool(let b): hasher.combine(1 as UInt8); hasher.combine(b)
        case .int(let s): hasher.combine(2 as UInt8); ExactKey.hashBytes(s, into: &hasher)
        case .float(let d):
            hasher.combine(3 as UInt8)
            // -0.0 == 0.0 and NaN == NaN under `==` above, so they must hash alike.
            hasher.combine(d.isNaN ? Double.nan.bitPattern : (d == 0 ? 0 : d.bitPattern))
        case .string(let s): hasher.combine(4 as UInt8); ExactKey.hashBytes(s, into: &hasher)
        case .array(let a): hasher.combine(5 as UInt8); hasher.combine(a)
        case .object(let o): hasher.combine(6 as UInt8); hasher.combine(o)
        }
    }
}

extension JSONValue: ExpressibleByStringLiteral, ExpressibleByBooleanLiteral, ExpressibleByNilLiteral,
    ExpressibleByIntegerLiteral, ExpressibleByFloatLiteral, ExpressibleByArrayLiteral,
    ExpressibleByDictionaryLiteral
{
    public init(stringLiteral value: String) { self = .string(value) }
    public init(booleanLiteral value: Bool) { self = .bool(value) }
    public init(nilLiteral: ()) { self = .null }
    public init(integerLiteral value: Int) { self = .int(String(value)) }
    public init(floatLiteral value: Double) { self = .float(value) }
    public init(arrayLiteral elements: JSONValue...) { self = .array(elements) }
    public init(dictionaryLiteral elements: (String, JSONValue)...) {
        var o = JSONObject()
        for (k, v) in elements { o[k] = v }
        self = .object(o)
    }
}
