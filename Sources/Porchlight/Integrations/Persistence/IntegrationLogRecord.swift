import Fluent
import Foundation

/// One inbound storefront delivery and what became of it. Pruned after 30 days.
final class IntegrationLogRecord: Model, @unchecked Sendable {
    static let schema = "integration_log_entries"

    // managed
    @ID(key: .id) var id: UUID?
    @Field(key: "received_at") var receivedAt: Date

    // data
    @Field(key: "provider") var provider: String
    @OptionalField(key: "topic") var topic: String?
    /// An `IntegrationOutcome`.
    @Field(key: "outcome") var outcome: String
    @Field(key: "http_status") var httpStatus: Int
    @Field(key: "summary") var summary: String
    @OptionalField(key: "order_number") var orderNumber: String?
    @Field(key: "body_excerpt") var bodyExcerpt: String

    // relationships
    @Field(key: "store_id") var storeID: UUID

    init() {}

    init(_ entry: IntegrationLogEntry, storeID: UUID) {
        id = entry.id
        receivedAt = entry.receivedAt
        provider = entry.provider
        topic = entry.topic
        outcome = entry.outcome.rawValue
        httpStatus = entry.httpStatus
        summary = entry.summary
        orderNumber = entry.orderNumber
        bodyExcerpt = entry.bodyExcerpt
        self.storeID = storeID
    }

    /// Nil only for an outcome written by a newer version than this one.
    var entry: IntegrationLogEntry? {
        guard let id, let outcome = IntegrationOutcome(rawValue: outcome) else { return nil }
        return IntegrationLogEntry(id: id, receivedAt: receivedAt, provider: provider, topic: topic, outcome: outcome,
                                   httpStatus: httpStatus, summary: summary, orderNumber: orderNumber,
                                   bodyExcerpt: bodyExcerpt)
    }
}
