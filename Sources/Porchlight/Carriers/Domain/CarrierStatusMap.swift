import Foundation

/// One carrier's (or aggregator's) table from its raw codes onto our vocabulary, documented in docs/STATUSES.md.
protocol CarrierStatusTable {
    /// Our code for the carrier or aggregator: "ups", "fedex", "usps", "dhl", "easypost", "shippo", "aftership".
    static var carrier: String { get }
    /// Fine-grained codes, looked up by `CarrierScan.code`.
    static var codes: [String: StatusMapping] { get }
    /// Coarse classes, looked up by `CarrierScan.category` when the fine code is missing from `codes`.
    static var categories: [String: StatusMapping] { get }
}

/// The result of mapping one scan: where it lands, and whether the table actually knew the code.
struct MappedScan: Sendable, Equatable {
    var mapping: StatusMapping
    /// False when the code was not in the table (even if its category was); such codes are counted.
    var isKnown: Bool
}

/// Maps raw carrier codes with the built-in table, a store's own overrides taking precedence.
struct CarrierStatusMap: Sendable {
    /// An unknown code never claims delivery or raises an alarm: "still on its way" is the least harmful guess.
    static let fallback = StatusMapping(.inTransit, "InTransit_001")

    let codes: [String: StatusMapping]
    let categories: [String: StatusMapping]
    let overrides: [String: StatusMapping]

    init(table: any CarrierStatusTable.Type, overrides: [String: StatusMapping] = [:]) {
        codes = table.codes
        categories = table.categories
        self.overrides = overrides
    }

    func map(_ scan: CarrierScan) -> MappedScan {
        if let mapping = overrides[scan.code] ?? codes[scan.code] { return MappedScan(mapping: mapping, isKnown: true) }
        let coarse = scan.category.flatMap { overrides[$0] ?? categories[$0] }
        return MappedScan(mapping: coarse ?? Self.fallback, isKnown: false)
    }
}
