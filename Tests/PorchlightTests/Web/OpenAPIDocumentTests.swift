import Foundation
import Testing
import VaporTesting
@testable import Porchlight

@Suite("OpenAPI description")
struct OpenAPIDocumentTests {
    /// "GET /api/v1/orders/{}" for every operation the YAML lists, parameters blanked.
    static func documented() throws -> Set<String> {
        let path = ResourcePaths.root.appendingPathComponent("openapi.yaml").path
        let yaml = try String(contentsOfFile: path, encoding: .utf8)
        var operations = Set<String>()
        var current: String?
        for line in yaml.split(separator: "\n", omittingEmptySubsequences: false) {
            if let first = line.first, first != " " {
                current = nil  // a new top-level section such as `components:`
            } else if line.hasPrefix("  /") && line.hasSuffix(":") {
                current = String(line.dropFirst(2).dropLast())
                    .replacingOccurrences(of: #"\{[a-z_]+\}"#, with: "{}", options: .regularExpression)
            }
            if let current, let method = ["get", "post", "patch", "put", "delete"].first(where: { line == "    \($0):" }) {
                operations.insert("\(method.uppercased()) \(current)")
            }
        }
        return operations
    }

    @Test("Every API route is described, and every described API operation exists")
    func matchesRoutes() async throws {
        try await TestHarness.run(.sqlite) { t in
            let routes = Set(t.app.routes.all.compactMap { route -> String? in
                let path = "/" + route.path.map { component -> String in
                    if case .parameter = component { return "{}" }
                    return component.description
                }.joined(separator: "/")
                guard path.hasPrefix("/api/v1/"), !path.contains("**") else { return nil }
                return "\(route.method.rawValue) \(path)"
            })
            let documented = try Self.documented().filter { $0.contains(" /api/v1/") }
            #expect(routes == documented)
            #expect(try Self.documented().contains("GET /t/{}.json"))
        }
    }

    @Test("The running server serves the description")
    func served() async throws {
        try await TestHarness.run(.sqlite) { t in
            let response = try await t.send(.GET, "/api/v1/openapi.yaml")
            #expect(response.status == .ok)
            #expect(response.body.string.hasPrefix("openapi: 3.1"))
        }
    }
}
