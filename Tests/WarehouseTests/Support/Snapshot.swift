import Foundation
import Testing

/// Compares text with a committed file under Tests/WarehouseTests/Snapshots/. To accept a
/// deliberate change, run the tests with ISAQ_UPDATE_SNAPSHOTS=1 (the files are rewritten, the
/// test passes) and review the diff before committing.
enum Snapshot {
    static let directory = Fixtures.packageRoot.appendingPathComponent("Tests/WarehouseTests/Snapshots")

    static func check(_ text: String, named name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let url = directory.appendingPathComponent(name)
        if ProcessInfo.processInfo.environment["ISAQ_UPDATE_SNAPSHOTS"] == "1" {
            try Data(text.utf8).write(to: url, options: .atomic)
            return
        }
        guard let stored = try? String(contentsOf: url, encoding: .utf8) else {
            Issue.record("no snapshot \(name): run with ISAQ_UPDATE_SNAPSHOTS=1 to create it", sourceLocation: sourceLocation)
            return
        }
        if stored != text {
            let a = stored.split(separator: "\n", omittingEmptySubsequences: false), b = text.split(separator: "\n", omittingEmptySubsequences: false)
            let first = zip(a, b).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(a.count, b.count)
            Issue.record("""
                \(name) differs from its snapshot at line \(first + 1):
                  stored: \(first < a.count ? String(a[first]) : "<end>")
                  now:    \(first < b.count ? String(b[first]) : "<end>")
                (ISAQ_UPDATE_SNAPSHOTS=1 accepts the new output)
                """, sourceLocation: sourceLocation)
        }
    }
}
