import Fluent
import Foundation
import Testing
@testable import Porchlight

@Suite("Message content, checked by snapshot for every message and language")
struct MessageContentTests {
    static let substatus: [MessageType: String] = [
        .failedAttempt: "AttemptFail_002", .exception: "Exception_004", .readyForPickup: "AvailableForPickup_001",
    ]

    /// A split order: one parcel delivered, one still travelling, with everything a template can show.
    func facts(_ t: TestHarness, type: MessageType, locale: String) async throws -> MessageFacts {
        let store = try await t.createStore()
        let storeRecord = try #require(try await StoreRecord.find(store.id, on: t.app.db))
        storeRecord.suggestions = [ProductSuggestion(productType: "candles", title: "Cedar wick trimmer",
                                                     url: "https://maple.example/trimmer", imageURL: nil)]
        try await storeRecord.save(on: t.app.db)
        var settings = MessageSettings()
        settings.replenishmentDays = ["candles": 30]
        settings.shopURL = "https://maple.example/shop"
        _ = try await MessageSettingsBook(database: t.app.db, world: t.app.world, storeID: store.id).update(settings)
        let order = try await t.createOrder(store.key)
        let orderID = order["id"] as? String ?? ""
        let first = try await t.addShipment(store.key, orderID: orderID, number: "1Z999AA10123456784", skus: ["CANDLE"])
        let second = try await t.addShipment(store.key, orderID: orderID, number: "9400111899223197428490",
                                             carrier: "USPS", skus: ["TEA"])
        try await t.addEvent(store.key, shipmentID: first, status: "Delivered", at: "2026-11-22T10:00:00Z",
                             message: "Left at front door")
        try await t.addEvent(store.key, shipmentID: second, status: "InTransit", at: "2026-11-22T09:00:00Z",
                             message: "Departed USPS facility")
        let record = try #require(try await OrderRecord.find(UUID(uuidString: orderID), on: t.app.db))
        record.locale = locale
        let ids = [first, second].compactMap(UUID.init(uuidString:))
        return try await MessageFactsLoader(database: t.app.db, world: t.app.world, storeID: store.id, site: t.app.siteURL)
            .load(type: type, order: record, shipmentIDs: type.category == .shipping ? ids : [], substatus: Self.substatus[type])
    }

    @Test("each message renders its snapshot, in English and Spanish", arguments: MessageType.allCases)
    func snapshots(_ type: MessageType) async throws {
        for locale in ["en", "es"] {
            try await TestHarness.run(.sqlite) { t in
                let facts = try await facts(t, type: type, locale: locale)
                let rendered = t.app.services.messageTemplates.render(type, locale: locale, context: MessageContext.build(facts))
                #expect(!rendered.subject.isEmpty && !rendered.subject.contains("\n"))
                #expect(rendered.html.contains(facts.site.absolute(.tracking(token: facts.order.trackingToken))))
                for forbidden in ["{{", "nil", "Optional("] {
                    #expect(!rendered.html.contains(forbidden) && !rendered.text.contains(forbidden), "\(forbidden)")
                }
                #expect(!rendered.text.contains("&amp;"), "plain text is not HTML-escaped")
                try Snapshot.assertMatches("Subject: \(rendered.subject)\n\n" + rendered.text, named: "\(type.rawValue).\(locale).txt")
                try Snapshot.assertMatches(rendered.html, named: "\(type.rawValue).\(locale).html")
            }
        }
    }

    @Test("customer and store text cannot become markup or headers")
    func escaping() async throws {
        try await TestHarness.run(.sqlite) { t in
            let facts = try await facts(t, type: .shipped, locale: "en")
            facts.order.customerName = "<script>alert(1)</script>\r\nBcc: victim@example.com"
            let rendered = t.app.services.messageTemplates.render(.shipped, locale: "en", context: MessageContext.build(facts))
            #expect(!rendered.html.contains("<script>"))
            let mail = MailComposer(fromAddress: "n@porchlight.local").compose(rendered, facts: facts, messageID: "x@y")
            let headerBlock = MIMEWriter.render(mail).components(separatedBy: "\r\n\r\n")[0]
            #expect(!headerBlock.split(separator: "\r\n").contains { $0.hasPrefix("Bcc:") })
        }
    }
}
