import Fluent
import Foundation
import Testing
import VaporTesting
@testable import Porchlight

@Suite("Merchant accounts")
struct AccountTests {
    @Test("Sign-up makes a store and its owner, signs them in and opens the setup wizard", arguments: TestDatabase.all)
    func signUp(db: TestDatabase) async throws {
        try await TestHarness.run(db) { t in
            let browser = DashboardClient(t)
            let response = try await browser.signUp()
            #expect(response.status == .seeOther)
            #expect(response.headers.first(name: .location) == "/admin/setup")
            let cookie = try #require(browser.lastSetCookies.first { $0.hasPrefix("porchlight_session=") })
            #expect(cookie.contains("HttpOnly") && cookie.contains("SameSite=Lax"))
            #expect(!cookie.contains("Secure"), "plain http in tests: a Secure cookie would never come back")
            let wizard = try await browser.get("/admin/setup")
            #expect(wizard.status == .ok)
            #expect(wizard.body.string.contains("Maple &amp; Moss"))
            let user = try #require(try await UserRecord.query(on: t.app.db).first())
            #expect(user.passwordHash.hasPrefix("$2b$04$"))
            #expect(!user.passwordHash.contains("correct horse"))
            #expect(user.role == "owner")
        }
    }

    @Test("Sessions are Secure cookies when Porchlight is served over https", arguments: [TestDatabase.sqlite])
    func secureCookie(db: TestDatabase) async throws {
        try await TestHarness.run(db, adjust: { $0.publicURL = "https://track.example" }) { t in
            let browser = DashboardClient(t)
            _ = try await browser.signUp()
            #expect(browser.lastSetCookies.contains { $0.hasPrefix("porchlight_session=") && $0.contains("Secure") })
        }
    }

    @Test("By default only the first visitor may sign up", arguments: [TestDatabase.sqlite])
    func firstAccountOnly(db: TestDatabase) async throws {
        try await TestHarness.run(db, adjust: { $0.signup = .firstAccount }) { t in
            #expect(try await DashboardClient(t).signUp().status == .seeOther)
            let second = DashboardClient(t)
            #expect(try await second.get("/admin/sign-up").status == .forbidden)
            let page = try await second.get("/admin/sign-in")
            #expect(!page.body.string.contains("/admin/sign-up"))
        }
    }

    @Test("A wrong password is refused; repeated failures lock the account, and time unlocks it", arguments: TestDatabase.all)
    func lockOut(db: TestDatabase) async throws {
        try await TestHarness.run(db) { t in
            _ = try await DashboardClient(t).signUp()
            let browser = DashboardClient(t)
            let wrong = try await browser.signIn("owner@maple.example", "not the password")
            #expect(wrong.status == .ok)
            #expect(wrong.headers.first(name: .setCookie)?.contains("porchlight_session") != true)
            #expect(wrong.body.string.contains("match an account"))
            var last = wrong
            for _ in 0..<10 where last.status != .tooManyRequests {
                last = try await browser.signIn("OWNER@maple.example ", "still not it")
            }
            #expect(last.status == .tooManyRequests)
            #expect(last.body.string.contains("Too many failed attempts"))
            let rightButLocked = try await browser.signIn("owner@maple.example", "correct horse battery")
            #expect(rightButLocked.status == .tooManyRequests)
            t.clock.advance(by: 2 * 3_600)
            let later = try await browser.signIn("owner@maple.example", "correct horse battery")
            #expect(later.status == .seeOther)
            #expect(try await browser.get("/admin").status == .ok)
        }
    }

    @Test("An unknown email gets the same answer as a wrong password", arguments: [TestDatabase.sqlite])
    func unknownEmail(db: TestDatabase) async throws {
        try await TestHarness.run(db) { t in
            _ = try await DashboardClient(t).signUp()
            let unknown = try await DashboardClient(t).signIn("nobody@maple.example", "whatever12345")
            let wrong = try await DashboardClient(t).signIn("owner@maple.example", "whatever12345")
            #expect(unknown.status == wrong.status)
            #expect(unknown.body.string.contains("match an account") && wrong.body.string.contains("match an account"))
        }
    }

    @Test("Forms without the right CSRF token are refused and change nothing", arguments: TestDatabase.all)
    func csrf(db: TestDatabase) async throws {
        try await TestHarness.run(db) { t in
            let browser = DashboardClient(t)
            _ = try await browser.signUp()
            let missing = try await browser.post("/admin/setup/store", ["name": "Hijacked", "slug": "hijacked"])
            #expect(missing.status == .forbidden)
            #expect(missing.body.string.contains("form has expired"))
            let forged = try await browser.post("/admin/setup/store", ["name": "Hijacked", "slug": "hijacked", "csrf_token": "guess"])
            #expect(forged.status == .forbidden)
            #expect(try await StoreRecord.query(on: t.app.db).first()?.name == "Maple & Moss")
            let stranger = DashboardClient(t)
            let noCookie = try await stranger.post("/admin/sign-in", ["email": "owner@maple.example",
                                                                       "password": "correct horse battery", "csrf_token": "x"])
            #expect(noCookie.status == .forbidden)
        }
    }

    @Test("Signed-out visitors are sent to sign in, and come back afterwards", arguments: [TestDatabase.sqlite])
    func redirects(db: TestDatabase) async throws {
        try await TestHarness.run(db) { t in
            _ = try await DashboardClient(t).signUp()
            let browser = DashboardClient(t)
            let page = try await browser.get("/admin/orders")
            #expect(page.status == .seeOther)
            #expect(page.headers.first(name: .location) == "/admin/sign-in?next=%2Fadmin%2Forders")
            let signIn = try await browser.post("/admin/sign-in", from: "/admin/sign-in?next=%2Fadmin%2Forders",
                                                ["email": "owner@maple.example", "password": "correct horse battery",
                                                 "next": "/admin/orders"])
            #expect(signIn.headers.first(name: .location) == "/admin/orders")
            #expect(SignInController.safeNext("https://evil.example") == "/admin")
            #expect(SignInController.safeNext("//evil.example/admin") == "/admin")
            let out = try await browser.post("/admin/sign-out", from: "/admin", [:])
            #expect(out.status == .seeOther)
            #expect(try await browser.get("/admin").status == .seeOther)
        }
    }
}
