import Vapor

/// Resolves `Authorization: Bearer <api_key>` to the store it belongs to; every API route after it is scoped to that store.
struct APIKeyAuthenticator: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: AsyncResponder) async throws -> Response {
        guard let bearer = request.headers.bearerAuthorization,
              let store = try await request.storeDirectory.store(forAPIKey: bearer.token) else {
            throw APIError.unauthorized
        }
        request.storage[CurrentStoreKey.self] = store
        return try await next.respond(to: request)
    }
}

private struct CurrentStoreKey: StorageKey {
    typealias Value = StoreRecord
}

extension Request {
    /// The store the API key belongs to. Only set behind `APIKeyAuthenticator`.
    var currentStore: StoreRecord {
        get throws {
            guard let store = storage[CurrentStoreKey.self] else { throw APIError.unauthorized }
            return store
        }
    }

    var storeDirectory: StoreDirectory { StoreDirectory(database: db, world: application.world) }
}
