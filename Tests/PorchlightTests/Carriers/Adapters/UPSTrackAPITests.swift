import Foundation
import Testing
@testable import Porchlight

@Suite struct UPSTrackAPITests {
    let number = "1Z999AA10123456784"

    func report(_ fixture: String) throws -> CarrierReport {
        try UPSTrackAPI.parse(Fixture.data("carriers/ups/\(fixture)"), trackingNumber: number)
    }

    func mapping(_ scan: CarrierScan?) -> StatusMapping? {
        AdapterTestKit.mapping(scan, UPSStatusTable.self)
    }

    @Test func asksForATokenWithBasicAuthAndAFormBody() throws {
        let request = UPSTrackAPI.tokenRequest(clientID: "client", clientSecret: "s3cr+t/=")
        #expect(request.method == "POST")
        #expect(request.path == "/security/v1/oauth/token")
        #expect(request.header("authorization") == "Basic " + Data("client:s3cr+t/=".utf8).base64EncodedString())
        #expect(request.header("Content-Type") == "application/x-www-form-urlencoded")
        #expect(request.body == Data("grant_type=client_credentials".utf8))
        #expect(UPSTrackAPI.defaultBaseURL == "https://onlinetools.ups.com")
    }

    @Test func tracksWithABearerTokenAndTheTransactionHeaders() {
        let request = UPSTrackAPI.trackRequest(trackingNumber: number, accessToken: "tok")
        #expect(request.method == "GET")
        #expect(request.path == "/api/track/v1/details/1Z999AA10123456784")
        #expect(request.query == [URLQueryItem(name: "locale", value: "en_US")])
        #expect(request.header("Authorization") == "Bearer tok")
        #expect(request.header("transId") == number)
        #expect(request.header("transactionSrc") == "porchlight")
        #expect(request.body == nil)
        let long = String(repeating: "a", count: 40)
        let chosen = UPSTrackAPI.trackRequest(trackingNumber: number, accessToken: "tok", transactionID: long)
        #expect(chosen.header("transId") == String(repeating: "a", count: 32))
    }

    @Test func aPastedNumberStaysOnePathSegment() {
        let request = UPSTrackAPI.trackRequest(trackingNumber: "1Z 999/../AA?x", accessToken: "tok")
        #expect(request.path == "/api/track/v1/details/1Z%20999%2F..%2FAA%3Fx")
    }

    @Test func readsTheTokenWhoseLifetimeIsAString() throws {
        let token = try OAuthToken.parse(Fixture.data("carriers/ups/token.json"))
        #expect(token.accessToken.hasSuffix("ups-test-token"))
        #expect(token.expiresIn == 14399)
    }

