import Foundation

/// The rows of one order that came one after another in the file, merged into the order they describe.
/// Order fields come from its first row; later rows may repeat them or leave them blank.
struct ImportOrderGroup: Sendable, Equatable {
    let orderNumber: String
    let firstLine: Int
    private(set) var rowCount = 0
    /// The order from the first row, with every row's item; only needed when the order is new.
    private(set) var order: Result<NewOrder, ImportRowError>?
    private(set) var parcels: [NewShipment] = []
    /// Rows of the group that could not be read. Any of them holds back the whole group, so fixing the
    /// row and importing the file again gives the complete order rather than one missing an item.
    private(set) var rejected: [ImportRowError] = []

    init(orderNumber: String, firstLine: Int) {
        self.orderNumber = orderNumber
        self.firstLine = firstLine
    }

    mutating func add(_ result: Result<ImportRow, ImportRowError>) {
        rowCount += 1
        switch result {
        case .failure(let error):
            rejected.append(error)
        case .success(let row):
            if order == nil { order = row.order }
            if let item = row.item, case .success(var draft) = order {
                draft.lineItems.append(item)
                order = .success(draft)
            }
            addParcels(row)
        }
    }

    /// A row naming a single tracking number says its item travels in that parcel; a row naming several
    /// doesn't say which part went where, so it adds no contents to them.
    private mutating func addParcels(_ row: ImportRow) {
        for parcel in row.parcels {
            var index = parcels.firstIndex { $0.trackingNumber == parcel.trackingNumber }
            if index == nil {
                parcels.append(parcel)
                index = parcels.count - 1
            }
            if row.parcels.count == 1, let item = row.item, let index {
                parcels[index].items.append(ShipmentItem(sku: item.sku, title: item.title, quantity: item.quantity))
            }
        }
    }

    /// The order to create, checked with all its items, or why it can't be.
    var newOrder: Result<NewOrder, ImportRowError> {
        guard let order else { return .failure(ImportRowError(line: firstLine, message: "The order has no readable row.")) }
        guard case .success(let draft) = order else { return order }
        do { try draft.validate() } catch { return .failure(ImportRowError(line: firstLine, message: error.message)) }
        return order
    }
}

/// Cuts the stream of rows into groups: a group ends where the order number changes.
struct ImportGrouper: Sendable {
    private var current: ImportOrderGroup?

    /// The group this row completed, if it started a new one.
    mutating func add(_ result: Result<ImportRow, ImportRowError>, orderNumber: String, line: Int) -> ImportOrderGroup? {
        if current?.orderNumber == orderNumber {
            current?.add(result)
            return nil
        }
        let done = current
        current = ImportOrderGroup(orderNumber: orderNumber, firstLine: line)
        current?.add(result)
        return done
    }

    mutating func finish() -> ImportOrderGroup? {
        defer { current = nil }
        return current
    }
}
