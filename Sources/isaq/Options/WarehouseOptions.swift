import ArgumentParser
import Foundation
import Warehouse

/// The warehouse every command works on.
struct WarehouseOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The warehouse file (default: $ISAQ_DB, else isa.db).", valueName: "path"))
    var db: String?

    var path: String { db ?? ProcessInfo.processInfo.environment["ISAQ_DB"] ?? "isa.db" }

    func open(readOnly: Bool = false) throws -> Warehouse {
        try Warehouse(path: path, readOnly: readOnly)
    }
}

extension TableFormat: ExpressibleByArgument {}

/// Where progress goes: stderr when it is a terminal, nowhere when piped.
enum Progress {
    static let enabled = isatty(STDERR_FILENO) == 1

    static func say(_ line: String) {
        guard enabled else { return }
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }
}

func printError(_ line: String) {
    FileHandle.standardError.write(Data((line + "\n").utf8))
}
