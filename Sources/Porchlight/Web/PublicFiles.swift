import Vapor

/// Serves the bundled files under `/static/` to GET and HEAD. Every other request goes straight on: asking
/// the file system about each webhook's path was a measurable share of a burst.
struct PublicFiles: AsyncMiddleware {
    static let pathPrefix = "/static/"
    let files: FileMiddleware

    init(directory: String) {
        files = FileMiddleware(publicDirectory: directory, defaultFile: nil, advancedETagComparison: false)
    }

    func respond(to request: Request, chainingTo next: AsyncResponder) async throws -> Response {
        guard request.method == .GET || request.method == .HEAD, request.url.path.hasPrefix(Self.pathPrefix) else {
            return try await next.respond(to: request)
        }
        return try await files.respond(to: request, chainingTo: next)
    }
}
