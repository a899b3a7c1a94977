import Foundation
import Mustache

/// The parts every message is made of. Subjects and text bodies are not HTML, so they are not escaped.
enum TemplatePart: String, CaseIterable, Sendable {
    case subject, html, text

    var escapesHTML: Bool { self == .html }
}

struct RenderedMessage: Sendable, Equatable {
    var subject: String
    var html: String
    var text: String
}

/// Why a merchant's template was refused, with where, so they can fix it.
struct TemplateCompileError: Error, Sendable, Equatable {
    var part: TemplatePart
    var line: Int
    var column: Int
    var reason: String

    var message: String { "The \(part.rawValue) template does not compile: \(reason) at line \(line), column \(column)." }
}

/// The default message templates shipped in Resources/Messages, and rendering with a store's overrides.
struct MessageTemplates: Sendable {
    let library: MustacheLibrary
    /// The default templates' text by name, shown to merchants as the starting point for their own.
    let sources: [String: String]

    static func load(from folder: URL = ResourcePaths.root.appendingPathComponent("Messages")) throws -> MessageTemplates {
        var library = MustacheLibrary()
        var sources: [String: String] = [:]
        let files = FileManager.default.enumerator(atPath: folder.path)?.compactMap { $0 as? String } ?? []
        for file in files where file.hasSuffix(".mustache") {
            let name = String(file.dropLast(".mustache".count))
            let source = try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
            sources[name] = source
            let part = name.hasSuffix(".html") ? TemplatePart.html : .text
            do { library.register(try compile(source, part: part), named: name) } catch {
                throw TemplateLoadError(file: file, error: error)
            }
        }
        return MessageTemplates(library: library, sources: sources)
    }

    static func compile(_ source: String, part: TemplatePart) throws(TemplateCompileError) -> MustacheTemplate {
        // The pragma sits on the first line without a newline, so reported line numbers stay the author's.
        let prefixed = part.escapesHTML ? source : "{{% CONTENT_TYPE: TEXT}}" + source
        do { return try MustacheTemplate(string: prefixed) } catch let error as MustacheTemplate.ParserError {
            let offset = part.escapesHTML || error.context.lineNumber > 1 ? 0 : "{{% CONTENT_TYPE: TEXT}}".count
            throw TemplateCompileError(part: part, line: error.context.lineNumber,
                                       column: max(1, error.context.columnNumber - offset),
                                       reason: Self.describe(error.error))
        } catch {
            throw TemplateCompileError(part: part, line: 1, column: 1, reason: String(describing: error))
        }
    }

    static func name(_ type: MessageType, _ locale: String, _ part: TemplatePart) -> String {
        "\(LocaleChoice.language(locale))/\(type.rawValue).\(part.rawValue)"
    }

    func defaultTemplate(_ type: MessageType, locale: String) -> StoreTemplate {
        func source(_ part: TemplatePart) -> String { sources[Self.name(type, locale, part)] ?? "" }
        return StoreTemplate(subject: source(.subject), html: source(.html), text: source(.text))
    }

    /// Renders with the store's own versions of this message where it has them. An override that
    /// somehow no longer compiles falls back to the default rather than leaving the customer untold.
    func render(_ type: MessageType, locale: String, context: [String: Any],
                override: StoreTemplate? = nil) -> RenderedMessage {
        var library = self.library
        if let override {
            for part in TemplatePart.allCases {
                if let template = try? Self.compile(override.source(part), part: part) {
                    library.register(template, named: Self.name(type, locale, part))
                }
            }
        }
        func part(_ part: TemplatePart) -> String {
            library.render(context, withTemplate: Self.name(type, locale, part))
                ?? self.library.render(context, withTemplate: Self.name(type, "en", part)) ?? ""
        }
        let subject = part(.subject).split(whereSeparator: \.isNewline).joined(separator: " ")
            .trimmingCharacters(in: .whitespaces)
        return RenderedMessage(subject: subject, html: part(.html), text: part(.text))
    }

    private static func describe(_ error: Error) -> String {
        guard let error = error as? MustacheTemplate.Error else { return String(describing: error) }
        switch error {
        case .sectionCloseNameIncorrect: return "a section is closed with a different name than it was opened with"
        case .unfinishedName: return "a tag is not closed with }}"
        case .expectedSectionEnd: return "a section is opened but never closed"
        case .invalidSetDelimiter: return "the delimiter change is malformed"
        default: return String(describing: error)
        }
    }
}

/// A store's own subject, HTML and text for one message type and language.
struct StoreTemplate: Sendable, Equatable, Codable {
    var subject: String
    var html: String
    var text: String

    func source(_ part: TemplatePart) -> String {
        switch part {
        case .subject: subject
        case .html: html
        case .text: text
        }
    }

    /// The shared pieces a store's template may include. Anything else could be the template
    /// itself, and a template that includes itself would recurse until the process died.
    static let includable: Set<String> = ["layout.html", "button.html", "en/footer.html", "en/footer.text",
                                          "es/footer.html", "es/footer.text"]

    /// Every part must compile before it is saved, so sending never meets a broken template.
    func validate() throws(TemplateCompileError) {
        for part in TemplatePart.allCases {
            _ = try MessageTemplates.compile(source(part), part: part)
            for (number, line) in source(part).split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                for name in Self.includes(in: String(line)) where !Self.includable.contains(name) {
                    throw TemplateCompileError(part: part, line: number + 1, column: 1,
                                               reason: "only layout.html, button.html and the footers can be included, not '\(name)'")
                }
            }
        }
    }

    /// Names in `{{> name}}` and `{{< name}}` tags; a dynamic `{{>*name}}` is reported as "*name".
    static func includes(in line: String) -> [String] {
        line.components(separatedBy: "{{").dropFirst().compactMap { tag in
            let trimmed = tag.drop { $0 == " " }
            guard let first = trimmed.first, first == ">" || first == "<" else { return nil }
            return trimmed.dropFirst().prefix { $0 != "}" }.trimmingCharacters(in: .whitespaces)
        }
    }
}

struct TemplateLoadError: Error, CustomStringConvertible {
    var file: String
    var error: Error
    var description: String { "Message template \(file) does not compile: \(error)" }
}
