import Vapor

/// The example import file, for anyone: it holds no store's data, and a merchant reads it before signing in.
enum ImportExampleController {
    static let fileName = "porchlight-example.csv"
    static var path: String { ResourcePaths.root.appendingPathComponent("Imports/\(fileName)").path }

    @Sendable static func download(req: Request) async throws -> Response {
        guard let data = FileManager.default.contents(atPath: path) else { throw Abort(.notFound) }
        let response = Response(status: .ok, body: .init(data: data))
        response.headers.replaceOrAdd(name: .contentType, value: "text/csv; charset=utf-8")
        response.headers.replaceOrAdd(name: .contentDisposition, value: "attachment; filename=\"\(fileName)\"")
        return response
    }
}
