import Vapor

/// The store's view of its background jobs: counts by state, dead jobs, and retrying one.
enum JobController {
    struct DeadJobJSON: Content {
        var id: UUID
        var type: String
        var attempts: Int
        var last_error: String?
        var failed_at: Date?
    }

    struct JobsJSON: Content {
        var counts: [String: Int]
        var oldest_due_age_seconds: Double
        var dead: [DeadJobJSON]
    }

    @Sendable static func index(req: Request) async throws -> JobsJSON {
        let inspector = try inspector(req)
        let counts = try await inspector.counts()
        return JobsJSON(
            counts: Dictionary(uniqueKeysWithValues: counts.map { ($0.key.rawValue, $0.value) }),
            oldest_due_age_seconds: try await inspector.oldestDueAge(),
            dead: try await inspector.dead().map {
                DeadJobJSON(id: $0.id, type: $0.type, attempts: $0.attempts, last_error: $0.lastError, failed_at: $0.failedAt)
            })
    }

    @Sendable static func retry(req: Request) async throws -> Response {
        guard try await inspector(req).retry(try req.parameters.requireUUID("jobID")) else {
            throw APIError.notFound("A dead job with that id")
        }
        let response = Response(status: .accepted)
        try response.content.encode(["status": JobState.queued.rawValue], as: .json)
        return response
    }

    private static func inspector(_ req: Request) throws -> JobInspector {
        JobInspector(database: req.db, world: req.application.world, storeID: try req.currentStore.requireID())
    }
}
