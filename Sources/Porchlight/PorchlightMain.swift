import Logging
import Vapor

/// The whole program behind the `porchlight` executable.
public enum PorchlightMain {
    public static func run() async throws {
        let env = try Environment.detect()
        let config = prepare(AppConfig.fromEnvironment(), arguments: env.arguments)
        // Logs go to stderr so commands such as `stores create` keep stdout for their JSON.
        let level = ProcessInfo.processInfo.environment["LOG_LEVEL"].flatMap(Logger.Level.init(rawValue:)) ?? .info
        LoggingSystem.bootstrap { label in
            var handler = StreamLogHandler.standardError(label: label)
            handler.logLevel = level
            return handler
        }
        let app = try await Application.make(env)
        do {
            try await configure(app, world: .live, config: config)
            try await app.execute()
        } catch {
            try? await app.asyncShutdown()
            throw error
        }
        let exitCode = app.exitCode
        try await app.asyncShutdown()
        // After a clean shutdown, so a command's last writes are committed before the process says how it went.
        if exitCode != 0 { exit(exitCode) }
    }

    /// The demo gets its own database file, fresh each run, and links follow `--port` when PUBLIC_URL is unset.
    static func prepare(_ config: AppConfig, arguments: [String]) -> AppConfig {
        var config = config
        let env = ProcessInfo.processInfo.environment
        let command = arguments.dropFirst().first
        if command == "demo" && (env["DATABASE_URL"] ?? "").isEmpty {
            config.databaseURL = DemoCommand.defaultDatabaseURL
            let path = String(DemoCommand.defaultDatabaseURL.dropFirst("sqlite://".count))
            for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
        }
        if (env["PUBLIC_URL"] ?? "").isEmpty, let index = arguments.firstIndex(where: { $0 == "--port" || $0 == "-p" }),
           index + 1 < arguments.count, let port = Int(arguments[index + 1]) {
            let host = arguments.firstIndex(where: { $0 == "--hostname" || $0 == "-H" })
                .flatMap { $0 + 1 < arguments.count ? arguments[$0 + 1] : nil } ?? "127.0.0.1"
            config.publicURL = "http://\(host == "0.0.0.0" ? "127.0.0.1" : host):\(port)"
        }
        return config
    }
}
