import Foundation
import Testing
@testable import Porchlight

@Suite struct USPSTrackAPITests {
    let number = "9400111899223197428490"

    func report(_ fixture: String) throws -> CarrierReport {
        try USPSTrackAPI.parse(Fixture.data("carriers/usps/\(fixture)"), trackingNumber: number)
    }

    func mapping(_ scan: CarrierScan?) -> StatusMapping? {
        AdapterTestKit.mapping(scan, USPSStatusTable.self)
    }

    @Test func asksForATokenWithAJSONBody() throws {
        let request = USPSTrackAPI.tokenRequest(clientID: "client", clientSecret: "se\"cret")
        #expect(request.method == "POST")
        #expect(request.path == "/oauth2/v3/token")
        #expect(request.header("Content-Type") == "application/json")
        let body = try #require(request.body)
        let fields = try JSONDecoder().decode([String: String].self, from: body)
        #expect(fields == ["grant_type": "client_credentials", "client_id": "client", "client_secret": "se\"cret"])
        #expect(USPSTrackAPI.defaultBaseURL == "https://apis.usps.com")
    }

    @Test func tracksTheDetailView() {
        let request = USPSTrackAPI.trackRequest(trackingNumber: number, accessToken: "tok")
        #expect(request.method == "GET")
        #expect(request.path == "/tracking/v3/tracking/9400111899223197428490")
        #expect(request.query == [URLQueryItem(name: "expand", value: "DETAIL")])
        #expect(request.header("Authorization") == "Bearer tok")
        #expect(request.body == nil)
    }

    @Test func readsTheTokenWhoseLifetimeIsAString() throws {
        let token = try OAuthToken.parse(Fixture.data("carriers/usps/token.json"))
        #expect(token.accessToken.hasSuffix("usps-test-token"))
        #expect(token.expiresIn == 28799)
    }

    @Test func inTransitHistoryUsesGMTAndFallsBackToTheLocalOffset() throws {
        let report = try report("track-in-transit.json")
        #expect(report.carrier == "usps")
        #expect(report.scans.map(\.code) == ["GX", "03", "T1", "TL", "A1"])
        #expect(report.scans.last?.occurredAt == AdapterTestKit.instant("2024-11-20T06:13:31Z"))
        // No GMTTimestamp, and the offset written "-5:00".
        #expect(report.scans[3].occurredAt == AdapterTestKit.instant("2024-11-19T18:07:00-05:00"))
        // Only the events matching the current status carry USPS's category.
        #expect(report.scans.map(\.category) == [nil, nil, nil, nil, "In Transit"])
        #expect(report.scans.last?.text == "Arrived at USPS Regional Facility")
        #expect(report.scans.last?.location == "JACKSONVILLE FL DISTRIBUTION CENTER")
        #expect(report.scans[1].location == "JAMAICA, NY")
        #expect(report.scans[3].location == nil)
        #expect(report.scans.map { mapping($0)?.status } == [.infoReceived, .inTransit, .inTransit, .inTransit, .inTransit])
        #expect(mapping(report.scans.last) == StatusMapping(.inTransit, "InTransit_002"))
        #expect(report.estimatedDelivery == DeliveryWindow(earliest: "2024-11-22", latest: "2024-11-22"))
        #expect(report.service == "USPS Ground Advantage")
    }

    @Test func deliveredToAnIndividual() throws {
        let report = try report("track-delivered.json")
        #expect(report.scans.count == 3)
        let delivered = try #require(report.scans.last)
        #expect(delivered.code == "01")
        #expect(delivered.category == "Delivered")
        #expect(delivered.text == "Delivered, Left with Individual")
        #expect(delivered.occurredAt == AdapterTestKit.instant("2024-11-22T13:58:40-05:00"))
        #expect(delivered.location == "HERNANDO, FL")
        #expect(mapping(delivered) == StatusMapping(.delivered, "Delivered_001"))
        #expect(mapping(report.scans[1]) == StatusMapping(.outForDelivery, "OutForDelivery_001"))
        #expect(report.estimatedDelivery == nil)
        #expect(report.service == "Priority Mail")
    }

    @Test func aNoticeLeftBecauseNobodyCouldSign() throws {
        let report = try report("track-attempted.json")
        let attempt = try #require(report.scans.last)
        #expect(attempt.code == "56")
        #expect(attempt.category == "Delivery Attempt")
        #expect(mapping(attempt) == StatusMapping(.attemptFail, "AttemptFail_002"))
    }

    @Test func anUnknownCodeFallsBackToTheCurrentCategory() throws {
        let body = Data(#"""
        {"status": "Held at Post Office, At Customer Request", "statusCategory": "Available for Pickup",
         "trackingEvents": [{"eventType": "Held at Post Office, At Customer Request", "eventCode": "RB",
                             "GMTTimestamp": "2024-11-22T15:00:00Z"}]}
        """#.utf8)
        let scan = try #require(USPSTrackAPI.parse(body, trackingNumber: number).scans.first)
        let mapped = CarrierStatusMap(table: USPSStatusTable.self).map(scan)
        #expect(mapped == MappedScan(mapping: StatusMapping(.availableForPickup, "AvailableForPickup_001"), isKnown: false))
    }

    @Test func anUnknownNumberIsNotFound() {
        let error = #expect(throws: CarrierParseError.self) { try report("track-not-found.json") }
        #expect(AdapterTestKit.isNotFound(error))
    }

    @Test func otherErrorsAndBrokenBodiesAreMalformed() {
        let auth = Data(#"""
        {"apiVersion": "/tracking/v3",
         "error": {"code": "401", "message": "The client application identifier is invalid.", "errors": []}}
        """#.utf8)
        let refused = #expect(throws: CarrierParseError.self) { try USPSTrackAPI.parse(auth, trackingNumber: number) }
        #expect(refused == .malformed("USPS error 401: The client application identifier is invalid."))
        let truncated = #expect(throws: CarrierParseError.self) { try report("track-malformed.json") }
        #expect(AdapterTestKit.isMalformed(truncated))
    }

    @Test func mailClassHTMLIsReducedToWords() {
        #expect(USPSTrackAPI.plainText("Priority Mail Express<SUP>&#8482;</SUP> 1-Day") == "Priority Mail Express 1-Day")
        #expect(USPSTrackAPI.plainText("<SUP>&#174;</SUP>") == nil)
    }

    @Test func neverTrapsOnHostileOrTruncatedBodies() throws {
        let parse = { (data: Data) in try USPSTrackAPI.parse(data, trackingNumber: number) }
        for body in AdapterTestKit.hostileBodies { AdapterTestKit.expectOnlyParseErrors(Data(body.utf8), parse) }
        for body in try AdapterTestKit.truncations(of: Fixture.data("carriers/usps/track-in-transit.json")) {
            AdapterTestKit.expectOnlyParseErrors(body, parse)
        }
    }
}
