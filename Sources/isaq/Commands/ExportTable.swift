import ArgumentParser
import Foundation
import Warehouse

struct ExportTable: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "table",
        abstract: "Tables laid out as in the paper: classes or variants down, checkpoints across, cells IFR / metric.",
        discussion: """
            Kinds: variant, class (one IFR / metric table per dimension × task; - / - where a
            checkpoint lacks the task), axis (IFR per radar axis), rps and area (need --cohort),
            leaderboard (--cohort), forgetting (--after, --before). LaTeX uses booktabs: the best
            value of each row bold, the second underlined (lower WER is better). CSV and JSON are
            long form: one record per cell with full precision and the printed text. See docs/reporting.md.
            """)

    @OptionGroup var warehouse: WarehouseOptions
    @Option(help: "variant, class, axis, area, leaderboard, rps or forgetting.") var kind: PaperTableKind = .class
    @Option(help: "Columns are this cohort's members (required for rps, area, leaderboard).") var cohort: String?
    @Option(name: .customLong("checkpoint"), help: "Only this checkpoint (repeatable; columns in this order).") var checkpoints: [String] = []
    @Option(help: "Only this dimension: d, f or n.") var dim: String?
    @Option(help: "Only this task.") var task: String?
    @Option(help: "forgetting: the checkpoint before fine-tuning (default: the parent of --after).") var before: String?
    @Option(help: "forgetting: the checkpoint after fine-tuning.") var after: String?
    @Option(help: "latex, markdown, csv or json (also table, ndjson).") var format: TableFormat = .markdown
    @Option(name: .shortAndLong, help: "Write to this file instead of stdout.") var output: String?
    @Option(help: "LaTeX caption.") var caption: String?
    @Option(help: "LaTeX label (several tables get :dim-task suffixes).") var label: String?

    func run() throws {
        var options = PaperTableOptions()
        options.kind = kind
        options.cohort = cohort
        options.checkpoints = checkpoints
        options.dim = dim
        options.task = task
        options.before = before
        options.after = after
        var tables = try warehouse.open(readOnly: true).paperTables(options)
        tables.caption = caption
        tables.label = label
        try emit(tables.render(format), to: output)
    }
}

/// Writes text to a file (atomically) or stdout.
func emit(_ text: String, to output: String?) throws {
    if let output {
        try Data(text.utf8).write(to: URL(fileURLWithPath: output), options: .atomic)
    } else {
        print(text, terminator: "")
    }
}

extension PaperTableKind: ExpressibleByArgument {}
extension RadarMetric: ExpressibleByArgument {}
