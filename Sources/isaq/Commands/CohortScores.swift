import ArgumentParser
import Warehouse

struct RPS: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rps",
        abstract: "Relative performance scores against the best member of a cohort (SCORING.md §10.3).")

    @OptionGroup var warehouse: WarehouseOptions
    @Option(help: "The cohort that defines the reference.") var cohort: String
    @Option(help: "axis (the 11 radar axes) or cell (dim × task × class).") var by: RPSLevel = .axis
    @Option(help: "Output format.") var format: TableFormat = .table

    func run() throws {
        print(try warehouse.open(readOnly: true).rps(cohort: cohort, level: by).render(format), terminator: "")
    }
}

struct Area: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "IFR and RPS radar area ratios of a cohort's members (SCORING.md §10.4).")

    @OptionGroup var warehouse: WarehouseOptions
    @Option(help: "The cohort that defines the RPS reference.") var cohort: String
    @Option(help: "Output format.") var format: TableFormat = .table

    func run() throws {
        print(try warehouse.open(readOnly: true).area(cohort: cohort).render(format), terminator: "")
    }
}

struct Leaderboard: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "A cohort's members ranked by area ratio, with total scores.")

    @OptionGroup var warehouse: WarehouseOptions
    @Option(help: "The cohort that defines the RPS reference.") var cohort: String
    @Option(name: .customLong("rank-by"), help: "rps_area, ifr_area or total.") var rankBy: LeaderboardOrder = .rpsArea
    @Option(help: "Output format.") var format: TableFormat = .table

    func run() throws {
        print(try warehouse.open(readOnly: true).leaderboard(cohort: cohort, by: rankBy).render(format), terminator: "")
    }
}
