import Foundation
import PostgresKit
import Testing

/// The databases every database test runs on: always a SQLite file, and PostgreSQL when
/// `scripts/test.sh` has started one and exported `PORCHLIGHT_TEST_POSTGRES_URL`.
enum TestDatabase: String, CaseIterable, Sendable, CustomTestStringConvertible {
    case sqlite
    case postgres

    static let postgresURL = ProcessInfo.processInfo.environment["PORCHLIGHT_TEST_POSTGRES_URL"]
        .flatMap { $0.isEmpty ? nil : $0 }

    static var all: [TestDatabase] { postgresURL == nil ? [.sqlite] : [.sqlite, .postgres] }

    var testDescription: String { rawValue }

    /// A brand-new, empty database for one test, and how to throw it away afterwards.
    func makeFresh() async throws -> (url: String, dispose: @Sendable () async -> Void) {
        let name = "porchlight_test_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "")
        switch self {
        case .sqlite:
            let path = FileManager.default.temporaryDirectory.appendingPathComponent(name + ".sqlite").path
            return ("sqlite://" + path, {
                for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
            })
        case .postgres:
            guard let adminURL = Self.postgresURL, var parts = URLComponents(string: adminURL) else {
                throw TestSetupError("PORCHLIGHT_TEST_POSTGRES_URL is not set")
            }
            guard ["127.0.0.1", "localhost", "::1", "[::1]"].contains(parts.host ?? "") else {
                throw TestSetupError("Refusing to run tests against a non-loopback database: \(parts.host ?? "?")")
            }
            try await Self.admin(adminURL, "CREATE DATABASE \(name)")
            parts.path = "/" + name
            let url = parts.string!
            return (url, { try? await Self.admin(adminURL, "DROP DATABASE IF EXISTS \(name) WITH (FORCE)") })
        }
    }

    private static func admin(_ url: String, _ sql: String) async throws {
        do { try await runAdmin(url, sql) } catch { throw TestSetupError(String(reflecting: error)) }
    }

    private static func runAdmin(_ url: String, _ sql: String) async throws {
        let config = try SQLPostgresConfiguration(url: url)
        let connection = try await PostgresConnection.connect(
            configuration: config.coreConfiguration, id: 1, logger: Logger(label: "test-admin"))
        do {
            _ = try await connection.query(PostgresQuery(unsafeSQL: sql), logger: Logger(label: "test-admin"))
        } catch {
            try? await connection.close()
            throw error
        }
        try await connection.close()
    }
}

struct TestSetupError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
