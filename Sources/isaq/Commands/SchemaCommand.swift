import ArgumentParser
import Warehouse

struct SchemaCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "schema",
        abstract: "List the warehouse's tables and views with what each row is, and table row counts.")

    @OptionGroup var warehouse: WarehouseOptions
    @Option(help: "Output format.") var format: TableFormat = .table
    @Flag(help: "Print the full SQL of the schema instead.") var sql = false

    func run() throws {
        if sql {
            print(Schema.tables + "\n" + Schema.views)
            return
        }
        print(try warehouse.open(readOnly: true).schemaSummary().render(format), terminator: "")
    }
}
