import Fluent
import Foundation
import Testing
@testable import Porchlight

@Suite("Templates, settings, ratings and metrics through the API and email links")
struct MessageAPITests {
    @Test("a merchant edits a template, previews it on a real order and sends a test; a broken one is refused with its line",
          arguments: TestDatabase.all)
    func editPreviewTest(_ database: TestDatabase) async throws {
        try await TestHarness.run(database) { t in
            let store = try await t.createStore()
            let path = "/api/v1/message-templates/shipped/en"
            #expect(try await t.send(.POST, path + "/preview", key: store.key, json: "{}").status == .unprocessableEntity,
                    "a preview needs an order")
            let order = try await t.createOrder(store.key)
            let defaults = try await t.send(.GET, path, key: store.key).jsonObject()
            #expect(defaults["customized"] as? Bool == false && (defaults["html"] as? String)?.contains("{{") == true)

            let broken = try await t.send(.PUT, path, key: store.key, json: """
                {"subject": "Hi", "html": "<p>ok</p>\\n<p>{{#order}}never closed</p>", "text": "ok"}
                """)
            #expect(broken.status == .unprocessableEntity && broken.errorCode == "template_invalid")
            #expect(broken.body.string.contains("line 2"), "\(broken.body.string)")

            let recursive = try await t.send(.PUT, path, key: store.key, json: """
                {"subject": "Hi", "html": "<p>ok</p>", "text": "ok\\n{{> en/shipped.text}}"}
                """)
            #expect(recursive.status == .unprocessableEntity && recursive.body.string.contains("line 2"),
                    "a template including itself would recurse forever")

            let saved = try await t.send(.PUT, path, key: store.key, json: """
                {"subject": "On its way, {{customer.first_name}}!", "html": "<p>Track: {{order.tracking_url}}</p>",
                 "text": "Track: {{order.tracking_url}}"}
                """)
            #expect(saved.status == .ok)
            let preview = try await t.send(.POST, path + "/preview", key: store.key,
                                           json: "{\"order_id\": \"\(order["id"] as? String ?? "")\"}").jsonObject()
            #expect(preview["subject"] as? String == "On its way, Ada!")
            #expect((preview["text"] as? String)?.contains(t.trackingPath(order)) == true)

            #expect(try await t.send(.POST, path + "/test", key: store.key).status == .accepted)
            let test = try #require(try await OutboxEmailRecord.query(on: t.app.db).first())
            #expect(test.recipient == "help@maple.example" && test.subject == "[Test] On its way, Ada!")
            #expect(try await t.send(.DELETE, path, key: store.key).status == .noContent)
            #expect(try await t.send(.DELETE, path, key: store.key).status == .notFound)
            #expect(try await t.send(.GET, "/api/v1/message-templates/nonsense/en", key: store.key).status == .notFound)
        }
    }

    @Test("settings keep defaults for what is left out and refuse out-of-range values", arguments: TestDatabase.all)
    func settings(_ database: TestDatabase) async throws {
        try await TestHarness.run(database) { t in
            let store = try await t.createStore()
            let updated = try await t.send(.PUT, "/api/v1/message-settings", key: store.key,
                                           json: #"{"review_after_days": 5, "disabled": ["reassurance"], "quiet_hours": null}"#)
            let body = try updated.jsonObject()
            #expect(body["review_after_days"] as? Int == 5 && body["check_in_after_days"] as? Int == 2)
            #expect(body["quiet_hours"] is NSNull || body["quiet_hours"] == nil)
            let bad = try await t.send(.PUT, "/api/v1/message-settings", key: store.key, json: #"{"review_after_days": 9}"#)
            #expect(bad.status == .unprocessableEntity && bad.body.string.contains("3 to 5"))
        }
    }

    @Test("a one-click star link records the rating, then takes an optional comment; a forged link records nothing",
          arguments: TestDatabase.all)
    func ratings(_ database: TestDatabase) async throws {
        try await TestHarness.run(database) { t in
            let store = try await t.createStore()
            let order = try await t.createOrder(store.key)
            let key = try await MessageSettingsBook(database: t.app.db, world: t.app.world, storeID: store.id).load().signingKey
            let token = String(t.trackingPath(order).dropFirst(3))
            let link = ReviewLinks(signingKey: key, site: t.app.siteURL).url(token: token, productKey: "sku:CANDLE", stars: 4)
                .replacingOccurrences(of: TestHarness.publicURL, with: "")
            let page = try await t.send(.GET, link)
            #expect(page.status == .ok && page.body.string.contains("★★★★☆"))
            #expect(try await t.send(.GET, link.replacingOccurrences(of: "stars=4", with: "stars=5")).status == .forbidden)
            let sig = URLComponents(string: link)?.queryItems?.first { $0.name == "sig" }?.value ?? ""
            let comment = try await t.send(.POST, "/t/\(token)/review",
                                           form: "item=sku:CANDLE&stars=4&sig=\(sig)&comment=Smells%20like%20a%20forest")
            #expect(comment.status == .ok)
            let review = try #require(try await ReviewRecord.query(on: t.app.db).first())
            #expect(review.stars == 4 && review.comment == "Smells like a forest" && review.productTitle == "Fir candle")
        }
    }

    @Test("/metrics reports queue depth, the oldest due job and messages sent by type")
    func metrics() async throws {
        try await TestHarness.run(.sqlite) { t in
            t.clock.set(MessageJourneyTests.afternoon)
            let store = try await t.createStore()
            _ = try await t.createOrder(store.key, placedAt: "2026-11-22T19:00:00Z")
            t.clock.advance(by: 30)
            var text = try await t.send(.GET, "/metrics").body.string
            #expect(text.contains(#"porchlight_jobs{state="queued"} 2"#))
            #expect(text.contains("porchlight_jobs_oldest_due_age_seconds 30"))
            try await t.app.makeWorker().drain()
            text = try await t.send(.GET, "/metrics").body.string
            #expect(text.contains(#"porchlight_messages_sent_total{type="order_confirmation"} 1"#))
            #expect(text.contains(#"porchlight_jobs_completed_total{type="send_message"} 1"#))
        }
    }
}
