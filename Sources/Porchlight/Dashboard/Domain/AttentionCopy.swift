import Foundation

extension AttentionKind {
    /// Short label for the list, as a one-person shop would say it.
    var title: String {
        switch self {
        case .exception: "Carrier problem"
        case .failedAttempt: "Delivery failed"
        case .waitingAtPickup: "Waiting at pickup point"
        case .pastWindow: "Running late"
        case .stalled: "Stalled"
        case .undetectedCarrier: "Unknown carrier"
        case .expired: "No tracking updates"
        }
    }
}

/// The words on the attention list. Written for the merchant, not the customer (the substatus
/// catalogue is for customers): what happened, when, and the one next step.
struct AttentionCopy: Sendable {
    let facts: AttentionFacts

    private var carrier: String { facts.carrier.flatMap { $0.isEmpty ? nil : $0 } ?? "The carrier" }

    func exception(since: Date, reportedAt: Date?) -> AttentionItem {
        let (detail, action) = Self.exceptions[facts.substatus?.code ?? ""]
            ?? (nil, "Check the carrier's tracking page for details, and contact the carrier if it doesn't move soon.")
        let what = "\(carrier) reported an exception" + (detail.map { ": \($0)" } ?? "")
        return AttentionItem(kind: .exception, reason: sentence(what, reportedAt), action: action, since: since)
    }

    func failedAttempt(since: Date, reportedAt: Date?) -> AttentionItem {
        let (detail, action) = Self.failedAttempts[facts.substatus?.code ?? ""]
            ?? (nil, "The carrier usually tries again. Let the customer know, and check back if it fails again.")
        let what = "\(carrier) couldn't deliver it" + (detail.map { " (\($0))" } ?? "")
        return AttentionItem(kind: .failedAttempt, reason: sentence(what, reportedAt), action: action, since: since)
    }

    func waitingAtPickup(since: Date) -> AttentionItem {
        AttentionItem(kind: .waitingAtPickup,
                      reason: "It arrived at a pickup point \(ago(since)) and hasn't been collected.",
                      action: "Remind the customer to collect it before the carrier sends it back to you.", since: since)
    }

    func pastWindow(since: Date) -> AttentionItem {
        let action = facts.status == .outForDelivery
            ? "It's out for delivery now. Let the customer know it's on its way today."
            : "Let the customer know it's running late. If the carrier shows no progress, ask them to open a trace."
        return AttentionItem(kind: .pastWindow, reason: "Its delivery window ended \(ago(since)) and it hasn't arrived.",
                             action: action, since: since)
    }

    func stalled(since: Date, quietFor lastMovement: Date?) -> AttentionItem {
        let reason = lastMovement.map { "\(carrier) hasn't scanned it for \(duration(since: $0))." }
            ?? sentence("\(carrier) reported a delay", facts.lastEventAt)
        return AttentionItem(kind: .stalled, reason: reason,
                             action: "Let the customer know it's delayed. "
                                + "If it doesn't move in a day or two, ask the carrier to open a trace.",
                             since: since)
    }

    func undetectedCarrier(since: Date) -> AttentionItem {
        AttentionItem(kind: .undetectedCarrier,
                      reason: "We couldn't tell which carrier this tracking number belongs to, so it isn't being tracked.",
                      action: "Check the tracking number for typos, or choose the carrier on the order.", since: since)
    }

    func expired(since: Date) -> AttentionItem {
        AttentionItem(kind: .expired,
                      reason: "\(carrier) hasn't shared anything about this tracking number "
                        + "since it was added \(ago(facts.createdAt)).",
                      action: "Check the number is right and the parcel was handed over. "
                        + "If it was, ask the carrier to trace it.",
                      since: since)
    }

    /// "UPS reported an exception: address problem, 2 days ago." or without the time when unknown.
    private func sentence(_ what: String, _ at: Date?) -> String {
        what + (at.map { ", \(ago($0))." } ?? ".")
    }

    /// "just now", "5 hours ago", "1 day ago", "12 days ago".
    func ago(_ date: Date) -> String {
        facts.now.timeIntervalSince(date) < 3_600 ? "just now" : duration(since: date) + " ago"
    }

    /// "5 hours", "1 day", "12 days". Whole 24-hour days, like `TrackingHealth`: the merchant needs
    /// the rough age, not calendar dates in some time zone.
    func duration(since date: Date) -> String {
        let seconds = max(0, facts.now.timeIntervalSince(date))
        let days = Int(seconds / 86_400), hours = Int(seconds / 3_600)
        if days >= 1 { return days == 1 ? "1 day" : "\(days) days" }
        return hours == 1 ? "1 hour" : "\(hours) hours"
    }

    private static let contactAboutAddress =
        "Contact the customer to confirm the address, then give the correct one to the carrier."

    /// Substatus → (what happened, what to do). Codes missing here get the generic wording.
    private static let exceptions: [String: (String?, String)] = [
        "Exception_002": ("address problem", contactAboutAddress),
        "Exception_003": ("parcel damaged",
                          "Offer the customer a replacement or refund, and file a damage claim with the carrier."),
        "Exception_004": ("held in customs",
                          "Check whether customs needs documents or duties paid, and let the customer know."),
        "Exception_005": ("being returned to you", "Contact the customer to arrange a reshipment or a refund."),
        "Exception_006": ("returned to you", "Contact the customer to reship or refund once it's back with you."),
        "Exception_007": ("parcel can't be found", "Ask the carrier to open a trace, and let the customer know you're on it."),
        "Exception_008": ("delayed by weather or other events", "Nothing to fix. Let the customer know it's running late."),
        "Exception_009": ("held by the carrier", "Contact the carrier to find out why it's held and what they need."),
    ]

    private static let failedAttempts: [String: (String?, String)] = [
        "AttemptFail_002": ("nobody was in", "The carrier usually tries again. Let the customer know so someone is in."),
        "AttemptFail_003": ("business closed",
                            "The carrier usually tries again. Check the customer's opening hours with them."),
        "AttemptFail_004": ("address problem", contactAboutAddress),
        "AttemptFail_005": ("couldn't reach the door",
                            "Ask the customer for access details (gate code, buzzer) and pass them to the carrier."),
    ]
}
