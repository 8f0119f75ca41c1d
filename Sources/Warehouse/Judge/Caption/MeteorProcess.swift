import Foundation

/// One long-lived METEOR 1.5 JVM in `-stdio` mode, exactly as aac-metrics starts it
/// (SCORING.md §8.5). Loading the paraphrase table takes many seconds, so a scoring session keeps
/// one process and streams every segment through it; batches are pipelined (all SCORE lines are
/// written before the first answer is read) so the JVM never waits on a round trip.
///
/// Not thread-safe: one caller at a time.
public final class MeteorProcess: @unchecked Sendable {
    public let toolchain: CaptionToolchain
    /// Longest wait for the next output line before the JVM is considered hung and killed.
    public let timeout: TimeInterval

    private let process: Process
    private let stdin: FileHandle
    private let lines: LineQueue
    private var failure: MeteorProcessError?
    private var pendingWrite: DispatchSemaphore?

    public init(toolchain: CaptionToolchain, timeout: TimeInterval = 600) throws {
        self.toolchain = toolchain
        self.timeout = timeout
        _ = ignoreSIGPIPE
        let process = Process()
        process.executableURL = toolchain.java
        process.arguments = [
            "-Duser.country=US", "-Duser.language=en", "-jar", "-Xmx2G", toolchain.meteorJar.path,
            "-", "-", "-stdio", "-l", "en", "-norm",
        ]
        let inPipe = Pipe(), outPipe = Pipe(), errPipe = Pipe()
        process.standardInput = inPipe
        process.standardOutput = outPipe
        process.standardError = errPipe
        try process.run()
        self.process = process
        self.stdin = inPipe.fileHandleForWriting
        self.lines = LineQueue(stdout: outPipe.fileHandleForReading, stderr: errPipe.fileHandleForReading)
    }

    deinit { close() }

    /// Ends the JVM. Further calls fail.
    public func close() {
        try? stdin.close()
        if process.isRunning { process.terminate() }
        if failure == nil { failure = .closed }
    }

    /// The SCORE line aac-metrics sends: the candidate has every `|||` removed, then every double
    /// space replaced by one space (one non-recursive pass each, Python `str.replace`).
    public static func scoreLine(candidate: String, references: [String]) -> String {
        var cand = candidate.py
        cand = pyReplace(cand, "|||".py, [])
        cand = pyReplace(cand, "  ".py, [" "])
        return ["SCORE", references.joined(separator: " ||| "), String(py: cand)].joined(separator: " ||| ")
    }

    /// `scoreLine`, refusing text the jar would read as more than one line (Java's readLine
    /// also ends a line at CR).
    public static func checkedScoreLine(candidate: String, references: [String]) throws -> String {
        let line = scoreLine(candidate: candidate, references: references)
        if line.unicodeScalars.contains(where: { $0 == "\n" || $0 == "\r" }) {
            throw MeteorProcessError.lineBreak(line)
        }
        return line
    }

    /// The 23 sufficient statistics of one segment, as the line the jar prints.
    public func segmentStats(candidate: String, references: [String]) throws -> String {
        try segmentStats([(candidate, references)])[0]
    }

    /// Statistics for many segments, pipelined; one line per pair, in order.
    public func segmentStats(_ pairs: [(candidate: String, references: [String])]) throws -> [String] {
        try segmentStats(lines: pairs.map { try Self.checkedScoreLine(candidate: $0.candidate, references: $0.references) })
    }

    /// Statistics for lines made by `checkedScoreLine`, pipelined; one answer per line, in order.
    func segmentStats(lines: [String]) throws -> [String] {
        if lines.isEmpty { return [] }
        var payload = String()
        payload.reserveCapacity(lines.reduce(0) { $0 + $1.utf8.count + 1 })
        for line in lines {
            payload += line
            payload += "\n"
        }
        try send(payload)
        let answers = try receive(lines.count)
        for answer in answers where MeteorStatistics(line: answer) == nil {
            throw MeteorProcessError.unexpectedOutput(answer)
        }
        return answers
    }

    /// `EVAL ||| s1 ||| … ||| sN`: sentence scores of every segment and the corpus score computed
    /// from the jar's aggregate of all statistics.
    public func evaluate(_ stats: [String]) throws -> (sentences: [Double], corpus: Double) {
        let line = (["EVAL"] + stats).joined(separator: " ||| ")
        if line.unicodeScalars.contains(where: { $0 == "\n" || $0 == "\r" }) {
            throw MeteorProcessError.lineBreak(line)
        }
        try send(line + "\n")
        let answers = try receive(stats.count + 1)
        let scores = try answers.map { text -> Double in
            guard let value = Double(text.trimmingCharacters(in: .whitespaces)) else {
                throw MeteorProcessError.unexpectedOutput(text)
            }
            return value
        }
        return (Array(scores.dropLast()), scores[scores.count - 1])
    }

    /// Writes on a background thread: a batch is larger than the pipe buffer, and a hung JVM
    /// that stops reading must still run into the read time-out (killing it ends the write).
    private func send(_ text: String) throws {
        if let failure { throw failure }
        let stdin = self.stdin
        let data = Data(text.utf8)
        let written = DispatchSemaphore(value: 0)
        Thread {
            // A failed write means the JVM is gone; the reader sees the end of its output.
            try? stdin.write(contentsOf: data)
            written.signal()
        }.start()
        pendingWrite = written
    }

