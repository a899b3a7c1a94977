import Foundation
import NIOConcurrencyHelpers
import Testing
@testable import Porchlight

@Suite("Group commit and batched jobs")
struct JobBatchTests {
    @Test("Concurrent enqueues share commits; each unique key is taken once and its caller told so", arguments: TestDatabase.all)
    func groupCommit(_ database: TestDatabase) async throws {
        try await TestHarness.run(database) { t in
            let store = try await t.createStore()
            let commits = t.app.services.jobGroupCommit, app = t.app
            let keys = (0..<300).map { "key-\($0 % 200)" }
            let added = try await withThrowingTaskGroup(of: Bool.self) { group in
                for key in keys {
                    group.addTask {
                        try await commits.enqueue(NewJob(type: "test", payload: "{}", runAt: .t0, uniqueKey: key),
                                                  storeID: store.id, world: app.world)
                    }
                }
                return try await group.reduce(into: [Bool]()) { $0.append($1) }
            }
            #expect(added.filter { $0 }.count == 200, "one caller per key hears it was added")
            let counts = try await JobInspector(database: app.db, world: app.world, storeID: store.id).counts()
            #expect(counts[.queued] == 200)
            let again = try await commits.enqueue(NewJob(type: "test", payload: "{}", runAt: .t0, uniqueKey: "key-7"),
                                                  storeID: store.id, world: app.world)
            #expect(!again, "a key committed earlier is a duplicate")
        }
    }

    @Test("Jobs with a runner are run as they are stored, each new key once; a failed run is rolled back and left to the worker",
          arguments: TestDatabase.all)
    func inline(_ database: TestDatabase) async throws {
        try await TestHarness.run(database) { t in
            let store = try await t.createStore()
            let commits = t.app.services.jobGroupCommit, app = t.app
            let ran = NIOLockedValueBox<[Int]>([]), committed = NIOLockedValueBox(0)
            commits.runInline("inline") { jobs, _ in
                ran.withLockedValue { $0 += jobs.compactMap { $0.attachment as? Int } }
                return { committed.withLockedValue { $0 += jobs.count } }
            }
            let added = try await withThrowingTaskGroup(of: Bool.self) { group in
                for n in 0..<60 {
                    group.addTask {
                        try await commits.enqueue(NewJob(type: "inline", payload: "{}", runAt: .t0, uniqueKey: "k\(n % 50)"),
                                                  storeID: store.id, attachment: n % 50, world: app.world)
                    }
                }
                return try await group.reduce(into: 0) { $0 += $1 ? 1 : 0 }
            }
            #expect(added == 50)
            #expect(ran.withLockedValue { $0 }.sorted() == Array(0..<50), "every new key ran once, with what its caller attached")
            #expect(committed.withLockedValue { $0 } == 50)
            let inspector = JobInspector(database: app.db, world: app.world, storeID: store.id)
            let counts = try await inspector.counts()
            #expect(counts[.done] == 50 && counts[.queued] == 0)

            commits.runInline("broken") { _, tx in
                try await JobQueue.enqueue(NewJob(type: "side-effect", payload: "{}", runAt: .t0), storeID: store.id, on: tx, world: app.world)
                throw PermanentJobError("the runner fails")
            }
            let taken = try await commits.enqueue(NewJob(type: "broken", payload: "{}", runAt: .t0, uniqueKey: "b"),
                                                  storeID: store.id, world: app.world)
            #expect(taken, "a failed run still stores the job before answering")
            let claimed = try await JobQueue(database: app.db, world: app.world).claim(worker: "w", limit: 10, lease: 60)
            #expect(claimed.map(\.type) == ["broken"], "queued for the worker; the runner's own write was rolled back")
        }
    }

    @Test("A worker hands batchable jobs over together; a failing batch is rerun job by job", arguments: TestDatabase.all)
    func batches(_ database: TestDatabase) async throws {
        try await TestHarness.run(database) { t in
            let store = try await t.createStore()
            let queue = JobQueue(database: t.app.db, world: t.app.world)
            for n in 0..<250 {
                try await queue.enqueue(NewJob(type: "bulk", payload: n == 42 ? "poison" : "\(n)", runAt: .t0, maxAttempts: 1),
                                        storeID: store.id)
            }
            try await queue.enqueue(NewJob(type: "single", payload: "alone", runAt: .t0), storeID: store.id)
            let batchSizes = NIOLockedValueBox<[Int]>([]), singles = NIOLockedValueBox<[String]>([])
            var worker = t.app.makeWorker(name: "batch-test")
            worker.settings.batchSize = 100
            worker.batchHandlers = ["bulk": { jobs in
                batchSizes.withLockedValue { $0.append(jobs.count) }
                if jobs.contains(where: { $0.payload == "poison" }) { throw PermanentJobError("poison in the batch") }
            }]
            let single: JobHandler = { job in
                singles.withLockedValue { $0.append(job.payload) }
                if job.payload == "poison" { throw PermanentJobError("poison") }
                return .done
            }
            worker = JobWorker(queue: worker.queue, handlers: ["bulk": single, "single": single], name: worker.name,
                               settings: worker.settings, metrics: worker.metrics, logger: worker.logger,
                               batchHandlers: worker.batchHandlers)
            #expect(try await worker.drain() == 251)
            #expect(batchSizes.withLockedValue { $0 } == [100, 100, 50])
            let ranAlone = singles.withLockedValue { $0 }
            #expect(ranAlone.contains("alone") && ranAlone.contains("poison"))
            #expect(ranAlone.count == 1 + 100, "only the failed batch was rerun one by one")
            let counts = try await JobInspector(database: t.app.db, world: t.app.world, storeID: store.id).counts()
            #expect(counts[.done] == 250 && counts[.dead] == 1)
        }
    }

    @Test("The write gate lets one writer in at a time, and an urgent one ahead of those already waiting")
    func writeGate() async throws {
        let gate = WriteGate(enabled: true)
        let order = NIOLockedValueBox<[String]>([])
        let (holding, release) = AsyncStream<Void>.makeStream()
        let first = Task {
            try await gate.run { order.withLockedValue { $0.append("first") }; for await _ in holding { break } }
        }
        while order.withLockedValue({ $0.isEmpty }) { await Task.yield() }
        let patient = Task { try await gate.run { order.withLockedValue { $0.append("patient") } } }
        try await Task.sleep(for: .milliseconds(50))
        let urgent = Task { try await gate.run(urgent: true) { order.withLockedValue { $0.append("urgent") } } }
        try await Task.sleep(for: .milliseconds(50))
        #expect(order.withLockedValue { $0 } == ["first"], "nobody enters while the gate is held")
        release.yield()
        try await first.value
        try await patient.value
        try await urgent.value
        #expect(order.withLockedValue { $0 } == ["first", "urgent", "patient"])
    }

    @Test("A commit's signal ends an idle worker's wait long before its poll interval")
    func signalWakesTheWorker() async throws {
        let signal = JobSignal(), done = NIOLockedValueBox(false)
        let start = ContinuousClock.now
        let waiting = Task {
            await signal.wait(upTo: .seconds(120), world: .live)
            done.withLockedValue { $0 = true }
        }
        // Rung until heard: a ring before the waiter registered is not meant to be kept.
        while !done.withLockedValue({ $0 }) {
            signal.notify()
            try await Task.sleep(for: .milliseconds(20))
        }
        await waiting.value
        #expect(ContinuousClock.now - start < .seconds(60))
    }
}
