import Fluent
import NIOConcurrencyHelpers
import PostgresKit
import Vapor

/// Carries "this order changed" between instances that share one PostgreSQL database, so a page
/// connected to any instance updates within moments of an event accepted by another.
/// Started by the first live page a process serves; SQLite deployments are one process and skip it.
final class PostgresLiveRelay: Sendable {
    static let channel = "porchlight_live"

    private let url: String
    private let hub: LiveUpdateHub
    private let world: World
    private let logger: Logger
    private let task = NIOLockedValueBox<Task<Void, Never>?>(nil)

    init(url: String, hub: LiveUpdateHub, world: World, logger: Logger) {
        self.url = url
        self.hub = hub
        self.world = world
        self.logger = logger
    }

    func ensureListening() {
        task.withLockedValue { task in
            guard task == nil else { return }
            task = Task { [self] in await listen() }
        }
    }

    func stop() {
        task.withLockedValue { $0?.cancel() }
    }

    /// Listens until stopped, reconnecting after a pause whenever the connection drops.
    private func listen() async {
        while !Task.isCancelled {
            do {
                let configuration = try SQLPostgresConfiguration(url: url).coreConfiguration
                let connection = try await PostgresConnection.connect(configuration: configuration, id: 0, logger: logger)
                do {
                    try await connection.listen(on: Self.channel) { notifications in
                        for try await notification in notifications {
                            if let orderID = UUID(uuidString: notification.payload) { await hub.publish(orderID: orderID) }
                        }
                    }
                } catch {
                    logger.warning("Live relay lost its connection: \(String(describing: error))")
                }
                try? await connection.close()
            } catch {
                logger.warning("Live relay could not connect: \(String(describing: error))")
            }
            try? await world.sleep(.seconds(2))
        }
    }

    /// Tells every listening instance, this one included, that the order changed.
    static func announce(_ orderID: UUID, on database: Database) async {
        await announce([orderID], on: database)
    }

    /// The same for many orders, one notification each, in a statement per few hundred: a batch of carrier
    /// events touches hundreds of orders, and a round trip apiece was most of the time spent publishing.
    static func announce(_ orderIDs: [UUID], on database: Database) async {
        guard database.isPostgres else { return }
        for chunk in orderIDs.chunked(500) where !chunk.isEmpty {
            let ids = chunk.map { SQLQueryString("(\(bind: $0.uuidString))") }
            try? await database.sql.raw("""
                SELECT pg_notify(\(bind: channel), id) FROM (VALUES \(ids.joined(separator: ", "))) AS changed(id)
                """).run()
        }
    }
}
