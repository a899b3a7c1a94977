import Foundation

/// Just enough PNG and JPEG structure to tell a real image from a renamed or truncated file and to
/// read its pixel size. Nothing here decodes pixels.
enum RasterHeader {
    /// Walks the PNG chunks (length, type, data, CRC) from the signature to IEND.
    /// `end` is where IEND finishes: anything after it is not part of the image, and is where a
    /// file that is both a PNG and something else keeps its second payload, so it is cut off.
    static func png(_ bytes: [UInt8]) throws -> (size: LogoImage.PixelSize, end: Int) {
        var offset = 8
        var size: LogoImage.PixelSize?
        while offset + 12 <= bytes.count {
            let length = Int(bigEndian(bytes, at: offset, count: 4))
            let type = String(decoding: bytes[offset + 4..<offset + 8], as: UTF8.self)
            let dataStart = offset + 8
            guard length <= bytes.count - dataStart - 4 else { break }
            if size == nil {
                guard type == "IHDR", length == 13 else { throw damaged("PNG", "has no image header") }
                size = LogoImage.PixelSize(width: Int(bigEndian(bytes, at: dataStart, count: 4)),
                                           height: Int(bigEndian(bytes, at: dataStart + 4, count: 4)))
            }
            offset = dataStart + length + 4
            if type == "IEND", let size { return (size, offset) }
        }
        throw damaged("PNG", size == nil ? "has no image header" : "is cut short")
    }

    /// Walks the JPEG marker segments up to the frame header (SOF), which holds the size.
    static func jpeg(_ bytes: [UInt8]) throws -> LogoImage.PixelSize {
        var offset = 2
        while offset + 4 <= bytes.count {
            guard bytes[offset] == 0xFF else { throw damaged("JPEG", "has a broken header") }
            let marker = bytes[offset + 1]
            switch marker {
            case 0xFF:
                offset += 1  // fill byte before a marker
                continue
            case 0x01, 0xD0...0xD7:
                offset += 2  // markers without a length
                continue
            case 0xD9, 0xDA:
                throw damaged("JPEG", "has no frame header")
            default:
                break
            }
            let length = Int(bigEndian(bytes, at: offset + 2, count: 2))
            guard length >= 2 else { throw damaged("JPEG", "has a broken header") }
            if isStartOfFrame(marker) {
                guard offset + 9 <= bytes.count else { break }
                return LogoImage.PixelSize(width: Int(bigEndian(bytes, at: offset + 7, count: 2)),
                                           height: Int(bigEndian(bytes, at: offset + 5, count: 2)))
            }
            offset += 2 + length
        }
        throw damaged("JPEG", "is cut short")
    }

    /// SOF0…SOF15, except DHT (C4), JPG (C8) and DAC (CC) which share the range.
    private static func isStartOfFrame(_ marker: UInt8) -> Bool {
        (0xC0...0xCF).contains(marker) && ![0xC4, 0xC8, 0xCC].contains(marker)
    }

    private static func bigEndian(_ bytes: [UInt8], at offset: Int, count: Int) -> UInt32 {
        bytes[offset..<offset + count].reduce(0) { $0 << 8 | UInt32($1) }
    }

    private static func damaged(_ format: String, _ problem: String) -> LogoError {
        LogoError(.damaged, "This \(format) file \(problem), so it looks damaged. Try exporting it again.")
    }
}
