import Foundation
import Testing
@testable import Porchlight

/// The published test numbers of one format, read straight from the vendored JSON.
private struct FormatTestNumbers: Sendable {
    var carrier: String
    var service: String
    var valid: [String]
    var invalid: [String]

    private struct File: Decodable {
        struct Entry: Decodable {
            struct Numbers: Decodable { var valid: [String]?; var invalid: [String]? }
            var name: String
            var testNumbers: Numbers?
        }
        var courierCode: String
        var trackingNumbers: [Entry]
    }

    static let folder = ResourcePaths.root.appendingPathComponent("TrackingNumbers")

    static func all() throws -> [FormatTestNumbers] {
        let couriers = folder.appendingPathComponent("couriers")
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        return try FileManager.default.contentsOfDirectory(at: couriers, includingPropertiesForKeys: nil)
            .filter { $0.pathExtension == "json" }
            .flatMap { url -> [FormatTestNumbers] in
                let file = try decoder.decode(File.self, from: Data(contentsOf: url))
                return file.trackingNumbers.map {
                    FormatTestNumbers(carrier: file.courierCode, service: $0.name,
                            valid: $0.testNumbers?.valid ?? [], invalid: $0.testNumbers?.invalid ?? [])
                }
            }
    }
}

@Suite struct CarrierDetectionTests {
    let detector: CarrierDetector
    fileprivate let fixtures: [FormatTestNumbers]

    init() throws {
        detector = try CarrierDetector.load(from: FormatTestNumbers.folder)
        fixtures = try FormatTestNumbers.all()
    }

    @Test func loadsEveryFormatInTheData() {
        #expect(detector.formats.count == 39)
        #expect(fixtures.count == 39)
        #expect(Set(detector.formats.map(\.carrier)).count == 18)
    }

    @Test func everyValidTestNumberIsDetectedForItsCourierAndFormat() {
        var checked = 0
        for fixture in fixtures {
            for number in fixture.valid {
                let found = detector.detect(number)
                #expect(found.contains { $0.carrier == fixture.carrier },
                        "\(fixture.carrier) / \(fixture.service): \(number) -> \(found)")
                #expect(found.contains { $0.carrier == fixture.carrier && $0.service == fixture.service },
                        "\(fixture.service): \(number) -> \(found)")
                checked += 1
            }
        }
        #expect(checked > 150)
    }

    @Test func noInvalidTestNumberIsDetectedForItsFormat() {
        for fixture in fixtures {
            // A number listed as valid elsewhere for the same courier (Purolator lists 331426749957
            // as invalid alpha+9 but valid (12)) may still name that courier, just not this format.
            let validForCourier = Set(fixtures.filter { $0.carrier == fixture.carrier }.flatMap(\.valid))
            for number in fixture.invalid {
                let found = detector.detect(number)
                #expect(!found.contains { $0.carrier == fixture.carrier && $0.service == fixture.service },
                        "\(fixture.service): \(number) -> \(found)")
                if !validForCourier.contains(number) {
                    #expect(!found.contains { $0.carrier == fixture.carrier }, "\(fixture.carrier): \(number) -> \(found)")
                }
            }
        }
    }

    @Test func normalisesSpacesDashesAndCase() {
        #expect(CarrierDetector.normalize("  1z 879-e93 0346834440\n") == "1Z879E930346834440")
        #expect(detector.detect("1z879e9303-4683-4440").map(\.carrier) == ["ups"])
        #expect(detector.detect("").isEmpty)
        #expect(detector.detect("hello world").isEmpty)
        // LaserShip 1LS7 (18) has a literal dash in its pattern; it still matches without it.
        #expect(detector.detect("1LS7119013618127-1").contains { $0.service == "LaserShip 1LS7 (18)" })
        #expect(!detector.detect("1LS7119013618127-2").contains { $0.carrier == "lasership" })
    }

    @Test func candidateDescribesCarrierServiceAndCheckDigit() {
        #expect(detector.detect("RB123456785GB") == [
            CarrierCandidate(carrier: "s10", carrierName: "S10 International Standard", service: "S10", checkDigitValid: true),
        ])
        #expect(detector.detect("TBA000000000000") == [
            CarrierCandidate(carrier: "amazon", carrierName: "Amazon", service: "Amazon Logistics", checkDigitValid: false),
        ])
    }

    @Test func rankingPrefersTheStoresCarriersThenCheckDigits() {
        // Valid FedEx Express (12) and Purolator (12): data order without a preference.
        #expect(detector.detect("287809468872").map(\.carrier) == ["fedex", "purolator"])
        #expect(detector.detect("287809468872", preferring: ["purolator"]).map(\.carrier) == ["purolator", "fedex"])
        #expect(detector.detect("287809468872", preferring: ["fedex", "purolator"]).map(\.carrier) == ["fedex", "purolator"])
        #expect(detector.detect("287809468872", preferring: ["nobody"]).map(\.carrier) == ["fedex", "purolator"])
        // Pattern-only matches: DHL Express (Piece ID) and Purolator (alpha + 9).
        #expect(detector.detect("JFV247545960").map(\.carrier) == ["dhl", "purolator"])
        #expect(detector.detect("JFV247545960", preferring: ["purolator"]).map(\.carrier) == ["purolator", "dhl"])
        // UPS Waybill's check digit outranks Amazon International's bare pattern...
        let waybill = detector.detect("A1234567895")
        #expect(waybill.map(\.service) == ["UPS Waybill", "Amazon International"])
        #expect(waybill.map(\.checkDigitValid) == [true, false])
        // ...unless the store ships with Amazon.
        #expect(detector.detect("A1234567895", preferring: ["amazon"]).map(\.carrier) == ["amazon", "ups"])
        #expect(detector.detect("A1234567894").map(\.carrier) == ["amazon"])
    }
}

