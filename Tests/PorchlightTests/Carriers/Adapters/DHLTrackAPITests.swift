import Foundation
import Testing
@testable import Porchlight

@Suite struct DHLTrackAPITests {
    let parcel = "00340434161094042557"
    let express = "7777777770"

    func report(_ fixture: String, _ number: String) throws -> CarrierReport {
        try DHLTrackAPI.parse(Fixture.data("carriers/dhl/\(fixture)"), trackingNumber: number)
    }

    func mapped(_ scan: CarrierScan) -> MappedScan {
        CarrierStatusMap(table: DHLStatusTable.self).map(scan)
    }

    @Test func tracksWithTheAPIKeyHeaderAndTheNumberInTheQuery() {
        let request = DHLTrackAPI.trackRequest(trackingNumber: "JJD 0001/2", apiKey: "key")
        #expect(request.method == "GET")
        #expect(request.path == "/track/shipments")
        #expect(request.query == [
            URLQueryItem(name: "trackingNumber", value: "JJD 0001/2"), URLQueryItem(name: "language", value: "en"),
        ])
        #expect(request.header("DHL-API-Key") == "key")
        #expect(request.header("Authorization") == nil)
        #expect(request.body == nil)
        #expect(DHLTrackAPI.defaultBaseURL == "https://api-eu.dhl.com")
    }

    @Test func parcelHistoryIsKeyedByItsStatusTexts() throws {
        let report = try report("track-in-transit.json", parcel)
        #expect(report.carrier == "dhl")
        #expect(report.scans.count == 5)
        #expect(report.scans.first?.code
            == "the instruction data for this shipment have been provided by the sender to dhl electronically")
        #expect(report.scans.first?.category == "pre-transit")
        #expect(report.scans.first?.location == nil)
        let latest = try #require(report.scans.last)
        #expect(latest.code == "the shipment has been loaded onto the delivery vehicle")
        #expect(latest.text == "The shipment has been loaded onto the delivery vehicle")
        // No offset in the timestamp: read as UTC.
        #expect(latest.occurredAt == AdapterTestKit.instant("2024-05-14T06:41:00Z"))
        #expect(latest.location == "Bonn, DE")
        #expect(report.scans.map { mapped($0).mapping.status }
            == [.infoReceived, .inTransit, .inTransit, .inTransit, .outForDelivery])
        // A text the table lacks still lands by statusCode, and is counted as unknown.
        #expect(report.scans[2].code == "the shipment has been sorted for onward transport")
        #expect(mapped(report.scans[2]) == MappedScan(mapping: StatusMapping(.inTransit, "InTransit_001"), isKnown: false))
        #expect(report.estimatedDelivery == DeliveryWindow(earliest: "2024-05-14", latest: "2024-05-14"))
        #expect(report.service == "DHL PAKET")
    }

    @Test func expressDeliverySignedFor() throws {
        let report = try report("track-delivered.json", express)
        #expect(report.scans.map(\.code)
            == ["shipment picked up", "clearance processing complete", "with delivery courier", "delivered"])
        let delivered = try #require(report.scans.last)
        #expect(delivered.category == "delivered")
        #expect(delivered.text == "Delivered - Signed for by: J MORALES")
        #expect(delivered.occurredAt == AdapterTestKit.instant("2024-03-02T13:21:00Z"))
        #expect(delivered.location == "AMSTERDAM - NETHERLANDS")
        #expect(mapped(delivered) == MappedScan(mapping: StatusMapping(.delivered, "Delivered_001"), isKnown: true))
        #expect(mapped(report.scans[1]).mapping == StatusMapping(.inTransit, "InTransit_004"))
        #expect(report.scans.first?.occurredAt == AdapterTestKit.instant("2024-02-29T11:12:00Z"))
        #expect(report.service == "EXPRESS WORLDWIDE")
        #expect(report.estimatedDelivery == nil)
    }

    @Test func aFailedDeliveryGoingBackToTheSender() throws {
        let report = try report("track-returned.json", parcel)
        #expect(report.scans.map { mapped($0).mapping } == [
            StatusMapping(.attemptFail, "AttemptFail_001"), StatusMapping(.exception, "Exception_005"),
        ])
        #expect(report.scans[0].text.hasSuffix("A collection notice has been left."))
    }

    @Test func onlyACurrentStatusStillGivesOneScan() throws {
        let body = Data(#"""
        {"shipments": [{"id": "123", "status": {"timestamp": "2024-05-14T06:41:00Z", "statusCode": "failure"}}]}
        """#.utf8)
        let report = try DHLTrackAPI.parse(body, trackingNumber: "123")
        #expect(report.scans.map(\.code) == ["failure"])
        #expect(report.scans.first?.text == "failure")
    }

    @Test func anUnknownNumberIsNotFound() {
        let problem = #expect(throws: CarrierParseError.self) { try report("track-not-found.json", parcel) }
        #expect(AdapterTestKit.isNotFound(problem))
        let empty = #expect(throws: CarrierParseError.self) {
            try DHLTrackAPI.parse(Data(#"{"shipments": []}"#.utf8), trackingNumber: parcel)
        }
        #expect(AdapterTestKit.isNotFound(empty))
    }

    @Test func otherErrorsAndBrokenBodiesAreMalformed() {
        let limited = Data(#"{"title": "Too many requests", "status": 429, "detail": "Rate limit exceeded"}"#.utf8)
        let refused = #expect(throws: CarrierParseError.self) { try DHLTrackAPI.parse(limited, trackingNumber: parcel) }
        #expect(refused == .malformed("DHL error 429: Too many requests: Rate limit exceeded"))
        let truncated = #expect(throws: CarrierParseError.self) { try report("track-malformed.json", parcel) }
        #expect(AdapterTestKit.isMalformed(truncated))
    }

    @Test func descriptionCodesIgnoreCaseSpacingAndAFinalFullStop() {
        #expect(DHLTrackAPI.descriptionCode("  The shipment has been\n successfully DELIVERED. ")
            == "the shipment has been successfully delivered")
        #expect(DHLTrackAPI.descriptionCode(" . ") == nil)
    }

    @Test func neverTrapsOnHostileOrTruncatedBodies() throws {
        let parse = { (data: Data) in try DHLTrackAPI.parse(data, trackingNumber: parcel) }
        for body in AdapterTestKit.hostileBodies { AdapterTestKit.expectOnlyParseErrors(Data(body.utf8), parse) }
        for body in try AdapterTestKit.truncations(of: Fixture.data("carriers/dhl/track-delivered.json")) {
            AdapterTestKit.expectOnlyParseErrors(body, parse)
        }
    }
}
