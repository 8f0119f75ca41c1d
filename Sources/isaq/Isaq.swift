import ArgumentParser
import Warehouse

@main
struct Isaq: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "isaq",
        abstract: "The ISA-Bench results warehouse.",
        version: Warehouse.version
    )
}
