import Foundation

extension LogoImage {
    /// Decides the format from the leading bytes. PNG and JPEG have magic numbers; SVG has none,
    /// so anything that starts like markup (or is declared as SVG) is handed to the sanitiser,
    /// which refuses it unless the root element really is `<svg>`.
    static func sniff(_ bytes: [UInt8], filename: String?, contentType: String?) throws -> Format {
        if bytes.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) { return .png }
        if bytes.starts(with: [0xFF, 0xD8, 0xFF]) { return .jpeg }
        if let other = otherFormats.first(where: { $0.matches(bytes) }) {
            throw LogoError(.unsupportedType, "This file is \(other.name), which can't be used as a logo. "
                + supportedFormats)
        }
        let start = leadingMarkup(bytes)
        if htmlStarts.contains(where: { start.hasPrefix($0) }) {
            throw LogoError(.unsupportedType, "This file is a web page (HTML), not an image. " + supportedFormats)
        }
        if start.hasPrefix("<") || isDeclaredSVG(filename: filename, contentType: contentType) { return .svg }
        let name = filename.map { "\($0) " } ?? "This file "
        throw LogoError(.unsupportedType, "\(name)isn't a PNG, JPEG or SVG image. " + supportedFormats)
    }

    static let supportedFormats = "Please upload a PNG, JPEG or SVG file."

    private static func isDeclaredSVG(filename: String?, contentType: String?) -> Bool {
        (filename?.lowercased().hasSuffix(".svg") ?? false) || (contentType?.lowercased().contains("svg") ?? false)
    }

    /// The first few characters after a byte-order mark and white space, lowercased.
    private static func leadingMarkup(_ bytes: [UInt8]) -> String {
        var body = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? bytes.dropFirst(3) : bytes[...]
        while let first = body.first, [0x20, 0x09, 0x0A, 0x0D].contains(first) { body = body.dropFirst() }
        return String(decoding: body.prefix(32), as: UTF8.self).lowercased()
    }

    private static let htmlStarts = ["<!doctype html", "<html", "<head", "<body", "<script", "<iframe"]

    /// Formats people plausibly upload by mistake, named so the refusal says what the file is.
    private struct OtherFormat {
        var name: String
        var magic: [UInt8]
        var offset = 0

        func matches(_ bytes: [UInt8]) -> Bool {
            bytes.count >= offset + magic.count && Array(bytes[offset..<offset + magic.count]) == magic
        }
    }

    private static let otherFormats: [OtherFormat] = [
        OtherFormat(name: "a GIF image", magic: Array("GIF8".utf8)),
        OtherFormat(name: "a WebP image", magic: Array("WEBP".utf8), offset: 8),
        OtherFormat(name: "a PDF document", magic: Array("%PDF".utf8)),
        OtherFormat(name: "a HEIC photo", magic: Array("ftypheic".utf8), offset: 4),
        OtherFormat(name: "an AVIF image", magic: Array("ftypavif".utf8), offset: 4),
        OtherFormat(name: "a TIFF image", magic: [0x49, 0x49, 0x2A, 0x00]),
        OtherFormat(name: "a TIFF image", magic: [0x4D, 0x4D, 0x00, 0x2A]),
        OtherFormat(name: "an icon (.ico) file", magic: [0x00, 0x00, 0x01, 0x00]),
        OtherFormat(name: "a compressed file (such as .svgz or .gz)", magic: [0x1F, 0x8B]),
        OtherFormat(name: "a ZIP archive", magic: Array("PK\u{03}\u{04}".utf8)),
        OtherFormat(name: "a BMP image", magic: Array("BM".utf8)),
    ]
}
