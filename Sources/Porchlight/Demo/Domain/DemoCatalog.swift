import Foundation

/// The pretend store the demo runs: what it sells and who buys it.
enum DemoCatalog {
    static let products: [NewLineItem] = [
        NewLineItem(sku: "MM-CANDLE-FIR", title: "Fir & Cedar soy candle", variant: "200 g", quantity: 1, price: "24.00",
                    imageURL: nil, productType: "candles"),
        NewLineItem(sku: "MM-TEA-SMOKY", title: "Smoky black tea", variant: "100 g tin", quantity: 2, price: "12.50",
                    imageURL: nil, productType: "tea"),
        NewLineItem(sku: "MM-MUG-STONE", title: "Stoneware mug", variant: "Moss glaze", quantity: 1, price: "28.00",
                    imageURL: nil, productType: "ceramics"),
        NewLineItem(sku: "MM-NAPKIN-LIN", title: "Linen napkins, set of 4", variant: "Oat", quantity: 1, price: "36.00",
                    imageURL: nil, productType: "linen"),
        NewLineItem(sku: "MM-PLANT-FOOD", title: "Houseplant food", variant: "250 ml", quantity: 1, price: "9.00",
                    imageURL: nil, productType: "plant care"),
    ]

    struct Customer {
        var name: String, email: String, city: String, region: String, country: String, locale: String, timeZone: String
    }

    static let customers: [Customer] = [
        Customer(name: "Ada Brooks", email: "ada@example.com", city: "Brooklyn", region: "NY", country: "US", locale: "en", timeZone: "America/New_York"),
        Customer(name: "Lucía Navarro", email: "lucia@example.com", city: "Madrid", region: "MD", country: "ES", locale: "es", timeZone: "Europe/Madrid"),
        Customer(name: "Sam Okafor", email: "sam@example.com", city: "Austin", region: "TX", country: "US", locale: "en", timeZone: "America/Chicago"),
        Customer(name: "Mei Chen", email: "mei@example.com", city: "Seattle", region: "WA", country: "US", locale: "en", timeZone: "America/Los_Angeles"),
        Customer(name: "Diego Ramírez", email: "diego@example.com", city: "Guadalajara", region: "JAL", country: "MX", locale: "es-MX", timeZone: "America/Mexico_City"),
        Customer(name: "Priya Nair", email: "priya@example.com", city: "Denver", region: "CO", country: "US", locale: "en", timeZone: "America/Denver"),
        Customer(name: "Tom Walsh", email: "tom@example.com", city: "Boston", region: "MA", country: "US", locale: "en", timeZone: "America/New_York"),
    ]

    /// One plan per demo order: how far each of its parcels has got. An empty list means not shipped yet.
    static let plans: [[ShipmentStatus]] = [
        [], [], [],
        [.infoReceived], [.infoReceived],
        [.inTransit], [.inTransit], [.inTransit], [.inTransit],
        [.outForDelivery], [.outForDelivery],
        [.attemptFail],
        [.availableForPickup],
        [.exception],
        [.delivered], [.delivered],
        [.delivered, .inTransit],
        [.inTransit, .infoReceived],
        [.delivered, .outForDelivery, .inTransit],
        [.inTransit],
    ]

    static let suggestions: [ProductSuggestion] = [
        ProductSuggestion(productType: "tea", title: "Stoneware mug, Moss glaze: the one our tea tastes best from",
                          url: "https://example.com/products/stoneware-mug", imageURL: nil),
        ProductSuggestion(productType: "candles", title: "Wick trimmer in brushed brass",
                          url: "https://example.com/products/wick-trimmer", imageURL: nil),
    ]

    /// A demo is watched for minutes, not days: messages go out a minute after a parcel moves and
    /// at any hour, so the outbox fills while someone is looking. Real stores keep the calmer defaults.
    static var messageSettings: MessageSettings {
        var settings = MessageSettings()
        settings.coalesceMinutes = 1
        settings.quietHours = nil
        settings.replenishmentDays = ["tea": 30, "candles": 45, "plant care": 60]
        settings.shopURL = "https://maple-and-moss.example/shop"
        settings.tips = ["tea": ProductTips(heading: "Getting the best from your tea", paragraphs: [
            "Use water just off the boil for black tea, and about 80 °C for green.",
            "Steep for three to four minutes, then taste before adding milk.",
            "Keep the tin closed and away from the stove: light and steam dull the flavour.",
        ])]
        return settings
    }
}
