import Fluent
import Foundation
import Testing
import VaporTesting
@testable import Porchlight

@Suite("Password reset")
struct PasswordResetTests {
    @Test("A reset link works once, ends other sessions, and the new password signs in", arguments: TestDatabase.all)
    func reset(db: TestDatabase) async throws {
        try await TestHarness.run(db) { t in
            let owner = DashboardClient(t)
            _ = try await owner.signUp()
            let visitor = DashboardClient(t)
            let asked = try await visitor.post("/admin/forgot-password", from: "/admin/forgot-password", ["email": "owner@maple.example"])
            #expect(asked.headers.first(name: .location) == "/admin/sign-in?notice=reset-sent")
            let nobody = try await visitor.post("/admin/forgot-password", from: "/admin/forgot-password", ["email": "nobody@maple.example"])
            #expect(nobody.headers.first(name: .location) == asked.headers.first(name: .location))
            let link = try await Self.emailedLink(t, to: "owner@maple.example")
            let path = link.replacingOccurrences(of: TestHarness.publicURL, with: "")
            let short = try await visitor.post(path, from: path, ["password": "short"])
            #expect(short.status == .unprocessableEntity)
            let done = try await visitor.post(path, from: path, ["password": "a brand new password"])
            #expect(done.headers.first(name: .location) == "/admin?notice=password-changed")
            #expect(try await owner.get("/admin").status == .seeOther, "the other browser was signed out")
            #expect(try await visitor.get(path).status == .notFound, "the link is spent")
            #expect(try await DashboardClient(t).signIn("owner@maple.example", "correct horse battery").body.string.contains("match an account"))
            #expect(try await DashboardClient(t).signIn("owner@maple.example", "a brand new password").status == .seeOther)
        }
    }

    @Test("A reset link expires after an hour", arguments: [TestDatabase.sqlite])
    func expires(db: TestDatabase) async throws {
        try await TestHarness.run(db) { t in
            _ = try await DashboardClient(t).signUp()
            let visitor = DashboardClient(t)
            _ = try await visitor.post("/admin/forgot-password", from: "/admin/forgot-password", ["email": "owner@maple.example"])
            let path = try await Self.emailedLink(t, to: "owner@maple.example").replacingOccurrences(of: TestHarness.publicURL, with: "")
            t.clock.advance(by: 3_601)
            #expect(try await visitor.get(path).status == .notFound)
        }
    }

    static func emailedLink(_ t: TestHarness, to address: String) async throws -> String {
        let mail = try #require(try await OutboxEmailRecord.query(on: t.app.db).filter(\.$recipient == address)
            .sort(\.$createdAt, .descending).first())
        let match = try #require(mail.text.range(of: #"http\S+/admin/reset-password/\S+"#, options: .regularExpression))
        return String(mail.text[match])
    }
}
