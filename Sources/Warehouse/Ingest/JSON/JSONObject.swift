import Foundation

// A JSON object with Python dict semantics: insertion order is kept, and assigning to an
// existing key (including a duplicate key in the source text) keeps the key's first position
// but takes the new value.

/// An ordered JSON object. Keys compare by Unicode scalars, never by canonical equivalence,
/// because Python dict lookup is exact code-point equality.
public struct JSONObject: Sendable {
    public private(set) var keys: [String] = []
    public private(set) var values: [JSONValue] = []
    /// Built only for larger objects: a linear scan beats hashing for the few keys of a typical
    /// result item.
    private var index: [ExactKey: Int]? = nil

    private static let indexThreshold = 12

    public init() {}

    public init(_ pairs: some Sequence<(String, JSONValue)>) {
        for (k, v) in pairs { self[k] = v }
    }

    /// Members in source order, duplicates resolved as Python does. The common case, no
    /// duplicate, copies both arrays once at their exact size.
    init(keys: [String], values: [JSONValue]) {
        if Self.hasDuplicate(keys) {
            for (k, v) in zip(keys, values) { self[k] = v }
        } else {
            self.keys = keys
            self.values = values
            rebuildIndex()
        }
    }

    private static func hasDuplicate(_ keys: [String]) -> Bool {
        if keys.count <= indexThreshold {
            var i = keys.startIndex
            while i < keys.endIndex {
                var j = i + 1
                while j < keys.endIndex {
                    if ExactKey.equal(keys[i], keys[j]) { return true }
                    j += 1
                }
                i += 1
            }
            return false
        }
        var seen = Set<ExactKey>(minimumCapacity: keys.count)
        for k in keys where !seen.insert(ExactKey(k)).inserted { return true }
        return false
    }

    public var count: Int { keys.count }
    public var isEmpty: Bool { keys.isEmpty }

    /// Position of `key` in insertion order.
    public func position(of key: String) -> Int? {
        if let index { return index[ExactKey(key)] }
        for i in keys.indices where ExactKey.equal(keys[i], key) { return i }
        return nil
    }

    public func contains(_ key: String) -> Bool { position(of: key) != nil }

    /// Get, set (kept in place when present, appended otherwise) or remove (nil) a member.
    public subscript(key: String) -> JSONValue? {
        get { position(of: key).map { values[$0] } }
        set {
            if let newValue {
                if let i = position(of: key) {
                    values[i] = newValue
                } else {
                    append(key, newValue)
                }
            } else if let i = position(of: key) {
                keys.remove(at: i)
                values.remove(at: i)
                rebuildIndex()
            }
        }
    }

    /// The pair at an insertion-order position.
    public subscript(position position: Int) -> (key: String, value: JSONValue) {
        (keys[position], values[position])
    }

    private mutating func append(_ key: String, _ value: JSONValue) {
        keys.append(key)
        values.append(value)
        if index != nil {
            index![ExactKey(key)] = keys.count - 1
        } else if keys.count > Self.indexThreshold {
            rebuildIndex()
        }
    }

    private mutating func rebuildIndex() {
        guard keys.count > Self.indexThreshold else { index = nil; return }
        var d = [ExactKey: Int](minimumCapacity: keys.count)
        for (i, k) in keys.enumerated() { d[ExactKey(k)] = i }
        index = d
    }
}

extension JSONObject: Sequence {
    public struct Iterator: IteratorProtocol {
        private let object: JSONObject
        private var i = 0
        init(_ object: JSONObject) { self.object = object }
        public mutating func next() -> (key: String, value: JSONValue)? {
            guard i < object.keys.count else { return nil }
            defer { i += 1 }
            return (object.keys[i], object.values[i])
        }
    }

    public func makeIterator() -> Iterator { Iterator(self) }
    public var underestimatedCount: Int { keys.count }
}

extension JSONObject: Hashable {
    /// Order-sensitive: two objects are equal when they list the same keys in the same order
    /// with equal values.
    public static func == (lhs: JSONObject, rhs: JSONObject) -> Bool {
        guard lhs.keys.count == rhs.keys.count else { return false }
        for i in lhs.keys.indices where !ExactKey.equal(lhs.keys[i], rhs.keys[i]) { return false }
        return lhs.values == rhs.values
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(keys.count)
        for k in keys { ExactKey.hashBytes(k, into: &hasher) }
        hasher.combine(values)
    }
}

extension JSONObject: ExpressibleByDictionaryLiteral {
    public init(dictionaryLiteral elements: (String, JSONValue)...) {
        self.init(elements)
    }
}

/// A string key with Python's exact code-point equality (same scalars, so same UTF-8 bytes).
struct ExactKey: Hashable {
    let string: String
    init(_ string: String) { self.string = string }

    @inline(__always)
    static func equal(_ a: String, _ b: String) -> Bool {
        let n = a.utf8.count
        guard n == b.utf8.count else { return false }
        guard n > 0 else { return true }
        let same = a.utf8.withContiguousStorageIfAvailable { pa in
            b.utf8.withContiguousStorageIfAvailable { pb in memcmp(pa.baseAddress!, pb.baseAddress!, n) == 0 }
        }
        if let same, let same { return same }
        return a.utf8.elementsEqual(b.utf8)
    }

    static func == (lhs: ExactKey, rhs: ExactKey) -> Bool { equal(lhs.string, rhs.string) }

    func hash(into hasher: inout Hasher) { Self.hashBytes(string, into: &hasher) }

    static func hashBytes(_ s: String, into hasher: inout Hasher) {
        let done: Void? = s.utf8.withContiguousStorageIfAvailable { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
        if done == nil {
            for b in s.utf8 { hasher.combine(b) }
        }
        hasher.combine(0xFF as UInt8)  // never a UTF-8 byte: keeps concatenations apart
    }
}
