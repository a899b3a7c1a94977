import Vapor

/// Serves the API description shipped with the app, so clients can generate code from the running server.
enum OpenAPIController {
    @Sendable static func show(req: Request) async throws -> Response {
        let path = ResourcePaths.root.appendingPathComponent("openapi.yaml").path
        guard let data = FileManager.default.contents(atPath: path) else { throw Abort(.notFound) }
        let response = Response(status: .ok, body: .init(data: data))
        response.headers.replaceOrAdd(name: .contentType, value: "application/yaml; charset=utf-8")
        return response
    }
}
