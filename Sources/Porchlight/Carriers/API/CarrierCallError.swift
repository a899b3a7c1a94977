import Foundation

/// Why a call to a carrier's API did not give us a report, sorted by what the poller should do next.
enum CarrierCallError: Error, Equatable, CustomStringConvertible {
    /// 429: wait until `retryAt` (from Retry-After) or back off.
    case rateLimited(retryAt: Date?)
    /// 5xx, timeouts, refused connections: the carrier is having trouble; counts toward its circuit breaker.
    case unavailable(String)
    /// 401/403 even with a fresh token: the merchant's credentials are wrong.
    case unauthorized
    /// The carrier does not know this number yet.
    case notFound(String)
    /// Any other 4xx or an unreadable body: retrying the same request will not help soon.
    case rejected(String)
    /// We have no adapter, or the store gave no credentials, for this carrier.
    case notConfigured(String)

    var description: String {
        switch self {
        case .rateLimited(let retryAt): "rate limited by the carrier" + (retryAt.map { " until \($0)" } ?? "")
        case .unavailable(let why): "carrier unavailable: \(why)"
        case .unauthorized: "the carrier refused the store's credentials"
        case .notFound(let why): "the carrier does not know this number yet: \(why)"
        case .rejected(let why): "the carrier rejected the request: \(why)"
        case .notConfigured(let why): why
        }
    }

    /// Failures that say the carrier itself is in trouble, as opposed to this one request.
    var countsAgainstCarrier: Bool {
        if case .unavailable = self { return true }
        return false
    }
}
