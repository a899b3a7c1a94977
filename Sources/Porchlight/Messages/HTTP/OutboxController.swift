import Fluent
import NIOCore
import Vapor

/// `/admin/outbox`: the development outbox, readable in a browser. It holds customers' emails, so it
/// answers only while mail goes to the outbox and only to requests from this machine.
enum OutboxController {
    @Sendable static func index(req: Request) async throws -> Response {
        try guardAccess(req)
        let rows = try await OutboxEmailRecord.query(on: req.db).sort(\.$createdAt, .descending).limit(200).all()
        let emails: [[String: Any]] = try rows.map { row in
            ["url": "/admin/outbox/\(try row.requireID().uuidString.lowercased())", "subject": row.subject,
             "recipient": row.recipient, "sent": row.createdAt.formatted(.iso8601)]
        }
        let theme = BrandContext.theme(StoreBranding(name: "Porchlight"))
        return req.application.pages.page("outbox", ["emails": emails, "theme": theme], request: req)
    }

    /// The email as the customer would see it. Its own policy lets its inline styles show and runs no script.
    @Sendable static func show(req: Request) async throws -> Response {
        try guardAccess(req)
        guard let row = try await OutboxEmailRecord.find(try req.parameters.requireUUID("emailID"), on: req.db) else {
            throw Abort(.notFound)
        }
        let part = req.query[String.self, at: "part"]
        let response = Response(status: .ok, body: .init(string: part == "text" ? row.text : part == "raw" ? row.mime : row.html))
        response.headers.contentType = part == nil ? .html : .plainText
        response.headers.replaceOrAdd(name: "Content-Security-Policy",
                                      value: "default-src 'none'; img-src https: http: data:; style-src 'unsafe-inline'; frame-ancestors 'none'")
        return response
    }

    private static func guardAccess(_ req: Request) throws {
        guard case .outbox = req.application.services.mailRoute, isLoopback(req.remoteAddress) else {
            throw Abort(.notFound)
        }
    }

    static func isLoopback(_ address: SocketAddress?) -> Bool {
        guard let ip = address?.ipAddress else { return true }  // in-process test requests have no socket
        return ip == "::1" || ip.hasPrefix("127.") || ip == "::ffff:127.0.0.1"
    }
}
