import FluentKit
import Logging
import NIOConcurrencyHelpers
import Vapor

/// Counts the SQL statements a database handle sends, read from the query log the drivers write,
/// so raw SQLKit queries and Fluent queries are counted alike.
final class QueryCounter: Sendable {
    private let statements = NIOLockedValueBox<[String]>([])

    var count: Int { statements.withLockedValue { $0.count } }
    var all: [String] { statements.withLockedValue { $0 } }

    func database(in app: Application) -> any Database {
        let logger = Logger(label: "query-counter") { _ in Handler(counter: self) }
        return app.databases.database(logger: logger, on: app.eventLoopGroup.any())!
    }

    fileprivate func record(_ statement: String) { statements.withLockedValue { $0.append(statement) } }

    private struct Handler: LogHandler {
        let counter: QueryCounter
        var metadata: Logger.Metadata = [:]
        var logLevel: Logger.Level = .trace

        subscript(metadataKey key: String) -> Logger.Metadata.Value? {
            get { metadata[key] }
            set { metadata[key] = newValue }
        }

        func log(level: Logger.Level, message: Logger.Message, metadata: Logger.Metadata?,
                 source: String, file: String, function: String, line: UInt) {
            let text = "\(message)"
            if text.contains("SELECT") || text.contains("INSERT") || text.contains("UPDATE") || metadata?["sql"] != nil {
                counter.record(text)
            }
        }
    }
}
