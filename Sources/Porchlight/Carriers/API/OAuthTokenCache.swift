import Foundation

/// Keeps each credential's access token until shortly before it expires, so a busy store asks the
/// carrier for a token about once an hour rather than once per parcel.
actor OAuthTokenCache {
    private struct Entry {
        var token: String
        var renewAt: Date
    }

    private var entries: [String: Entry] = [:]
    /// Seconds before the stated expiry at which a token is renewed, so a request never carries a dying token.
    private let margin: TimeInterval

    init(margin: TimeInterval = 120) {
        self.margin = margin
    }

    func token(for key: String, now: Date) -> String? {
        guard let entry = entries[key], entry.renewAt > now else { return nil }
        return entry.token
    }

    func store(_ token: OAuthToken, for key: String, now: Date) {
        let lifetime = max(0, token.expiresIn - min(margin, token.expiresIn / 2))
        entries[key] = Entry(token: token.accessToken, renewAt: now.addingTimeInterval(lifetime))
    }

    /// A 401 means the carrier no longer honours the token, whatever its stated lifetime.
    func forget(_ key: String) {
        entries[key] = nil
    }
}
