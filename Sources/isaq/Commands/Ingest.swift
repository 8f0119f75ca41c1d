import ArgumentParser
import Warehouse

struct Ingest: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Pour data into the warehouse: result files, instruction catalogs, published aggregates, JSONL.",
        subcommands: [IngestResults.self, IngestCatalog.self, IngestPublished.self, IngestJSONL.self])
}

struct IngestResults: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "results",
        abstract: "Ingest native ISA-Bench result files or model directories.",
        discussion: """
            PATH is a result file of the d or f dimension (any task), an n-dimension file
            ({"annotation": [...]}), or a model directory laid out <model>/{d,f,n}/*_results.json
            (the model name then defaults to the directory name). Dimension and task are read from
            the content and the path. Each file is one transaction: a bad file changes nothing.
            A file already ingested for the checkpoint (same sha256) is skipped.
            """)

    @OptionGroup var warehouse: WarehouseOptions
    @Argument(help: "Result files or model directories.") var paths: [String]
    @Option(help: "The model name (default: the model directory's name).") var model: String?
    @Option(help: "The checkpoint label below the model, e.g. sft-f (default: the base checkpoint).") var checkpoint: String = ""
    @Option(help: "The checkpoint this one was fine-tuned from (model or model@label).") var parent: String?
    @Flag(help: "Overwrite stored responses that differ, instead of failing.") var replace = false
    @Flag(help: "Accept variation keys outside ISA-Bench (scored the way upstream scores them).") var allowUnknownVariants = false
    @Flag(help: "Store the responses without judging them (run `isaq score` later).") var noJudge = false

    func run() throws {
        let w = try warehouse.open()
        let options = IngestOptions(model: model, checkpoint: checkpoint, parent: parent, replace: replace, allowUnknownVariants: allowUnknownVariants)
        let reports = try w.ingestResults(paths, options: options) { r in
            Progress.say("\(r.file): \(r.alreadyIngested ? "already ingested, skipped" : "\(r.responses) responses")")
        }
        for r in reports {
            let what = r.alreadyIngested ? "skipped (already ingested)" : "\(r.responses) responses" + (r.replaced > 0 ? ", \(r.replaced) replaced" : "")
            print("\(r.checkpoint)\t\(r.dim)/\(r.task)\t\(what)\t\(r.file)")
        }
        var runs = reports.compactMap(\.runID)
        // Runs that gave up a replaced response are judged again too.
        for run in reports.flatMap(\.unjudgedRuns) where !runs.contains(run) { runs.append(run) }
        if !noJudge, !runs.isEmpty {
            print(Score.summary(try w.judge(runs: runs) { Progress.say($0) }))
        }
    }
}

struct IngestCatalog: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "catalog",
        abstract: "Ingest instruction catalogs (the wording of every variant), e.g. upstream data/{d,f}/*.json.",
        discussion: "The dimension is read from the parent folder (d/ or f/) or from the variation keys.")

    @OptionGroup var warehouse: WarehouseOptions
    @Argument(help: "Catalog files ({\"annotation\": [...]}).") var paths: [String]

    func run() throws {
        let w = try warehouse.open()
        for path in paths {
            let n = try w.ingestCatalog(path)
            print("\(n) instructions\t\(path)")
        }
    }
}

struct IngestPublished: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "published",
        abstract: "Ingest published per-model aggregates (upstream collect_all_metrics.json format).",
        discussion: """
            Every variant key and metric is kept in published_score under SOURCE, and a cohort named
            SOURCE with all the file's models is created. Re-ingesting a source replaces its rows.
            """)

    @OptionGroup var warehouse: WarehouseOptions
    @Argument(help: "The merged metrics file.") var file: String
    @Option(help: "The name these scores are kept under (and the cohort's name).") var source: String = "isa-bench-2025"

    func run() throws {
        let report = try warehouse.open().ingestPublished(file, source: source)
        print("\(report.scores) published scores of \(report.checkpoints.count) models under \(report.source): \(report.checkpoints.joined(separator: ", "))")
    }
}

struct IngestJSONL: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "jsonl",
        abstract: "Ingest the flat one-response-per-line format (see the README's \"JSONL format\").",
        discussion: """
            Required fields per line: model, dim, task, variant, sample, reference, response.
            Optional: checkpoint, slot, emotion, gender (n items), format {prefix|suffix|lrt|key|separator|task},
            and an externally decided compliant flag with stats (kept under ruleset `external`).
            """)

    @OptionGroup var warehouse: WarehouseOptions
    @Argument(help: "JSONL files.") var paths: [String]
    @Flag(help: "Overwrite stored responses that differ, instead of failing.") var replace = false
    @Flag(help: "Accept variant keys outside ISA-Bench.") var allowUnknownVariants = false

    func run() throws {
        let w = try warehouse.open()
        for path in paths {
            for r in try w.ingestJSONL(path, replace: replace, allowUnknownVariants: allowUnknownVariants) {
                print("\(r.checkpoint)\t\(r.dim)/\(r.task)\t\(r.alreadyIngested ? "skipped (already ingested)" : "\(r.responses) responses")\t\(path)")
            }
        }
    }
}
