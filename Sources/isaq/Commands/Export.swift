import ArgumentParser
import Warehouse

struct Export: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write results out in other tools' formats.",
        subcommands: [ExportUpstream.self, ExportTable.self])
}

struct ExportUpstream: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "upstream",
        abstract: "Write the metric JSON files the upstream ISA-Bench scorers print, and the merged file.",
        discussion: """
            For every dimension and task of the checkpoint: OUT/<dim>/<task>/<checkpoint>_<dim>_<task>_metric.json
            (n: OUT/n/only/…), byte for byte as upstream metric.py writes them, plus
            OUT/<checkpoint>_collect_all_metrics.json as merge_outputs.py writes it.
            """)

    @OptionGroup var warehouse: WarehouseOptions
    @Option(help: "The checkpoint to export.") var checkpoint: String
    @Option(help: "The output directory.") var out: String
    @Option(help: "The ruleset whose judgments are exported.") var ruleset: String = Warehouse.currentRuleset

    func run() throws {
        let report = try warehouse.open(readOnly: true).exportUpstream(checkpoint: checkpoint, to: out, ruleset: ruleset)
        for f in report.files { print(f) }
        for o in report.omitted { printError("omitted \(o)") }
    }
}
