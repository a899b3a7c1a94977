import Foundation

/// What the tracking page says, decided here in plain Swift so it can be tested without a server.
struct TrackingPresentation: Sendable, Equatable {
    struct Step: Sendable, Equatable { var label: String; var state: String }
    struct Line: Sendable, Equatable {
        var time: String; var message: String; var location: String?; var status: ShipmentStatus
    }
    struct Day: Sendable, Equatable { var label: String; var lines: [Line] }
    struct Parcel: Sendable, Equatable {
        var id: UUID
        var title: String?
        var carrier: String?
        var trackingNumber: String
        var status: ShipmentStatus
        var statusLabel: String
        var detail: String?
        var steps: [Step]
        var items: [ShipmentItem]
        var days: [Day]
    }

    var language: String
    var status: ShipmentStatus
    var headline: String
    var summaryLine: String?
    var parcels: [Parcel]
    var pendingSteps: [Step]?

    init(_ snapshot: TrackingSnapshot, now: Date) {
        let text = DateText(locale: snapshot.locale, timeZone: snapshot.timeZone)
        let copy = TrackingCopy(language: text.language)
        let summary = snapshot.summary
        language = text.language
        status = summary.status
        headline = Self.headline(snapshot, summary: summary, text: text, copy: copy, now: now)
        summaryLine = snapshot.parcels.count > 1 ? summary.phrase(locale: text.language) : nil
        let total = snapshot.parcels.count
        parcels = snapshot.parcels.enumerated().map { index, parcel in
            Parcel(
                id: parcel.id,
                title: total > 1 ? copy.parcelTitle(index + 1, of: total) : nil,
                carrier: parcel.carrier,
                trackingNumber: parcel.trackingNumber,
                status: parcel.status,
                statusLabel: copy.statusLabel(parcel.status),
                detail: parcel.substatus.flatMap { Substatus.known($0) }.map {
                    text.language == "es" ? $0.spanish : $0.english
                },
                steps: Self.steps(for: parcel.status, copy: copy),
                items: parcel.items,
                days: Self.days(parcel.events, text: text, copy: copy, now: now))
        }
        pendingSteps = snapshot.parcels.isEmpty ? Self.steps(for: .pending, copy: copy) : nil
    }

    static func headline(_ snapshot: TrackingSnapshot, summary: OrderStatusSummary,
                         text: DateText, copy: TrackingCopy, now: Date) -> String {
        let label = copy.statusLabel(summary.status)
        switch summary.status {
        case .delivered:
            guard let at = snapshot.parcels.compactMap(\.deliveredAt).max() else { return label }
            let age = text.daysBetween(at, now)
            return age < 6 ? copy.deliveredAt(weekday: text.weekday(at), time: text.time(at))
                           : copy.deliveredOn(text.dayAndMonth(at))
        case .outForDelivery:
            return copy.outForDeliveryToday
        case .attemptFail:
            return "\(label) · \(copy.tryAgain)"
        case .pending, .infoReceived, .inTransit, .exception:
            let today = DeliveryWindow.dayString(now, text.timeZone)
            guard let window = snapshot.openWindow?.remaining(from: today), let range = text.window(window) else {
                return label
            }
            return "\(label) · \(copy.arriving(range))"
        case .availableForPickup, .expired:
            return label
        }
    }

    static func steps(for status: ShipmentStatus, copy: TrackingCopy) -> [Step] {
        let reached = status.progressStep
        return copy.steps.enumerated().map { index, label in
            let state: String
            if index < reached || (index == reached && status == .delivered) { state = "done" }
            else if index == reached { state = status.needsAttention ? "problem" : "current" }
            else { state = "todo" }
            return Step(label: label, state: state)
        }
    }

    /// Newest first, one group per calendar day in the customer's zone.
    static func days(_ events: [ShipmentEvent], text: DateText, copy: TrackingCopy, now: Date) -> [Day] {
        let sorted = events.sorted { ($0.occurredAt, $0.recordedAt) > ($1.occurredAt, $1.recordedAt) }
        var days: [Day] = []
        var currentStart: Date?
        for event in sorted {
            let start = text.startOfDay(event.occurredAt)
            if start != currentStart {
                currentStart = start
                let distance = text.daysBetween(event.occurredAt, now)
                let label = distance == 0 ? copy.today : distance == 1 ? copy.yesterday : text.longDay(event.occurredAt)
                days.append(Day(label: label, lines: []))
            }
            let message = event.message.isEmpty ? copy.statusLabel(event.status) : event.message
            days[days.count - 1].lines.append(
                Line(time: text.time(event.occurredAt), message: message, location: event.location, status: event.status))
        }
        return days
    }
}
