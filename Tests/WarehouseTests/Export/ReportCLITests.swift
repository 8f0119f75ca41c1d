import Foundation
import Testing
@testable import Warehouse

/// The output commands as a user runs them: files written with -o, errors for missing options.
@Suite struct ReportCLITests {
    @Test func exportTablePlotAndHTMLWriteFiles() throws {
        try PaperAnalysisTests.publishedWarehouse { (w: Warehouse, dir: URL) throws in
            let db = w.db.path
            let tex = dir.appendingPathComponent("d.tex").path
            let r = try CLI.run(["export", "table", "--db", db, "--kind", "class", "--cohort", "isa-bench-2025", "--dim", "d", "--task", "asr",
                                 "--format", "latex", "--caption", "D ASR", "--label", "tab:d-asr", "-o", tex])
            #expect(r.status == 0, "\(r.stderr)")
            let latex = try String(contentsOfFile: tex, encoding: .utf8)
            #expect(latex.contains("\\caption{D ASR}") && latex.contains("\\label{tab:d-asr}") && latex.contains("\\toprule"))

            let md = try CLI.run(["export", "table", "--db", db, "--cohort", "isa-bench-2025", "--dim", "f", "--task", "s2tt",
                                  "--checkpoint", "kimi-audio", "--checkpoint", "desta2.5-audio"])
            #expect(md.stdout.contains("| class | kimi-audio | desta2.5-audio |"))
            #expect(md.stdout.contains("| F2 case | - / - | - / - |"))

            let svg = dir.appendingPathComponent("r.svg").path
            #expect(try CLI.run(["plot", "radar", "--db", db, "--metric", "rps", "--cohort", "isa-bench-2025", "-o", svg]).status == 0)
            #expect(try String(contentsOfFile: svg, encoding: .utf8).components(separatedBy: "class=\"series\"").count - 1 == 11)
            let html = dir.appendingPathComponent("r.html").path
            let report = try CLI.run(["report", "--db", db, "--html", html, "--cohort", "isa-bench-2025"])
            #expect(report.status == 0, "\(report.stderr)")
            #expect(try String(contentsOfFile: html, encoding: .utf8).contains("<h2>Leaderboard</h2>"))

            let noCohort = try CLI.run(["export", "table", "--db", db, "--kind", "rps"])
            #expect(noCohort.status != 0 && noCohort.stderr.contains("--cohort"))
            let misplaced = try CLI.run(["report", "--db", db, "--cohort", "isa-bench-2025"])
            #expect(misplaced.status == 64)
        }
    }

    @Test func newCommandsHaveHelp() throws {
        for command in [["export", "table"], ["plot"], ["plot", "radar"], ["plot", "area"], ["plot", "forgetting"], ["report"]] {
            let r = try CLI.run(command + ["--help"])
            #expect(r.status == 0)
            #expect(r.stdout.contains("OVERVIEW:") && r.stdout.contains("USAGE:"), "\(command)")
        }
    }
}
