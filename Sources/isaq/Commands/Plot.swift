import ArgumentParser
import Foundation
import Warehouse

struct Plot: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Figures as standalone SVG: radar, area ratios, forgetting.",
        discussion: "Deterministic output, text as <text> elements, Paul Tol's colour-blind-safe palette.",
        subcommands: [PlotRadar.self, PlotArea.self, PlotForgetting.self])
}

struct PlotRadar: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "radar", abstract: "The 11-axis radar (D1…N2), one polygon per checkpoint.")

    @OptionGroup var warehouse: WarehouseOptions
    @Option(help: "ifr or rps.") var metric: RadarMetric = .ifr
    @Option(help: "The cohort (required for rps; for ifr it picks the checkpoints).") var cohort: String?
    @Option(name: .customLong("checkpoint"), help: "Only this checkpoint (repeatable).") var checkpoints: [String] = []
    @Option(name: .shortAndLong, help: "Write to this file instead of stdout.") var output: String?

    func run() throws {
        let w = try warehouse.open(readOnly: true)
        let members = try w.paperMembers(cohort: cohort, checkpoints: checkpoints)
        guard !members.isEmpty else { throw ValidationError("no scored checkpoint to plot") }
        let title = metric == .ifr ? "IFR per radar axis" + (cohort.map { ", cohort \($0)" } ?? "") : "RPS per radar axis, cohort \(cohort ?? "")"
        let chart = RadarChart(title: title, metric: metric, series: try w.radarSeries(members: members, metric: metric, cohort: cohort))
        try emit(chart.svg, to: output)
    }
}

struct PlotArea: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "area", abstract: "IFR and RPS area ratios of a cohort as sorted bars.")

    @OptionGroup var warehouse: WarehouseOptions
    @Option(help: "The cohort.") var cohort: String
    @Option(name: .customLong("checkpoint"), help: "Only this checkpoint (repeatable).") var checkpoints: [String] = []
    @Option(name: .shortAndLong, help: "Write to this file instead of stdout.") var output: String?

    func run() throws {
        var options = PaperTableOptions()
        options.kind = .area
        options.cohort = cohort
        options.checkpoints = checkpoints
        let area = try warehouse.open(readOnly: true).paperTables(options).tables[0]
        let chart = AreaChart(title: "Radar area ratios, cohort \(cohort)",
                              members: area.columns.indices.map { (area.columns[$0], area.rows[0].cells[$0].value, area.rows[1].cells[$0].value) })
        try emit(chart.svg, to: output)
    }
}

struct PlotForgetting: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "forgetting",
                                                    abstract: "Diverging bars of Δmetric_IF and ΔIFR per class, with significance marks.")

    @OptionGroup var warehouse: WarehouseOptions
    @Option(help: "The checkpoint before fine-tuning (default: the parent of --after).") var before: String?
    @Option(help: "The checkpoint after fine-tuning.") var after: String
    @Option(help: "Only this dimension: d, f or n.") var dim: String?
    @Option(help: "Only this task.") var task: String?
    @Option(name: .shortAndLong, help: "Write to this file instead of stdout.") var output: String?

    func run() throws {
        var options = ForgettingOptions()
        options.by = "class"
        options.dim = dim
        options.task = task
        let report = try warehouse.open(readOnly: true).forgetting(before: before, after: after, options: options)
        try emit(ForgettingChart(report: report).svg, to: output)
    }
}
