import Foundation

/// What the planner needs to know about one shipment. Event dates are the carrier's own events
/// only (see `TrackingHealth`), never events Porchlight recorded itself.
struct PollFacts: Sendable, Equatable {
    var status: ShipmentStatus
    var carrier: String?
    var createdAt: Date
    var shippedAt: Date?
    var lastEventAt: Date?
    /// The latest carrier event that showed movement (`TrackingHealth.isMovement`).
    var lastMovementAt: Date?
    /// Calendar days ("yyyy-MM-dd") in `timeZone`.
    var estimatedWindow: DeliveryWindow?
    /// The customer's zone: "today" and "daytime" are theirs, because that is where the van is.
    var timeZone: TimeZone
    var hasPushWebhook: Bool
    var now: Date

    init(status: ShipmentStatus, carrier: String? = nil, createdAt: Date, shippedAt: Date? = nil,
         lastEventAt: Date? = nil, lastMovementAt: Date? = nil, estimatedWindow: DeliveryWindow? = nil,
         timeZone: TimeZone = TimeZone(secondsFromGMT: 0)!, hasPushWebhook: Bool = false, now: Date) {
        self.status = status
        self.carrier = carrier
        self.createdAt = createdAt
        self.shippedAt = shippedAt
        self.lastEventAt = lastEventAt
        self.lastMovementAt = lastMovementAt
        self.estimatedWindow = estimatedWindow
        self.timeZone = timeZone
        self.hasPushWebhook = hasPushWebhook
        self.now = now
    }
}

/// When to ask the carrier about a shipment next. Polling costs quota that is shared by every
/// shipment of a carrier, so it is spent where the customer is waiting for news.
enum PollPlanner {
    /// However settings are configured, never ask sooner than this.
    static let minimumInterval: TimeInterval = 60

    /// nil means "stop polling": delivered, expired, or silent for so long nothing will come.
    static func nextPoll(_ facts: PollFacts, settings: PollingSettings,
                         rng: inout some RandomNumberGenerator) -> Date? {
        guard let interval = interval(facts, settings: settings) else { return nil }
        let spread = min(max(settings.jitter, 0), 0.5)
        let factor = 1 + spread * (2 * rng.unitInterval() - 1)
        return facts.now.addingTimeInterval(max(minimumInterval, interval * factor))
    }

    /// The cadence before jitter; nil to stop.
    static func interval(_ facts: PollFacts, settings s: PollingSettings) -> TimeInterval? {
        if facts.status.isTerminal { return nil }
        let health = TrackingHealth.assess(
            status: facts.status, createdAt: facts.createdAt, lastEventAt: facts.lastEventAt,
            lastMovementAt: facts.lastMovementAt, hasAnyCarrierEvent: facts.lastEventAt != nil,
            carrier: facts.carrier, now: facts.now, settings: s)
        if case .expired = health { return nil }
        let lastHeard = facts.lastEventAt ?? facts.createdAt
        if facts.now >= lastHeard.addingTimeInterval(TrackingHealth.days(s.giveUpAfterDays)) { return nil }
        if facts.hasPushWebhook { return s.pushSafetyNetInterval }
        if health.isStalled { return s.slowInterval }

        switch facts.status {
        case .outForDelivery:
            return isDaytime(facts, s) ? s.outForDeliveryInterval : s.inTransitInterval
        case .inTransit, .attemptFail:
            // A parcel on the road on a day it is due may go out for delivery at any scan.
            return isDueToday(facts) && isDaytime(facts, s) ? s.outForDeliveryInterval : s.inTransitInterval
        case .availableForPickup, .exception:
            return s.inTransitInterval
        case .pending, .infoReceived:
            let labelAge = facts.now.timeIntervalSince(facts.shippedAt ?? facts.createdAt)
            let neverMoved = facts.lastMovementAt == nil
            return neverMoved && labelAge >= TrackingHealth.days(s.staleLabelAfterDays)
                ? s.slowInterval : s.preTransitInterval
        case .delivered, .expired:
            return nil
        }
    }

    /// Today, in the customer's zone, is one of the window's days (the last one included).
    static func isDueToday(_ facts: PollFacts) -> Bool {
        guard let window = facts.estimatedWindow else { return false }
        let today = DeliveryWindow.dayString(facts.now, facts.timeZone)
        return window.earliest <= today && today <= window.latest
    }

    static func isDaytime(_ facts: PollFacts, _ settings: PollingSettings) -> Bool {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = facts.timeZone
        return settings.fastPollingLocalHours.contains(calendar.component(.hour, from: facts.now))
    }
}
