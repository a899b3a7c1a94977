import Foundation

/// What to write for a batch of groups, decided from which of their orders already exist. Pure, so the
/// rules for repeated and scattered orders are tested without a database.
///
/// - A new order is created from its first stretch of rows, with all their items and tracking numbers.
/// - An order that exists (before the import, or from earlier rows) only gains tracking numbers it
///   doesn't have; items on later rows are not added, since an order's items are fixed once placed.
/// - An order held back by a bad row stays held back for the rest of the file, so the result never
///   depends on where one batch ended and the next began.
struct ImportPlan: Sendable, Equatable {
    var creates: [NewOrderWithParcels] = []
    /// Tracking numbers for orders that exist, by order number.
    var additions: [String: [NewShipment]] = [:]
    var errors: [ImportRowError] = []
    var ordersExisting = 0

    /// `heldBack` maps the order numbers refused so far to the line that explains why; the plan adds to it.
    init(groups: [ImportOrderGroup], existing: Set<String>, heldBack: inout [String: Int]) {
        var planned: [String: Int] = [:]
        for group in groups {
            let number = group.orderNumber
            let known = existing.contains(number) || planned[number] != nil
            if let first = group.rejected.first {
                let consequence = known ? "Its tracking numbers were not added." : "Order \(number) was not imported."
                errors += group.rejected.map { ImportRowError(line: $0.line, message: "\($0.message) \(consequence)") }
                if !known { heldBack[number] = heldBack[number] ?? first.line }
            } else if let line = heldBack[number] {
                errors.append(ImportRowError(line: group.firstLine,
                                             message: "Order \(number) was not imported because of line \(line)."))
            } else if existing.contains(number) {
                ordersExisting += 1
                additions[number, default: []].append(contentsOf: group.parcels)
            } else if let index = planned[number] {
                creates[index].parcels.append(contentsOf: group.parcels)
            } else {
                switch group.newOrder {
                case .success(let order):
                    planned[number] = creates.count
                    creates.append(NewOrderWithParcels(order: order, parcels: group.parcels))
                case .failure(let error):
                    errors.append(ImportRowError(line: error.line, message: "\(error.message) Order \(number) was not imported."))
                    heldBack[number] = error.line
                }
            }
        }
    }
}
