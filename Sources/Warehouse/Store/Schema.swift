/// The SQL in `schema/`, embedded in the binary so a copied `isaq` needs no files beside it.
public enum Schema {
    public static let tables = String(decoding: PackageResources.tables_sql, as: UTF8.self)
    public static let seed = String(decoding: PackageResources.seed_sql, as: UTF8.self)
    public static let views = String(decoding: PackageResources.views_sql, as: UTF8.self)
        + "\n" + String(decoding: PackageResources.forgetting_sql, as: UTF8.self)

    /// Forward migrations: entry `i` takes a warehouse from `user_version` i to i + 1.
    /// Views are dropped and recreated on every upgrade, so only tables need migrating.
    static let migrations: [String] = [tables + "\n" + seed]

    public static var currentVersion: Int { migrations.count }

    /// `PRAGMA application_id` of an isaq warehouse: "isaq" in ASCII.
    public static let applicationID: Int = 0x6973_6171

    /// A table or view with the one-line comment that precedes it in `schema/`.
    public struct Object: Sendable, Hashable {
        public let kind: String  // table or view
        public let name: String
        public let comment: String
    }

    /// Tables and views in schema order, with their comments.
    public static var objects: [Object] {
        parseObjects(tables) + parseObjects(views)
    }

    static func parseObjects(_ sql: String) -> [Object] {
        var out: [Object] = []
        var comment: [String] = []
        for raw in sql.split(separator: "\n", omittingEmptySubsequences: false) {
            let line = raw.trimmingPrefixSpaces
            if line.hasPrefix("--") {
                comment.append(String(line.dropFirst(2)).trimmingPrefixSpaces)
            } else if line.hasPrefix("CREATE TABLE ") || line.hasPrefix("CREATE VIEW ") {
                let words = line.split(separator: " ")
                let kind = words[1] == "TABLE" ? "table" : "view"
                out.append(Object(kind: kind, name: String(words[2]), comment: comment.joined(separator: " ")))
                comment = []
            } else {
                comment = []
            }
        }
        return out
    }
}

extension StringProtocol {
    fileprivate var trimmingPrefixSpaces: String {
        String(drop { $0 == " " })
    }
}
