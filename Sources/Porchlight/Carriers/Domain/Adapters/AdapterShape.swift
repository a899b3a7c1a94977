import Foundation

/// What the four direct carrier adapters shape the same way.
enum AdapterShape {
    /// Reports list scans oldest first, so `scans.last` is the carrier's latest word. Carriers list
    /// newest first, so events sharing a timestamp keep the carrier's own order once reversed.
    static func oldestFirst(_ scans: [CarrierScan]) -> [CarrierScan] {
        scans.reversed().enumerated()
            .sorted { ($0.element.occurredAt, $0.offset) < ($1.element.occurredAt, $1.offset) }
            .map(\.element)
    }

    /// Texts that are present and not just whitespace, joined; nil when none are.
    static func joined(_ parts: [String?], separator: String) -> String? {
        let present = parts.compactMap { $0?.trimmingCharacters(in: .whitespacesAndNewlines) }.filter { !$0.isEmpty }
        return present.isEmpty ? nil : present.joined(separator: separator)
    }

    /// Carriers phrase "we know nothing of this number" many ways; these are the ones seen in their
    /// error bodies ("Tracking Information Not Found", "No shipment with given tracking number found",
    /// "Tracking is not available for this item").
    static func soundsLikeNotFound(_ message: String) -> Bool {
        let lowered = message.lowercased()
        return ["not found", "no result found", "not available for this item", "cannot be found", "could not locate"]
            .contains { lowered.contains($0) }
    }
}
