import Foundation
import NIOConcurrencyHelpers

/// A store's id and webhook secret by slug and provider, kept a few seconds so a burst of webhooks costs
/// one lookup and one unsealing, not one per delivery. This process forgets a store's entries when its
/// integrations change; other processes see a new secret within `lifetime`.
final class WebhookSecretCache: Sendable {
    struct Entry: Sendable {
        var storeID: UUID
        var secret: String?
        var fetchedAt: Date
    }

    private let entries = NIOLockedValueBox<[String: Entry]>([:])
    let lifetime: TimeInterval = 5

    func entry(slug: String, provider: String, now: Date,
               load: () async throws -> (storeID: UUID, secret: String?)?) async throws -> Entry? {
        let key = "\(provider) \(slug)"
        if let cached = entries.withLockedValue({ $0[key] }),
           now >= cached.fetchedAt, now.timeIntervalSince(cached.fetchedAt) < lifetime {
            return cached
        }
        guard let loaded = try await load() else { return nil }
        let entry = Entry(storeID: loaded.storeID, secret: loaded.secret, fetchedAt: now)
        entries.withLockedValue { $0[key] = entry }
        return entry
    }

    func forget(storeID: UUID) {
        entries.withLockedValue { entries in entries = entries.filter { $0.value.storeID != storeID } }
    }
}
