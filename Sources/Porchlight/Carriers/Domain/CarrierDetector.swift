import Foundation

struct CarrierCandidate: Sendable, Equatable {
    /// The courier_code from tracking_number_data, e.g. "ups", "usps", "canada_post".
    var carrier: String
    var carrierName: String
    /// The matching tracking-number format's name, e.g. "UPS", "FedEx Ground 96 (22)".
    var service: String
    /// True when the format has a check digit and it validated; false when the format has none
    /// (a pattern-only match). A failed check digit never produces a candidate.
    var checkDigitValid: Bool
}

/// Guesses a parcel's carrier and service from its tracking number alone, using tracking_number_data.
struct CarrierDetector: Sendable {
    let formats: [TrackingNumberFormat]

    init(formats: [TrackingNumberFormat]) {
        self.formats = formats
    }

    /// Loads every `couriers/*.json` under `folder`, in file-name order.
    static func load(from folder: URL) throws -> CarrierDetector {
        let couriers = folder.appendingPathComponent("couriers")
        let files = try FileManager.default.contentsOfDirectory(at: couriers, includingPropertiesForKeys: nil)
            .filter { $0.pathExtension == "json" }
            .sorted { $0.lastPathComponent < $1.lastPathComponent }
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        var formats: [TrackingNumberFormat] = []
        for file in files {
            let courier = try decoder.decode(TrackingNumberFormat.CourierFile.self, from: Data(contentsOf: file))
            for entry in courier.trackingNumbers {
                formats.append(try TrackingNumberFormat(carrier: courier.courierCode, carrierName: courier.name, entry: entry))
            }
        }
        return CarrierDetector(formats: formats)
    }

    /// Trimmed, uppercased, with whitespace and dashes (ASCII and Unicode) removed.
    static func normalize(_ trackingNumber: String) -> String {
        // Nearly every number is plain ASCII letters and digits, and Foundation's character sets are slow.
        if trackingNumber.utf8.allSatisfy({ (48...57).contains($0) || (65...90).contains($0) || (97...122).contains($0) }) {
            return trackingNumber.uppercased()
        }
        return String(String.UnicodeScalarView(trackingNumber.uppercased().unicodeScalars.filter {
            !CharacterSet.whitespacesAndNewlines.contains($0) && !CharacterSet.dashes.contains($0)
        }))
    }

    /// Every format the whole number matches, whose check digit (if any) and required lookups hold.
    /// Order: carriers in `preferring` first; within that, check-digit-verified before pattern-only
    /// matches; then data order (courier file name, then the file's format order).
    func detect(_ trackingNumber: String, preferring: Set<String> = []) -> [CarrierCandidate] {
        let number = Self.normalize(trackingNumber)
        guard !number.isEmpty else { return [] }
        let matches = formats.enumerated().compactMap { index, format in
            Self.candidate(format, number).map { (index, $0) }
        }
        return matches.sorted { lhs, rhs in
            let lhsKey = (preferring.contains(lhs.1.carrier) ? 0 : 1, lhs.1.checkDigitValid ? 0 : 1, lhs.0)
            let rhsKey = (preferring.contains(rhs.1.carrier) ? 0 : 1, rhs.1.checkDigitValid ? 0 : 1, rhs.0)
            return lhsKey < rhsKey
        }.map(\.1)
    }

    private static func candidate(_ format: TrackingNumberFormat, _ number: String) -> CarrierCandidate? {
        guard let match = format.regex.firstMatch(in: number) else { return nil }
        func group(_ name: String) -> String? {
            let range = match.range(withName: name)
            guard range.location != NSNotFound, let swiftRange = Range(range, in: number) else { return nil }
            return number[swiftRange].filter { !$0.isWhitespace }
        }
        if let checkDigit = format.checkDigit {
            guard var serial = group("SerialNumber"), let check = group("CheckDigit") else { return nil }
            if let prefix = format.serialPrefix, prefix.regex.firstMatch(in: serial) != nil {
                serial = prefix.content + serial
            }
            guard checkDigit.isValid(serial: serial, checkDigit: check) else { return nil }
        }
        for lookup in format.requiredLookups {
            guard let value = group(lookup.group) else { return nil }
            let found = lookup.exact.contains(value) || lookup.patterns.contains { $0.firstMatch(in: value) != nil }
            guard found else { return nil }
        }
        return CarrierCandidate(carrier: format.carrier, carrierName: format.carrierName,
                                service: format.service, checkDigitValid: format.checkDigit != nil)
    }
}

private extension CharacterSet {
    static let dashes = CharacterSet(charactersIn: "-\u{2010}\u{2011}\u{2012}\u{2013}\u{2014}\u{2212}\u{FE63}\u{FF0D}")
}
