import Fluent
import Foundation
import Testing
import VaporTesting
@testable import Porchlight

@Suite("Dashboard")
struct DashboardTests {
    @Test("A user of one store cannot see another store's orders, even by guessing the ID", arguments: TestDatabase.all)
    func crossStore(db: TestDatabase) async throws {
        try await TestHarness.run(db) { t in
            let alice = DashboardClient(t)
            _ = try await alice.signUp(store: "Alpha", slug: "alpha", email: "alice@alpha.example")
            let bob = DashboardClient(t)
            _ = try await bob.signUp(store: "Beta", slug: "beta", email: "bob@beta.example")
            let betaKey = try await APIKeys(database: t.app.db, world: t.app.world,
                                            storeID: try #require(try await StoreRecord.query(on: t.app.db).filter(\.$slug == "beta").first()).requireID())
                .create(name: "test")
            let order = try await t.createOrder(betaKey, number: "B-77", email: "carol@example.com")
            let orderID = try #require(order["id"] as? String)
            #expect(try await bob.get("/admin/orders/\(orderID)").status == .ok)
            #expect(try await alice.get("/admin/orders/\(orderID)").status == .notFound)
            let search = try await alice.get("/admin/orders?q=B-77")
            #expect(!search.body.string.contains("/admin/orders/\(orderID)"))
            let shipmentID = try await t.addShipment(betaKey, orderID: orderID, number: "1Z999AA10123456784")
            let forged = try await alice.post("/admin/orders/\(orderID)/events", from: "/admin",
                                              ["shipment_id": shipmentID, "status": "Delivered"])
            #expect(forged.status == .notFound)
        }
    }

    @Test("Staff work with orders but cannot manage keys, integrations or people", arguments: TestDatabase.all)
    func staff(db: TestDatabase) async throws {
        try await TestHarness.run(db) { t in
            let owner = DashboardClient(t)
            _ = try await owner.signUp()
            let invited = try await owner.post("/admin/settings/people", from: "/admin/settings",
                                               ["email": "sam@maple.example", "name": "Sam", "role": "staff"])
            #expect(invited.headers.first(name: .location) == "/admin/settings?notice=invited#people")
            let path = try await PasswordResetTests.emailedLink(t, to: "sam@maple.example")
                .replacingOccurrences(of: TestHarness.publicURL, with: "")
            let staff = DashboardClient(t)
            #expect(try await staff.post(path, from: path, ["password": "sam's own password"]).status == .seeOther)
            #expect(try await staff.get("/admin/orders").status == .ok)
            let settings = try await staff.get("/admin/settings")
            #expect(settings.status == .ok && !settings.body.string.contains("Make a key"))
            #expect(try await staff.post("/admin/settings/keys", from: "/admin/settings", ["name": "mine"]).status == .forbidden)
            #expect(try await staff.post("/admin/setup/connect/shopify", from: "/admin/setup", [:]).status == .forbidden)
            #expect(try await staff.post("/admin/settings/people", from: "/admin/settings",
                                         ["email": "x@maple.example", "role": "owner"]).status == .forbidden)
            #expect(try await APIKeyRecord.query(on: t.app.db).count() == 1)
        }
    }

    @Test("Orders are found by number, email, any word of the name, or tracking number, and page by page", arguments: TestDatabase.all)
    func search(db: TestDatabase) async throws {
        try await TestHarness.run(db) { t in
            let owner = DashboardClient(t)
            _ = try await owner.signUp()
            let storeID = try #require(try await StoreRecord.query(on: t.app.db).first()).requireID()
            let key = try await APIKeys(database: t.app.db, world: t.app.world, storeID: storeID).create(name: "test")
            let order = try await t.createOrder(key, number: "#2040", email: "ada@example.com")
            _ = try await t.addShipment(key, orderID: try #require(order["id"] as? String), number: "1Z999AA10123456784")
            for query in ["2040", "#2040", "ADA@example", "brooks", "Ada Br", "1z999aa1"] {
                let page = try await owner.get("/admin/orders?q=\(query.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!)")
                #expect(page.body.string.contains("#2040"), "searching \(query)")
            }
            #expect(!(try await owner.get("/admin/orders?q=zzz")).body.string.contains("#2040"))
            #expect(try await owner.get("/admin/orders?status=Delivered").body.string.contains("No orders match"))
            for number in 1...55 {
                _ = try await t.createOrder(key, number: "P-\(number)", placedAt: "2026-11-0\(number % 9 + 1)T10:00:00Z")
            }
            let first = try await owner.get("/admin/orders").body.string
            let next = try #require(first.range(of: #"/admin/orders\?q=&amp;status=&amp;after=[^"]+"#, options: .regularExpression))
            let second = try await owner.get(String(first[next]).replacingOccurrences(of: "&amp;", with: "&")).body.string
            let numbers = { (html: String) in Set(html.matches(of: /P-\d+/).map { String($0.output) }) }
            #expect(numbers(first).count == 49 || numbers(first).count == 50)
            #expect(numbers(first).isDisjoint(with: numbers(second)))
            #expect(numbers(first).union(numbers(second)).count == 55)
        }
    }

    @Test("The wizard brands the store, keeps Shopify's secret, makes a WooCommerce secret shown once, and sends a test order", arguments: TestDatabase.all)
    func wizard(db: TestDatabase) async throws {
        try await TestHarness.run(db) { t in
            let owner = DashboardClient(t)
            _ = try await owner.signUp()
            let preview = try await owner.get("/admin/preview?accent_color=%23aa3355&name=Preview%20Name")
            #expect(preview.body.string.contains("#aa3355") && preview.body.string.contains("Preview Name"))
            #expect(preview.headers.first(name: "X-Frame-Options") == "SAMEORIGIN")
            let storeID = try #require(try await StoreRecord.query(on: t.app.db).first()).requireID()
            let shopify = try await owner.post("/admin/setup/connect/shopify", from: "/admin/setup",
                                               ["webhook_secret": " shpss_0123456789abcdef "])
            #expect(shopify.headers.first(name: .location) == "/admin/setup?notice=shopify-connected#test")
            #expect(try await t.app.integrationVault(storeID: storeID).settings(.shopify)?[.webhookSecret] == "shpss_0123456789abcdef")
            let empty = try await owner.post("/admin/setup/connect/shopify", from: "/admin/setup", ["webhook_secret": ""])
            #expect(empty.status == .unprocessableEntity)
            let connect = try await owner.post("/admin/setup/connect/woocommerce", from: "/admin/setup", [:])
            let secret = try #require(connect.body.string.firstMatch(of: /id="new-secret" readonly value="([0-9a-f]{64})"/)?.output.1)
            #expect(try await t.app.integrationVault(storeID: storeID).settings(.woocommerce)?[.webhookSecret] == String(secret))
            #expect(!(try await owner.get("/admin/setup")).body.string.contains(String(secret)), "shown once")
            let test = try await owner.post("/admin/setup/test-order", from: "/admin/setup", [:])
            let link = try #require(test.body.string.firstMatch(of: /id="test-link" readonly value="([^"]+)"/)?.output.1)
            let page = try await t.send(.GET, String(link).replacingOccurrences(of: TestHarness.publicURL, with: ""))
            #expect(page.status == .ok)
            let order = try #require(try await OrderRecord.query(on: t.app.db).first())
            #expect(order.orderNumber.hasPrefix("TEST-") && order.email == "owner@maple.example")
            let confirmation = try await MessageRecord.query(on: t.app.db).filter(\.$orderID == order.requireID()).all()
            #expect(confirmation.contains { $0.type == "order_confirmation" })
        }
    }

    @Test("Needs attention lists parcels with problems, with why and what to do", arguments: TestDatabase.all)
    func attention(db: TestDatabase) async throws {
        try await TestHarness.run(db) { t in
            let owner = DashboardClient(t)
            _ = try await owner.signUp()
            let storeID = try #require(try await StoreRecord.query(on: t.app.db).first()).requireID()
            let key = try await APIKeys(database: t.app.db, world: t.app.world, storeID: storeID).create(name: "test")
            let troubled = try await t.createOrder(key, number: "T-1")
            let parcel = try await t.addShipment(key, orderID: try #require(troubled["id"] as? String), number: "1Z999AA10123456784")
            try await t.addEvent(key, shipmentID: parcel, status: "Exception", at: "2026-11-21T12:00:00Z",
                                 message: "Address problem", substatus: "Exception_004")
            let fine = try await t.createOrder(key, number: "F-1")
            let fineParcel = try await t.addShipment(key, orderID: try #require(fine["id"] as? String), number: "9400111899223197428490", carrier: "USPS")
            try await t.addEvent(key, shipmentID: fineParcel, status: "Delivered", at: "2026-11-21T12:00:00Z")
            let page = try await owner.get("/admin/attention").body.string
            #expect(page.contains("T-1"))
            #expect(!page.contains("F-1"))
            #expect(page.contains("What to do"))
            let home = try await owner.get("/admin").body.string
            #expect(home.contains("T-1") && home.contains("<svg"))
        }
    }

    @Test("Home shows the month's orders, page views, median delivery time and deliveries per day", arguments: TestDatabase.all)
    func home(db: TestDatabase) async throws {
        try await TestHarness.run(db) { t in
            let owner = DashboardClient(t)
            _ = try await owner.signUp()
            let storeID = try #require(try await StoreRecord.query(on: t.app.db).first()).requireID()
            let key = try await APIKeys(database: t.app.db, world: t.app.world, storeID: storeID).create(name: "test")
            for number in 1...3 {
                let order = try await t.createOrder(key, number: "H-\(number)")
                let parcel = try await t.addShipment(key, orderID: try #require(order["id"] as? String), number: "1Z999AA1012345678\(number)")
                if number < 3 { try await t.addEvent(key, shipmentID: parcel, status: "Delivered", at: "2026-11-22T09:00:00Z") }
                _ = try await t.send(.GET, t.trackingPath(order))
            }
            try await t.app.services.pageViews.flush(on: t.app.db)
            let home = try await owner.get("/admin").body.string
            #expect(home.contains(#"data-stat="orders">3<"#))
            #expect(home.contains(#"data-stat="views">1.0<"#))
            #expect(home.contains(#"data-stat="median">1.0 days<"#), "shipped 09:00 on the 21st, delivered 09:00 on the 22nd")
            #expect(home.contains("2 deliveries in the last 30 days"))
        }
    }

    @Test("The integration log in settings shows a rejected webhook and why", arguments: [TestDatabase.sqlite])
    func integrationLog(db: TestDatabase) async throws {
        try await TestHarness.run(db) { t in
            let owner = DashboardClient(t)
            _ = try await owner.signUp()
            _ = try await owner.post("/admin/setup/connect/shopify", from: "/admin/setup", ["webhook_secret": "shopify-signing-secret"])
            let rejected = try await t.send(.POST, "/webhooks/shopify/maple", json: #"{"id": 1}"#,
                                            headers: [("X-Shopify-Topic", "orders/create"), ("X-Shopify-Hmac-Sha256", "bm9wZQ==")])
            #expect(rejected.status == .unauthorized)
            let settings = try await owner.get("/admin/settings").body.string
            #expect(settings.contains("rejected signature"))
            #expect(settings.contains("orders/create"))
        }
    }

    @Test("A manual event from the order page reaches the customer's timeline", arguments: [TestDatabase.sqlite])
    func manualEvent(db: TestDatabase) async throws {
        try await TestHarness.run(db) { t in
            let owner = DashboardClient(t)
            _ = try await owner.signUp()
            let storeID = try #require(try await StoreRecord.query(on: t.app.db).first()).requireID()
            let key = try await APIKeys(database: t.app.db, world: t.app.world, storeID: storeID).create(name: "test")
            let order = try await t.createOrder(key, number: "M-1")
            let orderID = try #require(order["id"] as? String)
            let parcel = try await t.addShipment(key, orderID: orderID, number: "1Z999AA10123456784")
            let added = try await owner.post("/admin/orders/\(orderID)/events", from: "/admin/orders/\(orderID)",
                                             ["shipment_id": parcel, "status": "OutForDelivery", "message": "Hand-delivered by us today"])
            #expect(added.status == .seeOther)
            let customerPage = try await t.send(.GET, t.trackingPath(order)).body.string
            #expect(customerPage.contains("Hand-delivered by us today"))
        }
    }
}
