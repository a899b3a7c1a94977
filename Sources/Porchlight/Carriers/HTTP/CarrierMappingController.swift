import Vapor

/// `/api/v1/carriers/...`: the mapping tables, a store's overrides, and the raw codes no table knew.
enum CarrierMappingController {
    struct MappingJSON: Content {
        var code: String
        var status: ShipmentStatus
        var substatus: String?
        /// "built_in", "category" (a coarse class, used when the fine code is unknown) or "override".
        var origin: String
    }

    struct OverrideBody: Content {
        var status: ShipmentStatus
        var substatus: String?
    }

    @Sendable static func show(req: Request) async throws -> [MappingJSON] {
        let store = try req.currentStore
        let source = try source(req)
        guard let table = CarrierStatusTables.table(for: source),
              let map = try await codeBook(req, store).map(source: source) else { throw APIError.notFound("Carrier '\(source)'") }
        let rows = rows(map.overrides, "override") + rows(table.codes, "built_in") + rows(table.categories, "category")
        return rows.sorted { lhs, rhs in
            let left = (lhs.origin == "override" ? 0 : 1, lhs.code), right = (rhs.origin == "override" ? 0 : 1, rhs.code)
            return left < right
        }
    }

    @Sendable static func override(req: Request) async throws -> MappingJSON {
        let store = try req.currentStore
        let source = try source(req)
        guard CarrierStatusTables.table(for: source) != nil else { throw APIError.notFound("Carrier '\(source)'") }
        let code = req.parameters.get("code") ?? ""
        guard (1...100).contains(code.count) else { throw APIError.validation("code must be 1 to 100 characters.") }
        let body = try req.content.decode(OverrideBody.self)
        if let substatus = body.substatus, !Substatus(substatus).belongs(to: body.status) {
            throw APIError.validation("substatus '\(substatus)' does not belong to status \(body.status.rawValue).")
        }
        try await codeBook(req, store).setOverride(source: source, code: code, mapping: StatusMapping(body.status, body.substatus))
        return MappingJSON(code: code, status: body.status, substatus: body.substatus, origin: "override")
    }

    @Sendable static func removeOverride(req: Request) async throws -> HTTPStatus {
        let store = try req.currentStore
        guard try await codeBook(req, store).removeOverride(source: try source(req), code: req.parameters.get("code") ?? "") else {
            throw APIError.notFound("That override")
        }
        return .noContent
    }

    @Sendable static func unknownCodes(req: Request) async throws -> [CarrierCodeBook.UnknownCode] {
        try await codeBook(req, req.currentStore).unknownCodes()
    }

    private static func rows(_ mappings: [String: StatusMapping], _ origin: String) -> [MappingJSON] {
        mappings.map { code, mapping in
            MappingJSON(code: code, status: mapping.status, substatus: mapping.substatus, origin: origin)
        }
    }

    private static func source(_ req: Request) throws -> String {
        (req.parameters.get("carrier") ?? "").lowercased()
    }

    private static func codeBook(_ req: Request, _ store: StoreRecord) throws -> CarrierCodeBook {
        CarrierCodeBook(database: req.db, world: req.application.world, storeID: try store.requireID())
    }
}

extension CarrierCodeBook.UnknownCode: Content {}
