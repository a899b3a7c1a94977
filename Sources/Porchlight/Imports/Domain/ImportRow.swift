import Foundation

/// A row that could not be imported: the physical line it starts on, and why.
struct ImportRowError: Error, Sendable, Equatable, Codable {
    var line: Int
    var message: String
}

/// What one row says. Its order fields matter only when the row's order is new; its item and tracking
/// numbers are its own.
struct ImportRow: Sendable, Equatable {
    var line: Int
    var orderNumber: String
    /// The order as this row describes it (without items), or why it could not be read.
    var order: Result<NewOrder, ImportRowError>
    var item: NewLineItem?
    var parcels: [NewShipment]
}

/// Reads rows against a header. Pure: everything it needs from outside comes in through its fields.
struct ImportRowReader: Sendable {
    let header: ImportHeader
    /// Used when the row leaves `locale` blank, as the API does.
    let defaultLocale: String
    /// Used when the row leaves `placed_at` blank, as the API does.
    let now: Date

    /// A row, or the first thing wrong with it. The order number comes back either way when it can be
    /// read, so a bad row still holds back the rest of its order.
    func read(_ record: CSVRecord) -> (orderNumber: String?, Result<ImportRow, ImportRowError>) {
        let number = value(.orderNumber, record)
        func failure(_ message: String) -> (String?, Result<ImportRow, ImportRowError>) {
            (number, .failure(ImportRowError(line: record.line, message: message)))
        }
        if let problem = record.problem { return failure(problem) }
        guard let number else { return failure("order_number is empty.") }
        guard number.count <= 64 else { return failure("order_number must be 1 to 64 characters.") }
        let item: NewLineItem?
        switch readItem(record) {
        case .success(let read): item = read
        case .failure(let problem): return failure(problem.message)
        }
        let shippedAt = value(.shippedAt, record)
        let timeZone = value(.timeZone, record) ?? "UTC"
        let zone = TimeZone(identifier: timeZone)
        let shipped = shippedAt.flatMap { ImportDate.parse($0, zone: zone ?? .gmt) }
        if let shippedAt, shipped == nil { return failure(Self.dateMessage(.shippedAt, shippedAt)) }
        var parcels: [NewShipment] = []
        for trackingNumber in Self.trackingNumbers(value(.trackingNumbers, record)) {
            let parcel = NewShipment(carrier: value(.carrier, record), trackingNumber: trackingNumber,
                                     service: value(.service, record), items: [], shippedAt: shipped)
            do { try parcel.validate() } catch { return failure("Tracking number \"\(trackingNumber)\": \(error.message)") }
            parcels.append(parcel)
        }
        let order = readOrder(record, number: number, timeZone: timeZone, zone: zone)
        return (number, .success(ImportRow(line: record.line, orderNumber: number, order: order, item: item, parcels: parcels)))
    }

    /// Several numbers share one cell separated by `;` (or `|` or `,`), none of which a tracking number
    /// may contain. Spaces can: carriers print some numbers in groups.
    static func trackingNumbers(_ cell: String?) -> [String] {
        var seen = Set<String>()
        return (cell ?? "").split(whereSeparator: { $0 == ";" || $0 == "|" || $0 == "," })
            .map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
            .filter { !$0.isEmpty && seen.insert($0).inserted }
    }

    private func readOrder(_ record: CSVRecord, number: String, timeZone: String, zone: TimeZone?) -> Result<NewOrder, ImportRowError> {
        let fail = { (message: String) in Result<NewOrder, ImportRowError>.failure(ImportRowError(line: record.line, message: message)) }
        guard let email = value(.email, record) else { return fail("email is empty.") }
        guard let zone else {
            return fail("time_zone must be an IANA time zone such as America/New_York.")
        }
        var placedAt = now
        if let text = value(.placedAt, record) {
            guard let date = ImportDate.parse(text, zone: zone) else { return fail(Self.dateMessage(.placedAt, text)) }
            placedAt = date
        }
        let address = PostalAddress(
            name: value(.shippingName, record), line1: value(.shippingLine1, record), line2: value(.shippingLine2, record),
            city: value(.shippingCity, record), region: value(.shippingRegion, record),
            postalCode: value(.shippingPostalCode, record), country: value(.shippingCountry, record))
        return .success(NewOrder(
            orderNumber: number, email: email, phone: value(.phone, record), customerName: value(.customerName, record),
            placedAt: placedAt, currency: value(.currency, record)?.uppercased() ?? "USD", lineItems: [],
            shippingAddress: address == PostalAddress() ? nil : address,
            locale: value(.locale, record) ?? defaultLocale, timeZone: timeZone))
    }

    private func readItem(_ record: CSVRecord) -> Result<NewLineItem?, ItemProblem> {
        let itemColumns: [ImportColumn] = [.itemTitle, .itemVariant, .itemSKU, .itemQuantity, .itemPrice,
                                           .itemImageURL, .itemProductType]
        guard itemColumns.contains(where: { value($0, record) != nil }) else { return .success(nil) }
        guard let title = value(.itemTitle, record) else { return .failure("item_title is empty, but the row has other item_ columns.") }
        var quantity = 1
        if let text = value(.itemQuantity, record) {
            guard let parsed = Int(text), (1...10_000).contains(parsed) else {
                return .failure("item_quantity must be a whole number from 1 to 10000, not \"\(text)\".")
            }
            quantity = parsed
        }
        guard let price = value(.itemPrice, record) else { return .failure("item_price is empty; write it as 12.50.") }
        guard Money.isDecimalString(price) else {
            return .failure("item_price must be a number such as 12.50 (a dot, no currency sign), not \"\(price)\".")
        }
        let item = NewLineItem(sku: value(.itemSKU, record), title: title, variant: value(.itemVariant, record),
                               quantity: quantity, price: price, imageURL: value(.itemImageURL, record),
                               productType: value(.itemProductType, record))
        do { try item.validate(at: 0) } catch { return .failure(ItemProblem(error.message)) }
        return .success(item)
    }

    private func value(_ column: ImportColumn, _ record: CSVRecord) -> String? {
        header.value(column, in: record.fields)
    }

    private static func dateMessage(_ column: ImportColumn, _ text: String) -> String {
        "\(column.rawValue) must be a date such as 2026-11-20 or 2026-11-20T14:30:00Z, not \"\(text)\"."
    }
}

private struct ItemProblem: Error, ExpressibleByStringInterpolation {
    var message: String
    init(_ message: String) { self.message = message }
    init(stringLiteral value: String) { message = value }
}
