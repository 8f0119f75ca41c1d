import ArgumentParser
import Foundation
import Warehouse

struct Demo: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Build a demo warehouse from a deterministic synthetic corpus, judge it and print its scores.",
        discussion: """
            Writes the synthetic result files of a base model and its fine-tune (demo-model,
            demo-model@sft) to DIR (default isaq-demo/), ingests and judges them into DIR/demo.db
            (replacing an earlier demo warehouse there), prints the checkpoints and their scores, and
            writes DIR/demo-report.html (cohort demo, radars, tables, forgetting, provenance).
            """)

    @Option(help: "Where the demo corpus and warehouse go.") var dir: String = "isaq-demo"
    @Option(help: "Samples per task and dimension.") var samples: Int = 40

    func run() throws {
        let summary = try DemoWarehouse.build(directory: dir, samplesPerTask: samples)
        print("demo warehouse: \(summary.databasePath)\n")
        print(summary.checkpoints.render(.table))
        print("Scores (IFR %, and the task metric under compliance: WER %, ACC %, BLEU, METEOR):")
        print(summary.scores.render(.table), terminator: "")
        if let notice = summary.captionNotice { print("\nAAC metrics pending: \(notice)") }
        let f = summary.forgetting
        print("\nForgetting (isaq forgetting --after demo-model@sft):\n" + f.summary)
        let worse = ResultTable(columns: ["dim", "task", "variant", "subtask", "metric", "d_ifr", "d_metric", "forgotten", "learned", "verdict"],
                                rows: f.table.rows.filter { $0.last == .text("forgotten") }.map { [$0[2], $0[3], $0[4], $0[5], $0[6], $0[10], $0[13], $0[17], $0[20], $0[29]] })
        print(worse.render(.table), terminator: "")
        print("\nHTML report (open it in a browser): \(try DemoWarehouse.writeReport(summary))")
    }
}
