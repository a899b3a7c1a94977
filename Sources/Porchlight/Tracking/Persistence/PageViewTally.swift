import Fluent
import NIOConcurrencyHelpers
import SQLKit
import Vapor

/// Counts tracking-page views in memory and adds them to `orders.page_views` every few seconds, so a
/// page view costs no database write of its own. A crash loses at most those few seconds of counts.
final class PageViewTally: Sendable {
    private let pending = NIOLockedValueBox<[String: Int]>([:])

    func count(token: String) {
        pending.withLockedValue { $0[token, default: 0] += 1 }
    }

    func flush(on database: Database) async throws {
        let batch = pending.withLockedValue { counts in
            defer { counts = [:] }
            return counts
        }
        guard !batch.isEmpty else { return }
        // One commit for the whole batch: on SQLite each commit is a write to the log.
        try await database.transaction { db in
            for (token, views) in batch {
                try await db.sql.raw("""
                    UPDATE orders SET page_views = page_views + \(bind: views) WHERE tracking_token = \(bind: token)
                    """).run()
            }
        }
    }
}

/// Flushes the tally on a timer while the server runs, and once more on the way down.
struct PageViewFlusher: LifecycleHandler {
    let tally: PageViewTally
    let task = NIOLockedValueBox<Task<Void, Never>?>(nil)

    func didBootAsync(_ application: Application) async throws {
        let database = application.db
        let world = application.world
        let logger = application.logger
        task.withLockedValue {
            $0 = Task { [tally] in
                while !Task.isCancelled {
                    do {
                        try await world.sleep(.seconds(5))
                        try await tally.flush(on: database)
                    } catch is CancellationError {
                        return
                    } catch {
                        logger.warning("Could not record tracking-page views: \(String(reflecting: error))")
                    }
                }
            }
        }
    }

    func shutdownAsync(_ application: Application) async {
        task.withLockedValue { $0?.cancel() }
        try? await tally.flush(on: application.db)
    }
}
