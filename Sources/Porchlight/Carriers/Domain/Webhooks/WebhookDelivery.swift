import Foundation

/// What one inbound aggregator or carrier webhook said, before mapping or storage.
struct WebhookDelivery: Sendable, Equatable {
    /// The provider's own id for this delivery, for replay dedupe; nil when the provider sends none.
    var eventID: String?
    var reports: [CarrierReport]
    /// A well-formed event of a type we don't handle (e.g. EasyPost `batch.created`):
    /// acknowledge it so the provider stops retrying, and store nothing.
    var ignored: Bool

    init(eventID: String?, reports: [CarrierReport], ignored: Bool = false) {
        self.eventID = eventID
        self.reports = reports
        self.ignored = ignored
    }

    static func ignored(eventID: String?) -> WebhookDelivery {
        WebhookDelivery(eventID: eventID, reports: [], ignored: true)
    }
}

/// The webhook senders we accept, by the path segment and settings key they are wired under.
enum WebhookProvider: String, CaseIterable, Sendable {
    case easypost, shippo, aftership, ups
}
