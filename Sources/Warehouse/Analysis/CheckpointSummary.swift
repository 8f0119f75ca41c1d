extension Warehouse {
    /// Models, checkpoints, runs and response counts per dimension and task.
    public func checkpointSummary() throws -> ResultTable {
        let q = try db.query("""
            SELECT c.name AS checkpoint, m.name AS model, c.label AS label, p.name AS parent,
                   (SELECT count(*) FROM run WHERE run.checkpoint_id = c.checkpoint_id) AS runs,
                   ifnull(rc.dim, '') AS dim, ifnull(rc.task, '') AS task, ifnull(rc.responses, 0) AS responses,
                   ifnull(rc.null_responses, 0) AS null_responses
            FROM checkpoint c
            JOIN model m USING (model_id)
            LEFT JOIN checkpoint p ON p.checkpoint_id = c.parent_id
            LEFT JOIN response_count rc ON rc.checkpoint = c.name
            ORDER BY c.name, rc.dim, rc.task
            """)
        return ResultTable(columns: q.columns, rows: q.rows)
    }

    /// Runs user SQL with named (`:name`, `@name`, `$name`) or positional parameters.
    public func query(_ sql: String, parameters: [(String, String)] = []) throws -> ResultTable {
        let statement = try db.statement(sql)
        for (name, value) in parameters {
            var index = Int32(0)
            for prefix in [":", "@", "$"] where index == 0 {
                index = statement.parameterIndex(prefix + name)
            }
            if index == 0, let position = Int32(name) { index = position }
            guard index > 0 else { throw QueryError(message: "the query has no parameter named \(name)") }
            try statement.bind(.text(value), at: index)
        }
        let columns = (0..<statement.columnCount).map(statement.columnName)
        var rows: [[SQLValue]] = []
        while try statement.step() { rows.append((0..<statement.columnCount).map(statement.value)) }
        statement.reset()
        return ResultTable(columns: columns, rows: rows)
    }

    /// Tables and views with their comments from `schema/`, and row counts of the tables.
    public func schemaSummary() throws -> ResultTable {
        var rows: [[SQLValue]] = []
        for object in Schema.objects {
            let count: SQLValue = object.kind == "table" ? .integer(Int64(try db.scalarInt("SELECT count(*) FROM \"\(object.name)\""))) : .null
            rows.append([.text(object.kind), .text(object.name), count, .text(object.comment)])
        }
        return ResultTable(columns: ["kind", "name", "rows", "comment"], rows: rows)
    }
}

public struct QueryError: Error, CustomStringConvertible {
    public let message: String
    public var description: String { message }
}
