import ArgumentParser
import Warehouse

struct SQL: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sql",
        abstract: "Run an SQL query against the warehouse (read-only unless --write).",
        discussion: """
            Parameters bind by name: `isaq sql "SELECT * FROM checkpoint WHERE name = :c" -p c qwen2_audio`.
            Every table and view is documented by `isaq schema`.
            """)

    @OptionGroup var warehouse: WarehouseOptions
    @Argument(help: "The SQL statement.") var query: String
    @Option(name: .customShort("p"), parsing: .upToNextOption, help: ArgumentHelp("A named parameter: -p NAME VALUE (repeatable).", valueName: "name value"))
    var parameter: [String] = []
    @Option(help: "Output format.") var format: TableFormat = .table
    @Flag(help: "Open the warehouse for writing (statements may modify it).") var write = false

    func validate() throws {
        guard parameter.count % 2 == 0 else { throw ValidationError("-p takes a NAME and a VALUE") }
    }

    func run() throws {
        let w = try warehouse.open(readOnly: !write)
        let pairs = stride(from: 0, to: parameter.count, by: 2).map { (parameter[$0], parameter[$0 + 1]) }
        print(try w.query(query, parameters: pairs).render(format), terminator: "")
    }
}
