import Fluent
import Vapor

struct JobsCommand: AsyncCommandGroup {
    var commands: [String: any AnyAsyncCommand] = ["list": ListJobsCommand(), "retry": RetryJobCommand()]
    var defaultCommand: (any AnyAsyncCommand)? { ListJobsCommand() }
    var help = "Inspect the job queue and retry dead jobs."
}

/// `porchlight jobs`: how many jobs are in each state, and the dead ones with their last error.
struct ListJobsCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "store", help: "Only this store's jobs (its slug).") var store: String?
    }

    var help: String { "Show job counts by state and the most recent dead jobs." }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        let inspector = JobInspector(database: app.db, world: app.world,
                                     storeID: try await storeID(slug: signature.store, app: app))
        let counts = try await inspector.counts()
        for state in JobState.allCases { context.console.print("\(state.rawValue.padding(toLength: 8, withPad: " ", startingAt: 0)) \(counts[state] ?? 0)") }
        context.console.print(String(format: "oldest due job waiting: %.1f s", try await inspector.oldestDueAge()))
        let dead = try await inspector.dead()
        guard !dead.isEmpty else { return }
        context.console.print("\nDead jobs (retry with `porchlight jobs retry <id>`):")
        for job in dead {
            context.console.print("  \(job.id.uuidString.lowercased())  \(job.type)  attempts \(job.attempts)  \(job.lastError ?? "")")
        }
    }
}

/// `porchlight jobs retry <id>`: puts a dead job back in the queue with fresh attempts.
struct RetryJobCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Argument(name: "id", help: "The dead job's id, as `porchlight jobs` lists it.") var id: String
    }

    var help: String { "Retry a dead job." }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        guard let id = UUID(uuidString: signature.id),
              try await JobInspector(database: app.db, world: app.world, storeID: nil).retry(id) else {
            throw APIError.notFound("A dead job with id \(signature.id)")
        }
        context.console.print("Job \(signature.id) is queued again.")
    }
}
