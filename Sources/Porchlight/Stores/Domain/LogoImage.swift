import Foundation

/// A merchant's logo that is safe to store and serve from our own origin.
///
/// The bytes decide the type; the uploaded file name and content type are only hints for the
/// error message. Trusting the name would let an HTML page called `logo.png` through, and a
/// browser that sniffs content could then run it on our domain.
struct LogoImage: Sendable, Equatable {
    /// 256 KB: plenty for a logo at any size it is shown (page header, email), small enough to keep
    /// in a database row and to load at once on a phone with a poor signal.
    static let maximumBytes = 256 * 1024
    /// Wider or taller than this is almost certainly a decompression bomb (a tiny file that
    /// decodes to gigabytes of pixels), not a logo.
    static let maximumSide = 8_192

    enum Format: String, Sendable, CaseIterable {
        case png, jpeg, svg

        var contentType: String {
            switch self {
            case .png: "image/png"
            case .jpeg: "image/jpeg"
            case .svg: "image/svg+xml"
            }
        }

        var fileExtension: String {
            switch self {
            case .png: "png"
            case .jpeg: "jpg"
            case .svg: "svg"
            }
        }
    }

    struct PixelSize: Sendable, Equatable {
        var width: Int
        var height: Int
    }

    var format: Format
    /// What to store and serve: the upload itself for JPEG, the PNG up to its end marker, and for
    /// SVG a fresh document rebuilt from the allowed parts only.
    var bytes: [UInt8]
    /// Raster size read from the header; nil for SVG, which scales.
    var pixelSize: PixelSize?
    /// Active or external SVG content that was taken out (e.g. "<script>", "onload"), so the page
    /// can tell the merchant their file was changed. Editor metadata is dropped without a note.
    var removedParts: [String] = []

    var contentType: String { format.contentType }
    var fileExtension: String { format.fileExtension }

    /// Checks an upload and returns what to store, or says why not. `filename` and `declaredType`
    /// (the browser's content type) only shape the error message; see the type's comment.
    static func validate(bytes: [UInt8], filename: String? = nil, declaredType: String? = nil) throws -> LogoImage {
        guard !bytes.isEmpty else { throw LogoError(.empty, "The file is empty.") }
        guard bytes.count <= maximumBytes else {
            throw LogoError(.tooLarge, "The logo is \(kilobytes(bytes.count)) KB; the limit is \(maximumBytes / 1024) KB. "
                + "Try exporting it smaller, or as SVG.")
        }
        switch try sniff(bytes, filename: filename, contentType: declaredType) {
        case .png:
            let png = try RasterHeader.png(bytes)
            return LogoImage(format: .png, bytes: Array(bytes[..<png.end]), pixelSize: try checked(png.size))
        case .jpeg:
            return LogoImage(format: .jpeg, bytes: bytes, pixelSize: try checked(try RasterHeader.jpeg(bytes)))
        case .svg:
            let svg = try SVGSanitizer.sanitize(bytes)
            let output = Array(svg.markup.utf8)
            guard output.count <= maximumBytes else {
                throw LogoError(.tooLarge, "The cleaned-up SVG is over \(maximumBytes / 1024) KB. Try simplifying it.")
            }
            return LogoImage(format: .svg, bytes: output, pixelSize: nil, removedParts: svg.removed)
        }
    }

    private static func checked(_ size: PixelSize) throws -> PixelSize {
        guard size.width > 0, size.height > 0 else {
            throw LogoError(.damaged, "The image says it is \(size.width)×\(size.height) pixels, so it looks damaged.")
        }
        guard size.width <= maximumSide, size.height <= maximumSide else {
            throw LogoError(.tooLarge, "The image is \(size.width)×\(size.height) pixels; "
                + "logos can be at most \(maximumSide) pixels on each side.")
        }
        return size
    }

    private static func kilobytes(_ count: Int) -> Int { (count + 1023) / 1024 }
}

/// Why an upload was refused, in words the merchant can act on.
struct LogoError: Error, Equatable, Sendable {
    enum Reason: Sendable, Equatable {
        case empty, tooLarge, unsupportedType, damaged, unreadableSVG, unsafeSVG
    }

    var reason: Reason
    var message: String

    init(_ reason: Reason, _ message: String) {
        self.reason = reason
        self.message = message
    }
}
