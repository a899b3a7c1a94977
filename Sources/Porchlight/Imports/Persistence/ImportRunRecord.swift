import Fluent
import Foundation

final class ImportRunRecord: Model, @unchecked Sendable {
    static let schema = "import_runs"

    // managed
    @ID(key: .id) var id: UUID?
    @Field(key: "started_at") var startedAt: Date
    @OptionalField(key: "finished_at") var finishedAt: Date?

    // data
    @Field(key: "file_name") var fileName: String
    /// An `ImportRunStatus`.
    @Field(key: "status") var status: String
    @OptionalField(key: "bytes_total") var bytesTotal: Int64?
    @Field(key: "bytes_done") var bytesDone: Int64
    @Field(key: "rows_done") var rowsDone: Int
    @Field(key: "orders_created") var ordersCreated: Int
    @Field(key: "orders_existing") var ordersExisting: Int
    @Field(key: "parcels_added") var parcelsAdded: Int
    @Field(key: "error_count") var errorCount: Int
    /// JSON: the first 500 row errors, `[{"line": 12, "message": "…"}]`.
    @Field(key: "errors") var errors: String
    /// JSON: a list of sentences.
    @Field(key: "warnings") var warnings: String

    // relationships
    @Field(key: "store_id") var storeID: UUID

    init() {}

    convenience init(_ run: ImportRun) {
        self.init()
        id = run.id
        storeID = run.storeID
        apply(run)
    }

    func apply(_ run: ImportRun) {
        startedAt = run.startedAt
        finishedAt = run.finishedAt
        fileName = run.fileName
        status = run.status.rawValue
        bytesTotal = run.bytesTotal
        bytesDone = run.counts.bytesDone
        rowsDone = run.counts.rowsDone
        ordersCreated = run.counts.ordersCreated
        ordersExisting = run.counts.ordersExisting
        parcelsAdded = run.counts.parcelsAdded
        errorCount = run.counts.errorCount
        errors = Self.encode(run.errors)
        warnings = Self.encode(run.warnings)
    }

    var domain: ImportRun {
        ImportRun(id: id ?? Self.noID, storeID: storeID, fileName: fileName, startedAt: startedAt,
                  finishedAt: finishedAt, status: ImportRunStatus(rawValue: status) ?? .failed, bytesTotal: bytesTotal,
                  counts: ImportCounts(bytesDone: bytesDone, rowsDone: rowsDone, ordersCreated: ordersCreated,
                                       ordersExisting: ordersExisting, parcelsAdded: parcelsAdded, errorCount: errorCount),
                  errors: Self.decode(errors) ?? [], warnings: Self.decode(warnings) ?? [])
    }

    /// Only a record never saved lacks an id; stored runs always have one.
    private static let noID = UUID(uuid: (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0))

    private static func encode(_ value: some Encodable) -> String {
        (try? JSONCoding.encoder.encode(value)).map { String(decoding: $0, as: UTF8.self) } ?? "[]"
    }

    private static func decode<T: Decodable>(_ text: String) -> T? {
        try? JSONCoding.decoder.decode(T.self, from: Data(text.utf8))
    }
}
