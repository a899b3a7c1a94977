import Foundation
import Testing
@testable import Porchlight

@Suite("Merchant logos: type, size and damage")
struct LogoImageTests {
    @Test("A PNG is recognised by its bytes and its size read from the header")
    func png() throws {
        let logo = try LogoImage.validate(bytes: Self.png(width: 320, height: 80), filename: "logo.png", declaredType: "image/png")
        #expect(logo.format == .png)
        #expect(logo.contentType == "image/png")
        #expect(logo.fileExtension == "png")
        #expect(logo.pixelSize == LogoImage.PixelSize(width: 320, height: 80))
        #expect(logo.bytes == Self.png(width: 320, height: 80))
        #expect(logo.removedParts.isEmpty)
    }

    @Test("Whatever follows a PNG's end marker is cut off")
    func pngTrailingData() throws {
        let image = Self.png(width: 10, height: 10)
        let logo = try LogoImage.validate(bytes: image + Array("<html><script>alert(1)</script>".utf8))
        #expect(logo.bytes == image)
    }

    @Test("A PNG cut short, or without its header, is refused as damaged")
    func damagedPNG() {
        let image = Self.png(width: 10, height: 10)
        #expect(throws: LogoError.self) { try LogoImage.validate(bytes: Array(image.dropLast(6))) }
        #expect(Self.reason { try LogoImage.validate(bytes: Array(image.dropLast(6))) } == .damaged)
        #expect(Self.reason { try LogoImage.validate(bytes: Array(image.prefix(8)) + Self.chunk("IDAT", [1, 2, 3])) } == .damaged)
        #expect(Self.reason { try LogoImage.validate(bytes: Self.png(width: 0, height: 10)) } == .damaged)
    }

    @Test("A tiny PNG claiming huge dimensions is refused")
    func pngBomb() {
        let error = Self.error { try LogoImage.validate(bytes: Self.png(width: 100_000, height: 100_000)) }
        #expect(error?.reason == .tooLarge)
        #expect(error?.message.contains("8192 pixels") == true)
    }

    @Test("A JPEG is recognised by its bytes and its size read from the frame header")
    func jpeg() throws {
        let logo = try LogoImage.validate(bytes: Self.jpeg(width: 640, height: 200), filename: "logo.jpeg")
        #expect(logo.format == .jpeg)
        #expect(logo.contentType == "image/jpeg")
        #expect(logo.fileExtension == "jpg")
        #expect(logo.pixelSize == LogoImage.PixelSize(width: 640, height: 200))
    }

    @Test("Progressive JPEGs and fill bytes between segments are understood")
    func progressiveJPEG() throws {
        let logo = try LogoImage.validate(bytes: Self.jpeg(width: 33, height: 44, frameMarker: 0xC2, fill: true))
        #expect(logo.pixelSize == LogoImage.PixelSize(width: 33, height: 44))
    }

    @Test("A JPEG without a frame header, or cut short, is refused as damaged")
    func damagedJPEG() {
        let noFrame: [UInt8] = [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x04, 0x00, 0x00, 0xFF, 0xDA, 0x00, 0x02, 0xFF, 0xD9]
        #expect(Self.reason { try LogoImage.validate(bytes: noFrame) } == .damaged)
        #expect(Self.reason { try LogoImage.validate(bytes: Array(Self.jpeg(width: 5, height: 5).prefix(12))) } == .damaged)
    }

    @Test("The bytes decide the type, not the name: a JPEG called .png is stored as a JPEG")
    func contentBeatsName() throws {
        let logo = try LogoImage.validate(bytes: Self.jpeg(width: 5, height: 5), filename: "logo.png", declaredType: "image/png")
        #expect(logo.contentType == "image/jpeg")
        #expect(logo.fileExtension == "jpg")
    }

    @Test("Files over 256 KB are refused before anything is parsed; exactly 256 KB is fine")
    func sizeLimit() throws {
        let header = Self.png(width: 10, height: 10)
        let filler = LogoImage.maximumBytes - header.count - 12
        let exact = Array(header.dropLast(12)) + Self.chunk("tEXt", [UInt8](repeating: 0x41, count: filler)) + Array(header.suffix(12))
        #expect(exact.count == 262_144)
        #expect(try LogoImage.validate(bytes: exact).bytes.count == 262_144)

        let error = Self.error { try LogoImage.validate(bytes: exact + [0]) }
        #expect(error?.reason == .tooLarge)
        #expect(error?.message == "The logo is 257 KB; the limit is 256 KB. Try exporting it smaller, or as SVG.")
    }

    @Test("An empty upload is refused")
    func empty() {
        #expect(Self.error { try LogoImage.validate(bytes: []) } == LogoError(.empty, "The file is empty."))
    }

