import Fluent
import FluentPostgresDriver
import FluentSQLiteDriver
import Vapor

/// Which database `DATABASE_URL` names: an embedded SQLite file or a PostgreSQL server.
enum DatabaseTarget: Equatable, Sendable {
    case sqlite(path: String)
    case postgres(url: String)

    static func parse(_ url: String) throws -> DatabaseTarget {
        if url.hasPrefix("sqlite://") {
            let path = String(url.dropFirst("sqlite://".count))
            guard !path.isEmpty else { throw APIError.badRequest("DATABASE_URL 'sqlite://' needs a file path.") }
            return .sqlite(path: path)
        }
        if url.hasPrefix("postgres://") || url.hasPrefix("postgresql://") {
            return .postgres(url: url)
        }
        throw APIError.badRequest("DATABASE_URL must start with sqlite:// or postgres://")
    }

    var isPostgres: Bool {
        if case .postgres = self { return true }
        return false
    }
}

extension Application {
    func useDatabase(_ target: DatabaseTarget) throws {
        try databases.use(target)
    }
}

extension Databases {
    func use(_ target: DatabaseTarget) throws {
        switch target {
        case .sqlite(let path):
            use(.sqlite(.file(path), sqlLogLevel: .trace), as: .sqlite)
        case .postgres(let url):
            use(try .postgres(url: url, maxConnectionsPerEventLoop: 4, sqlLogLevel: .trace), as: .psql)
        }
    }
}
