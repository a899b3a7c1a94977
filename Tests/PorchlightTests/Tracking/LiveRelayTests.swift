import Foundation
import Testing
import VaporTesting
@testable import Porchlight

@Suite("Live updates across instances")
struct LiveRelayTests {
    @Test("An event accepted by one instance wakes live pages on another",
          .enabled(if: TestDatabase.postgresURL != nil, "needs the PostgreSQL server scripts/test.sh starts"))
    func crossInstance() async throws {
        try await TestHarness.run(.postgres) { t in
            let store = try await t.createStore()
            let order = try await t.createOrder(store.key)
            let orderID = try #require(UUID(uuidString: order["id"] as? String ?? ""))
            let shipment = try await t.addShipment(store.key, orderID: orderID.uuidString, number: "1Z0001")
            try await t.withSecondInstance { other in
                let relay = try #require(other.services.liveRelay)
                relay.ensureListening()
                let (_, updates) = await other.liveUpdates.subscribe(orderID: orderID)
                // LISTEN is asynchronous: keep announcing until the other instance hears one.
                let heard = try await withThrowingTaskGroup(of: Bool.self) { group in
                    group.addTask {
                        for await _ in updates { return true }
                        return false
                    }
                    group.addTask {
                        try await t.addEvent(store.key, shipmentID: shipment, status: "InTransit", at: "2026-11-22T10:00:00Z")
                        for _ in 0..<50 {
                            try await Task.sleep(for: .milliseconds(100))
                            await PostgresLiveRelay.announce(orderID, on: t.app.db)
                        }
                        return false
                    }
                    let first = try await group.next() ?? false
                    group.cancelAll()
                    return first
                }
                #expect(heard)
            }
        }
    }

    @Test("SQLite runs one process and needs no relay")
    func noRelayOnSQLite() async throws {
        try await TestHarness.run(.sqlite) { t in
            #expect(t.app.services.liveRelay == nil)
        }
    }
}
