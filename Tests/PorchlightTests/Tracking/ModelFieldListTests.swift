import FluentKit
import Foundation
import Testing
@testable import Porchlight

/// Models that list their fields by hand (to spare Fluent its per-row reflection) must list every one:
/// a field left out would silently never be read or saved.
@Suite("Hand-listed model fields")
struct ModelFieldListTests {
    static let models: [any Fields.Type] = [ShipmentRecord.self, ShipmentEventRecord.self, OrderRecord.self, LineItemRecord.self]

    @Test("Each hand-written list holds exactly the fields reflection finds, each once", arguments: 0..<models.count)
    func listsAreComplete(_ index: Int) {
        let model = Self.models[index].init()
        let listed = model.properties.compactMap { ($0 as? any AnyDatabaseProperty)?.keys }.flatMap { $0 }
        let reflected = Mirror(reflecting: model).children.compactMap { ($0.value as? any AnyDatabaseProperty)?.keys }.flatMap { $0 }
        #expect(!reflected.isEmpty)
        #expect(listed.map(\.description).sorted() == reflected.map(\.description).sorted(), "\(type(of: model))")
        #expect(Set(listed.map(\.description)).count == listed.count, "\(type(of: model)) lists a field twice")
    }
}
