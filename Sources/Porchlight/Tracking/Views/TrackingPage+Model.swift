import Foundation

enum TrackingPage {}

extension TrackingPage {
    /// The Mustache context for the tracking page and for its live fragment.
    struct Model {
        let loaded: TrackingReader.Loaded
        let snapshot: TrackingSnapshot
        let presentation: TrackingPresentation
        let site: SiteURL

        init(_ loaded: TrackingReader.Loaded, now: Date, site: SiteURL) {
            self.loaded = loaded
            self.snapshot = loaded.snapshot
            self.presentation = TrackingPresentation(snapshot, now: now)
            self.site = site
        }

        var context: [String: Any] {
            let store = loaded.store
            let copy = PageCopy(language: presentation.language)
            var context: [String: Any] = [
                "lang": presentation.language,
                "page_title": "\(copy.order) \(loaded.order.orderNumber) · \(store.name)",
                "store": BrandContext.store(store),
                "theme": BrandContext.theme(store.branding),
                "copy": copy.dictionary,
                "token": loaded.order.trackingToken,
                "revision": loaded.order.revision,
                "live_url": SitePath.trackingLive(token: loaded.order.trackingToken).path,
            ]
            context.merge(orderContext) { $1 }
            if let suggestion = ProductSuggestion.pick(from: store.suggestions, forProductTypes: loaded.productTypes) {
                context["suggestion"] = BrandContext.compact(["title": suggestion.title, "url": suggestion.url,
                                         "image_url": suggestion.imageURL])
            }
            return context
        }

        /// The part of the page that live updates replace.
        var orderContext: [String: Any] {
            let copy = PageCopy(language: presentation.language)
            let order = loaded.order
            return BrandContext.compact([
                "copy": copy.dictionary,
                "headline": presentation.headline,
                "status": presentation.status.rawValue,
                "summary_line": presentation.summaryLine,
                "order_number": order.orderNumber,
                "destination": order.shippingAddress?.shortDescription,
                "pending_steps": (presentation.pendingSteps ?? []).map(Self.step),
                "has_pending": presentation.pendingSteps != nil,
                "unshipped_items": snapshot.unshippedItems.map(Self.item),
                "has_unshipped_items": !snapshot.unshippedItems.isEmpty && !presentation.parcels.isEmpty,
                "parcels": presentation.parcels.map(Self.parcel),
                "all_items": loaded.allItems.map(Self.item),
            ])
        }

        static func step(_ step: TrackingPresentation.Step) -> [String: Any] {
            ["label": step.label, "state": step.state, "is_current": step.state == "current" || step.state == "problem"]
        }

        static func item(_ item: ShipmentItem) -> [String: Any] {
            ["title": item.title.isEmpty ? (item.sku ?? "") : item.title, "quantity": item.quantity,
             "many": item.quantity > 1]
        }

        static func parcel(_ parcel: TrackingPresentation.Parcel) -> [String: Any] {
            BrandContext.compact([
                "id": parcel.id.uuidString.lowercased(),
                "parcel_title": parcel.title,
                "carrier": parcel.carrier,
                "tracking_number": parcel.trackingNumber,
                "status": parcel.status.rawValue,
                "status_label": parcel.statusLabel,
                "detail": parcel.detail,
                "attention": parcel.status.needsAttention,
                "steps": parcel.steps.map(step),
                "items": parcel.items.map(item),
                "has_items": !parcel.items.isEmpty,
                "days": parcel.days.map { day in
                    ["label": day.label, "events": day.lines.map { line in
                        BrandContext.compact(["time": line.time, "message": line.message, "location": line.location,
                                              "status": line.status.rawValue])
                    }] as [String: Any]
                },
                "has_events": !parcel.days.isEmpty,
            ])
        }
    }
}
