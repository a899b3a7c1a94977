import Foundation

/// What became of one inbound storefront delivery.
enum IntegrationOutcome: String, Sendable, Codable, CaseIterable {
    /// Taken in: an order created, parcels added or an order closed (or nothing new, but all of it known).
    case accepted
    /// A delivery id already taken in; nothing was stored again.
    case duplicate
    /// Signed and readable, but nothing for Porchlight to do: a ping, an unpaid order, an order without an email.
    case ignored
    /// The signature was missing, wrong, or the store has no webhook secret for the platform.
    case rejectedSignature = "rejected_signature"
    /// Signed, but not the shape the platform documents.
    case malformed
    /// Signed, but a topic Porchlight does not handle; acknowledged so the platform stops retrying.
    case unsupportedTopic = "unsupported_topic"
    /// About an order Porchlight has not heard of yet; the platform was asked to send it again later.
    case deferred
    /// Something went wrong on our side; the platform will retry.
    case failed
}

/// One line of a store's integration log: enough to tell a merchant why an order did or did not appear.
struct IntegrationLogEntry: Sendable, Equatable {
    var id: UUID
    var receivedAt: Date
    /// The platform's name as in the webhook URL, e.g. "shopify".
    var provider: String
    var topic: String?
    var outcome: IntegrationOutcome
    var httpStatus: Int
    /// One or two sentences for people: what was done, or what was wrong.
    var summary: String
    var orderNumber: String?
    /// The start of the body as received, for inspecting what the platform actually sent.
    var bodyExcerpt: String

    /// Enough for any order a person would read through; bigger bodies are cut.
    static let excerptLimit = 16 * 1024
    /// Unsigned bodies come from anyone. 2 KB shows which shop and topic a misconfigured secret
    /// belongs to, without letting strangers park large bodies (or customer data sent to the wrong
    /// store) in the table.
    static let unsignedExcerptLimit = 2 * 1024

    /// The first `limit` bytes of `body` as text, cut before a character that would straddle the
    /// limit. NUL becomes U+FFFD: PostgreSQL text cannot hold it, and a body must never fail the log.
    static func excerpt(_ body: Data, limit: Int = excerptLimit) -> String {
        var end = min(max(limit, 0), body.count)
        if end < body.count {
            while end > 0, body[body.startIndex + end] & 0xC0 == 0x80 { end -= 1 }
        }
        let text = String(decoding: body.prefix(end), as: UTF8.self)
        return text.contains("\u{0}") ? text.replacingOccurrences(of: "\u{0}", with: "\u{FFFD}") : text
    }
}