    /// After all answers arrived the JVM has read everything, so the write is done. After a
    /// failure the wait is bounded: a writer stuck on a pipe nobody reads is abandoned (on Linux
    /// the write to a killed child's stdin does not fail promptly, measured: it stays blocked).
    private func finishWrite(bounded: Bool = false) {
        if bounded {
            _ = pendingWrite?.wait(timeout: .now() + 5)
        } else {
            pendingWrite?.wait()
        }
        pendingWrite = nil
    }

    private func receive(_ count: Int) throws -> [String] {
        switch lines.take(count, idleTimeout: timeout) {
        case .lines(let result):
            finishWrite()
            return result
        case .ended:
            fail(.died(status: waitForExit(), stderr: lines.stderrTail()))
        case .timedOut:
            process.terminate()
            fail(.timedOut(seconds: timeout))
        }
        finishWrite(bounded: true)
        throw failure!
    }

    private func fail(_ error: MeteorProcessError) {
        failure = error
        try? stdin.close()
    }

    private func waitForExit() -> Int32? {
        let deadline = Date().addingTimeInterval(5)
        while process.isRunning, Date() < deadline { Thread.sleep(forTimeInterval: 0.01) }
        return process.isRunning ? nil : process.terminationStatus
    }
}

/// Python `s.replace(old, new)`: non-overlapping, left to right, no re-scan of the output.
private func pyReplace(_ s: PyString, _ old: PyString, _ new: PyString) -> PyString {
    let pieces = Py.split(s, on: old)
    var out = PyString()
    out.reserveCapacity(s.count)
    for (i, piece) in pieces.enumerated() {
        if i > 0 { out.append(contentsOf: new) }
        out.append(contentsOf: piece)
    }
    return out
}

/// A JVM that died while we were writing to it must surface as an error, not kill us by SIGPIPE.
private let ignoreSIGPIPE: Void = {
    signal(SIGPIPE, SIG_IGN)
}()

public enum MeteorProcessError: Error, CustomStringConvertible, Sendable {
    case died(status: Int32?, stderr: String)
    case timedOut(seconds: TimeInterval)
    case unexpectedOutput(String)
    case lineBreak(String)
    case closed

    public var description: String {
        switch self {
        case .died(let status, let stderr):
            let how = status.map { "exited with status \($0)" } ?? "stopped answering"
            return "METEOR JVM \(how): \(stderr.isEmpty ? "(no stderr)" : stderr)"
        case .timedOut(let seconds):
            return "METEOR JVM produced no output for \(Int(seconds)) s and was killed"
        case .unexpectedOutput(let line):
            return "METEOR JVM answered with an unexpected line: \(line.debugDescription)"
        case .lineBreak(let line):
            return "METEOR input contains a line break, which would desynchronise the protocol: \(line.prefix(200).debugDescription)"
        case .closed:
            return "METEOR process already closed"
        }
    }
}

/// Collects the JVM's stdout lines on a reader thread so the caller can wait for them with a
/// time-out, and keeps the tail of stderr for error messages.
private final class LineQueue: @unchecked Sendable {
    enum Outcome { case lines([String]), ended, timedOut }

    private let condition = NSCondition()
    private var ready: [String] = []
    private var head = 0
    private var ended = false
    private var stderrBuffer = Data()
    private var stderrEnded = false

    init(stdout: FileHandle, stderr: FileHandle) {
        Thread { [self] in
            var pending = Data()
            while true {
                let chunk = stdout.availableData
                if chunk.isEmpty { break }
                pending.append(chunk)
                var complete: [String] = []
                var lineStart = pending.startIndex
                for index in pending.indices where pending[index] == 0x0A {
                    complete.append(String(decoding: pending[lineStart..<index], as: UTF8.self))
                    lineStart = index + 1
                }
                if lineStart != pending.startIndex { pending = Data(pending[lineStart...]) }
                if !complete.isEmpty {
                    condition.lock()
                    ready.append(contentsOf: complete)
                    condition.broadcast()
                    condition.unlock()
                }
            }
            condition.lock()
            ended = true
            condition.broadcast()
            condition.unlock()
        }.start()
        Thread { [self] in
            while true {
                let chunk = stderr.availableData
                if chunk.isEmpty { break }
                condition.lock()
                stderrBuffer.append(chunk)
                if stderrBuffer.count > 8192 { stderrBuffer = stderrBuffer.suffix(4096) }
                condition.unlock()
            }
            condition.lock()
            stderrEnded = true
            condition.broadcast()
            condition.unlock()
        }.start()
    }

    /// Waits for `count` lines; the time-out restarts whenever a line arrives.
    func take(_ count: Int, idleTimeout: TimeInterval) -> Outcome {
        condition.lock()
        defer { condition.unlock() }
        var deadline = Date().addingTimeInterval(idleTimeout)
        var seen = ready.count - head
        while ready.count - head < count {
            if ended { return .ended }
            if !condition.wait(until: deadline) {
                if ready.count - head == seen { return .timedOut }
            }
            if ready.count - head != seen {
                seen = ready.count - head
                deadline = Date().addingTimeInterval(idleTimeout)
            }
        }
        let out = Array(ready[head..<(head + count)])
        head += count
        if head > 4096, head * 2 > ready.count {
            ready.removeFirst(head)
            head = 0
        }
        return .lines(out)
    }

    /// What the JVM wrote to stderr, waiting briefly for the rest of it when the JVM has died.
    func stderrTail() -> String {
        condition.lock()
        defer { condition.unlock() }
        let deadline = Date().addingTimeInterval(2)
        while !stderrEnded, ended, condition.wait(until: deadline) {}
        return String(decoding: stderrBuffer, as: UTF8.self)
    }
}
