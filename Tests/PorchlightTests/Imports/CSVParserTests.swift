import Foundation
import Testing
@testable import Porchlight

@Suite("CSV reader")
struct CSVParserTests {
    /// Every row of `text`, read in chunks of `chunkSize` bytes.
    static func rows(_ text: String, chunkSize: Int = 64 * 1024, maxRecordBytes: Int = 1 << 20) throws -> [CSVRecord] {
        try rows(Array(text.utf8), chunkSize: chunkSize, maxRecordBytes: maxRecordBytes)
    }

    static func rows(_ bytes: [UInt8], chunkSize: Int, maxRecordBytes: Int = 1 << 20) throws -> [CSVRecord] {
        var reader = CSVReader.bytes(bytes, chunkSize: chunkSize, maxRecordBytes: maxRecordBytes)
        var out: [CSVRecord] = []
        while let record = try reader.next() { out.append(record) }
        #expect(reader.bytesRead == Int64(bytes.count))
        return out
    }

    /// Quotes, doubled quotes, commas and line breaks in fields, CRLF, blank lines and a missing final newline.
    static let tricky = "\u{FEFF}order_number,item_title,note\r\n"
        + "1001,\"Candle, fir & cedar\",\"She said \"\"thanks\"\"\"\r\n"
        + "\r\n"
        + "1002,\"Two\r\nlines\",\"and\nthree\nlines\"\r\n"
        + ",,\r\n"
        + "1003,plain,\"\"\r\n"
        + "1004,last,no newline"

    @Test("Quoted fields keep their commas, quotes and line breaks; rows know the line they start on")
    func trickyFile() throws {
        let rows = try Self.rows(Self.tricky)
        #expect(rows.map(\.fields) == [
            ["order_number", "item_title", "note"],
            ["1001", "Candle, fir & cedar", "She said \"thanks\""],
            ["1002", "Two\r\nlines", "and\nthree\nlines"],
            ["1003", "plain", ""],
            ["1004", "last", "no newline"],
        ])
        #expect(rows.map(\.line) == [1, 2, 4, 9, 10], "a blank line and a line of commas are skipped but still counted")
        #expect(rows.allSatisfy { $0.problem == nil })
        #expect(rows[0].fields[0] == "order_number", "the byte-order mark is not part of the first header")
    }

    @Test("Any chunk size gives the same rows, whatever a chunk boundary cuts: a BOM, a CRLF, a doubled quote")
    func chunkBoundaries() throws {
        let whole = try Self.rows(Self.tricky)
        for size in 1...12 {
            #expect(try Self.rows(Self.tricky, chunkSize: size) == whole, "chunk size \(size)")
        }
        let multibyte = "title\n\"Taza de cerámica — azul\"\nÑandú\n"
        for size in 1...5 {
            #expect(try Self.rows(multibyte, chunkSize: size).map(\.fields) == [["title"], ["Taza de cerámica — azul"], ["Ñandú"]])
        }
    }

    @Test("Lone CR line ends, as old Mac spreadsheets write them, end rows too")
    func carriageReturnsOnly() throws {
        let rows = try Self.rows("a,b\r1,2\r\"x\ry\",3\r4,5", chunkSize: 3)
        #expect(rows.map(\.fields) == [["a", "b"], ["1", "2"], ["x\ry", "3"], ["4", "5"]])
        #expect(rows.map(\.line) == [1, 2, 3, 5])
    }

    @Test("A row that can be split but not trusted carries a problem, and the rows after it are read normally")
    func problems() throws {
        let rows = try Self.rows("a,b\n\"closed\"then text,2\nok,3\n")
        #expect(rows.count == 3)
        #expect(rows[0].fields == ["a", "b"])
        #expect(rows[1].problem?.contains("after a closing quote") == true)
        #expect(rows[2].fields == ["ok", "3"])
        let unclosed = try Self.rows("a\n\"never closed\nstill open")
        #expect(unclosed.last?.problem == "A quoted field is never closed.")
        #expect(unclosed.last?.line == 2)
        let latin1: [UInt8] = Array("a,b\nok,1\n".utf8) + [0x63, 0x61, 0x66, 0xE9, 0x2C, 0x32, 0x0A]
        let decoded = try Self.rows(latin1, chunkSize: 4)
        #expect(decoded.last?.problem?.contains("not valid UTF-8") == true)
        #expect(decoded.last?.line == 3)
        let nul = try Self.rows("a,b\nx\u{0}y,1\nok,2\n")
        #expect(nul.map(\.problem) == [nil, "The row contains a NUL character, which can't be stored; save the file as plain CSV.", nil])
    }

    @Test("A runaway quote stops reading at a fixed size instead of holding the rest of the file in memory")
    func runawayQuote() throws {
        let text = "a,b\n1,2\n3,\"oops\n" + String(repeating: "x,y\n", count: 200)
        #expect(throws: CSVError.recordTooLong(line: 3, limit: 256)) {
            try Self.rows(text, chunkSize: 16, maxRecordBytes: 256)
        }
    }

    @Test("A quote inside an unquoted field is kept as text, as in 5\" candle")
    func strayQuote() throws {
        #expect(try Self.rows("title,qty\n5\" candle,1\n").map(\.fields) == [["title", "qty"], ["5\" candle", "1"]])
    }
}
