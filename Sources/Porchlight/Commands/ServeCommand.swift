import Vapor

/// `porchlight serve`: the HTTP server with an embedded job worker, unless `--no-worker` says
/// that separate `porchlight worker` processes run the jobs.
struct ServeCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "hostname", short: "H", help: "Address to listen on (default 127.0.0.1).") var hostname: String?
        @Option(name: "port", short: "p", help: "Port to listen on (default 8080, or PORT).") var port: Int?
        @Flag(name: "no-worker", help: "Do not run jobs in this process; run `porchlight worker` instead.") var noWorker: Bool
    }

    var help: String { "Serve the API and pages, and run background jobs (unless --no-worker)." }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        if !signature.noWorker { app.startEmbeddedWorker() }
        var serve = context
        var arguments = ["porchlight"]
        if let hostname = signature.hostname { arguments += ["--hostname", hostname] }
        if let port = signature.port { arguments += ["--port", String(port)] }
        serve.input = CommandInput(arguments: arguments)
        try await app.servers.asyncCommand.run(using: &serve)
    }
}
