import Dispatch
import Foundation

/// `(0..<count).map(body)` on every core, results in order; the first error (by index) is
/// rethrown after all iterations finished.
func concurrentMap<T>(_ count: Int, _ body: @Sendable (Int) throws -> T) throws -> [T] {
    let results = ConcurrentResults<T>(count: count)
    DispatchQueue.concurrentPerform(iterations: count) { index in
        results.set(index, Result { try body(index) })
    }
    return try results.values()
}

/// The results of `concurrentPerform` iterations, each written once by its own iteration.
private final class ConcurrentResults<T>: @unchecked Sendable {
    private let lock = NSLock()
    private var slots: [Result<T, any Error>?]

    init(count: Int) { slots = Array(repeating: nil, count: count) }

    func set(_ index: Int, _ value: Result<T, any Error>) {
        lock.withLock { slots[index] = value }
    }

    func values() throws -> [T] {
        try lock.withLock { try slots.map { try $0!.get() } }
    }
}
