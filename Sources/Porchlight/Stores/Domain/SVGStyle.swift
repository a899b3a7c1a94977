import Foundation

/// CSS inside an uploaded SVG, reduced to presentation attributes.
///
/// Design tools write colours as `style="fill:#e33"` (Inkscape) or `<style>.st0{fill:#e33}</style>`
/// (Illustrator). Dropping those would turn most logos black, and keeping them would need CSS
/// sanitising plus `style-src 'unsafe-inline'` wherever the logo is inlined. So simple declarations
/// become attributes and everything else in the CSS is ignored.
enum SVGStyle {
    struct Declaration: Sendable, Equatable {
        var name: String
        var value: String
    }

    /// `.st0, .st1 { … }`: the only selector shape applied. Others (`rect`, `#id`, `.a .b`,
    /// `@media`, `@import`) are ignored rather than guessed at.
    struct ClassRule: Sendable, Equatable {
        var classes: Set<String>
        var declarations: [Declaration]
    }

    /// Allowed declarations from a `style` attribute or rule body, in order, plus the names of any
    /// dropped for an unsafe value (so the merchant can be told).
    static func declarations(_ css: String) -> (kept: [Declaration], unsafe: [String]) {
        var kept: [Declaration] = [], unsafe: [String] = []
        for part in withoutComments(css).split(separator: ";") {
            guard let colon = part.firstIndex(of: ":") else { continue }
            let name = part[..<colon].trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
            var value = part[part.index(after: colon)...].trimmingCharacters(in: .whitespacesAndNewlines)
            if value.lowercased().hasSuffix("!important") {
                value = String(value.dropLast("!important".count)).trimmingCharacters(in: .whitespaces)
            }
            guard SVGAllowlist.presentation.contains(name), !value.isEmpty else { continue }
            if isSafeValue(value) { kept.append(Declaration(name: name, value: value)) } else { unsafe.append(name) }
        }
        return (kept, unsafe)
    }

    static func classRules(_ css: String) -> (rules: [ClassRule], unsafe: [String]) {
        var rules: [ClassRule] = [], unsafe: [String] = []
        var selector = "", body = "", depth = 0
        for character in withoutComments(css) {
            switch character {
            case "{":
                depth += 1
                if depth == 1 { body = "" }
            case "}" where depth > 0:
                depth -= 1
                guard depth == 0 else { continue }
                // Statements without a block (`@import url(…);`) end up in front of the selector.
                let classes = classSelectors(String(selector.split(separator: ";").last ?? ""))
                if !classes.isEmpty {
                    let parsed = declarations(body)
                    rules.append(ClassRule(classes: classes, declarations: parsed.kept))
                    unsafe += parsed.unsafe
                }
                selector = ""
            default:
                if depth == 0 { selector.append(character) } else if depth == 1 { body.append(character) }
            }
        }
        return (rules, unsafe)
    }

    /// A value is safe when it cannot fetch or run anything: `url()` only to `#fragment`, no script
    /// schemes, no legacy IE `expression()`, and no CSS escapes, which could spell any of those.
    static func isSafeValue(_ value: String) -> Bool {
        let compact = String(value.lowercased().unicodeScalars.filter {
            !CharacterSet.whitespacesAndNewlines.contains($0) && !CharacterSet.controlCharacters.contains($0)
        })
        let forbidden = ["\\", "javascript:", "vbscript:", "data:", "expression(", "@import", "behavior:", "-moz-binding"]
        guard !forbidden.contains(where: compact.contains) else { return false }
        return compact.components(separatedBy: "url(").dropFirst().allSatisfy {
            $0.hasPrefix("#") || $0.hasPrefix("'#") || $0.hasPrefix("\"#")
        }
    }

    /// `#logo-mark`: a reference to an element in the same file, and nothing else.
    static func isLocalReference(_ value: String) -> Bool {
        let trimmed = value.trimmingCharacters(in: .whitespacesAndNewlines)
        guard trimmed.hasPrefix("#"), trimmed.count > 1 else { return false }
        return trimmed.dropFirst().unicodeScalars.allSatisfy {
            $0.isASCII && (CharacterSet.alphanumerics.contains($0) || "-_.:".unicodeScalars.contains($0))
        }
    }

    private static func classSelectors(_ selectorList: String) -> Set<String> {
        Set(selectorList.split(separator: ",").compactMap { part -> String? in
            let selector = part.trimmingCharacters(in: .whitespacesAndNewlines)
            guard selector.hasPrefix("."), selector.count > 1 else { return nil }
            let name = selector.dropFirst()
            let valid = name.unicodeScalars.allSatisfy {
                $0.isASCII && (CharacterSet.alphanumerics.contains($0) || $0 == "-" || $0 == "_")
            }
            return valid ? String(name) : nil
        })
    }

    private static func withoutComments(_ css: some StringProtocol) -> String {
        var result = "", rest = Substring(css)
        while let open = rest.range(of: "/*") {
            result += rest[..<open.lowerBound]
            guard let close = rest[open.upperBound...].range(of: "*/") else { return result }
            rest = rest[close.upperBound...]
        }
        return result + rest
    }
}
