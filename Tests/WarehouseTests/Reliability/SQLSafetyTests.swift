import Foundation
import Testing
@testable import Warehouse

/// Safe by default: user values reach SQLite only as bound parameters, and `isaq sql` cannot
/// modify the warehouse without --write.
@Suite struct SQLSafetyTests {
    @Test func sqlIsReadOnlyUnlessWrite() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let db = dir.appendingPathComponent("w.db").path
        #expect(try CLI.run(["init", "--db", db]).status == 0)
        let before = try Warehouse(path: db, readOnly: true).rowCounts()
        for statement in ["INSERT INTO model (name) VALUES ('x')", "DELETE FROM task", "DROP TABLE cohort_member",
                          "UPDATE variant SET known = 0", "CREATE TABLE evil (x)", "PRAGMA user_version = 99"] {
            let r = try CLI.run(["sql", statement, "--db", db])
            #expect(r.status == 1, "\(statement) ran without --write")
            #expect(r.stderr.contains("readonly database"), "\(statement): \(r.stderr)")
        }
        // ATTACH cannot create files either: attached databases open read-only too.
        let evil = dir.appendingPathComponent("evil.db").path
        #expect(try CLI.run(["sql", "ATTACH '\(evil)' AS e", "--db", db]).status == 1)
        #expect(!FileManager.default.fileExists(atPath: evil))
        #expect(try Warehouse(path: db, readOnly: true).rowCounts() == before)
        #expect(try Warehouse(path: db, readOnly: true).schemaVersion == Schema.currentVersion)
        // With --write the same statement goes through.
        #expect(try CLI.run(["sql", "INSERT INTO model (name) VALUES ('x')", "--db", db, "--write"]).status == 0)
        #expect(try Warehouse(path: db, readOnly: true).db.scalarInt("SELECT count(*) FROM model WHERE name = 'x'") == 1)
    }

    @Test func parametersAreBoundNotSpliced() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let db = dir.appendingPathComponent("w.db").path
        let hostile = "x'); DROP TABLE model; --\"é"
        let r = try CLI.run(["sql", "SELECT :v AS v, length(CAST(:v AS BLOB)) AS n", "-p", "v", hostile, "--db", db, "--format", "json", "--write"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("DROP TABLE model") && r.stdout.contains("\(hostile.utf8.count)"), "\(r.stdout)")
        #expect(try Warehouse(path: db, readOnly: true).db.scalarInt("SELECT count(*) FROM sqlite_schema WHERE name = 'model'") == 1)
        // Names the user gives (checkpoints, models) are values too.
        let q = try CLI.run(["score", "--db", db, "--checkpoint", "a' OR '1'='1"])
        #expect(q.status == 1 && q.stderr.contains("no checkpoint named a' OR '1'='1"), "\(q.stderr)")
    }

    /// Every SQL text in the sources that interpolates a Swift value, with what it interpolates.
    /// A new entry needs a reason it cannot carry user input (bind it with `?` instead).
    static let allowedInterpolations: Set<String> = [
        "Schema.applicationID", "Schema.currentVersion", "Self.checkFindingLimit",  // integer constants
        "columns.joined(separator: \", \")", "columns.map { _ in \"?\" }.joined(separator: \", \")",  // a constant column list
        "object.name",  // table names from the embedded schema
        "name.replacingOccurrences(of: \"\\\"\", with: \"\\\"\\\"\")",  // a view name, quoted
        // WHERE clauses assembled from constant `column = ?` fragments; the values are bound.
        "conditions.joined(separator: \" AND \")", "conditions.isEmpty ? \"1\" : conditions.joined(separator: \" AND \")",
        "key",  // a leaderboard ORDER BY chosen from a closed enum
        "statColumns(\"jb\")", "statColumns(\"ja\")",  // constant column lists of the two judgments
    ]

    @Test func sourcesBindUserValues() throws {
        let keywords = try Regex(#"\b(SELECT|INSERT|UPDATE|DELETE|PRAGMA|DROP|CREATE|ATTACH|REPLACE INTO|VALUES|WHERE)\b"#)
        var offenders: [String] = []
        let root = Fixtures.packageRoot.appendingPathComponent("Sources")
        let files = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil)!.compactMap { $0 as? URL }.filter { $0.pathExtension == "swift" }
        #expect(files.count > 20)
        for file in files {
            let lines = try String(contentsOf: file, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false)
            var block: [Substring] = []  // the current multi-line literal
            var inBlock = false
            func audit(_ text: [Substring], at line: Int) {
                let joined = text.joined(separator: "\n")
                // Messages that quote an `isaq sql` command are text for people, not SQL.
                guard joined.contains(keywords), !joined.contains("`isaq ") else { return }
                for expr in Self.interpolations(in: joined) where !Self.allowedInterpolations.contains(expr) {
                    offenders.append("\(file.lastPathComponent):\(line): \\(\(expr))")
                }
            }
            for (i, line) in lines.enumerated() {
                let quotes = line.ranges(of: "\"\"\"").count
                if inBlock {
                    block.append(line)
                    if quotes % 2 == 1 { audit(block, at: i + 1); block = []; inBlock = false }
                } else if quotes % 2 == 1 {
                    inBlock = true
                    block = [line]
                } else if !line.trimmingCharacters(in: .whitespaces).hasPrefix("//") {
                    // Single-line literals: only those that look like SQL matter.
                    for literal in Self.stringLiterals(in: line) { audit([literal], at: i + 1) }
                }
            }
        }
        #expect(offenders.isEmpty, "SQL built from interpolated values:\n\(offenders.joined(separator: "\n"))")
    }

    /// The `"…"` literals of one line (escaped quotes kept inside).
    static func stringLiterals(in line: Substring) -> [Substring] {
        var out: [Substring] = []
        var start: String.Index?
        var depth = 0  // parentheses inside an interpolation
        var i = line.startIndex
        while i < line.endIndex {
            let c = line[i]
            if let s = start {
                if c == "\\", line.index(after: i) < line.endIndex {
                    if line[line.index(after: i)] == "(" { depth += 1; i = line.index(i, offsetBy: 2); continue }
                    i = line.index(i, offsetBy: 2); continue
                }
                if depth > 0 { if c == "(" { depth += 1 } else if c == ")" { depth -= 1 }; i = line.index(after: i); continue }
                if c == "\"" { out.append(line[s...i]); start = nil }
            } else if c == "\"" {
                start = i
            }
            i = line.index(after: i)
        }
        return out
    }

    /// The expressions inside `\( … )` of a literal.
    static func interpolations(in text: String) -> [String] {
        var out: [String] = []
        var i = text.startIndex
        while let r = text[i...].range(of: "\\(") {
            var depth = 1
            var j = r.upperBound
            while j < text.endIndex, depth > 0 {
                if text[j] == "(" { depth += 1 } else if text[j] == ")" { depth -= 1 }
                if depth > 0 { j = text.index(after: j) }
            }
            out.append(String(text[r.upperBound..<j]))
            i = j < text.endIndex ? text.index(after: j) : j
        }
        return out
    }
}
