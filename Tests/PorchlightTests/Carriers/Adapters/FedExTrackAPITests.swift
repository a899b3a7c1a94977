import Foundation
import Testing
@testable import Porchlight

@Suite struct FedExTrackAPITests {
    let number = "794843185271"

    func report(_ fixture: String) throws -> CarrierReport {
        try FedExTrackAPI.parse(Fixture.data("carriers/fedex/\(fixture)"), trackingNumber: number)
    }

    func mapping(_ scan: CarrierScan?) -> StatusMapping? {
        AdapterTestKit.mapping(scan, FedExStatusTable.self)
    }

    @Test func asksForATokenWithTheCredentialsInAFormBody() {
        let request = FedExTrackAPI.tokenRequest(clientID: "l7xx client", clientSecret: "a+b/c=")
        #expect(request.method == "POST")
        #expect(request.path == "/oauth/token")
        #expect(request.header("Content-Type") == "application/x-www-form-urlencoded")
        #expect(request.header("Authorization") == nil)
        let body = String(decoding: request.body ?? Data(), as: UTF8.self)
        #expect(body == "grant_type=client_credentials&client_id=l7xx%20client&client_secret=a%2Bb%2Fc%3D")
        #expect(FedExTrackAPI.defaultBaseURL == "https://apis.fedex.com")
    }

    @Test func tracksWithAJSONBodyAskingForDetailedScans() throws {
        let request = FedExTrackAPI.trackRequest(trackingNumber: number, accessToken: "tok")
        #expect(request.method == "POST")
        #expect(request.path == "/track/v1/trackingnumbers")
        #expect(request.query.isEmpty)
        #expect(request.header("Authorization") == "Bearer tok")
        #expect(request.header("Content-Type") == "application/json")
        let body = try #require(request.body)
        #expect(String(decoding: body, as: UTF8.self)
            == #"{"includeDetailedScans":true,"trackingInfo":[{"trackingNumberInfo":{"trackingNumber":"794843185271"}}]}"#)
    }

    @Test func readsTheTokenWhoseLifetimeIsANumber() throws {
        let token = try OAuthToken.parse(Fixture.data("carriers/fedex/token.json"))
        #expect(token.accessToken.hasSuffix("fedex-test-token"))
        #expect(token.expiresIn == 3599)
    }

    @Test func inTransitHistoryKeepsEachScansOwnOffset() throws {
        let report = try report("track-in-transit.json")
        #expect(report.carrier == "fedex")
        #expect(report.scans.map(\.code) == ["OC", "PU", "DP", "AR"])
        #expect(report.scans.map(\.category) == ["IN", "PU", "IT", "IT"])
        #expect(report.scans.first?.occurredAt == AdapterTestKit.instant("2024-08-15T15:36:57Z"))
        #expect(report.scans.last?.occurredAt == AdapterTestKit.instant("2024-08-16T23:39:00Z"))
        #expect(report.scans.last?.text == "Arrived at FedEx location")
        #expect(report.scans.last?.location == "GROVE CITY, OH, US")
        #expect(report.scans.first?.location == "US")
        #expect(report.scans.map { mapping($0)?.status } == [.infoReceived, .inTransit, .inTransit, .inTransit])
        #expect(mapping(report.scans[2]) == StatusMapping(.inTransit, "InTransit_003"))
        #expect(report.estimatedDelivery == DeliveryWindow(earliest: "2024-08-19", latest: "2024-08-20"))
        #expect(report.service == "FedEx Ground")
    }

    @Test func aReusedNumberReportsTheShipmentWithTheNewestScan() throws {
        let report = try report("track-delivered.json")
        #expect(report.scans.count == 4)
        #expect(report.service == "FedEx Priority Overnight")
        let delivered = try #require(report.scans.last)
        #expect(delivered.code == "DL")
        #expect(delivered.text == "Delivered")
        #expect(delivered.occurredAt == AdapterTestKit.instant("2024-04-26T16:26:00Z"))
        #expect(delivered.location == "FRESNO, CA, US")
        #expect(mapping(delivered) == StatusMapping(.delivered, "Delivered_001"))
        // FedEx derives "IT" for an on-vehicle scan; the event type says out for delivery.
        #expect(report.scans[2].category == "IT")
        #expect(mapping(report.scans[2]) == StatusMapping(.outForDelivery, "OutForDelivery_001"))
        #expect(report.estimatedDelivery == nil)
    }

    @Test func aMissedDeliveryCarriesItsReasonInTheText() throws {
        let report = try report("track-attempted.json")
        let attempt = try #require(report.scans.last)
        #expect(attempt.code == "DE")
        #expect(attempt.text == "Delivery exception: Customer not available or business closed")
        #expect(mapping(attempt) == StatusMapping(.attemptFail, "AttemptFail_001"))
        #expect(report.estimatedDelivery == DeliveryWindow(earliest: "2024-04-26", latest: "2024-04-26"))
    }

    @Test func anUnknownNumberIsNotFound() {
        let inResult = #expect(throws: CarrierParseError.self) { try report("track-not-found.json") }
        #expect(AdapterTestKit.isNotFound(inResult))
        let topLevel = Data(#"""
        {"transactionId": "x",
         "errors": [{"code": "TRACKING.TRACKINGNUMBER.NOTFOUND", "message": "Tracking number cannot be found."}]}
        """#.utf8)
        let error = #expect(throws: CarrierParseError.self) { try FedExTrackAPI.parse(topLevel, trackingNumber: number) }
        #expect(AdapterTestKit.isNotFound(error))
    }

    @Test func otherErrorsAndBrokenBodiesAreMalformed() {
        let empty = Data(#"""
        {"errors": [{"code": "TRACKING.TRACKINGNUMBER.EMPTY", "message": "Please provide tracking number."}]}
        """#.utf8)
        let refused = #expect(throws: CarrierParseError.self) { try FedExTrackAPI.parse(empty, trackingNumber: number) }
        #expect(refused == .malformed("FedEx error TRACKING.TRACKINGNUMBER.EMPTY: Please provide tracking number."))
        let truncated = #expect(throws: CarrierParseError.self) { try report("track-malformed.json") }
        #expect(AdapterTestKit.isMalformed(truncated))
    }

    @Test func anUnknownEventTypeFallsBackToFedExsDerivedCode() throws {
        let body = Data(#"""
        {"output": {"completeTrackResults": [{"trackingNumber": "794843185271", "trackResults": [{"scanEvents": [
          {"date": "2024-04-25T11:26:00", "eventType": "ZZ", "eventDescription": "Something new", "derivedStatusCode": "DY"}
        ]}]}]}}
        """#.utf8)
        let scan = try #require(FedExTrackAPI.parse(body, trackingNumber: number).scans.first)
        #expect(scan.occurredAt == AdapterTestKit.instant("2024-04-25T11:26:00Z"))
        let mapped = CarrierStatusMap(table: FedExStatusTable.self).map(scan)
        #expect(mapped == MappedScan(mapping: StatusMapping(.inTransit, "InTransit_005"), isKnown: false))
    }

    @Test func neverTrapsOnHostileOrTruncatedBodies() throws {
        let parse = { (data: Data) in try FedExTrackAPI.parse(data, trackingNumber: number) }
        for body in AdapterTestKit.hostileBodies { AdapterTestKit.expectOnlyParseErrors(Data(body.utf8), parse) }
        for body in try AdapterTestKit.truncations(of: Fixture.data("carriers/fedex/track-delivered.json")) {
            AdapterTestKit.expectOnlyParseErrors(body, parse)
        }
    }
}
