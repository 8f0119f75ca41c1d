import ArgumentParser
import Foundation
import Warehouse

struct Forgetting: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "What a fine-tune gained and forgot between two checkpoints, per variant and per instance.",
        discussion: """
            Pairs every instance judged in both checkpoints (same sample, variant, format spec and
            subtask). An instance is good when compliant and its quality passes the task's bar (ACC:
            correct; ASR: sentence WER ≤ --max-wer; S2TT: sentence BLEU ≥ --min-bleu; AAC: segment
            METEOR ≥ --min-meteor) and is kept, forgotten, learned or never-good. Forgotten splits into
            compliance flips (stopped following the format) and content flips (still compliant, now
            wrong). Deltas are signed so that negative is worse (WER included). Significance: McNemar's
            exact test on the flips, and a seeded paired bootstrap of Δmetric_IF (95 % interval,
            corpus metrics recomputed from summed statistics); the verdict is "forgotten" when the
            interval lies below 0, "improved" above 0. Collapse indicators (top-response share,
            distinct ratio, responses shared across samples, refusals, empty answers) follow.
            When a side has only published aggregates, the aggregate columns are filled and the rest
            is empty. Exit code 3 with --fail-on-forgetting when any row's verdict is "forgotten".
            """)

    @OptionGroup var warehouse: WarehouseOptions
    @Option(help: "The checkpoint before fine-tuning (default: the parent of --after).") var before: String?
    @Option(help: "The checkpoint after fine-tuning.") var after: String
    @Option(help: "Only this dimension: d, f or n.") var dim: String?
    @Option(help: "Only this task: asr, s2tt, ser, gr, aac (n subtasks: asr, ser, gr).") var task: String?
    @Option(help: "Rows per upstream variation key (variant), paper class (class) or radar axis (axis).") var by: String = "variant"
    @Option(help: "A cohort whose dynamic reference gives RPS before and after (with --by class or axis).") var cohort: String?
    @Option(help: "List the N most damaged instances.") var instances: Int = 0
    @Option(help: "Bootstrap resamples (0 turns the bootstrap off).") var resamples: Int = 1000
    @Option(help: "Bootstrap seed.") var seed: UInt64 = 1
    @Option(help: "ASR bar: sentence WER at most this fraction.") var maxWer: Double = QualityBars().maxSentenceWER
    @Option(help: "S2TT bar: sentence BLEU at least this.") var minBleu: Double = QualityBars().minSentenceBLEU
    @Option(help: "AAC bar: segment METEOR at least this.") var minMeteor: Double = QualityBars().minSegmentMETEOR
    @Option(help: "Output format.") var format: TableFormat = .table
    @Flag(help: "Exit with code 3 when any row's verdict is \"forgotten\".") var failOnForgetting = false

    func validate() throws {
        guard ["variant", "class", "axis"].contains(by) else { throw ValidationError("--by takes variant, class or axis") }
        guard resamples >= 0, instances >= 0 else { throw ValidationError("--resamples and --instances cannot be negative") }
    }

    func run() throws {
        var options = ForgettingOptions()
        options.dim = dim
        options.task = task
        options.by = by
        options.cohort = cohort
        options.instances = instances
        options.resamples = resamples
        options.seed = seed
        options.bars.maxSentenceWER = maxWer
        options.bars.minSentenceBLEU = minBleu
        options.bars.minSegmentMETEOR = minMeteor
        let report = try warehouse.open(readOnly: true).forgetting(before: before, after: after, options: options)
        let human = format == .table || format == .markdown || format == .latex
        if human { print(report.summary + "\n") }
        print(report.table.render(format), terminator: "")
        if human {
            if instances > 0 { print("\nMost damaged instances:\n" + report.damagedTable.render(format), terminator: "") }
            print("\nCollapse and refusal indicators:\n" + report.collapse.render(format), terminator: "")
        }
        if failOnForgetting, report.anyForgotten { throw ExitCode(3) }
    }
}

struct CheckpointCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "checkpoint",
        abstract: "Edit checkpoint metadata.",
        subcommands: [SetParent.self])

    struct SetParent: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "set-parent",
            abstract: "Record that AFTER was fine-tuned from BEFORE (so `isaq forgetting --after AFTER` needs no --before).")

        @OptionGroup var warehouse: WarehouseOptions
        @Argument(help: "The fine-tuned checkpoint.") var after: String
        @Argument(help: "The checkpoint it was tuned from.") var before: String

        func run() throws {
            try warehouse.open().setParent(checkpoint: after, parent: before)
            print("\(after) now descends from \(before)")
        }
    }
}
