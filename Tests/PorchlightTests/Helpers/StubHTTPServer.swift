import Foundation
import NIOCore
import Vapor

/// A real HTTP server on loopback standing in for a carrier's API: it answers each "METHOD /path" with
/// scripted replies (the last one repeats) and records every request it was sent.
final class StubHTTPServer: Sendable {
    struct Reply: Sendable {
        var status: Int
        var headers: [String: String] = ["Content-Type": "application/json"]
        var body: String
    }

    struct Seen: Sendable {
        var method: String
        var path: String
        var query: String?
        var headers: [String: String]
        var body: String
    }

    actor Script {
        var replies: [String: [Reply]] = [:]
        var seen: [Seen] = []

        func set(_ key: String, _ list: [Reply]) { replies[key] = list }

        func next(_ key: String, _ request: Seen) -> Reply {
            seen.append(request)
            guard var list = replies[key], !list.isEmpty else {
                return Reply(status: 404, body: "{\"stub\": \"no reply scripted for \(key)\"}")
            }
            let reply = list.removeFirst()
            replies[key] = list.isEmpty ? [reply] : list
            return reply
        }
    }

    let script: Script
    private let app: Application
    let baseURL: String

    private init(app: Application, baseURL: String, script: Script) {
        self.app = app
        self.baseURL = baseURL
        self.script = script
    }

    static func start() async throws -> StubHTTPServer {
        let app = try await Application.make(.testing)
        app.http.server.configuration.hostname = "127.0.0.1"
        app.http.server.configuration.port = 0
        app.logger.logLevel = .warning
        let script = Script()
        for method in [HTTPMethod.GET, .POST] {
            app.on(method, "**", body: .collect(maxSize: "1mb")) { req async -> Response in
                let seen = Seen(method: req.method.rawValue, path: req.url.path, query: req.url.query,
                                headers: Dictionary(req.headers.map { ($0.name.lowercased(), $0.value) }, uniquingKeysWith: { $1 }),
                                body: req.body.string ?? "")
                let reply = await script.next("\(req.method.rawValue) \(req.url.path)", seen)
                var headers = HTTPHeaders()
                for (name, value) in reply.headers { headers.add(name: name, value: value) }
                return Response(status: HTTPResponseStatus(statusCode: reply.status), headers: headers, body: .init(string: reply.body))
            }
        }
        try await app.server.start(address: .hostname("127.0.0.1", port: 0))
        let port = app.http.server.shared.localAddress?.port ?? 0
        return StubHTTPServer(app: app, baseURL: "http://127.0.0.1:\(port)", script: script)
    }

    func on(_ key: String, _ replies: Reply...) async { await script.set(key, replies) }

    func requests(_ key: String? = nil) async -> [Seen] {
        await script.seen.filter { key == nil || "\($0.method) \($0.path)" == key }
    }

    func stop() async throws {
        await app.server.shutdown()
        try await app.asyncShutdown()
    }
}
