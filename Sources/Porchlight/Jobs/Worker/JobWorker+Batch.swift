import Foundation

extension JobWorker {
    /// Runs a claimed batch type by type. A batch that fails is run again job by job, so each job
    /// gets its own retries and a poison job only fails itself.
    func executeBatch(_ jobs: [ClaimedJob]) async {
        for (type, batch) in Dictionary(grouping: jobs, by: \.type) {
            let started = ContinuousClock.now
            do {
                guard let handler = batchHandlers[type] else { throw PermanentJobError("No batch handler for '\(type)'") }
                try await handler(batch)
                try await queue.complete(batch, worker: name)
                let seconds = started.duration(to: .now)
                for _ in batch { metrics.completed(type, seconds: seconds / batch.count) }
            } catch {
                logger.warning("A batch of \(batch.count) \(type) jobs failed; running them one by one: \(String(describing: error))")
                for job in batch { await execute(job) }
            }
        }
    }
}
