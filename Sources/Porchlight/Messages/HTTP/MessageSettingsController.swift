import Vapor

/// `GET/PUT /api/v1/message-settings`: which messages a store sends, and when.
enum MessageSettingsController {
    @Sendable static func show(req: Request) async throws -> Response {
        try await respond(try book(req).load().settings)
    }

    @Sendable static func update(req: Request) async throws -> Response {
        let settings = try req.content.decode(MessageSettings.self)
        do { try settings.validate() } catch { throw APIError.validation(error.message) }
        return try await respond(try book(req).update(settings).settings)
    }

    private static func book(_ req: Request) throws -> MessageSettingsBook {
        MessageSettingsBook(database: req.db, world: req.application.world, storeID: try req.currentStore.requireID())
    }

    private static func respond(_ settings: MessageSettings) async throws -> Response {
        let response = Response(status: .ok)
        try response.content.encode(settings, as: .json)
        return response
    }
}
