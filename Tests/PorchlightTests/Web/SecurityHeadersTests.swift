import Foundation
import Testing
import VaporTesting
@testable import Porchlight

@Suite("Security headers and public files")
struct SecurityHeadersTests {
    @Test("A JSON answer gets the strict CSP, with no nonce to allow an inline style it doesn't have")
    func jsonWithoutNonce() async throws {
        try await TestHarness.run(.sqlite) { t in
            let store = try await t.createStore()
            let response = try await t.send(.GET, "/api/v1/store", key: store.key)
            #expect(response.status == .ok)
            let policy = try #require(response.headers.first(name: "Content-Security-Policy"))
            #expect(policy.contains("default-src 'none'"))
            #expect(policy.contains("style-src 'self';"))
            #expect(!policy.contains("nonce-"))
            #expect(response.headers.first(name: "X-Content-Type-Options") == "nosniff")
            #expect(response.headers.first(name: "X-Frame-Options") == "DENY")
        }
    }

    @Test("Bundled files are served to GET and HEAD only")
    func publicFiles() async throws {
        try await TestHarness.run(.sqlite) { t in
            let css = try await t.send(.GET, "/static/track.css")
            #expect(css.status == .ok)
            #expect(css.headers.contentType?.subType == "css")
            #expect(try await t.send(.HEAD, "/static/track.css").status == .ok)
            let posted = try await t.send(.POST, "/static/track.css", json: "{}")
            #expect(posted.status == .notFound)
            #expect(!posted.body.string.contains("--accent"))
        }
    }
}