@Suite struct CheckDigitTests {
    @Test func mod10() {
        let ups = CheckDigit.mod10(evensMultiplier: 1, oddsMultiplier: 2, reverse: false)
        // 5 R(=(82-3)%10=9) 8 9 3 9 0 3 5 7 5 6 7 1 2: 35 + 2*44 = 123 -> 7
        #expect(ups.expected(for: "5R8939035756712") == "7")
        #expect(ups.isValid(serial: "5R8939035756712", checkDigit: "7"))
        #expect(!ups.isValid(serial: "5R8939035756712", checkDigit: "8"))
        let usps = CheckDigit.mod10(evensMultiplier: 3, oddsMultiplier: 1, reverse: false)
        // 3 * 52 + 37 = 193 -> 7
        #expect(usps.expected(for: "7112345678912345678") == "7")
        // reverse weighs from the right: "12" -> 2*3 + 1 = 7 -> 3; forwards 1*3 + 2 = 5 -> 5
        #expect(CheckDigit.mod10(evensMultiplier: 3, oddsMultiplier: 1, reverse: true).expected(for: "12") == "3")
        #expect(usps.expected(for: "12") == "5")
        #expect(usps.expected(for: "0") == "0")
        #expect(usps.expected(for: "1?") == nil)
    }

    @Test func mod7() {
        // 331881002 = 7 * 47411571 + 5
        #expect(CheckDigit.mod7.expected(for: "331881002") == "5")
        #expect(CheckDigit.mod7.expected(for: "7") == "0")
        #expect(CheckDigit.mod7.expected(for: "99999999999999999999999") != nil) // no overflow
    }

    @Test func luhn() {
        #expect(CheckDigit.luhn.expected(for: "7992739871") == "3")
        #expect(CheckDigit.luhn.isValid(serial: "0720956276", checkDigit: "3"))
        #expect(CheckDigit.luhn.expected(for: "0") == "0")
    }

    @Test func s10() {
        let s10 = CheckDigit.s10(weightings: [8, 6, 4, 2, 3, 5, 9, 7])
        // 8+12+12+8+15+30+63+56 = 204; 204 % 11 = 6 -> 5
        #expect(s10.expected(for: "12345678") == "5")
        #expect(s10.expected(for: "00000000") == "5") // remainder 0 -> 5
        #expect(s10.expected(for: "02000000") == "0") // 12 % 11 = 1 -> 0
        #expect(s10.expected(for: "1234567") == nil)
    }

    @Test func mod37_36() {
        let dpd = CheckDigit.mod37_36(alphabet: CheckDigit.defaultAlphabet)
        // "0": (36+0)%36=0 -> 36; 72%37=35; (37-35)%36 = 2
        #expect(dpd.expected(for: "0") == "2")
        // "A": (36+10)%36=10; 20; 37-20 = 17 -> "H"
        #expect(dpd.expected(for: "A") == "H")
        #expect(dpd.expected(for: "09980000020034") == "D")
        #expect(dpd.expected(for: "09980000020033") == "F")
        #expect(dpd.expected(for: "a") == nil)
    }

