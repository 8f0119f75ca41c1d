/// A small seeded generator, so the synthetic corpora are identical on every machine.
public struct SplitMix64: RandomNumberGenerator, Sendable {
    private var state: UInt64
    private static let increment: UInt64 = 0x9E37_79B9_7F4A_7C15

    public init(seed: UInt64) { state = seed }

    public mutating func next() -> UInt64 {
        state &+= Self.increment
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// The generator as it would be after `draws` calls of `next()`. The state only ever grows
    /// by the increment, so a thread can start its share of a stream without drawing up to it.
    public func advanced(by draws: UInt64) -> SplitMix64 {
        var g = self
        g.state &+= draws &* Self.increment
        return g
    }
}
