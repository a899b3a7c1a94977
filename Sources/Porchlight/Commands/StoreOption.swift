import Fluent
import Vapor

/// The id of the store a `--store SLUG` option names, or nil for every store.
func storeID(slug: String?, app: Application) async throws -> UUID? {
    guard let slug else { return nil }
    guard let store = try await StoreRecord.query(on: app.db).filter(\.$slug == slug).first() else {
        throw APIError.notFound("Store '\(slug)'")
    }
    return try store.requireID()
}
