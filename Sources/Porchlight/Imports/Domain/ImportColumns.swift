import Foundation

/// The columns an import file may have. Names follow the REST API's fields; the shipping address and the
/// line item are flattened with a `shipping_` and an `item_` prefix.
enum ImportColumn: String, CaseIterable, Sendable {
    case orderNumber = "order_number", email, customerName = "customer_name", phone, locale
    case placedAt = "placed_at", currency, timeZone = "time_zone"
    case shippingName = "shipping_name", shippingLine1 = "shipping_line1", shippingLine2 = "shipping_line2"
    case shippingCity = "shipping_city", shippingRegion = "shipping_region"
    case shippingPostalCode = "shipping_postal_code", shippingCountry = "shipping_country"
    case itemTitle = "item_title", itemVariant = "item_variant", itemSKU = "item_sku", itemQuantity = "item_quantity"
    case itemPrice = "item_price", itemImageURL = "item_image_url", itemProductType = "item_product_type"
    case carrier, service, trackingNumbers = "tracking_numbers", shippedAt = "shipped_at"

    static let required: [ImportColumn] = [.orderNumber, .email]

    /// A file with one tracking number per row naturally calls the column by the API's singular name.
    static let aliases: [String: ImportColumn] = ["tracking_number": .trackingNumbers]

    /// "Order Number", "order-number" and "ORDER_NUMBER" all name `order_number`.
    static func named(_ header: String) -> ImportColumn? {
        let key = header.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
            .replacingOccurrences(of: " ", with: "_").replacingOccurrences(of: "-", with: "_")
        return ImportColumn(rawValue: key) ?? aliases[key]
    }
}

/// Where each known column sits in a file, read from its header row.
struct ImportHeader: Sendable {
    private let positions: [ImportColumn: Int]
    /// Header names we don't know, in file order: ignored, and reported as a warning.
    let ignored: [String]

    init(_ fields: [String]) throws(ImportFileError) {
        var positions: [ImportColumn: Int] = [:]
        var ignored: [String] = []
        for (index, name) in fields.enumerated() {
            guard let column = ImportColumn.named(name) else {
                if !name.trimmingCharacters(in: .whitespaces).isEmpty { ignored.append(name) }
                continue
            }
            guard positions[column] == nil else { throw .duplicateColumn(column.rawValue) }
            positions[column] = index
        }
        let missing = ImportColumn.required.filter { positions[$0] == nil }
        guard missing.isEmpty else { throw .missingColumns(missing.map(\.rawValue), found: fields) }
        self.positions = positions
        self.ignored = ignored
    }

    var warnings: [String] {
        ignored.isEmpty ? [] : ["Ignored unknown column\(ignored.count == 1 ? "" : "s"): "
            + ignored.map { "\"\($0)\"" }.joined(separator: ", ") + "."]
    }

    /// The trimmed cell, or nil when the column is absent or the cell is blank.
    func value(_ column: ImportColumn, in fields: [String]) -> String? {
        guard let index = positions[column], index < fields.count else { return nil }
        let cell = fields[index]
        // Most cells have nothing to trim; checking the ends first skips Foundation's slower trimming for them.
        guard let first = cell.first, let last = cell.last else { return nil }
        guard first.isWhitespace || last.isWhitespace else { return cell }
        let value = cell.trimmingCharacters(in: .whitespacesAndNewlines)
        return value.isEmpty ? nil : value
    }
}

/// Why a file could not be imported at all. Each message says what to change.
enum ImportFileError: Error, Equatable {
    case unreadable(String)
    case empty
    case missingColumns([String], found: [String])
    case duplicateColumn(String)

    var message: String {
        switch self {
        case .unreadable(let reason): return "The file could not be read: \(reason)"
        case .empty: return "The file is empty: the first line must name the columns, e.g. order_number,email,item_title."
        case .missingColumns(let missing, let found):
            let names = missing.joined(separator: " and ")
            let shown = found.prefix(12).map { "\"\($0)\"" }.joined(separator: ", ")
            return "The header row has no \(names) column, so no row was read. Required: "
                + ImportColumn.required.map(\.rawValue).joined(separator: ", ") + ". Found: \(shown)."
        case .duplicateColumn(let name):
            return "The header row names the column \(name) twice, so no row was read."
        }
    }
}
