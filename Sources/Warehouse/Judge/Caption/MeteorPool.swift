import Foundation

/// Several METEOR JVMs scoring one batch side by side. The jar scores one segment at a time on
/// one thread (about 2–5 ms a segment once warm), so a batch is split into contiguous chunks,
/// one per JVM, and the answers are put back in order.
///
/// Identical SCORE lines are sent once per pool: the jar's statistics of a segment depend only
/// on its line (every non-compliant response of an item is the same empty candidate against the
/// same references, and PTB's lower-casing makes the upper- and lower-case answers one line), so
/// the answers are kept for the session and repeats never reach a JVM.
public final class MeteorPool: @unchecked Sendable {
    /// One JVM per core, at most four: each holds the paraphrase table (about 1 GB resident).
    public static var defaultSize: Int { max(1, min(4, ProcessInfo.processInfo.activeProcessorCount)) }

    private let lanes: [Lane]
    private let answersLock = NSLock()
    /// Keyed by the line's UTF-8 bytes: `String` equality is canonical equivalence, and the jar
    /// may well score a precomposed `é` differently from `e` + U+0301.
    private var answers: [[UInt8]: String] = [:]
    private var requested = 0

    /// Segments asked for so far, and how many of them a JVM scored.
    public var counts: (requested: Int, scored: Int) { answersLock.withLock { (requested, answers.count) } }

    /// Starts every JVM at once, so they load their paraphrase tables while the caller tokenises.
    public init(toolchain: CaptionToolchain, size: Int = MeteorPool.defaultSize, timeout: TimeInterval = 600) throws {
        var lanes: [Lane] = []
        do {
            for _ in 0..<max(1, size) {
                lanes.append(Lane(try MeteorProcess(toolchain: toolchain, timeout: timeout)))
            }
        } catch {
            for lane in lanes { lane.process.close() }
            throw error
        }
        self.lanes = lanes
    }

    public var size: Int { lanes.count }

    public func close() {
        for lane in lanes { lane.lock.withLock { lane.process.close() } }
    }

    /// The 23 statistics of every pair, in order (see `MeteorProcess.segmentStats`).
    public func segmentStats(_ pairs: [(candidate: String, references: [String])]) throws -> [String] {
        if pairs.isEmpty { return [] }
        let lines = try pairs.map { try MeteorProcess.checkedScoreLine(candidate: $0.candidate, references: $0.references) }
        let keys = lines.map { Array($0.utf8) }
        var unseen: [Int] = []
        answersLock.withLock {
            requested += lines.count
            var queued = Set<[UInt8]>()
            for (i, key) in keys.enumerated() where answers[key] == nil && queued.insert(key).inserted { unseen.append(i) }
        }
        let fresh = try scoreSideBySide(unseen.map { lines[$0] })
        return answersLock.withLock {
            for (i, answer) in zip(unseen, fresh) { answers[keys[i]] = answer }
            return keys.map { answers[$0]! }
        }
    }

    /// `EVAL` on the first JVM (arithmetic only, nothing to share out).
    public func evaluate(_ stats: [String]) throws -> (sentences: [Double], corpus: Double) {
        let lane = lanes[0]
        return try lane.lock.withLock { try lane.process.evaluate(stats) }
    }

    private func scoreSideBySide(_ lines: [String]) throws -> [String] {
        // Small batches are not worth a second JVM's round trip.
        let lanes = self.lanes
        let chunks = min(lanes.count, max(1, lines.count / 64))
        if chunks == 1 {
            return try lanes[0].lock.withLock { try lanes[0].process.segmentStats(lines: lines) }
        }
        let bounds = (0...chunks).map { $0 * lines.count / chunks }
        return try concurrentMap(chunks) { index in
            let lane = lanes[index]
            let part = Array(lines[bounds[index]..<bounds[index + 1]])
            return try lane.lock.withLock { try lane.process.segmentStats(lines: part) }
        }.flatMap { $0 }
    }

    private final class Lane: @unchecked Sendable {
        let process: MeteorProcess
        let lock = NSLock()
        init(_ process: MeteorProcess) { self.process = process }
    }
}