    @Test func weightedSum() {
        let fedex = CheckDigit.weightedSum(weightings: [3, 1, 7, 3, 1, 7, 3, 1, 7, 3, 1], modulo1: 11, modulo2: 10)
        // 27+8+42+15+7+56+21+8+56+24+5 = 269; 269 % 11 = 5; 5 % 10 = 5
        #expect(fedex.expected(for: "98657878885") == "5")
        #expect(!fedex.isValid(serial: "99657878885", checkDigit: "5"))
        // 11 % 11 = 0: a remainder of 10 would give 0 via modulo2
        #expect(CheckDigit.weightedSum(weightings: [10], modulo1: 11, modulo2: 10).expected(for: "1") == "0")
    }
}

@Suite struct CarrierNamesTests {
    @Test(arguments: [
        ("UPS", "ups"), ("ups", "ups"), ("UPS Ground", "ups"), ("United Parcel Service", "ups"),
        ("UPS® Next Day Air", "ups"), ("USPS", "usps"), ("usps", "usps"), ("United States Postal Service", "usps"),
        ("U.S. Postal Service", "usps"), ("USPS First-Class Mail", "usps"), ("US Mail", "usps"),
        ("FedEx", "fedex"), ("FedEx Home Delivery", "fedex"), ("Fed Ex Ground", "fedex"), ("FEDEX_GROUND", "fedex"),
        ("Federal Express", "fedex"), ("FedExGround", "fedex"), ("DHL", "dhl"), ("DHL eCommerce", "dhl"),
        ("DHL Express", "dhl"), ("Royal Mail", "s10"), ("royal-mail tracked 48", "s10"), ("La Poste", "s10"),
        ("Canada Post", "canada_post"), ("canada_post", "canada_post"), ("Postes Canada", "canada_post"),
        ("Amazon Logistics", "amazon"), ("AMZL", "amazon"), ("OnTrac", "ontrac"), ("LaserShip", "lasership"),
        ("Purolator", "purolator"), ("Canpar Express", "canpar"), ("DPD UK", "dpd"), ("Yodel", "yodel"),
        ("Yun Express", "yunexpress"), ("Spee-Dee Delivery", "speedee"), ("Old Dominion Freight Line", "old_dominion"),
        ("Landmark Global", "landmark"), ("GOFO Express", "gofo"),
    ])
    func mapsStoreNames(name: String, code: String) {
        #expect(CarrierNames.code(for: name) == code)
    }

    @Test(arguments: ["", "  ", "Bob's Courier", "Upstate Freight", "Postal", "US", "Ground"])
    func unknownNamesGiveNil(name: String) {
        #expect(CarrierNames.code(for: name) == nil)
    }

    @Test func everyCodeIsACourierInTheData() throws {
        let detector = try CarrierDetector.load(from: ResourcePaths.root.appendingPathComponent("TrackingNumbers"))
        #expect(Set(CarrierNames.aliases.keys) == Set(detector.formats.map(\.carrier)))
    }
}

@Suite("Carrier detection through the API")
struct CarrierDetectionAPITests {
    @Test("a UPS number is detected with its candidates; an unknown one is a clear 404; a missing one a 422")
    func detectEndpoint() async throws {
        try await TestHarness.run(.sqlite) { t in
            let store = try await t.createStore()
            let found = try await t.send(.GET, "/api/v1/carriers/detect?tracking_number=1Z%20999%20AA1%200123456784",
                                         key: store.key).jsonObject()
            #expect(found["carrier"] as? String == "ups")
            #expect((found["candidates"] as? [[String: Any]])?.first?["check_digit_valid"] as? Bool == true)
            let unknown = try await t.send(.GET, "/api/v1/carriers/detect?tracking_number=hello", key: store.key)
            #expect(unknown.status == .notFound && unknown.errorCode == "carrier_not_detected")
            #expect(try await t.send(.GET, "/api/v1/carriers/detect", key: store.key).status == .unprocessableEntity)
            #expect(try await t.send(.GET, "/api/v1/carriers/detect?tracking_number=1Z999AA10123456784").status == .unauthorized)
        }
    }
}
