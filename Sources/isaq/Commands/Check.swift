import ArgumentParser
import Warehouse

struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Verify the warehouse: SQLite integrity, foreign keys and isaq's own invariants.",
        discussion: """
            Runs PRAGMA integrity_check and foreign_key_check, then checks that every run's
            response_count matches its stored responses, that no judgment outlives its response,
            that cohort members exist and hold scores, and that every response of a results run is
            judged under the current ruleset (runs not judged yet are listed as pending).
            Exits 1 when anything is off. Opens the warehouse read-only.
            """)

    @OptionGroup var warehouse: WarehouseOptions

    func run() throws {
        let report = try warehouse.open(readOnly: true).check()
        print(report, terminator: "")
        if !report.passed { throw ExitCode.failure }
    }
}
