import Foundation

/// Everything known about an order at the moment one of its messages is written.
struct MessageFacts: Sendable {
    var type: MessageType
    var store: StoreRecord
    var settings: MessageSettings
    var signingKey: String
    var order: OrderRecord
    var lines: [LineItemRecord]
    /// All of the order's parcels, in order.
    var shipments: [ShipmentRecord]
    /// The parcels this message is about.
    var shipmentIDs: [UUID]
    var latestEvents: [UUID: ShipmentEventRecord]
    var substatus: String?
    var site: SiteURL
    var now: Date
}

/// Builds the Mustache context documented in docs/MESSAGE-TEMPLATES.md. Absent values are left
/// out rather than set to nil, so templates can test for them with sections.
enum MessageContext {
    static func build(_ facts: MessageFacts) -> [String: Any] {
        let order = facts.order
        let language = LocaleChoice.language(order.locale)
        let dates = DateText(locale: order.locale, timeZone: order.zone)
        let token = order.trackingToken
        var context: [String: Any] = [
            "lang": language,
            "store": store(facts),
            "customer": BrandContext.compact(["first_name": firstName(order.customerName), "name": order.customerName]),
            "order": self.order(facts, dates: dates),
            "category": facts.type.category.rawValue,
            "is_followup": facts.type.category == .followUp,
        ]
        if facts.type.category != .transactional {
            context["unsubscribe_url"] = facts.site.absolute(.unsubscribe(token: token, category: facts.type.category))
        }
        if let window = order.window.flatMap({ $0.remaining(from: DeliveryWindow.dayString(facts.now, order.zone)) }),
           let text = dates.window(window) {
            context["window"] = ["text": text, "is_new": facts.type == .exception]
        }
        let parcels = parcels(facts, language: language)
        context["parcels"] = parcels
        if let first = parcels.first { context["parcel"] = first }
        if let code = facts.substatus ?? facts.shipments.first(where: { $0.id.map(facts.shipmentIDs.contains) ?? false })?.substatus,
           let info = Substatus.known(code) {
            context["status_detail"] = info.description(locale: order.locale)
        }
        if facts.type == .readyForPickup, let location = facts.shipmentIDs.lazy.compactMap({ facts.latestEvents[$0]?.location }).first {
            context["pickup_location"] = location
        }
        let types = facts.lines.compactMap(\.productType)
        switch facts.type {
        case .orderConfirmation:
            if let pick = ProductSuggestion.pick(from: facts.store.suggestions, forProductTypes: types) {
                context["suggestion"] = BrandContext.compact(["title": pick.title, "url": pick.url, "image_url": pick.imageURL])
            }
        case .reassurance:
            let tips = DefaultTips.pick(facts.settings, productTypes: types, language: language)
            context["tips"] = ["heading": tips.heading, "paragraphs": tips.paragraphs]
        case .reviewRequest:
            let links = ReviewLinks(signingKey: facts.signingKey, site: facts.site)
            context["review"] = ["items": reviewItems(facts.lines).map { line in
                let key = ReviewLinks.productKey(sku: line.sku, title: line.title)
                return ["title": line.title, "stars": (1...5).map { ["n": $0, "url": links.url(token: token, productKey: key, stars: $0)] }]
            }]
        case .reorderReminder:
            context["reorder"] = BrandContext.compact(["items": facts.lines.map { ["title": $0.title] }, "url": facts.settings.shopURL])
        default: break
        }
        return context
    }

    private static func store(_ facts: MessageFacts) -> [String: Any] {
        let palette = facts.store.branding.palette
        var store = BrandContext.store(facts.store)
        store["accent"] = palette.accent.description
        store["accent_text"] = palette.onAccent.description
        store["link"] = palette.accentText.description
        store["background"] = palette.background.description
        store["font"] = facts.store.font
        store["shop_url"] = facts.settings.shopURL
        return store.compactMapValues { $0 }
    }

    private static func order(_ facts: MessageFacts, dates: DateText) -> [String: Any] {
        let order = facts.order
        let items: [[String: Any]] = facts.lines.map { line in
            BrandContext.compact(["title": line.title, "variant": line.variant, "quantity": line.quantity,
                                  "price": Money.format(line.price, currency: order.currency, locale: order.locale)])
        }
        let address = order.shippingAddress.map { a in
            [a.name, a.line1, a.line2, [a.postalCode, a.city].compactMap { $0 }.joined(separator: " "), a.region, a.country]
                .compactMap { $0 }.filter { !$0.isEmpty }
        } ?? []
        return [
            "number": order.orderNumber, "placed_on": dates.longDate(order.placedAt),
            "tracking_url": facts.site.absolute(.tracking(token: order.trackingToken)),
            "items": items, "has_items": !items.isEmpty, "address_lines": address,
            "parcels_total": order.parcelsTotal, "parcels_delivered": order.parcelsDelivered,
            "is_split": order.parcelsTotal > 1,
            "partly_delivered": order.parcelsDelivered > 0 && order.parcelsDelivered < order.parcelsTotal,
        ]
    }

    private static func parcels(_ facts: MessageFacts, language: String) -> [[String: Any]] {
        let copy = TrackingCopy(language: language)
        return facts.shipments.enumerated().compactMap { index, shipment -> [String: Any]? in
            guard let id = shipment.id, facts.shipmentIDs.contains(id) else { return nil }
            let event = facts.latestEvents[id]
            return BrandContext.compact([
                "position": index + 1, "carrier": shipment.carrier, "tracking_number": shipment.trackingNumber,
                "status_label": copy.statusLabel(shipment.shipmentStatus), "location": event?.location,
                "carrier_message": event.map(\.message).flatMap { $0.isEmpty ? nil : $0 },
            ])
        }
    }

    /// Up to three distinct products, so the email stays a single glance.
    private static func reviewItems(_ lines: [LineItemRecord]) -> [LineItemRecord] {
        var seen = Set<String>()
        return Array(lines.filter { seen.insert(ReviewLinks.productKey(sku: $0.sku, title: $0.title)).inserted }.prefix(3))
    }

    static func firstName(_ name: String?) -> String? {
        name?.split(separator: " ").first.map(String.init)
    }
}