    @Test("Other image and document formats are named in the refusal", arguments: [
        (Array("GIF89a".utf8) + [1, 0, 1, 0, 0, 0, 0], "a GIF image"),
        (Array("%PDF-1.7\n%âãÏÓ".utf8), "a PDF document"),
        (Array("RIFF\u{0}\u{0}\u{0}\u{0}WEBPVP8 ".utf8), "a WebP image"),
        ([0x1F, 0x8B, 0x08, 0x00], "a compressed file"),
    ])
    func otherFormats(bytes: [UInt8], name: String) {
        let error = Self.error { try LogoImage.validate(bytes: bytes, filename: "logo.png") }
        #expect(error?.reason == .unsupportedType)
        #expect(error?.message.contains(name) == true)
        #expect(error?.message.hasSuffix("Please upload a PNG, JPEG or SVG file.") == true)
    }

    @Test("An HTML page disguised as a PNG is refused as a web page")
    func htmlDisguisedAsPNG() {
        for page in ["<!DOCTYPE html><html><script>alert(1)</script></html>", "\u{FEFF}  <html><body>hi</body></html>",
                     "<script>alert(document.cookie)</script>"] {
            let error = Self.error { try LogoImage.validate(bytes: Array(page.utf8), filename: "logo.png", declaredType: "image/png") }
            #expect(error?.reason == .unsupportedType)
            #expect(error?.message.hasPrefix("This file is a web page (HTML)") == true)
        }
    }

    @Test("Unknown bytes are refused, naming the file")
    func garbage() {
        let error = Self.error { try LogoImage.validate(bytes: [0x00, 0x13, 0x37, 0xC3, 0x28], filename: "logo.png") }
        #expect(error == LogoError(.unsupportedType, "logo.png isn't a PNG, JPEG or SVG image. Please upload a PNG, JPEG or SVG file."))
    }

    @Test("Non-UTF-8 garbage declared as SVG is refused as unreadable")
    func nonUTF8SVG() {
        let bytes: [UInt8] = [0xC3, 0x28, 0xA0, 0xA1, 0xFF, 0xFE, 0x3C]
        let error = Self.error { try LogoImage.validate(bytes: bytes, filename: "logo.svg") }
        #expect(error?.reason == .unreadableSVG)
        #expect(Self.reason { try LogoImage.validate(bytes: [0x3C] + bytes) } == .unreadableSVG)
    }

    @Test("An SVG becomes a cleaned SVG with its content type and extension")
    func svg() throws {
        let source = #"<svg viewBox="0 0 10 10" onload="alert(1)"><rect width="10" height="10"/></svg>"#
        let logo = try LogoImage.validate(bytes: Array(source.utf8), filename: "logo.svg", declaredType: "image/svg+xml")
        #expect(logo.contentType == "image/svg+xml")
        #expect(logo.fileExtension == "svg")
        #expect(logo.pixelSize == nil)
        #expect(logo.removedParts == ["onload"])
        #expect(String(decoding: logo.bytes, as: UTF8.self)
            == #"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><rect height="10" width="10"/></svg>"#)
    }
}

extension LogoImageTests {
    static func png(width: UInt32, height: UInt32) -> [UInt8] {
        let ihdr = bigEndian(width) + bigEndian(height) + [8, 6, 0, 0, 0]
        return [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] + chunk("IHDR", ihdr)
            + chunk("IDAT", [0x78, 0x9C, 0x63, 0x00, 0x00]) + chunk("IEND", [])
    }

    /// CRCs are not checked by the validator, so a fixed one keeps the fixture short.
    static func chunk(_ type: String, _ data: [UInt8]) -> [UInt8] {
        bigEndian(UInt32(data.count)) + Array(type.utf8) + data + [0xAE, 0x42, 0x60, 0x82]
    }

    static func jpeg(width: UInt16, height: UInt16, frameMarker: UInt8 = 0xC0, fill: Bool = false) -> [UInt8] {
        let app0: [UInt8] = [0xFF, 0xE0, 0x00, 0x10] + Array("JFIF".utf8) + [0, 1, 1, 0, 0, 1, 0, 1, 0, 0]
        let quantTable: [UInt8] = [0xFF, 0xDB, 0x00, 0x04, 0x00, 0x01]
        let frame: [UInt8] = [0xFF, frameMarker, 0x00, 0x0B, 0x08] + bigEndian16(height) + bigEndian16(width)
            + [0x01, 0x01, 0x11, 0x00]
        let scan: [UInt8] = [0xFF, 0xDA, 0x00, 0x08, 0x01, 0x01, 0x00, 0x00, 0x3F, 0x00, 0x12, 0x34, 0xFF, 0xD9]
        return [0xFF, 0xD8] + app0 + (fill ? [0xFF, 0xFF] : []) + quantTable + frame + scan
    }

    static func bigEndian(_ value: UInt32) -> [UInt8] { (0..<4).reversed().map { UInt8(truncatingIfNeeded: value >> ($0 * 8)) } }
    static func bigEndian16(_ value: UInt16) -> [UInt8] { [UInt8(value >> 8), UInt8(value & 0xFF)] }

    static func error(_ body: () throws -> LogoImage) -> LogoError? {
        do { _ = try body(); return nil } catch { return error as? LogoError }
    }

    static func reason(_ body: () throws -> LogoImage) -> LogoError.Reason? { error(body)?.reason }
}
