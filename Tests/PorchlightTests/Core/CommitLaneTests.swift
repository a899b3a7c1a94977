import Foundation
import Logging
import NIOCore
import NIOPosix
import Testing
@testable import Porchlight

@Suite("Commit lane")
struct CommitLaneTests {
    @Test("Work preferring the lane runs on the lane's own loop, and so do its database's results")
    func runsOnItsLoop() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("lane-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let pool = NIOThreadPool(numberOfThreads: 1)
        pool.start()
        let lane = try CommitLane(target: .sqlite(path: directory.appendingPathComponent("db.sqlite").path), threadPool: pool)
        let onLoop = await withTaskExecutorPreference(lane.executor) { lane.loop.inEventLoop }
        #expect(onLoop)
        let database = lane.database(logger: Logger(label: "test"))
        #expect(database.eventLoop === lane.loop)
        let answer = try await database.sql.raw("SELECT 41 + 1 AS answer").first()?.decode(column: "answer", as: Int.self)
        #expect(answer == 42)
        await lane.shutdown()
        try await pool.shutdownGracefully()
    }
}
