import Foundation
import Testing
@testable import Porchlight

@Suite struct AggregatorStatusTableTests {
    static var tables: [any CarrierStatusTable.Type] {
        [EasyPostStatusTable.self, ShippoStatusTable.self, AfterShipStatusTable.self]
    }

    @Test func carriersAreTheAggregatorCodes() {
        #expect(Self.tables.map { $0.carrier } == ["easypost", "shippo", "aftership"])
    }

    @Test func everySubstatusIsInTheCatalogueUnderItsOwnStatus() {
        for table in Self.tables {
            for (code, mapping) in table.codes.merging(table.categories, uniquingKeysWith: { first, _ in first }) {
                guard let substatus = mapping.substatus else { continue }
                let info = Substatus.known(substatus)
                #expect(info != nil, "\(table.carrier) \(code) -> \(substatus) is not in the catalogue")
                #expect(info?.status == mapping.status, "\(table.carrier) \(code) -> \(substatus) is not a \(mapping.status)")
                #expect(Substatus(substatus).belongs(to: mapping.status))
            }
        }
    }

    @Test func everyCategoryIsAlsoAKnownCode() {
        // A scan whose only code is its status (no finer detail) must not be counted as unknown.
        for table in [EasyPostStatusTable.self, ShippoStatusTable.self] as [any CarrierStatusTable.Type] {
            for (category, mapping) in table.categories {
                #expect(table.codes[category] == mapping, "\(table.carrier) \(category)")
            }
        }
    }

    @Test func tablesCoverTheDocumentedVocabularies() {
        let easyPostStatuses = ["pre_transit", "in_transit", "out_for_delivery", "delivered", "available_for_pickup",
                                "return_to_sender", "failure", "cancelled", "error", "unknown"]
        #expect(Set(EasyPostStatusTable.categories.keys) == Set(easyPostStatuses))
        let easyPostDetails = ["address_correction", "arrived_at_destination", "arrived_at_facility",
                               "arrived_at_pickup_location", "awaiting_information", "damaged", "delayed",
                               "delivery_exception", "departed_facility", "departed_origin_facility", "expired", "held",
                               "label_created", "lost", "missorted", "received_at_destination_facility",
                               "received_at_origin_facility", "refused", "return", "transferred_to_destination_carrier",
                               "transit_exception", "weather_delay"]
        #expect(easyPostDetails.allSatisfy { EasyPostStatusTable.codes[$0] != nil })

        #expect(Set(ShippoStatusTable.categories.keys) == ["PRE_TRANSIT", "TRANSIT", "DELIVERED", "RETURNED", "FAILURE", "UNKNOWN"])
        #expect(ShippoStatusTable.codes.count == 6 + 26)

        #expect(Set(AfterShipStatusTable.categories.keys) == Set(ShipmentStatus.allCases.map(\.rawValue)))
        #expect(AfterShipStatusTable.codes.keys.allSatisfy { code in
            AfterShipStatusTable.categories.keys.contains { code.hasPrefix($0 + "_") }
        })
    }

    @Test func nothingMapsAnUnknownIntoDelivered() {
        let map = CarrierStatusMap(table: EasyPostStatusTable.self)
        let scan = CarrierScan(code: "arrived_at_mars", category: "mystery", text: "", occurredAt: Date(timeIntervalSince1970: 0))
        #expect(map.map(scan) == MappedScan(mapping: CarrierStatusMap.fallback, isKnown: false))
    }
}
