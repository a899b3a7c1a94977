import Foundation
import Testing
@testable import Porchlight

@Suite("Durable job queue")
struct JobQueueTests {
    private func job(_ key: String? = nil, runAt: Date = .t0, maxAttempts: Int = 3) -> NewJob {
        NewJob(type: "test", payload: "{}", runAt: runAt, uniqueKey: key, maxAttempts: maxAttempts)
    }

    @Test("the same unique key twice makes one job, even after it ran", arguments: TestDatabase.all)
    func uniqueKey(_ database: TestDatabase) async throws {
        try await TestHarness.run(database) { t in
            let store = try await t.createStore()
            let queue = JobQueue(database: t.app.db, world: t.app.world)
            #expect(try await queue.enqueue(job("k1"), storeID: store.id))
            #expect(try await !queue.enqueue(job("k1"), storeID: store.id))
            let claimed = try await queue.claim(worker: "w", limit: 10, lease: 60)
            #expect(claimed.count == 1)
            try await queue.complete(claimed[0], worker: "w")
            #expect(try await !queue.enqueue(job("k1"), storeID: store.id))
            #expect(try await queue.enqueue(job(), storeID: store.id))
            #expect(try await queue.enqueue(job(), storeID: store.id), "jobs without a key never collide")
        }
    }

    @Test("many jobs at once: each unique key still makes one job, and claiming sees them all", arguments: TestDatabase.all)
    func manyAtOnce(_ database: TestDatabase) async throws {
        try await TestHarness.run(database) { t in
            let store = try await t.createStore()
            let queue = JobQueue(database: t.app.db, world: t.app.world)
            #expect(try await queue.enqueue(job("k1"), storeID: store.id))
            let batch = [job("k1"), job("k2"), job("k3"), job(), job()] + (0..<600).map { job("bulk-\($0)") }
            try await JobQueue.enqueue(batch, storeID: store.id, on: t.app.db, world: t.app.world)
            try await JobQueue.enqueue(batch, storeID: store.id, on: t.app.db, world: t.app.world)
            let counts = try await JobInspector(database: t.app.db, world: t.app.world, storeID: store.id).counts()
            #expect(counts[.queued] == 1 + 2 + 600 + 4, "k1 once, k2 and k3 once each, the bulk once, keyless ones every time")
            #expect(try await queue.claim(worker: "w", limit: 1_000, lease: 60).count == 607)
        }
    }

    @Test("a job is not claimed before its time, and a claimed job is not claimed twice", arguments: TestDatabase.all)
    func claimRespectsTimeAndLease(_ database: TestDatabase) async throws {
        try await TestHarness.run(database) { t in
            let store = try await t.createStore()
            let queue = JobQueue(database: t.app.db, world: t.app.world)
            try await queue.enqueue(job(runAt: Date.t0.addingTimeInterval(60)), storeID: store.id)
            #expect(try await queue.claim(worker: "a", limit: 10, lease: 30).isEmpty)
            t.clock.advance(by: 60)
            #expect(try await queue.claim(worker: "a", limit: 10, lease: 30).count == 1)
            #expect(try await queue.claim(worker: "b", limit: 10, lease: 30).isEmpty)
            // Worker a dies; once its lease runs out, b takes the job over and a can no longer settle it.
            t.clock.advance(by: 31)
            let retaken = try await queue.claim(worker: "b", limit: 10, lease: 30)
            #expect(retaken.count == 1 && retaken[0].attempts == 2)
            try await queue.complete(retaken[0], worker: "a")
            let counts = try await JobInspector(database: t.app.db, world: t.app.world, storeID: store.id).counts()
            #expect(counts[.running] == 1 && counts[.done] == 0)
            try await queue.complete(retaken[0], worker: "b")
            #expect(try await JobInspector(database: t.app.db, world: t.app.world, storeID: store.id).counts()[.done] == 1)
        }
    }

