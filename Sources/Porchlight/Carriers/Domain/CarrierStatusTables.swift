import Foundation

/// Every built-in mapping table, by the name of the carrier or aggregator that reports in its codes.
enum CarrierStatusTables {
    static var all: [any CarrierStatusTable.Type] {[
        UPSStatusTable.self, FedExStatusTable.self, USPSStatusTable.self, DHLStatusTable.self,
        EasyPostStatusTable.self, ShippoStatusTable.self, AfterShipStatusTable.self,
    ]}

    static func table(for source: String) -> (any CarrierStatusTable.Type)? {
        all.first { $0.carrier == source }
    }
}
