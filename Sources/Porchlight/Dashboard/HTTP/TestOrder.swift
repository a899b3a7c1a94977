import Vapor

/// The wizard's test order: one mug, not shipped yet, addressed to the merchant so the confirmation reaches them.
enum TestOrder {
    static let prefix = "TEST-"

    static func create(for user: DashboardUser, store: StoreRecord, app: Application) async throws -> OrderBook.Outcome {
        let suffix = app.world.randomBytes(3).map { String(format: "%02X", $0) }.joined()
        let draft = NewOrder(orderNumber: prefix + suffix, email: user.email, phone: nil, customerName: user.name,
                             placedAt: app.world.now(), currency: "USD",
                             lineItems: [NewLineItem(sku: "TEST-MUG", title: "Test order: stoneware mug", variant: nil,
                                                     quantity: 1, price: "0.00", imageURL: nil, productType: nil)],
                             shippingAddress: nil, locale: store.defaultLocale, timeZone: "UTC")
        let outcome = try await app.orderBook(storeID: user.storeID).create(draft, idempotencyKey: nil)
        return outcome
    }
}
