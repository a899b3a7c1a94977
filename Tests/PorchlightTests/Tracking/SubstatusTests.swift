import Foundation
import Testing
@testable import Porchlight

@Suite struct SubstatusTests {
    @Test func everyCatalogueCodeBelongsToItsStatus() {
        for info in Substatus.catalogue {
            let substatus = Substatus(info.code)
            #expect(substatus.belongs(to: info.status), "\(info.code)")
            #expect(substatus.status == info.status, "\(info.code)")
            let others = ShipmentStatus.allCases.filter { $0 != info.status }
            #expect(others.allSatisfy { !substatus.belongs(to: $0) }, "\(info.code)")
        }
    }

    @Test func codesAreUniqueAndWellFormed() {
        let codes = Substatus.catalogue.map(\.code)
        #expect(Set(codes).count == codes.count)
        for code in codes {
            let parts = code.split(separator: "_")
            #expect(parts.count == 2 && parts[1].count == 3 && parts[1].allSatisfy(\.isNumber), "\(code)")
        }
    }

    @Test(arguments: ShipmentStatus.allCases)
    func everyStatusHasAGenericCode(status: ShipmentStatus) {
        let generic = Substatus.generic(for: status)
        #expect(generic.code == "\(status.rawValue)_001")
        #expect(Substatus.known(generic.code)?.status == status)
    }

    @Test func everyEntryHasEnglishAndSpanishText() {
        for info in Substatus.catalogue {
            #expect(!info.english.isEmpty && !info.spanish.isEmpty, "\(info.code)")
            #expect(info.english != info.spanish, "\(info.code)")
            #expect(info.description(locale: "es-MX") == info.spanish)
            #expect(info.description(locale: "de") == info.english)
        }
    }

    @Test func knownLooksUpCatalogue() {
        #expect(Substatus.known("Exception_004")?.english == "Your parcel is held up in customs.")
        #expect(Substatus.known("AttemptFail_002")?.status == .attemptFail)
        #expect(Substatus.known("Exception_999") == nil)
        #expect(Substatus.known("exception_004") == nil)
    }

    @Test func prefixMatchDoesNotConfuseSimilarNames() {
        #expect(!Substatus("InTransit_002").belongs(to: .infoReceived))
        #expect(!Substatus("InfoReceived_001").belongs(to: .inTransit))
        #expect(Substatus("Exception_123").belongs(to: .exception))
        #expect(Substatus("Nonsense_001").status == nil)
    }

    @Test func onlyReturnCodesAreReturns() {
        let returns = Substatus.catalogue.map { Substatus($0.code) }.filter(\.isReturn).map(\.code)
        #expect(returns == ["Exception_005", "Exception_006"])
    }

    @Test func encodesAsBareString() throws {
        let data = try JSONEncoder().encode([Substatus("Delivered_002")])
        #expect(String(decoding: data, as: UTF8.self) == #"["Delivered_002"]"#)
        #expect(try JSONDecoder().decode([Substatus].self, from: data) == [Substatus("Delivered_002")])
    }
}
