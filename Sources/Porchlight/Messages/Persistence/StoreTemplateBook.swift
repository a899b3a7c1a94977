import Fluent
import Foundation

/// A store's own message templates, one per message type and language.
struct StoreTemplateBook: Sendable {
    let database: Database
    let world: World
    let storeID: UUID

    func find(_ type: MessageType, locale: String) async throws -> StoreTemplate? {
        try await record(type, language: LocaleChoice.language(locale)).map {
            StoreTemplate(subject: $0.subject, html: $0.html, text: $0.text)
        }
    }

    func overridden() async throws -> [(type: String, locale: String, updatedAt: Date)] {
        try await MessageTemplateRecord.query(on: database).filter(\.$storeID == storeID).all()
            .map { ($0.type, $0.locale, $0.updatedAt) }
    }

    /// Refuses a template that does not compile, so a saved template can always be sent.
    func save(_ template: StoreTemplate, type: MessageType, language: String) async throws {
        do { try template.validate() } catch {
            throw APIError(status: .unprocessableEntity, code: "template_invalid", message: error.message)
        }
        let row = try await record(type, language: language) ?? MessageTemplateRecord()
        if row.id == nil {
            row.id = world.uuid()
            row.storeID = storeID
            row.type = type.rawValue
            row.locale = language
        }
        row.subject = template.subject
        row.html = template.html
        row.text = template.text
        row.updatedAt = world.now()
        try await row.save(on: database)
    }

    func delete(_ type: MessageType, language: String) async throws -> Bool {
        guard let row = try await record(type, language: language) else { return false }
        try await row.delete(on: database)
        return true
    }

    private func record(_ type: MessageType, language: String) async throws -> MessageTemplateRecord? {
        try await MessageTemplateRecord.query(on: database).filter(\.$storeID == storeID)
            .filter(\.$type == type.rawValue).filter(\.$locale == language).first()
    }
}
