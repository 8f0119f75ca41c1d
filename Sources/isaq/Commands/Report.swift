import ArgumentParser
import Warehouse

struct Report: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Scores per variation key, paper class or radar axis, published and instance-derived alike.",
        discussion: """
            Reads the views variant_score, class_score and axis_score (see `isaq schema`, docs/analysis.md).
            Values are rounded exactly as upstream prints them.
            """)

    @OptionGroup var warehouse: WarehouseOptions
    @Option(name: .customLong("checkpoint"), help: "Only this checkpoint (repeatable).") var checkpoints: [String] = []
    @Option(help: "published, instances, or one published source's name.") var source: String?
    @Option(help: "Only this dimension: d, f or n.") var dim: String?
    @Option(help: "Only this task: asr, s2tt, ser, gr, aac (n rows: n, or asr/ser/gr with --by class).") var task: String?
    @Option(help: "variant, class or axis.") var by: ReportLevel = .variant
    @Flag(help: "Add seeded 95 % bootstrap intervals (resampling items) to instance-derived rows.") var ci = false
    @Option(help: "Bootstrap replicates.") var replicates: Int = 1000
    @Option(help: "Bootstrap seed.") var seed: UInt64 = 2025
    @Option(help: "Output format.") var format: TableFormat = .table
    @Option(help: ArgumentHelp("Write a self-contained HTML report (leaderboard, radars, tables, provenance) to this file instead.", valueName: "file"))
    var html: String?
    @Option(help: "With --html: the cohort of the leaderboard, RPS radar and areas.") var cohort: String?
    @Option(help: "With --html: the checkpoint before fine-tuning, for a forgetting summary.") var before: String?
    @Option(help: "With --html: the checkpoint after fine-tuning, for a forgetting summary.") var after: String?

    func validate() throws {
        if html == nil, cohort != nil || before != nil || after != nil {
            throw ValidationError("--cohort, --before and --after belong to --html")
        }
    }

    func run() throws {
        if let html {
            var options = HTMLReportOptions()
            options.cohort = cohort
            options.checkpoints = checkpoints
            options.before = before
            options.after = after
            try emit(try warehouse.open(readOnly: true).htmlReport(options), to: html)
            print(html)
            return
        }
        var options = ReportOptions()
        options.checkpoints = checkpoints
        options.source = source
        options.dim = dim
        options.task = task
        options.level = by
        if ci {
            var b = BootstrapOptions()
            b.replicates = max(1, replicates)
            b.seed = seed
            options.bootstrap = b
        }
        print(try warehouse.open(readOnly: true).report(options).render(format), terminator: "")
    }
}

extension ReportLevel: ExpressibleByArgument {}
extension RPSLevel: ExpressibleByArgument {}
extension LeaderboardOrder: ExpressibleByArgument {}
