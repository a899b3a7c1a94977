import Foundation

extension OrderImporter {
    struct Written: Sendable, Equatable {
        var ordersCreated = 0
        var ordersExisting = 0
        var parcelsAdded = 0
        var errors: [ImportRowError] = []
    }

    /// Writes one batch of groups in one transaction. `heldBack` carries the refused orders from batch to batch.
    func write(_ groups: [ImportOrderGroup], heldBack: inout [String: Int]) async throws -> Written {
        let existing = try await ledger.orderIDs(numbered: groups.map(\.orderNumber))
        var held = heldBack
        let plan = ImportPlan(groups: groups, existing: Set(existing.keys), heldBack: &held)
        let additions = Dictionary(plan.additions.compactMap { number, parcels in existing[number].map { ($0, parcels) } },
                                   uniquingKeysWith: +)
        do {
            let outcome = try await ledger.write(creating: plan.creates, adding: additions)
            heldBack = held
            return Written(ordersCreated: outcome.ordersCreated, ordersExisting: plan.ordersExisting,
                           parcelsAdded: outcome.parcelsAdded, errors: plan.errors)
        } catch where groups.count > 1 {
            return try await writeOneByOne(groups, heldBack: &heldBack, batchError: error)
        }
    }

    /// When the database refuses a batch (an order made through the API at the same moment, a value too
    /// long for a column), one order must not cost its neighbours: each group is written on its own and
    /// only those the database still refuses are reported. If it refuses them all, the problem is not the
    /// rows, and the import stops.
    private func writeOneByOne(_ groups: [ImportOrderGroup], heldBack: inout [String: Int], batchError: Error) async throws -> Written {
        var total = Written()
        var refused = 0
        for group in groups {
            do {
                let written = try await write([group], heldBack: &heldBack)
                total.ordersCreated += written.ordersCreated
                total.ordersExisting += written.ordersExisting
                total.parcelsAdded += written.parcelsAdded
                total.errors += written.errors
            } catch {
                refused += 1
                let reason = String(String(reflecting: error).prefix(300))
                total.errors.append(ImportRowError(line: group.firstLine,
                                                   message: "Order \(group.orderNumber) could not be written: \(reason)"))
            }
        }
        if refused == groups.count { throw batchError }
        return total
    }
}
