import Foundation

/// Settings read once from the process environment, so the rest of the code never reads it.
struct AppConfig: Sendable {
    var databaseURL: String
    var publicURL: String
    var port: Int?
    var lookupLimitPerIP: Int
    var lookupLimitPerStore: Int

    static let defaultDatabaseURL = "sqlite://porchlight.sqlite"

    static func fromEnvironment(_ env: [String: String] = ProcessInfo.processInfo.environment) -> AppConfig {
        let port = env["PORT"].flatMap(Int.init)
        let publicURL = env["PUBLIC_URL"].flatMap { $0.isEmpty ? nil : $0 }
            ?? "http://127.0.0.1:\(port ?? 8080)"
        return AppConfig(
            databaseURL: env["DATABASE_URL"].flatMap { $0.isEmpty ? nil : $0 } ?? defaultDatabaseURL,
            publicURL: publicURL.hasSuffix("/") ? String(publicURL.dropLast()) : publicURL,
            port: port,
            lookupLimitPerIP: env["LOOKUP_LIMIT_PER_IP"].flatMap(Int.init) ?? 10,
            lookupLimitPerStore: env["LOOKUP_LIMIT_PER_STORE"].flatMap(Int.init) ?? 300
        )
    }
}
