import ArgumentParser
import Warehouse

struct Cohort: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Named sets of checkpoints that define the dynamic RPS reference.",
        discussion: """
            RPS compares each member with the best member of its cohort, so RPS and area ratios move
            when membership moves. `isaq ingest published` creates a cohort named after the source
            (isa-bench-2025) with every published model, the two -modified runs included.
            """,
        subcommands: [CohortCreate.self, CohortList.self, CohortShow.self, CohortDrop.self])
}

struct CohortCreate: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "create",
        abstract: "Create a cohort from published sources and instance-derived checkpoints.",
        discussion: "Example: isaq cohort create mine --published isa-bench-2025 --checkpoint qwen2_audio@sft-f")

    @OptionGroup var warehouse: WarehouseOptions
    @Argument(help: "The cohort's name.") var name: String
    @Option(help: "Add every checkpoint of this published source (repeatable).") var published: [String] = []
    @Option(name: .customLong("checkpoint"), help: "Add this checkpoint, scored from its judged responses (repeatable).") var checkpoints: [String] = []
    @Option(help: "A note kept with the cohort.") var notes: String?

    func run() throws {
        let members = try warehouse.open().createCohort(name, published: published, checkpoints: checkpoints, notes: notes)
        print("cohort \(name): \(members.count) members")
    }
}

struct CohortList: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List cohorts.")

    @OptionGroup var warehouse: WarehouseOptions
    @Option(help: "Output format.") var format: TableFormat = .table

    func run() throws {
        print(try warehouse.open(readOnly: true).cohortList().render(format), terminator: "")
    }
}

struct CohortShow: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "show", abstract: "List a cohort's members and their sources.")

    @OptionGroup var warehouse: WarehouseOptions
    @Argument(help: "The cohort's name.") var name: String
    @Option(help: "Output format.") var format: TableFormat = .table

    func run() throws {
        print(try warehouse.open(readOnly: true).cohortMembers(name).render(format), terminator: "")
    }
}

struct CohortDrop: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "drop", abstract: "Delete a cohort (its checkpoints and scores stay).")

    @OptionGroup var warehouse: WarehouseOptions
    @Argument(help: "The cohort's name.") var name: String

    func run() throws {
        try warehouse.open().dropCohort(name)
        print("dropped cohort \(name)")
    }
}
