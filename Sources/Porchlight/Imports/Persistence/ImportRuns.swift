import Fluent
import Foundation

/// The import history of one store. Every query here is scoped to `storeID`.
struct ImportRuns: Sendable {
    let database: Database
    let storeID: UUID

    /// The newest runs first.
    func latest(limit: Int = 20) async throws -> [ImportRun] {
        try await ImportRunRecord.query(on: database).filter(\.$storeID == storeID)
            .sort(\.$startedAt, .descending).limit(max(0, limit)).all().map(\.domain)
    }

    /// The run, or nil when there is none with this id in this store.
    func find(_ id: UUID) async throws -> ImportRun? {
        try await record(id)?.domain
    }

    func insert(_ run: ImportRun) async throws {
        precondition(run.storeID == storeID, "an import run belongs to the store it is saved for")
        try await ImportRunRecord(run).create(on: database)
    }

    /// Writes the run's progress, counts, errors and status over the stored ones.
    func save(_ run: ImportRun) async throws {
        guard let record = try await record(run.id) else { return }
        record.apply(run)
        try await record.save(on: database)
    }

    private func record(_ id: UUID) async throws -> ImportRunRecord? {
        try await ImportRunRecord.query(on: database).filter(\.$storeID == storeID).filter(\.$id == id).first()
    }
}
