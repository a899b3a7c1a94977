import Foundation

enum ImportRunStatus: String, Sendable, Codable, CaseIterable {
    case running, finished, failed
}

/// One import of one file, as the dashboard shows it: how far it got and what went wrong.
struct ImportRun: Sendable, Equatable, Codable {
    var id: UUID
    var storeID: UUID
    var fileName: String
    var startedAt: Date
    var finishedAt: Date?
    /// `finished` also when some rows were bad (see `errorCount`); `failed` when reading stopped early or
    /// the file could not be read at all.
    var status: ImportRunStatus
    var bytesTotal: Int64?
    var counts: ImportCounts
    /// The first `ImportRun.keptErrors` row errors; `counts.errorCount` counts them all.
    var errors: [ImportRowError]
    /// Things the merchant should know that did not stop any row, e.g. columns that were ignored.
    var warnings: [String]

    static let keptErrors = 500

    /// Exit status of `porchlight import`: 0 all rows imported, 1 some rows were not, 2 the file could not be read.
    var exitCode: Int32 {
        switch status {
        case .failed: return 2
        case .finished, .running: return counts.errorCount > 0 ? 1 : 0
        }
    }
}

/// Running totals of an import, reported as it goes.
struct ImportCounts: Sendable, Equatable, Codable {
    var bytesDone: Int64 = 0
    var rowsDone = 0
    var ordersCreated = 0
    /// Stretches of rows whose order was already there, from an earlier import, the API or earlier rows.
    var ordersExisting = 0
    var parcelsAdded = 0
    var errorCount = 0
}
