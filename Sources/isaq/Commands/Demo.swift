import ArgumentParser
import Foundation
import Warehouse

struct Demo: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Build a demo warehouse from a deterministic synthetic corpus and print its summary.",
        discussion: """
            Writes the synthetic result files to DIR (default isaq-demo/), ingests them into
            DIR/demo.db (replacing an earlier demo warehouse there) and prints the checkpoints.
            """)

    @Option(help: "Where the demo corpus and warehouse go.") var dir: String = "isaq-demo"
    @Option(help: "Samples per task and dimension.") var samples: Int = 40

    func run() throws {
        let summary = try DemoWarehouse.build(directory: dir, samplesPerTask: samples)
        print("demo warehouse: \(summary.databasePath)")
        print(summary.checkpoints.render(.table), terminator: "")
    }
}
