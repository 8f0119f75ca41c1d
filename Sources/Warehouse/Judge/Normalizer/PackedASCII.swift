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
