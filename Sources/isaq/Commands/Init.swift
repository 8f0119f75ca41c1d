import ArgumentParser
import Warehouse

struct Init: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Create a warehouse (or upgrade an existing one to this isaq's schema).")

    @OptionGroup var warehouse: WarehouseOptions

    func run() throws {
        let w = try warehouse.open()
        print("warehouse \(warehouse.path) ready (schema version \(w.schemaVersion))")
    }
}
