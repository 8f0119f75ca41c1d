import ArgumentParser
import Warehouse

struct Checkpoints: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "List models, checkpoints, runs and response counts per dimension and task.")

    @OptionGroup var warehouse: WarehouseOptions
    @Option(help: "Output format.") var format: TableFormat = .table

    func run() throws {
        print(try warehouse.open(readOnly: true).checkpointSummary().render(format), terminator: "")
    }
}
