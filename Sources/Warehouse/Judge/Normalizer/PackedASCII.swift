// A dictionary key for short ASCII tokens.
//
// The number words and the spelling map are looked up once per token of every response;
// hashing three integers is much cheaper than hashing an array of scalars. NUL is excluded so
// that distinct tokens always pack differently (the unused bytes are zero).

struct PackedASCII: Hashable, Sendable {
    static let capacity = 24

    let a: UInt64
    let b: UInt64
    let c: UInt64

    /// nil when the token is longer than 24 scalars or holds NUL or a non-ASCII scalar: such a
    /// token is never a key.
    @inline(__always)
    init?(_ token: some Collection<Unicode.Scalar>) {
        guard token.count <= PackedASCII.capacity else { return nil }
        var w: (UInt64, UInt64, UInt64) = (0, 0, 0)
        var i: UInt64 = 0
        for ch in token {
            let v = UInt64(ch.value)
            guard v != 0, v < 0x80 else { return nil }
            let shift = 8 * (i & 7)
            switch i >> 3 {
            case 0: w.0 |= v << shift
            case 1: w.1 |= v << shift
            default: w.2 |= v << shift
            }
            i += 1
        }
        (a, b, c) = w
    }

    init?(_ word: String) { self.init(word.unicodeScalars) }
}

/// A read-only open-addressing table keyed by `PackedASCII`: a multiply-shift hash instead of
/// `Hasher`'s SipHash, since it is probed for every token of every response.
struct PackedTable<Value: Sendable>: Sendable {
    private var keys: [PackedASCII?]
    private var values: [Value?]
    private let shift: UInt64
    private let mask: Int
    let count: Int

    init(_ pairs: [(PackedASCII, Value)]) {
        var bits: UInt64 = 4
        while (1 << bits) < pairs.count * 3 { bits += 1 }
        let size = 1 << Int(bits)
        keys = Array(repeating: nil, count: size)
        values = Array(repeating: nil, count: size)
        shift = 64 - bits
        mask = size - 1
        var n = 0
        for (k, v) in pairs {
            var slot = Self.slot(k, shift)
            while let existing = keys[slot], existing != k { slot = (slot + 1) & mask }
            if keys[slot] == nil { n += 1 }
            keys[slot] = k
            values[slot] = v
        }
        count = n
    }

    @inline(__always)
    private static func slot(_ k: PackedASCII, _ shift: UInt64) -> Int {
        let h = (k.a ^ (k.b &* 0x9E37_79B9_7F4A_7C15) ^ (k.c &* 0xC2B2_AE3D_27D4_EB4F)) &* 0xFF51_AFD7_ED55_8CCD
        return Int(truncatingIfNeeded: h >> shift)
    }

    @inline(__always)
    subscript(key: PackedASCII) -> Value? {
        var slot = Self.slot(key, shift)
        while let k = keys[slot] {
            if k == key { return values[slot] }
            slot = (slot + 1) & mask
        }
        return nil
    }
}
