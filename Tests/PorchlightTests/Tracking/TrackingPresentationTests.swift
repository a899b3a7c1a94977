import Foundation
import Testing
@testable import Porchlight

@Suite("What the tracking page says")
struct TrackingPresentationTests {
    static let newYork = TimeZone(identifier: "America/New_York")!
    static let madrid = TimeZone(identifier: "Europe/Madrid")!

    func snapshot(_ statuses: [ShipmentStatus], locale: String = "en", zone: TimeZone = newYork,
                  deliveredAt: Date? = nil, events: [ShipmentEvent] = []) -> TrackingSnapshot {
        TrackingSnapshot(
            orderNumber: "1001", placedAt: .t0, locale: locale, timeZone: zone,
            window: DeliveryWindow(earliest: "2026-11-24", latest: "2026-11-26"),
            parcels: statuses.enumerated().map { index, status in
                TrackingSnapshot.Parcel(
                    id: UUID(uuidString: "00000000-0000-0000-0000-00000000000\(index)")!, carrier: "UPS", service: nil,
                    trackingNumber: "1Z\(index)", status: status, substatus: nil, shippedAt: .t0,
                    deliveredAt: status == .delivered ? deliveredAt : nil,
                    window: DeliveryWindow(earliest: "2026-11-24", latest: "2026-11-26"), items: [], events: events)
            },
            unshippedItems: [])
    }

    @Test("In transit names the delivery window in plain words")
    func inTransitHeadline() {
        let english = TrackingPresentation(snapshot([.inTransit]), now: .t0)
        #expect(english.headline == "On its way · arriving Tue 24 – Thu 26 Nov")
        let spanish = TrackingPresentation(snapshot([.inTransit], locale: "es"), now: .t0)
        #expect(spanish.headline == "En camino · llega mar 24 – jue 26 nov")
    }

    @Test("Delivered says when, in the customer's own time zone")
    func deliveredHeadline() {
        // 15:42 UTC on Saturday 21 November is 10:42 in New York.
        let at = Date(timeIntervalSince1970: 1_795_275_720)
        let english = TrackingPresentation(snapshot([.delivered], deliveredAt: at), now: .t0)
        #expect(english.headline == "Delivered Saturday at 10:42")
        let spanish = TrackingPresentation(snapshot([.delivered], locale: "es", zone: Self.madrid, deliveredAt: at), now: .t0)
        #expect(spanish.headline == "Entregado el sábado a las 16:42")
    }

    @Test("A window already under way is shown from today")
    func windowFromToday() {
        var late = snapshot([.inTransit])
        late.parcels[0].window = DeliveryWindow(earliest: "2026-11-20", latest: "2026-11-25")
        #expect(TrackingPresentation(late, now: .t0).headline == "On its way · arriving Sun 22 – Wed 25 Nov")
        late.parcels[0].window = DeliveryWindow(earliest: "2026-11-18", latest: "2026-11-21")
        #expect(TrackingPresentation(late, now: .t0).headline == "On its way")
    }

    @Test("Split orders count their parcels and show one section each")
    func splitOrder() {
        let presentation = TrackingPresentation(snapshot([.delivered, .inTransit], deliveredAt: .t0), now: .t0)
        #expect(presentation.summaryLine == "1 of 2 parcels delivered")
        #expect(presentation.parcels.map(\.title) == ["Parcel 1 of 2", "Parcel 2 of 2"])
        #expect(presentation.headline.hasPrefix("On its way"))
    }

    @Test("Steps show where the parcel is, and problems are marked")
    func steps() {
        let exception = TrackingPresentation(snapshot([.exception]), now: .t0).parcels[0].steps.map(\.state)
        #expect(exception == ["done", "done", "problem", "todo", "todo"])
        let delivered = TrackingPresentation(snapshot([.delivered], deliveredAt: .t0), now: .t0).parcels[0].steps.map(\.state)
        #expect(delivered == ["done", "done", "done", "done", "done"])
    }

    @Test("The timeline groups events by day in the customer's zone, newest first")
    func timelineByDay() {
        func event(_ seconds: TimeInterval, _ message: String) -> ShipmentEvent {
            ShipmentEvent(id: UUID(), status: .inTransit, substatus: nil, occurredAt: .t0.addingTimeInterval(seconds),
                          recordedAt: .t0, message: message, location: nil, carrierCode: nil)
        }
        // t0 is 07:00 in New York; -8h is 23:00 the day before.
        let events = [event(-8 * 3600, "Departed"), event(-1 * 3600, "Arrived"), event(-50 * 3600, "Picked up")]
        let days = TrackingPresentation(snapshot([.inTransit], events: events), now: .t0).parcels[0].days
        #expect(days.map(\.label) == ["Today", "Yesterday", "Friday 20 November"])
        #expect(days[0].lines.map(\.message) == ["Arrived"])
        #expect(days[0].lines[0].time == "06:00")
    }
}

@Suite("Delivery windows on the page")
struct DeliveryWindowPresentationTests {
    @Test("A window never starts in the past, and a passed one is not promised")
    func remaining() {
        let window = DeliveryWindow(earliest: "2026-11-20", latest: "2026-11-25")
        #expect(window.remaining(from: "2026-11-22") == DeliveryWindow(earliest: "2026-11-22", latest: "2026-11-25"))
        #expect(window.remaining(from: "2026-11-19") == window)
        #expect(window.remaining(from: "2026-11-26") == nil)
    }

    @Test("Business days skip the weekend")
    func businessDays() {
        let zone = TimeZone(identifier: "America/New_York")!
        // Friday 20 November 2026, noon in New York, plus 1 business day is Monday 23.
        let friday = Date(timeIntervalSince1970: 1_795_194_000)
        #expect(DeliveryWindow.dayString(DeliveryWindow.addBusinessDays(1, to: friday, in: zone), zone) == "2026-11-23")
    }
}
