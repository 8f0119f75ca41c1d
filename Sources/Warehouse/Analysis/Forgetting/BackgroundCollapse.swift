import Foundation

/// The collapse indicators on a thread and read-only connection of their own: they read every
/// response text of both checkpoints and share nothing with the pairing and the bootstrap, so
/// they cost no wall time when a core is free.
final class BackgroundCollapse: @unchecked Sendable {
    private let done = DispatchSemaphore(value: 0)
    // Written once by the thread before `done` is signalled, read only after waiting for it.
    private var result: Result<ResultTable, any Error>?

    /// Nil when the warehouse is not a file a second connection can open (in memory).
    init?(path: String, checkpoints: [(String, Int)], options: ForgettingOptions) {
        guard FileManager.default.fileExists(atPath: path) else { return nil }
        Thread.detachNewThread { [self] in
            result = Result { try Warehouse.collapseIndicators(Database(path: path, readOnly: true), checkpoints: checkpoints, options: options) }
            done.signal()
        }
    }

    func wait() throws -> ResultTable {
        done.wait()
        return try result!.get()
    }
}
