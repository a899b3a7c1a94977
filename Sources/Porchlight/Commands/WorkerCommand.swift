import Dispatch
import Vapor

/// `porchlight worker`: runs background jobs only. Start as many as you like against PostgreSQL.
struct WorkerCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Flag(name: "drain", help: "Run every job that is due now, then exit.") var drain: Bool
    }

    var help: String { "Run background jobs (messages, polling) until stopped with Ctrl-C or SIGTERM." }

    func run(using context: CommandContext, signature: Signature) async throws {
        let worker = context.application.makeWorker()
        if signature.drain {
            let ran = try await worker.drain()
            context.console.print("Ran \(ran) jobs; none is due now.")
            return
        }
        let task = Task { await worker.run() }
        // On a signal the worker stops claiming and finishes what it holds before the process exits.
        let sources = [SIGINT, SIGTERM].map { number -> DispatchSourceSignal in
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler { task.cancel() }
            source.resume()
            return source
        }
        await task.value
        sources.forEach { $0.cancel() }
    }
}
