import Foundation
import Testing
@testable import Warehouse

/// A fresh warehouse in its own temporary directory, removed afterwards. Tests run in
/// parallel, so each gets its own file.
func withTemporaryWarehouse<T>(_ body: (Warehouse, URL) throws -> T) throws -> T {
    let dir = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let warehouse = try Warehouse(path: dir.appendingPathComponent("test.db").path)
    let result = try body(warehouse, dir)
    #expect(warehouse.db.busyStatementCount == 0, "a statement was left mid-step")
    return result
}

func temporaryDirectory() throws -> URL {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("isaq-test-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    return dir
}

extension Warehouse {
    /// Row counts of every table: a fingerprint to prove a failed operation changed nothing.
    func rowCounts() throws -> [String: Int] {
        var out: [String: Int] = [:]
        for object in Schema.objects where object.kind == "table" {
            out[object.name] = try db.scalarInt("SELECT count(*) FROM \"\(object.name)\"")
        }
        out["total_changes"] = try db.scalarInt("SELECT sum(response_id) FROM response")
        return out
    }
}
