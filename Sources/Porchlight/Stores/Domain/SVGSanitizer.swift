import Foundation

/// An SVG rebuilt from scratch out of allowed elements and attributes, with every value escaped.
struct SanitizedSVG: Sendable, Equatable {
    var markup: String
    /// Active or external content that was dropped (see `SVGAllowlist.active`), sorted.
    var removed: [String]
}

/// Makes an uploaded SVG safe to serve from our origin, or refuses it.
///
/// Refuse or sanitise: the file is refused when it cannot be read safely or the result would be
/// meaningless: not UTF-8, a DOCTYPE or entity declarations (XXE and "billion laughs" live there,
/// so the parser never sees them), malformed XML, a root other than `<svg>`, absurd nesting, or
/// nothing left to draw. Everything else (scripts, event handlers, `<foreignObject>`, `<image>`,
/// external links, unsafe CSS) is dropped and the rest kept, because the output is built only from
/// the allowlist: a dropped part cannot come back, and a merchant whose design tool added cruft
/// still gets their logo.
enum SVGSanitizer {
    static let doctypeRefusal = LogoError(
        .unsafeSVG, "This SVG contains a DOCTYPE or entity declarations, which logos never need. "
            + "Export it again as plain SVG (in Inkscape: Save As › Plain SVG; in Illustrator: SVG 1.1).")

    static func sanitize(_ bytes: [UInt8]) throws -> SanitizedSVG {
        let decoded = try utf8Text(bytes)
        guard declaredEncodingIsUTF8(decoded) else {
            throw LogoError(.unreadableSVG, "This SVG names a text encoding other than UTF-8. Export it again as UTF-8.")
        }
        let text = withoutStandardDoctype(decoded)
        let lowered = text.lowercased()
        guard !lowered.contains("<!doctype"), !lowered.contains("<!entity") else { throw doctypeRefusal }
        let root = try SVGTreeBuilder.parse(Array(text.utf8))
        guard root.name == "svg" else {
            throw LogoError(.unreadableSVG, "This file isn't an SVG image: it starts with <\(root.name)>, not <svg>.")
        }
        var cleaner = SVGCleaner(styleSheet: styleText(in: root))
        guard case .element(let clean)? = cleaner.clean(root, inText: false).first else {
            throw LogoError(.unreadableSVG, "This SVG has nothing left to show once unsafe parts are removed.")
        }
        cleaner.dropNestedUse(in: clean)
        guard containsDrawing(clean) else {
            throw LogoError(.unsafeSVG, "This SVG has nothing left to show once unsafe parts are removed"
                + (cleaner.removed.isEmpty ? ". " : " (\(cleaner.removed.sorted().joined(separator: ", "))). ")
                + "If it only wraps a picture, upload the picture as PNG or JPEG instead.")
        }
        return SanitizedSVG(markup: SVGWriter.markup(clean), removed: cleaner.removed.sorted())
    }

    private static func utf8Text(_ bytes: [UInt8]) throws -> String {
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        var scalars = String.UnicodeScalarView()
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar): scalars.append(scalar)
            case .emptyInput: return String(scalars)
            case .error:
                throw LogoError(.unreadableSVG, "This SVG isn't saved as UTF-8 text. Export it again as UTF-8.")
            }
        }
    }

    /// `<?xml … encoding="ISO-8859-1"?>` would make the parser read the bytes differently from us.
    private static func declaredEncodingIsUTF8(_ text: String) -> Bool {
        guard text.hasPrefix("<?xml") || text.hasPrefix("\u{FEFF}<?xml"),
              let end = text.range(of: "?>") else { return true }
        let prolog = text[..<end.lowerBound].lowercased()
        guard let range = prolog.range(of: "encoding") else { return true }
        let value = prolog[range.upperBound...].drop { " =\"'".contains($0) }.prefix { !" \"'".contains($0) }
        return ["utf-8", "utf8", "us-ascii", "ascii"].contains(String(value))
    }

    /// Illustrator writes `<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "http://…svg11.dtd">`.
    /// That exact shape, with no internal subset, is cut out before parsing, so the DTD is never
    /// fetched and the rest of the file can be read; any other DOCTYPE is still refused.
    private static func withoutStandardDoctype(_ text: String) -> String {
        let literal = #""[^"<>\[\]]*""#
        let pattern = #"<!DOCTYPE\s+svg(\s+PUBLIC\s+"# + literal + #"(\s+"# + literal + #")?)?\s*>"#
        guard let regex = try? Regex(pattern).ignoresCase(), let match = text.firstMatch(of: regex) else { return text }
        return text.replacingCharacters(in: match.range, with: "")
    }

    private static func styleText(in node: SVGNode) -> String {
        node.name == "style" ? node.textContent : node.elements.map(styleText(in:)).joined(separator: "\n")
    }

    private static func containsDrawing(_ node: SVGNode) -> Bool {
        SVGAllowlist.drawing.contains(node.name) || node.elements.contains(where: containsDrawing)
    }
}
