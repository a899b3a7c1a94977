import Foundation
import Logging

/// What runs a job of one type. Throwing retries it with backoff; `PermanentJobError` dead-letters it.
typealias JobHandler = @Sendable (ClaimedJob) async throws -> JobResult
/// Runs many jobs of one type at once, e.g. in one transaction; returning means all of them are done.
/// Throwing sends each job through its single handler instead, so one bad job cannot hold up the rest.
typealias JobBatchHandler = @Sendable ([ClaimedJob]) async throws -> Void

struct JobWorkerSettings: Sendable {
    /// Jobs run side by side by one worker.
    var concurrency = 8
    /// Seconds a claimed job stays ours; if the worker dies, another may take it after this.
    var lease: Double = 120
    var idlePoll: Duration = .milliseconds(500)
    /// Most jobs a batch handler is given at once.
    var batchSize = 200
    /// Finished jobs are kept this many seconds for inspection, then deleted.
    var keepDone: Double = 7 * 86_400
    var retryPolicy = JobRetryPolicy()
    /// Other clean-ups that ride on the same ten-minute round, given the current time.
    var housekeeping: [@Sendable (Date) async throws -> Void] = []
}

/// Claims due jobs in batches, runs them with their handlers and settles each one.
/// Many workers, in one process or many, can share a queue.
struct JobWorker: Sendable {
    let queue: JobQueue
    let handlers: [String: JobHandler]
    let name: String
    var settings = JobWorkerSettings()
    let metrics: JobMetrics
    let logger: Logger
    /// Rung when this process commits a job, so an idle worker needn't wait out its poll.
    var signal: JobSignal?
    /// Job types whose due jobs are claimed and run together, one batch at a time; each also needs a handler.
    var batchHandlers: [String: JobBatchHandler] = [:]

    /// Runs until the surrounding task is cancelled. Jobs already started are let finish,
    /// so shutting down never cuts a send in half.
    func run() async {
        logger.info("Job worker \(name) started", metadata: ["concurrency": "\(settings.concurrency)"])
        let pruning = Task { await pruneNow() }
        _ = await pump(untilIdle: false)
        pruning.cancel()
        logger.info("Job worker \(name) stopped")
    }

    /// Every ten minutes, whichever worker gets there deletes old finished jobs; doing it twice is harmless.
    private func pruneNow() async {
        while !Task.isCancelled {
            do {
                let pruned = try await queue.pruneDone(finishedBefore: queue.world.now().addingTimeInterval(-settings.keepDone))
                if pruned > 0 { logger.info("Deleted \(pruned) finished jobs older than \(Int(settings.keepDone / 86_400)) days") }
                for chore in settings.housekeeping { try await chore(queue.world.now()) }
            } catch {
                logger.warning("Could not delete old finished jobs: \(String(reflecting: error))")
            }
            try? await queue.world.sleep(.seconds(600))
        }
    }

    /// Runs every job that is due now, including those that come due by retrying, then returns
    /// how many ran. Tests and `porchlight worker --drain` use it.
    @discardableResult
    func drain() async throws -> Int {
        await pump(untilIdle: true)
    }

    /// Keeps up to `concurrency` jobs running, claiming more whenever half the slots are free,
    /// so one slow job never holds up the rest. Batchable jobs run alongside, one batch at a time.
    private func pump(untilIdle: Bool) async -> Int {
        await withTaskGroup(of: Bool.self) { group in
            var running = 0, total = 0, batching = false
            while true {
                var claimed = 0
                let claimsBatch = !Task.isCancelled && !batching && !batchHandlers.isEmpty
                if claimsBatch, let batch = await claim(limit: settings.batchSize, batches: true, reclaimingExpired: true) {
                    // An unstructured task is not cancelled with the worker, so a job always runs to its end.
                    group.addTask { await Task { await executeBatch(batch) }.value; return true }
                    batching = true
                    running += 1
                    claimed += batch.count
                    total += batch.count
                }
                if !Task.isCancelled && running <= settings.concurrency / 2,
                   let jobs = await claim(limit: settings.concurrency - running, batches: false, reclaimingExpired: !claimsBatch) {
                    for job in jobs {
                        group.addTask { await Task { await execute(job) }.value; return false }
                    }
                    claimed += jobs.count
                    running += jobs.count
                    total += jobs.count
                }
                if running > 0 && (claimed == 0 || running > settings.concurrency / 2) {
                    if await group.next() == true { batching = false }
                    running -= 1
                    continue
                }
                if running == 0 && claimed == 0 {
                    if untilIdle || Task.isCancelled { return total }
                    if let signal {
                        await signal.wait(upTo: settings.idlePoll, world: queue.world)
                    } else {
                        try? await queue.world.sleep(settings.idlePoll)
                    }
                }
            }
        }
    }

    /// Due jobs of the batchable types, or of all others; nil when there are none or the claim failed.
    /// Only the round's first claim hands back expired leases; doing it twice costs a write for nothing.
    private func claim(limit: Int, batches: Bool, reclaimingExpired: Bool) async -> [ClaimedJob]? {
        let batchTypes = Array(batchHandlers.keys)
        do {
            let jobs = try await queue.claim(worker: name, limit: limit, lease: settings.lease,
                                             types: batches ? .only(batchTypes) : .except(batchTypes),
                                             reclaimingExpired: reclaimingExpired)
            return jobs.isEmpty ? nil : jobs
        } catch {
            logger.warning("Job worker could not claim jobs: \(String(reflecting: error))")
            return nil
        }
    }

    func execute(_ job: ClaimedJob) async {
        let started = ContinuousClock.now
        do {
            guard let handler = handlers[job.type] else { throw PermanentJobError("No handler for job type '\(job.type)'") }
            switch try await handler(job) {
            case .done:
                try await queue.complete(job, worker: name)
                metrics.completed(job.type, seconds: started.duration(to: .now))
            case .reschedule(let date):
                try await queue.reschedule(job, worker: name, at: date)
            }
        } catch {
            let permanent = error is PermanentJobError
            let message = String(describing: error)
            logger.warning("Job \(job.type) \(job.id) failed (attempt \(job.attempts)/\(job.maxAttempts)): \(message)")
            metrics.failed(job.type)
            do {
                try await queue.fail(job, worker: name, error: message, permanent: permanent, policy: settings.retryPolicy)
            } catch {
                // Its lease will expire and another worker will pick it up again.
                logger.error("Could not record the failure of job \(job.id): \(String(reflecting: error))")
            }
        }
    }
}
