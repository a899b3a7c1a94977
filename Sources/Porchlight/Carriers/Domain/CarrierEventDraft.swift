import Foundation

extension CarrierScan {
    /// The event to record for this scan: mapped onto our vocabulary, with the carrier's words and code kept.
    func draft(_ mapped: MappedScan) -> NewShipmentEvent {
        let text = text.trimmingCharacters(in: .whitespacesAndNewlines)
        return NewShipmentEvent(status: mapped.mapping.status, substatus: mapped.mapping.substatus,
                                occurredAt: occurredAt, message: text.isEmpty ? nil : String(text.prefix(500)),
                                location: location.map { String($0.prefix(200)) }, carrierCode: String(code.prefix(100)))
    }
}