    @Test func inTransitHistoryIsOldestFirstWithUTCInstants() throws {
        let report = try report("track-in-transit.json")
        #expect(report.carrier == "ups")
        #expect(report.trackingNumber == number)
        #expect(report.scans.map(\.code) == ["003", "005", "005", "005"])
        #expect(report.scans.map(\.category) == ["M", "I", "I", "I"])
        #expect(report.scans.map(\.text) == [
            "Shipper created a label, UPS has not received the package yet.", "Origin Scan",
            "Departed from Facility", "Arrived at Facility",
        ])
        // gmtTime "94700" is 09:47:00 GMT with the leading zero dropped.
        #expect(report.scans.last?.occurredAt == AdapterTestKit.instant("2024-04-24T09:47:00Z"))
        #expect(report.scans[2].occurredAt == AdapterTestKit.instant("2024-04-23T21:30:00-07:00"))
        // No GMT fields: the local time at gmtOffset.
        #expect(report.scans[0].occurredAt == AdapterTestKit.instant("2024-04-22T16:04:02-07:00"))
        #expect(report.scans.last?.location == "Louisville, KY, US")
        #expect(report.scans[0].location == "US")
        #expect(mapping(report.scans.last) == StatusMapping(.inTransit, "InTransit_001"))
        #expect(mapping(report.scans.first) == StatusMapping(.infoReceived, "InfoReceived_001"))
        #expect(report.estimatedDelivery == DeliveryWindow(earliest: "2024-04-26", latest: "2024-04-26"))
        #expect(report.service == "UPS Ground")
    }

    @Test func deliveredPackageEndsOnTheDeliveryScan() throws {
        let report = try report("track-delivered.json")
        #expect(report.scans.count == 3)
        let delivered = try #require(report.scans.last)
        #expect(delivered.code == "011")
        #expect(delivered.category == "D")
        #expect(delivered.text == "DELIVERED")
        #expect(delivered.occurredAt == AdapterTestKit.instant("2024-04-26T14:32:12-04:00"))
        #expect(delivered.location == "CHARLOTTE, NC, US")
        #expect(mapping(delivered) == StatusMapping(.delivered, "Delivered_001"))
        #expect(report.scans.map { mapping($0)?.status } == [.outForDelivery, .outForDelivery, .delivered])
        // DEL is when it arrived, not a promise.
        #expect(report.estimatedDelivery == nil)
        #expect(report.service == "UPS Next Day Air")
    }

    @Test func failedAttemptsThenAReturnToSender() throws {
        let report = try report("track-returned.json")
        #expect(report.scans.map(\.code) == ["022", "024", "035"])
        #expect(report.scans.map { mapping($0) } == [
            StatusMapping(.attemptFail, "AttemptFail_001"), StatusMapping(.attemptFail, "AttemptFail_001"),
            StatusMapping(.exception, "Exception_005"),
        ])
        #expect(report.scans[0].text.hasPrefix("The receiver was not available for delivery."))
        // The rescheduled date wins over the original one.
        #expect(report.estimatedDelivery == DeliveryWindow(earliest: "2024-04-29", latest: "2024-04-29"))
    }

    @Test func anUnknownNumberIsNotFound() throws {
        let warning = #expect(throws: CarrierParseError.self) { try report("track-not-found.json") }
        #expect(AdapterTestKit.isNotFound(warning))
        let errorBody = Data(#"""
        {"response": {"errors": [{"code": "TW0001", "message": "Tracking Information Not Found"}]}}
        """#.utf8)
        let error = #expect(throws: CarrierParseError.self) { try UPSTrackAPI.parse(errorBody, trackingNumber: number) }
        #expect(AdapterTestKit.isNotFound(error))
    }

    @Test func otherErrorsAndBrokenBodiesAreMalformed() throws {
        let auth = Data(#"{"response": {"errors": [{"code": "250003", "message": "Invalid Access License number"}]}}"#.utf8)
        let refused = #expect(throws: CarrierParseError.self) { try UPSTrackAPI.parse(auth, trackingNumber: number) }
        #expect(refused == .malformed("UPS error 250003: Invalid Access License number"))
        let truncated = #expect(throws: CarrierParseError.self) { try report("track-malformed.json") }
        #expect(AdapterTestKit.isMalformed(truncated))
    }

    @Test func scansWithoutAUsableTimeAreDroppedNotFatal() throws {
        let body = Data(#"""
        {"trackResponse": {"shipment": [{"package": [{"trackingNumber": "1Z999AA10123456784", "activity": [
          {"status": {"type": "I", "statusCode": "5", "description": "On the way"}, "date": "20240424", "time": "25:00:00"},
          {"status": {"type": "I", "statusCode": "5", "description": "On the way"}, "date": "20240424", "time": "120000"}
        ]}]}]}}
        """#.utf8)
        let report = try UPSTrackAPI.parse(body, trackingNumber: number)
        #expect(report.scans.map(\.code) == ["005"])
        #expect(report.scans[0].occurredAt == AdapterTestKit.instant("2024-04-24T12:00:00Z"))
    }

    @Test func neverTrapsOnHostileOrTruncatedBodies() throws {
        let parse = { (data: Data) in try UPSTrackAPI.parse(data, trackingNumber: number) }
        for body in AdapterTestKit.hostileBodies { AdapterTestKit.expectOnlyParseErrors(Data(body.utf8), parse) }
        for body in try AdapterTestKit.truncations(of: Fixture.data("carriers/ups/track-delivered.json")) {
            AdapterTestKit.expectOnlyParseErrors(body, parse)
        }
    }
}
