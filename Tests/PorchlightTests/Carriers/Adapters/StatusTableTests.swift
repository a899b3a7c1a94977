import Foundation
import Testing
@testable import Porchlight

@Suite struct StatusTableTests {
    static var tables: [any CarrierStatusTable.Type] {
        [UPSStatusTable.self, FedExStatusTable.self, USPSStatusTable.self, DHLStatusTable.self]
    }

    @Test(arguments: ["ups", "fedex", "usps", "dhl"])
    func everySubstatusIsCataloguedUnderItsOwnStatus(_ carrier: String) throws {
        let table = try #require(Self.tables.first { $0.carrier == carrier })
        #expect(!table.codes.isEmpty && !table.categories.isEmpty)
        let entries = table.codes.map { ("code \($0.key)", $0.value) }
            + table.categories.map { ("category \($0.key)", $0.value) }
        for (key, mapping) in entries {
            guard let code = mapping.substatus else { continue }
            #expect(Substatus.known(code) != nil, "\(table.carrier) \(key): \(code) is not in the catalogue")
            #expect(Substatus(code).belongs(to: mapping.status), "\(table.carrier) \(key): \(code) is not \(mapping.status)")
        }
    }

    @Test func tablesAreNamedForTheirCarriers() {
        #expect(Self.tables.map { $0.carrier } == ["ups", "fedex", "usps", "dhl"])
    }

    @Test func everyDocumentedCoarseClassHasAFallback() {
        #expect(Set(["M", "P", "I", "X", "D"]).isSubset(of: UPSStatusTable.categories.keys))
        #expect(Set(["IN", "PU", "IT", "OD", "DL", "DE", "SE", "CA", "RS"]).isSubset(of: FedExStatusTable.categories.keys))
        #expect(Set(["Pre-Shipment", "In Transit", "Out for Delivery", "Delivered", "Delivery Attempt",
                     "Available for Pickup", "Alert"]).isSubset(of: USPSStatusTable.categories.keys))
        #expect(Set(DHLStatusTable.categories.keys) == ["pre-transit", "transit", "delivered", "failure", "unknown"])
    }

    @Test func theLandmarkCodesMapWhereAMerchantExpects() {
        #expect(UPSStatusTable.codes["011"]?.status == .delivered)
        #expect(UPSStatusTable.codes["021"]?.status == .outForDelivery)
        #expect(UPSStatusTable.codes["034"] == StatusMapping(.exception, "Exception_006"))
        #expect(UPSStatusTable.codes["161"]?.status == .availableForPickup)
        #expect(FedExStatusTable.codes["HP"]?.status == .availableForPickup)
        #expect(FedExStatusTable.codes["RS"] == StatusMapping(.exception, "Exception_005"))
        #expect(USPSStatusTable.codes["02"]?.status == .attemptFail)
        #expect(USPSStatusTable.codes["16"]?.status == .availableForPickup)
        #expect(USPSStatusTable.codes["21"] == StatusMapping(.exception, "Exception_002"))
        #expect(DHLStatusTable.codes["delivered"]?.status == .delivered)
    }

    /// DHL codes are looked up after normalisation, so a key that is not normalised can never match.
    @Test func dhlKeysAreAlreadyNormalised() {
        for key in DHLStatusTable.codes.keys {
            #expect(DHLTrackAPI.descriptionCode(key) == key, "\(key)")
        }
    }

    /// UPS codes are three digits; a shorter key would never match the padded code.
    @Test func upsKeysAreThreeDigits() {
        for key in UPSStatusTable.codes.keys {
            #expect(key.count == 3 && key.allSatisfy(\.isASCII) && Int(key) != nil, "\(key)")
        }
    }
}
