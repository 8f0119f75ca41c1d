import ArgumentParser
import Warehouse

struct Ingest: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Pour data into the warehouse: result files, instruction catalogs, published aggregates, JSONL.",
        subcommands: [IngestResults.self])
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
    }
}
