import Fluent
import Foundation

/// A store's integration log: every delivery its storefront platforms made, kept 30 days so a
/// merchant can see why an order did or didn't appear, and what exactly was sent.
struct IntegrationLog: Sendable {
    let database: Database
    let world: World
    let storeID: UUID

    static let retention: TimeInterval = 30 * 86_400

    struct Draft: Sendable {
        var provider: String
        var topic: String?
        var outcome: IntegrationOutcome
        var httpStatus: Int
        var summary: String
        var orderNumber: String?
        var body: Data
        /// How much of the body to keep: less for deliveries nobody vouched for.
        var excerptLimit = IntegrationLogEntry.excerptLimit
    }

    @discardableResult
    func record(_ draft: Draft) async throws -> IntegrationLogEntry {
        let entry = IntegrationLogEntry(
            id: world.uuid(), receivedAt: world.now(), provider: String(draft.provider.prefix(40)),
            topic: draft.topic.map { IntegrationLogEntry.excerpt(Data($0.utf8), limit: 100) },
            outcome: draft.outcome, httpStatus: draft.httpStatus,
            summary: IntegrationLogEntry.excerpt(Data(draft.summary.utf8), limit: 2_000),
            orderNumber: draft.orderNumber.map { String($0.prefix(64)) },
            bodyExcerpt: IntegrationLogEntry.excerpt(draft.body, limit: draft.excerptLimit))
        try await IntegrationLogRecord(entry, storeID: storeID).create(on: database)
        return entry
    }

    /// Newest first; `provider` narrows to one platform.
    func recent(limit: Int = 50, provider: String? = nil) async throws -> [IntegrationLogEntry] {
        var query = IntegrationLogRecord.query(on: database).filter(\.$storeID == storeID)
        if let provider { query = query.filter(\.$provider == provider) }
        return try await query.sort(\.$receivedAt, .descending).limit(max(1, min(limit, 500))).all().compactMap(\.entry)
    }

    static func prune(on database: Database, before cutoff: Date) async throws {
        try await IntegrationLogRecord.query(on: database).filter(\.$receivedAt < cutoff).delete()
    }
}
