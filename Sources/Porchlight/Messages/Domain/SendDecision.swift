import Foundation

/// Everything the calm rules look at when a message comes due.
struct SendFacts: Sendable {
    var type: MessageType
    var dueAt: Date
    var now: Date
    var orderState: OrderState
    var orderStatus: ShipmentStatus
    /// Current statuses of the parcels the message is about.
    var parcelStatuses: [ShipmentStatus]
    var settings: MessageSettings
    var unsubscribed: Set<MessageCategory>
    var lastFollowUpSentAt: Date?
    var timeZone: TimeZone
    /// The reason the message was planned for, e.g. the kind of exception.
    var substatus: String? = nil

    /// The status the parcel must still be in for the message to be worth sending. A delay is told with
    /// the exception message while the parcel stays in transit.
    var awaitedStatus: ShipmentStatus? {
        type == .exception && substatus == Substatus.delayed ? .inTransit : type.triggerStatus
    }
}

enum SendDecision: Sendable, Equatable {
    case send
    case skip(String)
    case wait(until: Date)

    /// Skips come first (a message that should never go is not held overnight), then holds.
    static func decide(_ facts: SendFacts) -> SendDecision {
        if let reason = skipReason(facts) { return .skip(reason) }
        if facts.type.category != .transactional, let quiet = facts.settings.quietHours,
           let end = quietEnd(quiet, now: facts.now, zone: facts.timeZone) {
            return .wait(until: end)
        }
        if facts.type.category == .followUp, let last = facts.lastFollowUpSentAt {
            let allowed = last.addingTimeInterval(Double(facts.settings.followUpCapHours) * 3_600)
            if allowed > facts.now { return .wait(until: allowed) }
        }
        return .send
    }

    private static func skipReason(_ facts: SendFacts) -> String? {
        let type = facts.type
        if !facts.settings.isEnabled(type) { return "turned off by the store" }
        if facts.orderState.isClosed { return "order \(facts.orderState.rawValue)" }
        if facts.unsubscribed.contains(type.category) { return "customer unsubscribed from \(type.category.rawValue) emails" }
        let late = facts.now.timeIntervalSince(facts.dueAt)
        switch type {
        case .orderConfirmation:
            if late > 2 * 86_400 { return "stale: the order is too old to confirm" }
        case .reassurance:
            if facts.orderStatus == .delivered { return "already delivered" }
            if late > 86_400 { return "stale: the moment has passed" }
        case .checkIn, .reviewRequest, .reorderReminder:
            if facts.orderStatus != .delivered { return "order is no longer delivered" }
        case .shipped, .outForDelivery, .delivered, .failedAttempt, .readyForPickup, .exception:
            if let trigger = facts.awaitedStatus, !facts.parcelStatuses.contains(trigger) {
                let now = facts.parcelStatuses.first.map(\.rawValue) ?? "unknown"
                return "stale: the parcel is now \(now)"
            }
            if late > 86_400 { return "stale: the moment has passed" }
        }
        return nil
    }

    /// The end of the quiet hours the customer is in right now, or nil when they are awake.
    static func quietEnd(_ quiet: QuietHours, now: Date, zone: TimeZone) -> Date? {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        let hour = calendar.component(.hour, from: now)
        guard quiet.contains(hour: hour) else { return nil }
        guard let endToday = calendar.date(bySettingHour: quiet.end, minute: 0, second: 0, of: now) else { return nil }
        return endToday > now ? endToday : calendar.date(byAdding: .day, value: 1, to: endToday)
    }
}
