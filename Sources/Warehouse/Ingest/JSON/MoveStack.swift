/// A stack whose top elements leave as a new array by moving, not copying: building a
/// container from the parser's member stack then costs no retain/release per member.
final class MoveStack<Element> {
    private var base: UnsafeMutablePointer<Element>
    private var capacity: Int
    private(set) var count = 0

    init(capacity: Int = 64) {
        self.capacity = max(capacity, 1)
        base = .allocate(capacity: self.capacity)
    }

    deinit {
        base.deinitialize(count: count)
        base.deallocate()
    }

    @inline(__always)
    func push(_ element: Element) {
        if count == capacity { grow() }
        (base + count).initialize(to: element)
        count += 1
    }

    /// Removes the elements from `start` up and returns them in order.
    func popArray(from start: Int) -> [Element] {
        let k = count - start
        guard k > 0 else { return [] }
        let moved = [Element](unsafeUninitializedCapacity: k) { buffer, initialized in
            buffer.baseAddress!.moveInitialize(from: base + start, count: k)
            initialized = k
        }
        count = start
        return moved
    }

    private func grow() {
        let bigger = UnsafeMutablePointer<Element>.allocate(capacity: capacity * 2)
        bigger.moveInitialize(from: base, count: count)
        base.deallocate()
        base = bigger
        capacity *= 2
    }
}
