import Foundation
import Testing
@testable import Porchlight

/// Shared checks for the direct carrier adapter tests.
enum AdapterTestKit {
    static func instant(_ iso: String) -> Date {
        guard let date = WebhookTime.instant(iso) else { fatalError("bad test timestamp \(iso)") }
        return date
    }

    static func mapping(_ scan: CarrierScan?, _ table: any CarrierStatusTable.Type) -> StatusMapping? {
        scan.map { CarrierStatusMap(table: table).map($0).mapping }
    }

    static func isNotFound(_ error: CarrierParseError?) -> Bool {
        if case .notFound = error { return true }
        return false
    }

    static func isMalformed(_ error: CarrierParseError?) -> Bool {
        if case .malformed = error { return true }
        return false
    }

    /// Bodies no carrier sends but a proxy, an outage page or a changed API might.
    static let hostileBodies: [String] = [
        "", " ", "null", "[]", "42", "\"text\"", "{}", "<html><body>Bad Gateway</body></html>",
        #"{"trackResponse": 5}"#, #"{"trackResponse": {"shipment": "x"}}"#,
        #"{"trackResponse": {"shipment": [{"package": [{"activity": [{"status": 7, "date": []}]}]}]}}"#,
        #"{"output": {"completeTrackResults": [{"trackResults": [{"scanEvents": {"a": 1}}]}]}}"#,
        #"{"output": {"completeTrackResults": [{"trackResults": [{"scanEvents": [{"date": 5, "eventType": null}]}]}]}}"#,
        #"{"trackingEvents": [{"eventCode": 1, "GMTTimestamp": "9999-99-99T99:99:99Z"}]}"#,
        #"{"trackingEvents": [{"eventCode": "01", "eventTimestamp": "2024-02-30T10:00:00", "GMTOffset": "-99:00"}]}"#,
        #"{"shipments": [{"events": [{"timestamp": "2024-13-01T00:00:00", "statusCode": "transit"}]}]}"#,
        #"{"shipments": [], "status": "x"}"#, #"{"error": [1, 2]}"#, #"{"errors": [null, 3]}"#,
    ]

    /// Every parse either succeeds or throws a CarrierParseError; nothing else escapes and nothing traps.
    static func expectOnlyParseErrors(_ body: Data, _ parse: (Data) throws -> CarrierReport,
                                      sourceLocation: SourceLocation = #_sourceLocation) {
        do {
            _ = try parse(body)
        } catch is CarrierParseError {
        } catch {
            Issue.record("unexpected error \(error) for \(String(decoding: body.prefix(80), as: UTF8.self))",
                         sourceLocation: sourceLocation)
        }
    }

    /// Cuts a good fixture at many points, as a dropped connection would.
    static func truncations(of data: Data) -> [Data] {
        stride(from: 0, to: data.count, by: max(1, data.count / 60)).map { data.prefix($0) }
    }
}
