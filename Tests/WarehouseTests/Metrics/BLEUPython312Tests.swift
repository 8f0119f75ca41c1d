import Foundation
import Testing
@testable import Warehouse

/// CPython 3.12 changed `sum` over floats (Neumaier compensation), which changes the last bit of
/// sacreBLEU scores. The upstream README installs Python 3.12; the reference venv is 3.11. This
/// runs sacreBLEU's own `compute_bleu` from the venv's site-packages under a 3.12 interpreter
/// (`ISAQ_PYTHON312`, default the pyenv 3.12.1 build; missing → failure).
@Suite struct BLEUPython312Tests {
    static var python312: String {
        ProcessInfo.processInfo.environment["ISAQ_PYTHON312"] ?? "/root/.pyenv/versions/3.12.1/bin/python3"
    }

    @Test func compensatedLogSumMatchesCPython312() throws {
        let interpreter = Self.python312
        try #require(FileManager.default.isExecutableFile(atPath: interpreter), "Python 3.12 not found at \(interpreter); set ISAQ_PYTHON312")
        let sitePackages = try PythonReference.run("import sacrebleu, pathlib; print(pathlib.Path(sacrebleu.__file__).parent.parent)")
        let site = String(decoding: sitePackages, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)

        var gen = RandomText(seed: 0x3120_0001)
        var cases: [[Int]] = []
        while cases.count < 5000 {
            let totals = (0..<4).map { _ in gen.int(0...400) }
            var correct = totals.map { gen.int(0...$0) }
            if gen.chance(0.3) { correct[gen.int(1...3)] = 0 }
            let sys = gen.int(0...500)
            cases.append(correct + totals + [sys, gen.int(0...600)])
        }
        let script = pythonFloatBits + """
        import json, sys, types
        sys.path.insert(0, \(site.debugDescription))
        lx = types.ModuleType("lxml"); lx.etree = types.ModuleType("lxml.etree")
        sys.modules["lxml"] = lx; sys.modules["lxml.etree"] = lx.etree   # only needed by dataset code
        from sacrebleu.metrics.bleu import BLEU
        assert sys.version_info[:2] >= (3, 12)
        out = []
        for c in json.load(sys.stdin):
            b = BLEU.compute_bleu(c[0:4], c[4:8], c[8], c[9], smooth_method="exp")
            out.append(fbits(b.score))
        print(json.dumps(out))
        """
        let process = Process()
        process.executableURL = URL(fileURLWithPath: interpreter)
        process.arguments = ["-c", script]
        let stdin = Pipe(), stdout = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        try process.run()
        stdin.fileHandleForWriting.write(try JSONSerialization.data(withJSONObject: cases))
        try stdin.fileHandleForWriting.close()
        let data = stdout.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        try #require(process.terminationStatus == 0)
        let expected = try #require(try JSONSerialization.jsonObject(with: data) as? [String])
        try #require(expected.count == cases.count)
        var mismatches = 0, differsFrom311 = 0
        for (k, c) in cases.enumerated() {
            let stats = BLEUStats(hypothesisLength: c[8], referenceLength: c[9], correct: Array(c[0..<4]), total: Array(c[4..<8]))
            let compensated = BLEUScore(stats, logSum: .compensated).score
            if compensated.bitPattern != doubleFromBits(expected[k])?.bitPattern {
                mismatches += 1
                if mismatches <= 10 { Issue.record("case \(c): got \(compensated), Python 3.12 \(expected[k])") }
            }
            if compensated != BLEUScore(stats).score { differsFrom311 += 1 }
        }
        #expect(mismatches == 0)
        #expect(differsFrom311 > 100)   // the two modes really differ
    }
}
