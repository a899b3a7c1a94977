import Fluent
import Foundation
import Testing
import VaporTesting
@testable import Porchlight

@Suite("Logo upload")
struct LogoUploadTests {
    @Test("An SVG logo loses its script, is served from Porchlight under a sandbox, and brands the page", arguments: TestDatabase.all)
    func svg(db: TestDatabase) async throws {
        try await TestHarness.run(db) { t in
            let owner = DashboardClient(t)
            _ = try await owner.signUp()
            let svg = ##"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10" onload="alert(1)"><script>alert(2)</script><rect width="10" height="10" fill="#336699"/></svg>"##
            let response = try await upload(owner, file: svg, filename: "logo.svg", type: "image/svg+xml")
            #expect(response.status == .seeOther)
            let store = try #require(try await StoreRecord.query(on: t.app.db).first())
            let logoURL = try #require(store.logoURL)
            #expect(logoURL.hasPrefix(TestHarness.publicURL + "/logos/maple-"))
            let served = try await t.send(.GET, logoURL.replacingOccurrences(of: TestHarness.publicURL, with: ""))
            #expect(served.status == .ok)
            #expect(served.headers.contentType?.description.hasPrefix("image/svg+xml") == true)
            #expect(served.headers.first(name: "Content-Security-Policy")?.contains("sandbox") == true)
            #expect(served.body.string.contains("#336699"))
            #expect(!served.body.string.contains("script") && !served.body.string.contains("onload"))
        }
    }

    @Test("A file that is not an image is refused with a reason, and nothing changes", arguments: [TestDatabase.sqlite])
    func refused(db: TestDatabase) async throws {
        try await TestHarness.run(db) { t in
            let owner = DashboardClient(t)
            _ = try await owner.signUp()
            let response = try await upload(owner, file: "<html><script>alert(1)</script></html>", filename: "logo.png", type: "image/png")
            #expect(response.status == .unprocessableEntity)
            #expect(response.body.string.contains("notice problem"))
            #expect(try await StoreRecord.query(on: t.app.db).first()?.logoURL == nil)
        }
    }

    private func upload(_ browser: DashboardClient, file: String, filename: String, type: String) async throws -> TestingHTTPResponse {
        let token = try DashboardClient.csrfToken(in: try await browser.get("/admin/setup").body.string)
        let boundary = "porchlight-test-boundary"
        let body = """
            --\(boundary)\r
            Content-Disposition: form-data; name="csrf_token"\r
            \r
            \(token)\r
            --\(boundary)\r
            Content-Disposition: form-data; name="accent_color"\r
            \r
            #336699\r
            --\(boundary)\r
            Content-Disposition: form-data; name="logo"; filename="\(filename)"\r
            Content-Type: \(type)\r
            \r
            \(file)\r
            --\(boundary)--\r

            """
        return try await browser.send(.POST, "/admin/setup/brand", body: body,
                                      contentType: "multipart/form-data; boundary=\(boundary)")
    }
}
