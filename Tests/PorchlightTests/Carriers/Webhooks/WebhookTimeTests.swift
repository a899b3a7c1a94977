import Foundation
import Testing
@testable import Porchlight

@Suite struct WebhookTimeTests {
    typealias Support = WebhookTestSupport

    @Test(arguments: [
        ("2024-08-02T19:26:52Z", 0.0),
        ("2024-08-02T19:26:52.000Z", 0.0),
        ("2024-08-02T19:26:52.5Z", 0.5),
        ("2024-08-02T19:26:52.123456789Z", 0.123456789),
        ("2024-08-02T15:26:52-04:00", 0.0),
        ("2024-08-03T00:56:52+0530", 0.0),
        ("2024-08-02T21:26:52+02", 0.0),
        ("2024-08-02T19:26:52", 0.0),
        ("2024-08-02 19:26:52z", 0.0),
        ("2024-08-02T19:26:52+00:00", 0.0),
    ])
    func instantsInEveryShapeProvidersSend(text: String, fraction: Double) throws {
        let parsed = try #require(WebhookTime.instant(text))
        let expected = Support.utc(2024, 8, 2, 19, 26, 52).timeIntervalSince1970 + fraction
        #expect(abs(parsed.timeIntervalSince1970 - expected) < 0.000_001)
    }

    @Test func minutePrecisionIsAccepted() {
        #expect(WebhookTime.instant("2024-08-02T19:26Z") == Support.utc(2024, 8, 2, 19, 26))
    }

    @Test(arguments: [
        "", "2024", "2024-08-02", "2024-08-02T", "2024-13-02T19:26:52Z", "2024-02-30T00:00:00Z",
        "2023-02-29T00:00:00Z", "2024-08-02T24:00:00Z", "2024-08-02T19:60:00Z", "2024-08-02T19:26:52.Z",
        "2024-08-02T19:26:52+25:00", "2024-08-02T19:26:52+05:3", "2024-08-02T19:26:52 UTC", "２０２４-08-02T19:26:52Z",
        "2024/08/02T19:26:52Z", "-024-08-02T19:26:52Z",
    ])
    func nonsenseIsRejected(text: String) {
        #expect(WebhookTime.instant(text) == nil)
    }

    @Test func leapDaysAndCenturiesAreRight() {
        #expect(WebhookTime.instant("2000-02-29T12:00:00Z") == Support.utc(2000, 2, 29, 12))
        #expect(WebhookTime.instant("1900-02-29T12:00:00Z") == nil)
        #expect(WebhookTime.instant("1969-12-31T23:59:59Z") == Date(timeIntervalSince1970: -1))
    }

    @Test func compactUPSTimes() {
        #expect(WebhookTime.compact(date: "20240423", time: "095004") == Support.utc(2024, 4, 23, 9, 50, 4))
        #expect(WebhookTime.compact(date: "20240423", time: "095004", offsetSeconds: -4 * 3600)
                == Support.utc(2024, 4, 23, 13, 50, 4))
        #expect(WebhookTime.compact(date: "2024042", time: "095004") == nil)
        #expect(WebhookTime.compact(date: "20240423", time: "955004") == nil)
        #expect(WebhookTime.offsetSeconds("-04:00") == -14_400)
        #expect(WebhookTime.offsetSeconds("+0530") == 19_800)
        #expect(WebhookTime.offsetSeconds("EST") == nil)
    }

    @Test func daysKeepTheCalendarDateAsWritten() {
        #expect(WebhookTime.day("2025-03-14") == "2025-03-14")
        #expect(WebhookTime.day("2025-03-14T00:00:00Z") == "2025-03-14")
        #expect(WebhookTime.day("2025-03-14T23:00:00-08:00") == "2025-03-14")
        #expect(WebhookTime.day("20250314") == "2025-03-14")
        #expect(WebhookTime.day("") == nil)
        #expect(WebhookTime.day("2025-3-14") == nil)
        #expect(WebhookTime.day("20251314") == nil)
        #expect(WebhookTime.day("2025-03-14garbage") == nil)
    }

    @Test func windowsAreOrderedWhateverTheProviderSent() {
        #expect(WebhookShape.window(earliest: "2025-06-14", latest: "2025-06-12")
                == DeliveryWindow(earliest: "2025-06-12", latest: "2025-06-14"))
        #expect(WebhookShape.window(earliest: nil, latest: "2025-06-12")
                == DeliveryWindow(earliest: "2025-06-12", latest: "2025-06-12"))
        #expect(WebhookShape.window(earliest: "soon", latest: nil) == nil)
    }

    @Test func locationsJoinWhateverPartsArePresent() {
        #expect(WebhookShape.location("Charlotte", "NC", "US") == "Charlotte, NC, US")
        #expect(WebhookShape.location(nil, " ", "US") == "US")
        #expect(WebhookShape.location(nil, nil, nil) == nil)
    }

    @Test func camelCaseCarrierNamesAreSplit() {
        #expect(WebhookShape.splitCamelCase("DHLExpress") == "DHL Express")
        #expect(WebhookShape.splitCamelCase("CanadaPost") == "Canada Post")
        #expect(WebhookShape.splitCamelCase("USPS") == "USPS")
        #expect(WebhookShape.carrierCode("OnTrac") == "ontrac")
        #expect(WebhookShape.carrierCode(nil) == "unknown")
    }
}
