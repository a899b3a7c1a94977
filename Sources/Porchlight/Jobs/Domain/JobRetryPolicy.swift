import Foundation

/// When a failed job runs again: exponential backoff with jitter, so a flapping dependency
/// is not hammered and a crowd of failures does not return all at once.
struct JobRetryPolicy: Sendable, Equatable {
    var baseDelay: Double = 10
    var maxDelay: Double = 3_600

    /// Seconds to wait before attempt `attempt + 1`, after `attempt` failures (1-based).
    /// `jitter` is a draw in [0, 1); the delay lands between half and all of the exponential step.
    func delay(afterAttempt attempt: Int, jitter: Double) -> Double {
        let exponent = Double(min(max(attempt - 1, 0), 30))
        let step = min(maxDelay, baseDelay * pow(2, exponent))
        return step * (0.5 + 0.5 * min(max(jitter, 0), 1))
    }
}

enum JobState: String, Sendable, CaseIterable, Codable {
    /// Waiting for `run_at`.
    case queued
    /// Claimed by a worker whose lease has not yet expired.
    case running
    case done
    /// Out of attempts, or failed in a way retrying cannot fix; kept with its last error.
    case dead
}

/// What a handler tells the worker once it has run a job.
enum JobResult: Sendable, Equatable {
    case done
    /// Run again later without counting an attempt, e.g. to wait out the customer's night.
    case reschedule(Date)
}

/// A failure that retrying will not fix; the job goes straight to the dead-letter state.
struct PermanentJobError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
