// Tokens of one pair or segment stored flat, interned to dense integer ids.
//
// The metric loops compare tokens millions of times; comparing small integers instead of
// scalar arrays, and keeping all tokens in one buffer instead of one array per token, is what
// makes the statistics cheap. Ids are only meaningful within one table.

struct TokenTable {
    /// Code points of all tokens, back to back.
    var scalars: [UInt32] = []
    /// Token k is `scalars[bounds[k]..<bounds[k + 1]]`.
    var bounds: [Int32] = [0]

    init(capacity: Int = 64) {
        scalars.reserveCapacity(capacity * 4)
        bounds.reserveCapacity(capacity + 1)
    }

    var count: Int { bounds.count - 1 }

    mutating func append<C: Collection>(_ token: C) where C.Element == UInt32 {
        scalars.append(contentsOf: token)
        bounds.append(Int32(scalars.count))
    }

    mutating func append(_ token: ArraySlice<Unicode.Scalar>) {
        for c in token { scalars.append(c.value) }
        bounds.append(Int32(scalars.count))
    }

    func token(_ k: Int) -> PyString {
        scalars[Int(bounds[k])..<Int(bounds[k + 1])].map { Unicode.Scalar($0)! }
    }

    /// Dense ids: equal tokens (exact code points) get equal ids, numbered by first occurrence.
    func ids() -> [Int32] {
        let n = count
        if n == 0 { return [] }
        var capacity = 16
        while capacity < 2 * n { capacity <<= 1 }
        let mask = capacity - 1
        var slots = [Int32](repeating: -1, count: capacity)
        var out = [Int32](repeating: 0, count: n)
        var representative = [Int32]()
        representative.reserveCapacity(n)
        scalars.withUnsafeBufferPointer { text in
            bounds.withUnsafeBufferPointer { b in
                for k in 0..<n {
                    let lo = Int(b[k]), hi = Int(b[k + 1])
                    var h: UInt64 = 0xCBF2_9CE4_8422_2325
                    for i in lo..<hi { h = (h ^ UInt64(text[i])) &* 0x100_0000_01B3 }
                    var slot = Int(truncatingIfNeeded: h ^ (h >> 29)) & mask
                    while true {
                        let id = slots[slot]
                        if id < 0 {
                            let newID = Int32(representative.count)
                            representative.append(Int32(k))
                            slots[slot] = newID
                            out[k] = newID
                            break
                        }
                        let r = Int(representative[Int(id)])
                        let rlo = Int(b[r]), rhi = Int(b[r + 1])
                        if rhi - rlo == hi - lo {
                            var i = 0
                            while i < hi - lo, text[rlo + i] == text[lo + i] { i += 1 }
                            if i == hi - lo { out[k] = id; break }
                        }
                        slot = (slot + 1) & mask
                    }
                }
            }
        }
        return out
    }
}
