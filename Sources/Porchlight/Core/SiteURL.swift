import Foundation

/// Every path the app links to, built in one place so links and routes cannot drift apart.
enum SitePath: Sendable {
    case tracking(token: String)
    case trackingLive(token: String)
    case lookup(slug: String)
    case staticFile(String)
    case unsubscribe(token: String, category: MessageCategory)
    case review(token: String)
    case outbox
    case webhook(provider: String, slug: String)
    case importExample

    var path: String {
        switch self {
        case .tracking(let token): return "/t/\(token)"
        case .trackingLive(let token): return "/t/\(token)/live"
        case .lookup(let slug): return "/\(slug)/track"
        case .staticFile(let name): return "/static/\(name)"
        case .unsubscribe(let token, let category): return "/t/\(token)/unsubscribe?c=\(category.rawValue)"
        case .review(let token): return "/t/\(token)/review"
        case .outbox: return "/admin/outbox"
        case .webhook(let provider, let slug): return "/webhooks/\(provider)/\(slug)"
        case .importExample: return "/import/example.csv"
        }
    }
}

struct SiteURL: Sendable {
    /// `PUBLIC_URL` without a trailing slash.
    let base: String

    func absolute(_ path: SitePath) -> String { base + path.path }
}
