import Vapor

/// `/admin/preview`: the real tracking page for a sample order, in the branding being edited. The setup
/// wizard shows it in a frame and reloads it as the merchant changes colours, so this page alone may be framed,
/// and only by the dashboard itself.
enum PreviewController {
    @Sendable static func show(req: Request) async throws -> Response {
        let store = try await DashboardPage.store(req)
        let now = req.application.world.now()
        let sample = SampleOrder.loaded(store: try branded(store, req), now: now)
        var context = TrackingPage.Model(sample, now: now, site: req.application.siteURL).context
        context["live_url"] = ""  // a sample has nothing to listen to
        let response = req.application.pages.page("tracking", context, request: req)
        response.headers.replaceOrAdd(name: "X-Frame-Options", value: "SAMEORIGIN")
        response.headers.replaceOrAdd(name: "Content-Security-Policy", value: SecurityHeaders.policy(nonce: req.cspNonce)
            .replacingOccurrences(of: "frame-ancestors 'none'", with: "frame-ancestors 'self'"))
        response.headers.cacheControl = .init(noStore: true)
        return response
    }

    /// The saved store with the form's unsaved values on top; invalid values fall back to the saved ones.
    private static func branded(_ store: StoreRecord, _ req: Request) throws -> StoreRecord {
        var branding = store.branding
        if let name = req.query[String.self, at: "name"]?.trimmingCharacters(in: .whitespaces), (1...80).contains(name.count) {
            branding.name = name
        }
        if let accent = req.query[String.self, at: "accent_color"].flatMap(HexColor.init) { branding.accentColor = accent }
        if let background = req.query[String.self, at: "background_color"].flatMap(HexColor.init) {
            branding.backgroundColor = background
        }
        if let font = req.query[String.self, at: "font"] { branding.font = String(font.prefix(60)) }
        let copy = StoreRecord(id: try store.requireID(), slug: store.slug, branding: branding, now: store.createdAt)
        copy.suggestions = []
        return copy
    }
}

/// An order that exists only to be shown: two days in transit, with a short timeline.
enum SampleOrder {
    static func loaded(store: StoreRecord, now: Date) -> TrackingReader.Loaded {
        let orderID = UUID(uuid: (0, 0, 0, 0, 0, 0, 0x40, 0, 0x80, 0, 0, 0, 0, 0, 0, 1))
        let parcelID = UUID(uuid: (0, 0, 0, 0, 0, 0, 0x40, 0, 0x80, 0, 0, 0, 0, 0, 0, 2))
        let order = OrderRecord()
        order.id = orderID
        order.storeID = store.id ?? orderID
        order.createdAt = now
        order.updatedAt = now
        order.lookupNumber = "1001"
        order.emailNormalized = "customer@example.com"
        order.currency = "USD"
        order.state = OrderState.open.rawValue
        order.parcelsTotal = 1
        order.parcelsDelivered = 0
        order.pageViews = 0
        order.orderNumber = "#1001"
        order.email = "customer@example.com"
        order.customerName = "Sam Sample"
        order.placedAt = now.addingTimeInterval(-3 * 86_400)
        order.locale = store.defaultLocale
        order.timeZone = "UTC"
        order.trackingToken = "preview"
        order.revision = 1
        order.status = ShipmentStatus.inTransit.rawValue
        let window = DeliveryWindow.estimate(from: now.addingTimeInterval(-2 * 86_400), shipped: true, carrier: "ups", timeZone: .gmt)
        order.estimatedEarliest = window.earliest
        order.estimatedLatest = window.latest
        let parcel = ShipmentRecord()
        parcel.id = parcelID
        parcel.orderID = orderID
        parcel.storeID = order.storeID
        parcel.createdAt = now
        parcel.updatedAt = now
        parcel.position = 0
        parcel.carrierSource = "store"
        parcel.carrierCode = "ups"
        parcel.pollFailures = 0
        parcel.carrier = "UPS"
        parcel.trackingNumber = "1Z999AA10123456784"
        parcel.status = ShipmentStatus.inTransit.rawValue
        parcel.shippedAt = now.addingTimeInterval(-2 * 86_400)
        parcel.items = [ShipmentItem(sku: "MUG-1", title: "Stoneware mug", quantity: 2)]
        parcel.estimatedEarliest = window.earliest
        parcel.estimatedLatest = window.latest
        let events = [("Label created", -2.2, ShipmentStatus.infoReceived, "Portland, OR"),
                      ("Departed facility", -1.5, .inTransit, "Portland, OR"),
                      ("Arrived at facility", -0.4, .inTransit, "Sacramento, CA")].enumerated().map { index, step in
            let record = ShipmentEventRecord()
            record.id = UUID(uuid: (0, 0, 0, 0, 0, 0, 0x40, 0, 0x80, 0, 0, 0, 0, 0, 1, UInt8(index)))
            record.createdAt = now
            record.occurredAt = now.addingTimeInterval(step.1 * 86_400)
            record.status = step.2.rawValue
            record.message = step.0
            record.location = step.3
            record.orderID = orderID
            record.storeID = order.storeID
            record.dedupeKey = "preview-\(index)"
            record.shipmentID = parcelID
            return ShipmentEventRow(record)
        }
        return TrackingReader.Loaded(store: store, order: order, lineItems: [], shipments: [parcel], events: events)
    }
}
