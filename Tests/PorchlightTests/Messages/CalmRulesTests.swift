import Foundation
import Testing
@testable import Porchlight

@Suite("The calm rules, decided when a message comes due")
struct CalmRulesTests {
    let newYork = TimeZone(identifier: "America/New_York")!

    func facts(_ type: MessageType, now: Date = .t0, due: Date = .t0, orderStatus: ShipmentStatus = .inTransit,
               parcels: [ShipmentStatus] = [.inTransit], state: OrderState = .open,
               unsubscribed: Set<MessageCategory> = [], lastFollowUp: Date? = nil,
               settings: MessageSettings = MessageSettings()) -> SendFacts {
        SendFacts(type: type, dueAt: due, now: now, orderState: state, orderStatus: orderStatus,
                  parcelStatuses: parcels, settings: settings, unsubscribed: unsubscribed,
                  lastFollowUpSentAt: lastFollowUp, timeZone: newYork)
    }

    /// 15:00 in New York on 22 November 2026.
    let afternoon = Date.t0.addingTimeInterval(8 * 3_600)

    @Test("quiet hours hold a message until 8:00 the customer's time, but never a confirmation")
    func quietHours() {
        // t0 is 07:00 in New York.
        #expect(SendDecision.decide(facts(.shipped)) == .wait(until: Date.t0.addingTimeInterval(3_600)))
        #expect(SendDecision.decide(facts(.orderConfirmation)) == .send)
        let lateEvening = Date.t0.addingTimeInterval(15 * 3_600)  // 22:00 New York
        let nextMorning = Date.t0.addingTimeInterval(25 * 3_600)  // 08:00 the next day
        #expect(SendDecision.decide(facts(.shipped, now: lateEvening, due: lateEvening)) == .wait(until: nextMorning))
        var anyHour = MessageSettings()
        anyHour.quietHours = nil
        #expect(SendDecision.decide(facts(.shipped, settings: anyHour)) == .send)
    }

    @Test("no stale news: a message whose parcel has moved on is dropped")
    func staleNews() {
        #expect(SendDecision.decide(facts(.outForDelivery, now: afternoon, parcels: [.delivered]))
            == .skip("stale: the parcel is now Delivered"))
        #expect(SendDecision.decide(facts(.outForDelivery, now: afternoon, parcels: [.outForDelivery])) == .send)
        #expect(SendDecision.decide(facts(.shipped, now: afternoon, due: afternoon.addingTimeInterval(-2 * 86_400)))
            == .skip("stale: the moment has passed"))
        #expect(SendDecision.decide(facts(.reassurance, now: afternoon, orderStatus: .delivered)) == .skip("already delivered"))
        #expect(SendDecision.decide(facts(.reviewRequest, now: afternoon, orderStatus: .exception))
            == .skip("order is no longer delivered"))
    }

    @Test("closed orders, unsubscribes and switched-off messages stop sending")
    func stops() {
        #expect(SendDecision.decide(facts(.checkIn, now: afternoon, orderStatus: .delivered, state: .refunded))
            == .skip("order refunded"))
        #expect(SendDecision.decide(facts(.shipped, now: afternoon, unsubscribed: [.followUp])) == .send)
        #expect(SendDecision.decide(facts(.shipped, now: afternoon, unsubscribed: [.shipping]))
            == .skip("customer unsubscribed from shipping emails"))
        var settings = MessageSettings()
        settings.disabled = [.shipped]
        #expect(SendDecision.decide(facts(.shipped, now: afternoon, settings: settings)) == .skip("turned off by the store"))
    }

    @Test("one follow-up per customer per cap window; shipping updates are not capped")
    func frequencyCap() {
        let lastHour = afternoon.addingTimeInterval(-3_600)
        #expect(SendDecision.decide(facts(.checkIn, now: afternoon, orderStatus: .delivered, lastFollowUp: lastHour))
            == .wait(until: lastHour.addingTimeInterval(24 * 3_600)))
        #expect(SendDecision.decide(facts(.shipped, now: afternoon, lastFollowUp: lastHour)) == .send)
    }

    @Test("an order that arrives days late is not thanked now, and gets no reassurance on top")
    func lateOrders() {
        let planner = JourneyPlanner(settings: MessageSettings())
        let fresh = planner.orderPlaced(orderID: UUID(), placedAt: Date.t0.addingTimeInterval(-600), now: .t0)
        #expect(fresh.map(\.type) == [.orderConfirmation, .reassurance])
        #expect(fresh[1].dueAt == Date.t0.addingTimeInterval(36 * 3_600 - 600))
        let dayOld = planner.orderPlaced(orderID: UUID(), placedAt: Date.t0.addingTimeInterval(-40 * 3_600), now: .t0)
        #expect(dayOld.map(\.type) == [.orderConfirmation])
        #expect(planner.orderPlaced(orderID: UUID(), placedAt: Date.t0.addingTimeInterval(-3 * 86_400), now: .t0).isEmpty)
    }

    @Test("the journey plans follow-ups from the delivery, and reorders from the replenishment days")
    func plansFollowUps() {
        var settings = MessageSettings()
        settings.replenishmentDays = ["candles": 30, "sku:TEA": 21]
        let order = UUID(), parcel = UUID()
        let move = ShipmentMove(orderID: order, shipmentID: parcel, from: .outForDelivery, to: .delivered,
                                substatus: nil, orderWasDelivered: false, orderIsDelivered: true)
        let planned = JourneyPlanner(settings: settings).shipmentMoved(
            move, localDay: "2026-11-22", now: .t0, skus: ["TEA"], productTypes: ["candles"])
        let days = Dictionary(uniqueKeysWithValues: planned.map { ($0.type, $0.dueAt.timeIntervalSince(.t0) / 86_400) })
        #expect(days == [.delivered: 5.0 / 1_440, .checkIn: 2, .reviewRequest: 4, .reorderReminder: 18])
        let again = JourneyPlanner(settings: settings).shipmentMoved(
            ShipmentMove(orderID: order, shipmentID: parcel, from: .inTransit, to: .inTransit, substatus: nil,
                         orderWasDelivered: true, orderIsDelivered: true), localDay: "2026-11-22", now: .t0)
        #expect(again.isEmpty)
    }
}
