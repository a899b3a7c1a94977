import Foundation

/// Settings read once from the process environment, so the rest of the code never reads it.
struct AppConfig: Sendable {
    var databaseURL: String
    var publicURL: String
    var port: Int?
    var lookupLimitPerIP: Int
    var lookupLimitPerStore: Int
    /// `smtp://user:pass@host:port` or `smtps://…`; without it mail goes to the development outbox.
    var smtpURL: String? = nil
    /// A PEM file of extra trusted roots, for a mail server with a private certificate.
    var smtpCAFile: String? = nil
    /// The address mail is sent from; the store's name is shown in front of it.
    var mailFrom: String = "notifications@porchlight.local"
    /// Jobs one worker runs side by side.
    var workerConcurrency: Int = 8
    /// Seconds a worker holds a claimed job; a crashed worker's jobs are taken over after this.
    var jobLeaseSeconds: Double = 120
    /// `PORCHLIGHT_SECRET_KEY`: 32 bytes (base64 or hex) that seal stored credentials. Without it, a key file is used.
    var secretKey: String? = nil
    /// Where the key is kept when `PORCHLIGHT_SECRET_KEY` is unset; created on first run.
    var secretKeyFile: String = "porchlight.key"
    /// Carrier API hosts by carrier code, from `UPS_BASE_URL` and friends; unset means production.
    var carrierBaseURLs: [String: String] = [:]
    /// `PORCHLIGHT_SIGNUP`: who may create a store from the sign-up page.
    var signup: SignupMode = .firstAccount
    /// bcrypt's work factor, `PASSWORD_HASH_COST` (4–16). Each step doubles the time a guess costs.
    var passwordHashCost: Int = 12
    /// Sign-in and password-reset attempts one address may make per minute, `SIGN_IN_LIMIT_PER_IP`.
    var signInLimitPerIP: Int = 20

    enum SignupMode: String, Sendable {
        /// Until the first account exists: a fresh install is claimed by its first visitor.
        case firstAccount = "first"
        case open, closed
    }

    static let defaultDatabaseURL = "sqlite://porchlight.sqlite"

    static func fromEnvironment(_ env: [String: String] = ProcessInfo.processInfo.environment) -> AppConfig {
        let port = env["PORT"].flatMap(Int.init)
        let publicURL = env.nonEmpty("PUBLIC_URL")
            ?? "http://127.0.0.1:\(port ?? 8080)"
        return AppConfig(
            databaseURL: env.nonEmpty("DATABASE_URL") ?? defaultDatabaseURL,
            publicURL: publicURL.hasSuffix("/") ? String(publicURL.dropLast()) : publicURL,
            port: port,
            lookupLimitPerIP: env["LOOKUP_LIMIT_PER_IP"].flatMap(Int.init) ?? 10,
            lookupLimitPerStore: env["LOOKUP_LIMIT_PER_STORE"].flatMap(Int.init) ?? 300,
            smtpURL: env.nonEmpty("SMTP_URL"),
            smtpCAFile: env.nonEmpty("SMTP_CA_FILE"),
            mailFrom: env.nonEmpty("MAIL_FROM") ?? "notifications@porchlight.local",
            workerConcurrency: env["WORKER_CONCURRENCY"].flatMap(Int.init).map { max(1, min($0, 64)) } ?? 8,
            jobLeaseSeconds: env["JOB_LEASE_SECONDS"].flatMap(Double.init).map { max(1, $0) } ?? 120,
            secretKey: env.nonEmpty("PORCHLIGHT_SECRET_KEY"),
            secretKeyFile: env.nonEmpty("PORCHLIGHT_KEY_FILE") ?? defaultKeyFile(env.nonEmpty("DATABASE_URL")),
            carrierBaseURLs: ["ups": "UPS_BASE_URL", "fedex": "FEDEX_BASE_URL", "usps": "USPS_BASE_URL", "dhl": "DHL_BASE_URL"]
                .compactMapValues { env.nonEmpty($0).map { $0.hasSuffix("/") ? String($0.dropLast()) : $0 } },
            signup: env.nonEmpty("PORCHLIGHT_SIGNUP").flatMap(SignupMode.init(rawValue:)) ?? .firstAccount,
            passwordHashCost: env["PASSWORD_HASH_COST"].flatMap(Int.init).map { max(4, min($0, 16)) } ?? 12,
            signInLimitPerIP: env["SIGN_IN_LIMIT_PER_IP"].flatMap(Int.init).map { max(1, $0) } ?? 20
        )
    }
}

/// Beside the SQLite file, so a zero-setup install keeps working when the folder moves. A copied database
/// file or dump alone reveals no credentials; production installs set `PORCHLIGHT_SECRET_KEY` instead.
private func defaultKeyFile(_ databaseURL: String?) -> String {
    guard let url = databaseURL ?? Optional(AppConfig.defaultDatabaseURL), url.hasPrefix("sqlite://") else {
        return "porchlight.key"
    }
    let path = String(url.dropFirst("sqlite://".count))
    let folder = (path as NSString).deletingLastPathComponent
    return folder.isEmpty ? "porchlight.key" : folder + "/porchlight.key"
}

private extension Dictionary where Key == String, Value == String {
    /// An empty variable counts as unset, as shells and CI files often leave them.
    func nonEmpty(_ name: String) -> String? {
        self[name].flatMap { $0.isEmpty ? nil : $0 }
    }
}
