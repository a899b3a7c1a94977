import Vapor

extension Request {
    /// The store a webhook URL names by its slug (`/webhooks/{provider}/{store_slug}`). An unknown
    /// slug is answered like any unknown path.
    func webhookStore() async throws -> StoreRecord {
        let slug = parameters.get("slug") ?? ""
        guard let store = try await StoreDirectory(database: db, world: application.world).store(slug: slug) else {
            throw APIError.notFound("Store '\(slug)'")
        }
        return store
    }
}
