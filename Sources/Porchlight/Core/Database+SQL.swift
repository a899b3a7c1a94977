import Fluent
import SQLKit

extension Database {
    /// Both supported drivers are SQL databases; this is the raw-SQL view of one.
    var sql: SQLDatabase {
        guard let sql = self as? SQLDatabase else {
            preconditionFailure("Porchlight runs on SQLite or PostgreSQL, both SQL databases")
        }
        return sql
    }

    var isPostgres: Bool { sql.dialect.name == "postgresql" }
}
