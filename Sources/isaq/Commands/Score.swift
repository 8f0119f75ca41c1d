import ArgumentParser
import Warehouse

struct Score: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "(Re)judge stored responses: compliance, hypothesis and metric statistics per response.",
        discussion: """
            Judges every run of the named checkpoints (all checkpoints by default) under the ruleset,
            on every core, replacing earlier judgments of that ruleset. Raw responses are never changed.
            AAC metrics need Java and pycocoevalcap's jars (see `isaq doctor`); without them AAC
            judgments keep compliance and hypothesis and `isaq score --task aac` fills the metrics later.
            """)

    @OptionGroup var warehouse: WarehouseOptions
    @Option(name: .customLong("checkpoint"), help: "A checkpoint to judge (repeatable; default: all).") var checkpoints: [String] = []
    @Option(name: .customLong("task"), help: "Only runs of this task: asr, s2tt, ser, gr, aac or n (repeatable).") var tasks: [String] = []
    @Option(help: "The ruleset.") var ruleset: String = Warehouse.currentRuleset
    @Option(help: "Judging threads (default: every core).") var threads: Int?
    @Flag(help: "Leave AAC metrics pending even when the jars are installed.") var noCaptionMetrics = false
    @Option(help: ArgumentHelp("METEOR JVMs scoring AAC side by side (default: one per core, at most 4; each takes about 1 GB).",
                               valueName: "n"))
    var meteorJvms: Int?

    func validate() throws {
        if let meteorJvms, meteorJvms < 1 { throw ValidationError("--meteor-jvms must be at least 1") }
        if let threads, threads < 1 { throw ValidationError("--threads must be at least 1") }
    }

    func run() throws {
        var options = JudgeOptions()
        options.ruleset = ruleset
        if let threads { options.threads = max(1, threads) }
        options.skipCaptionMetrics = noCaptionMetrics
        if let meteorJvms { options.meteorProcesses = meteorJvms }
        let report = try warehouse.open().judge(checkpoints: checkpoints, tasks: tasks, options: options) { Progress.say($0) }
        print(Score.summary(report))
    }

    static func summary(_ r: JudgeReport) -> String {
        var s = "judged \(r.responses) responses of \(r.runs) runs: \(r.judgments) judgments"
        if r.unscored > 0 { s += ", \(r.unscored) responses the upstream scorers do not read" }
        if r.meteorSegments > 0 {
            s += "\nMETEOR: \(r.meteorSegments) AAC segments, \(r.meteorSegmentsScored) scored by the jar (the rest repeat a scored line)"
        }
        if r.pendingCaptionMetrics > 0 { s += "\nAAC metrics pending for \(r.pendingCaptionMetrics) judgments: \(r.captionNotice ?? "")" }
        return s
    }
}
