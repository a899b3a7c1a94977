import Foundation
import Testing
@testable import Porchlight

@Suite("Import format: header, rows and the order plan")
struct ImportFormatTests {
    static func reader(_ header: [String]) throws -> ImportRowReader {
        ImportRowReader(header: try ImportHeader(header), defaultLocale: "es", now: .t0)
    }

    static func row(_ reader: ImportRowReader, line: Int = 2, _ fields: [String]) -> Result<ImportRow, ImportRowError> {
        reader.read(CSVRecord(line: line, fields: fields)).1
    }

    @Test("Header names are matched whatever their case, spacing or dashes; unknown ones are ignored with a warning")
    func headerNames() throws {
        let header = try ImportHeader(["Order Number", " EMAIL ", "tracking-number", "Gift wrap", "", "notes"])
        #expect(header.value(.orderNumber, in: ["1001", "a@b.co", "1Z1", "yes", "", ""]) == "1001")
        #expect(header.value(.trackingNumbers, in: ["1001", "a@b.co", "1Z1", "yes", "", ""]) == "1Z1")
        #expect(header.ignored == ["Gift wrap", "notes"])
        #expect(header.warnings == [#"Ignored unknown columns: "Gift wrap", "notes"."#])
    }

    @Test("Missing required columns are one error naming all of them, before any row is read")
    func missingColumns() {
        #expect(throws: ImportFileError.missingColumns(["order_number", "email"], found: ["name", "sku"])) {
            try ImportHeader(["name", "sku"])
        }
        let message = ImportFileError.missingColumns(["email"], found: ["order_number"]).message
        #expect(message.hasPrefix("The header row has no email column, so no row was read."))
        #expect(throws: ImportFileError.duplicateColumn("email")) { try ImportHeader(["order_number", "email", "Email"]) }
    }

    @Test("A full row becomes an order, an item and its parcels, with the API's defaults for blanks")
    func fullRow() throws {
        let reader = try Self.reader(["order_number", "email", "placed_at", "time_zone", "item_title", "item_price",
                                      "item_quantity", "carrier", "tracking_numbers", "shipped_at", "currency"])
        let row = try Self.row(reader, ["#1001", "ada@example.com", "2026-11-20", "America/New_York", "Tea", "12.50", "",
                                        "UPS", " 1Z5R89390357567127 ; 1Z879E930346834440|1Z5R89390357567127 ", "2026-11-21 08:30", "eur"]).get()
        let order = try row.order.get()
        #expect(order.placedAt == Date(timeIntervalSince1970: 1_795_150_800), "midnight in New York")
        #expect(order.locale == "es", "the store's default")
        #expect(order.currency == "EUR")
        #expect(row.item == NewLineItem(sku: nil, title: "Tea", variant: nil, quantity: 1, price: "12.50", imageURL: nil, productType: nil))
        #expect(row.parcels.map(\.trackingNumber) == ["1Z5R89390357567127", "1Z879E930346834440"], "separators ; | , and repeats")
        #expect(row.parcels.allSatisfy { $0.carrier == "UPS" })
        #expect(row.parcels.first?.shippedAt == Date(timeIntervalSince1970: 1_795_267_800), "08:30 in New York")
        let blanks = try Self.row(reader, ["1002", "b@example.com", "", "", "", "", "", "", "", "", ""]).get()
        #expect(try blanks.order.get().placedAt == .t0, "a blank placed_at is the time of the import, as in the API")
        #expect(try blanks.order.get().timeZone == "UTC")
        #expect(blanks.item == nil && blanks.parcels.isEmpty)
    }

    @Test("Each kind of bad cell is reported with the row's line and what to write instead")
    func badCells() throws {
        let reader = try Self.reader(["order_number", "email", "placed_at", "item_title", "item_price", "item_quantity",
                                      "tracking_numbers", "shipped_at"])
        let cases: [([String], String)] = [
            (["", "a@b.co", "", "", "", "", "", ""], "order_number is empty."),
            (["1", "a@b.co", "", "Tea", "12,50", "", "", ""], "item_price must be a number such as 12.50"),
            (["1", "a@b.co", "", "Tea", "", "", "", ""], "item_price is empty"),
            (["1", "a@b.co", "", "", "12.50", "", "", ""], "item_title is empty"),
            (["1", "a@b.co", "", "Tea", "1", "two", "", ""], "item_quantity must be a whole number"),
            (["1", "a@b.co", "", "", "", "", "1Z!", ""], #"Tracking number "1Z!": tracking_number may contain only"#),
            (["1", "a@b.co", "", "", "", "", "1Z999AA10123456784", "03/04/2026"], "shipped_at must be a date such as"),
        ]
        for (fields, expected) in cases {
            guard case .failure(let error) = Self.row(reader, line: 7, fields) else {
                Issue.record("accepted \(fields)")
                continue
            }
            #expect(error.line == 7)
            #expect(error.message.hasPrefix(expected), "\(error.message)")
        }
        // Order fields only matter when the order is new, so they are kept apart from the row's own cells.
        let orderOnly = try Self.row(reader, ["1", "not-an-email", "yesterday", "", "", "", "", ""]).get()
        #expect(throws: ImportRowError.self) { try orderOnly.order.get() }
    }

    @Test("Dates: ISO 8601 with a zone, a day or a local time in the order's zone; nothing ambiguous or impossible")
    func dates() {
        let york = TimeZone(identifier: "America/New_York")!
        #expect(ImportDate.parse("2026-11-20T15:00:00Z", zone: york) == Date(timeIntervalSince1970: 1_795_186_800))
        #expect(ImportDate.parse("2026-11-20T10:00:00-05:00", zone: .gmt) == Date(timeIntervalSince1970: 1_795_186_800))
        #expect(ImportDate.parse("2026-11-20 10:00", zone: york) == Date(timeIntervalSince1970: 1_795_186_800))
        #expect(ImportDate.parse("2026-11-20T10:00:00", zone: york) == Date(timeIntervalSince1970: 1_795_186_800))
        for bad in ["20/11/2026", "2026-02-30", "2026-11-20 25:00", "Nov 20 2026", "2026-1-2"] {
            #expect(ImportDate.parse(bad, zone: york) == nil, "\(bad)")
        }
    }

    @Test("Orders: items from every row, each parcel's contents from the rows naming only it")
    func grouping() throws {
        let reader = try Self.reader(["order_number", "email", "item_title", "item_price", "item_sku", "tracking_numbers"])
        var grouper = ImportGrouper()
        let rows: [[String]] = [["A", "a@b.co", "Tea", "1", "TEA", "1Z5R89390357567127"],
                                ["A", "", "Mug", "2", "MUG", "1Z5R89390357567127"],
                                ["A", "", "Rug", "3", "RUG", "1Z879E930346834440;9400111206206406260787"],
                                ["B", "b@b.co", "Tea", "1", "", ""]]
        var done: [ImportOrderGroup] = []
        for (index, fields) in rows.enumerated() {
            if let group = grouper.add(Self.row(reader, line: index + 2, fields), orderNumber: fields[0], line: index + 2) {
                done.append(group)
            }
        }
        done += [grouper.finish()].compactMap { $0 }
        #expect(done.map(\.orderNumber) == ["A", "B"])
        #expect(done.map(\.rowCount) == [3, 1])
        let order = try done[0].newOrder.get()
        #expect(order.email == "a@b.co" && order.lineItems.map(\.title) == ["Tea", "Mug", "Rug"])
        #expect(done[0].parcels.map(\.items.count) == [2, 0, 0])
        #expect(done[0].parcels[0].items.map(\.sku) == ["TEA", "MUG"])
    }

    @Test("The plan: scattered rows of an order add tracking numbers only, and a refused order stays refused")
    func plan() throws {
        let reader = try Self.reader(["order_number", "email", "item_title", "item_price", "tracking_numbers"])
        func group(_ number: String, line: Int, _ rows: [[String]]) -> ImportOrderGroup {
            var group = ImportOrderGroup(orderNumber: number, firstLine: line)
            for (offset, fields) in rows.enumerated() { group.add(Self.row(reader, line: line + offset, [number] + fields)) }
            return group
        }
        let groups = [
            group("A", line: 2, [["a@b.co", "Tea", "1", "1Z5R89390357567127"]]),
            group("OLD", line: 3, [["o@b.co", "Tea", "1", "1Z879E930346834440"]]),
            group("BAD", line: 4, [["x@b.co", "Tea", "1", ""], ["", "Mug", "1,5", ""]]),
            group("A", line: 6, [["", "Lamp", "9", "9400111206206406260787"]]),
            group("BAD", line: 7, [["x@b.co", "", "", "986578788855"]]),
            group("NOMAIL", line: 8, [["", "Tea", "1", ""]]),
        ]
        var heldBack: [String: Int] = [:]
        let plan = ImportPlan(groups: groups, existing: ["OLD"], heldBack: &heldBack)
        #expect(plan.creates.map(\.order.orderNumber) == ["A"])
        #expect(plan.creates[0].order.lineItems.map(\.title) == ["Tea"], "later rows add no items")
        #expect(plan.creates[0].parcels.map(\.trackingNumber) == ["1Z5R89390357567127", "9400111206206406260787"])
        #expect(plan.additions == ["OLD": [NewShipment(carrier: nil, trackingNumber: "1Z879E930346834440", service: nil,
                                                       items: [ShipmentItem(sku: nil, title: "Tea", quantity: 1)], shippedAt: nil)]])
        #expect(plan.ordersExisting == 1)
        #expect(plan.errors.map(\.line) == [5, 7, 8])
        #expect(plan.errors[0].message.hasSuffix("Order BAD was not imported."))
        #expect(plan.errors[1].message == "Order BAD was not imported because of line 5.")
        #expect(plan.errors[2].message == "email is empty. Order NOMAIL was not imported.")
        #expect(heldBack == ["BAD": 5, "NOMAIL": 8])
    }
}
