import Fluent
import NIOCore
import NIOPosix

/// A thread of its own for the group commit, with its own database connections. Every webhook of a burst
/// waits on that one serial transaction, so each of its statements counts twice: on the shared event
/// loops its results queued behind HTTP reads, and its task behind request handlers, between every step.
/// Here the transaction's task, its query results and its row decoding all run on one otherwise idle loop.
final class CommitLane: Sendable {
    let loop: any EventLoop
    let executor: EventLoopExecutor
    private let group: MultiThreadedEventLoopGroup
    private let databases: Databases

    init(target: DatabaseTarget, threadPool: NIOThreadPool) throws {
        group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
        loop = group.next()
        executor = EventLoopExecutor(loop)
        databases = Databases(threadPool: threadPool, on: group)
        try databases.use(target)
    }

    func database(logger: Logger) -> any Database {
        guard let database = databases.database(logger: logger, on: loop) else {
            preconditionFailure("The commit lane's database is configured in init")
        }
        return database
    }

    func shutdown() async {
        await databases.shutdownAsync()
        try? await group.shutdownGracefully()
    }
}

/// Runs a task's jobs on one event loop, so its awaits on that loop's futures resume without a thread hop.
final class EventLoopExecutor: TaskExecutor, @unchecked Sendable {
    private let loop: any EventLoop

    init(_ loop: any EventLoop) {
        self.loop = loop
    }

    func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        loop.execute { job.runSynchronously(on: self.asUnownedTaskExecutor()) }
    }
}
