import Vapor

extension Application {
    /// Runs a job worker inside this process until the app shuts down, so one process does everything.
    func startEmbeddedWorker() {
        let worker = makeWorker()
        let task = Task { await worker.run() }
        lifecycle.use(WorkerShutdown(task: task))
    }
}

/// Stops claiming new jobs and waits for the ones in flight, so none is cut off mid-send.
private struct WorkerShutdown: LifecycleHandler {
    let task: Task<Void, Never>

    func shutdownAsync(_ application: Application) async {
        task.cancel()
        await task.value
    }
}
