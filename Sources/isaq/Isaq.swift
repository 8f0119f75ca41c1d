import ArgumentParser
import Warehouse

@main
struct Isaq: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "isaq",
        abstract: "The ISA-Bench results warehouse: ingest model outputs, judge them, report scores.",
        discussion: """
            Every command works on one SQLite warehouse: --db PATH, else $ISAQ_DB, else ./isa.db.
            Exit codes: 0 success, 1 failure (message on stderr), 64 usage error.
            """,
        version: isaqVersion,
        subcommands: [Init.self, Ingest.self, Score.self, Checkpoints.self, Report.self, Cohort.self, RPS.self, Area.self, Leaderboard.self,
                      Forgetting.self, CheckpointCommand.self, Export.self, Plot.self, SQL.self, SchemaCommand.self, Check.self, Doctor.self, Demo.self]
    )
}
