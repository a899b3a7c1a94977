import Fluent
import Foundation
import Testing
import VaporTesting
@testable import Porchlight

@Suite("Dashboard import")
struct DashboardImportTests {
    @Test("An uploaded CSV goes in with progress, quietly, and its orders can be searched", arguments: TestDatabase.all)
    func upload(db: TestDatabase) async throws {
        try await TestHarness.run(db) { t in
            let owner = DashboardClient(t)
            _ = try await owner.signUp()
            let example = try await t.send(.GET, "/import/example.csv").body.string
            let token = try DashboardClient.csrfToken(in: try await owner.get("/admin/import").body.string)
            let boundary = "porchlight-import-boundary"
            let body = "--\(boundary)\r\nContent-Disposition: form-data; name=\"csrf_token\"\r\n\r\n\(token)\r\n"
                + "--\(boundary)\r\nContent-Disposition: form-data; name=\"file\"; filename=\"orders.csv\"\r\n"
                + "Content-Type: text/csv\r\n\r\n\(example)\r\n--\(boundary)--\r\n"
            let response = try await owner.send(.POST, "/admin/import", body: body,
                                                 contentType: "multipart/form-data; boundary=\(boundary)")
            #expect(response.status == .seeOther)
            let location = try #require(response.headers.first(name: .location))
            let runID = try #require(location.split(separator: "#run-").last.map(String.init))
            var status = "running"
            for _ in 0..<100 where status == "running" {
                status = try await owner.get("/admin/import/\(runID).json").jsonObject()["status"] as? String ?? ""
                if status == "running" { try await Task.sleep(for: .milliseconds(50)) }
            }
            #expect(status == "finished")
            let page = try await owner.get("/admin/import").body.string
            #expect(page.contains("orders.csv") && page.contains("orders created"))
            let search = try await owner.get("/admin/orders?q=fernandez").body.string
            #expect(search.contains("Lucía Fernández"))
            #expect(try await MessageRecord.query(on: t.app.db).count() == 0, "imports are quiet unless asked")
        }
    }

    @Test("Another store's import run is not found", arguments: [TestDatabase.sqlite])
    func scoped(db: TestDatabase) async throws {
        try await TestHarness.run(db) { t in
            let owner = DashboardClient(t)
            _ = try await owner.signUp()
            #expect(try await owner.get("/admin/import/\(UUID().uuidString.lowercased()).json").status == .notFound)
        }
    }
}
