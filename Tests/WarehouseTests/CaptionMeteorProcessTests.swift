import Foundation
import Testing
@testable import Warehouse

@Suite struct CaptionMeteorProcessTests {
    /// A JVM that cannot start (here: a corrupt jar) is reported with its stderr.
    @Test func aDeadJVMIsAnErrorWithItsStderr() throws {
        try SharedCaption.withCorruptMeteorJar { toolchain in
            let meteor = try MeteorProcess(toolchain: toolchain, timeout: 60)
            let error = #expect(throws: MeteorProcessError.self) {
                try meteor.segmentStats(candidate: "a dog", references: ["a dog barks"])
            }
            guard case .died(let status, let stderr) = error else {
                Issue.record("expected .died, got \(String(describing: error))")
                return
            }
            #expect(status != 0)
            #expect(stderr.contains("jarfile"))
            // Once dead, always dead: no second attempt on a broken pipe.
            #expect(throws: MeteorProcessError.self) { try meteor.evaluate(["1.0"]) }
        }
    }

    @Test(arguments: [1, 5000])
    func aSilentJVMTimesOut(batch: Int) throws {
        var toolchain = try SharedCaption.toolchain()
        let script = FileManager.default.temporaryDirectory.appendingPathComponent("isaq_silent_java_\(UUID().uuidString).sh")
        try "#!/bin/sh\nexec sleep 30\n".write(to: script, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: script.path)
        defer { try? FileManager.default.removeItem(at: script) }
        toolchain.java = script
        let meteor = try MeteorProcess(toolchain: toolchain, timeout: 1)
        defer { meteor.close() }
        let started = Date()
        // 5000 segments are far more than a pipe buffer: the write itself blocks.
        let pairs = Array(repeating: (candidate: "a dog barks", references: ["a dog is barking loudly"]), count: batch)
        let error = #expect(throws: MeteorProcessError.self) { try meteor.segmentStats(pairs) }
        guard case .timedOut = error else {
            Issue.record("expected .timedOut, got \(String(describing: error))")
            return
        }
        #expect(Date().timeIntervalSince(started) < 10)
    }

    @Test func aClosedProcessRefusesWork() throws {
        var toolchain = try SharedCaption.toolchain()
        toolchain.meteorJar = toolchain.ptbJar  // never needs to start for real
        let meteor = try MeteorProcess(toolchain: toolchain)
        meteor.close()
        let error = #expect(throws: MeteorProcessError.self) { try meteor.evaluate([]) }
        guard case .closed = error else {
            Issue.record("expected .closed, got \(String(describing: error))")
            return
        }
    }

    @Test func linesWithBreaksAreRefused() {
        #expect(throws: MeteorProcessError.self) { try MeteorProcess.checkedScoreLine(candidate: "a\rb", references: ["c"]) }
        #expect(throws: MeteorProcessError.self) { try MeteorProcess.checkedScoreLine(candidate: "a", references: ["c\nd"]) }
        #expect((try? MeteorProcess.checkedScoreLine(candidate: "a\u{2028}b", references: ["c"])) != nil)
    }
}
