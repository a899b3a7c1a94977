import Foundation

/// What the dashboard knows about one undelivered parcel when deciding whether it needs the merchant.
struct AttentionFacts: Sendable, Equatable {
    var status: ShipmentStatus
    var substatus: Substatus?
    var carrierDetected: Bool
    /// The end of the last promised or estimated delivery day.
    var windowLatest: Date?
    /// The last scan that showed the parcel being handled (see `TrackingHealth.isMovement`).
    var lastMovementAt: Date?
    var createdAt: Date
    var now: Date
    /// The carrier as the merchant knows it ("UPS"), for the wording; nil reads "The carrier".
    var carrier: String?
    /// The carrier's latest event of any kind, i.e. when the current status was reported.
    var lastEventAt: Date?

    init(status: ShipmentStatus, substatus: Substatus?, carrierDetected: Bool, windowLatest: Date?,
         lastMovementAt: Date?, createdAt: Date, now: Date, carrier: String? = nil, lastEventAt: Date? = nil) {
        self.status = status
        self.substatus = substatus
        self.carrierDetected = carrierDetected
        self.windowLatest = windowLatest
        self.lastMovementAt = lastMovementAt
        self.createdAt = createdAt
        self.now = now
        self.carrier = carrier
        self.lastEventAt = lastEventAt
    }
}

/// Why a parcel is on the attention list. Declaration order is urgency order:
/// first what the carrier says went wrong (the merchant often has to act: fix an address, reship,
/// refund), then what is about to go wrong (a pickup about to be sent back), then what is late
/// (past the promise before merely slow), and last the tracking problems, root cause first: an
/// unknown carrier is why a number never gets updates.
enum AttentionKind: String, Sendable, CaseIterable, Comparable {
    case exception, failedAttempt, waitingAtPickup, pastWindow, stalled, undetectedCarrier, expired

    var rank: Int { Self.allCases.firstIndex(of: self) ?? Self.allCases.count }

    static func < (lhs: Self, rhs: Self) -> Bool { lhs.rank < rhs.rank }
}

/// One line on the attention list: what is wrong, in plain words, and what to do about it.
struct AttentionItem: Sendable, Equatable {
    var kind: AttentionKind
    var reason: String
    var action: String
    /// When the problem began, for "oldest first" within a kind.
    var since: Date
}

enum AttentionRules {
    struct Settings: Sendable, Equatable {
        /// Days without a scan before a moving parcel counts as stalled, as `PollingSettings`.
        var stallDays = PollingSettings.standard.defaultStallDays
        /// Pickup points send parcels back after 5 to 14 days; flag early enough to send a reminder.
        var pickupWaitDays = 4

        static let standard = Settings()
    }

    /// The most urgent reason the parcel needs the merchant, or nil.
    static func evaluate(_ facts: AttentionFacts, settings: Settings = .standard) -> AttentionItem? {
        reasons(facts, settings: settings).first
    }

    /// Every reason that applies, most urgent first. Delivered parcels never need attention.
    static func reasons(_ facts: AttentionFacts, settings: Settings = .standard) -> [AttentionItem] {
        guard facts.status != .delivered else { return [] }
        let copy = AttentionCopy(facts: facts)
        var items: [AttentionItem] = []
        let reportedAt = facts.lastEventAt ?? facts.lastMovementAt
        switch facts.status {
        case .exception: items.append(copy.exception(since: reportedAt ?? facts.createdAt, reportedAt: reportedAt))
        case .attemptFail: items.append(copy.failedAttempt(since: reportedAt ?? facts.createdAt, reportedAt: reportedAt))
        case .availableForPickup:
            // Arriving at the pickup point is the last movement; later events may be mere reminders.
            if let arrived = facts.lastMovementAt ?? facts.lastEventAt,
               elapsed(facts, since: arrived) >= days(settings.pickupWaitDays) {
                items.append(copy.waitingAtPickup(since: arrived))
            }
        case .expired: items.append(copy.expired(since: facts.createdAt))
        default: break
        }
        if let windowLatest = facts.windowLatest, facts.now > windowLatest {
            items.append(copy.pastWindow(since: windowLatest))
        }
        if facts.status == .inTransit, let stall = stall(facts, settings: settings) {
            items.append(stall)
        }
        if !facts.carrierDetected { items.append(copy.undetectedCarrier(since: facts.createdAt)) }
        return mostUrgentFirst(items)
    }

    /// Most urgent kind first, then the longest-standing problem first; ties keep their order.
    static func mostUrgentFirst(_ items: [AttentionItem]) -> [AttentionItem] {
        mostUrgentFirst(items, by: { $0 })
    }

    /// The same order for anything that carries an item (a row with its order number, say).
    static func mostUrgentFirst<Value>(_ values: [Value], by item: (Value) -> AttentionItem) -> [Value] {
        values.enumerated()
            .map { (offset: $0.offset, item: item($0.element), value: $0.element) }
            .sorted { ($0.item.kind.rank, $0.item.since, $0.offset) < ($1.item.kind.rank, $1.item.since, $1.offset) }
            .map(\.value)
    }

    /// A moving parcel is stalled when the carrier says it is delayed (the health job records
    /// `InTransit_005` when scans stop) or when scans have stopped for `stallDays` and the job
    /// has not run yet.
    private static func stall(_ facts: AttentionFacts, settings: Settings) -> AttentionItem? {
        let copy = AttentionCopy(facts: facts)
        if let moved = facts.lastMovementAt, elapsed(facts, since: moved) >= days(settings.stallDays) {
            return copy.stalled(since: moved, quietFor: moved)
        }
        guard facts.substatus?.code == Substatus.delayed else { return nil }
        let since = facts.lastEventAt ?? facts.lastMovementAt ?? facts.createdAt
        return copy.stalled(since: since, quietFor: nil)
    }

    private static func elapsed(_ facts: AttentionFacts, since date: Date) -> TimeInterval {
        facts.now.timeIntervalSince(date)
    }

    private static func days(_ count: Int) -> TimeInterval { TimeInterval(count) * 86_400 }
}
