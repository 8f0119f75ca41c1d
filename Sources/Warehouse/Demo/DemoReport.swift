import Foundation

extension DemoWarehouse {
    /// Writes `demo-report.html` next to the demo warehouse: both demo checkpoints as cohort
    /// `demo` (so the page shows RPS and areas too) and the fine-tune's forgetting summary.
    /// Returns the file's path.
    public static func writeReport(_ summary: Summary) throws -> String {
        let warehouse = try Warehouse(path: summary.databasePath)
        let checkpoints = ["demo-model", "demo-model@sft"]
        if try warehouse.db.scalarInt("SELECT count(*) FROM cohort WHERE name = 'demo'") == 0 {
            try warehouse.createCohort("demo", checkpoints: checkpoints, notes: "isaq demo: the base model and its fine-tune")
        }
        var options = HTMLReportOptions()
        options.cohort = "demo"
        options.before = "demo-model"
        options.after = "demo-model@sft"
        let path = URL(fileURLWithPath: summary.databasePath).deletingLastPathComponent().appendingPathComponent("demo-report.html")
        try Data(try warehouse.htmlReport(options).utf8).write(to: path, options: .atomic)
        return path.path
    }
}
