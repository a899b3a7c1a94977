import Vapor

/// `GET /api/v1/integration-log?provider=&limit=`: what the store's platforms sent lately, newest
/// first, and what became of each delivery.
enum IntegrationLogController {
    struct EntryJSON: Content {
        var id: UUID
        var received_at: Date
        var provider: String
        var topic: String?
        var outcome: String
        var http_status: Int
        var summary: String
        var order_number: String?
        var body_excerpt: String

        init(_ entry: IntegrationLogEntry) {
            id = entry.id
            received_at = entry.receivedAt
            provider = entry.provider
            topic = entry.topic
            outcome = entry.outcome.rawValue
            http_status = entry.httpStatus
            summary = entry.summary
            order_number = entry.orderNumber
            body_excerpt = entry.bodyExcerpt
        }
    }

    static let maxLimit = 200

    @Sendable static func index(req: Request) async throws -> [EntryJSON] {
        let store = try req.currentStore
        var limit = 50
        if let text = req.query[String.self, at: "limit"] {
            guard let parsed = Int(text), (1...maxLimit).contains(parsed) else {
                throw APIError.validation("limit must be a whole number from 1 to \(maxLimit).")
            }
            limit = parsed
        }
        let provider = req.query[String.self, at: "provider"]
        if let provider, IntegrationProvider(rawValue: provider) == nil {
            let known = IntegrationProvider.allCases.map(\.rawValue).joined(separator: ", ")
            throw APIError.validation("provider must be one of: \(known).")
        }
        return try await req.application.integrationLog(storeID: store.requireID())
            .recent(limit: limit, provider: provider).map(EntryJSON.init)
    }
}
