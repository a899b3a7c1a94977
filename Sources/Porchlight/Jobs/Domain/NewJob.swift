import Foundation

/// A job as its producer describes it. `uniqueKey` makes enqueueing idempotent within a store:
/// the same key twice, even after the first has run, still means one job.
struct NewJob: Sendable, Equatable {
    var type: String
    var payload: String
    var runAt: Date
    var priority: Int = 0
    var uniqueKey: String?
    var maxAttempts: Int = 8
}

/// A job a worker holds a lease on.
struct ClaimedJob: Sendable, Equatable {
    var id: UUID
    var storeID: UUID
    var type: String
    var payload: String
    /// Including this run.
    var attempts: Int
    var maxAttempts: Int
}

/// Which job types a claim may take.
enum JobTypeFilter: Sendable, Equatable {
    case all
    case only([String])
    case except([String])
}
