import Vapor

/// `/logos/{slug}-{revision}.{ext}`: a store's uploaded logo, for its pages and emails.
enum LogoController {
    @Sendable static func show(req: Request) async throws -> Response {
        let file = req.parameters.get("file") ?? ""
        guard let dash = file.lastIndex(of: "-") else { throw Abort(.notFound) }
        let slug = String(file[..<dash])
        guard StoreRules.validateSlug(slug) == nil,
              let logo = try await StoreLogos(database: req.db, world: req.application.world, site: req.application.siteURL)
                .logo(slug: slug) else { throw Abort(.notFound) }
        let response = Response(status: .ok, body: .init(data: logo.bytes))
        response.headers.replaceOrAdd(name: .contentType, value: logo.contentType)
        response.headers.replaceOrAdd(name: .cacheControl, value: "public, max-age=31536000, immutable")
        // Opened on its own, an SVG is a document: it may draw, never run anything.
        response.headers.replaceOrAdd(name: "Content-Security-Policy",
                                      value: "default-src 'none'; style-src 'unsafe-inline'; sandbox")
        return response
    }
}