    @Test("failures back off exponentially, then the job is dead with its last error, and can be retried",
          arguments: TestDatabase.all)
    func backoffAndDeadLetters(_ database: TestDatabase) async throws {
        try await TestHarness.run(database) { t in
            let store = try await t.createStore()
            let queue = JobQueue(database: t.app.db, world: t.app.world)
            try await queue.enqueue(job(maxAttempts: 3), storeID: store.id)
            let policy = JobRetryPolicy(baseDelay: 10, maxDelay: 3_600)
            var waits: [Double] = []
            for attempt in 1...3 {
                var claimed: [ClaimedJob] = []
                var waited = 0.0
                while claimed.isEmpty {
                    claimed = try await queue.claim(worker: "w", limit: 1, lease: 60)
                    if claimed.isEmpty { t.clock.advance(by: 1); waited += 1 }
                    #expect(waited < 100)
                }
                #expect(claimed[0].attempts == attempt)
                waits.append(waited)
                try await queue.fail(claimed[0], worker: "w", error: "SMTP said no \(attempt)", permanent: false, policy: policy)
            }
            #expect(waits[0] == 0 && (5...10).contains(waits[1]) && (10...20).contains(waits[2]))
            let inspector = JobInspector(database: t.app.db, world: t.app.world, storeID: store.id)
            let dead = try await inspector.dead()
            #expect(dead.count == 1 && dead[0].lastError == "SMTP said no 3")
            t.clock.advance(by: 10_000)
            #expect(try await queue.claim(worker: "w", limit: 1, lease: 60).isEmpty)

            let other = try await t.createStore(slug: "other", name: "Other")
            let response = try await t.send(.POST, "/api/v1/jobs/\(dead[0].id)/retry", key: other.key)
            #expect(response.status == .notFound, "another store's job is invisible")
            #expect(try await t.send(.POST, "/api/v1/jobs/\(dead[0].id)/retry", key: store.key).status == .accepted)
            #expect(try await queue.claim(worker: "w", limit: 1, lease: 60).count == 1)
        }
    }

    @Test("a permanent failure is dead at once; an unknown job type too", arguments: TestDatabase.all)
    func permanentFailure(_ database: TestDatabase) async throws {
        try await TestHarness.run(database) { t in
            let store = try await t.createStore()
            let queue = JobQueue(database: t.app.db, world: t.app.world)
            try await queue.enqueue(NewJob(type: "nobody-handles-this", payload: "", runAt: .t0), storeID: store.id)
            let ran = try await t.app.makeWorker(name: "w").drain()
            #expect(ran == 1)
            let body = try await t.send(.GET, "/api/v1/jobs", key: store.key).jsonObject()
            #expect((body["counts"] as? [String: Int])?["dead"] == 1)
            let dead = body["dead"] as? [[String: Any]]
            #expect((dead?.first?["last_error"] as? String)?.contains("No handler") == true)
        }
    }

    @Test("on PostgreSQL, workers claiming at the same moment never take the same job")
    func concurrentClaims() async throws {
        guard TestDatabase.all.contains(.postgres) else { return }
        let postgres = TestDatabase.postgres
        try await TestHarness.run(postgres) { t in
            let store = try await t.createStore()
            let queue = JobQueue(database: t.app.db, world: t.app.world)
            for _ in 0..<200 { try await queue.enqueue(job(), storeID: store.id) }
            let batches = try await withThrowingTaskGroup(of: [UUID].self) { group in
                for worker in 0..<8 {
                    group.addTask {
                        var mine: [UUID] = []
                        while true {
                            let claimed = try await queue.claim(worker: "w\(worker)", limit: 7, lease: 60)
                            if claimed.isEmpty { return mine }
                            mine += claimed.map(\.id)
                        }
                    }
                }
                return try await group.reduce(into: [[UUID]]()) { $0.append($1) }
            }
            let all = batches.flatMap { $0 }
            #expect(all.count == 200 && Set(all).count == 200)
            #expect(batches.filter { !$0.isEmpty }.count > 1, "more than one worker got work")
        }
    }

    @Test("finished jobs are deleted after the retention period; pending and dead ones stay", arguments: TestDatabase.all)
    func pruning(_ database: TestDatabase) async throws {
        try await TestHarness.run(database) { t in
            let store = try await t.createStore()
            let queue = JobQueue(database: t.app.db, world: t.app.world)
            for _ in 0..<5 { try await queue.enqueue(job(), storeID: store.id) }
            for claimed in try await queue.claim(worker: "w", limit: 3, lease: 60) {
                try await queue.complete(claimed, worker: "w")
            }
            try await queue.enqueue(job(runAt: Date.t0.addingTimeInterval(30 * 86_400)), storeID: store.id)
            t.clock.advance(by: 8 * 86_400)
            #expect(try await queue.pruneDone(finishedBefore: t.clock.now.addingTimeInterval(-7 * 86_400), chunk: 2) == 3)
            let counts = try await JobInspector(database: t.app.db, world: t.app.world, storeID: store.id).counts()
            #expect(counts[.done] == 0 && counts[.queued] == 3)
        }
    }
}
