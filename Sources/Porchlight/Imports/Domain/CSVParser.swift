import Foundation

/// One row of a CSV file, with the physical line it starts on (a quoted field may span several).
struct CSVRecord: Sendable, Equatable {
    var line: Int
    var fields: [String]
    /// Set when the row could be split but not trusted, e.g. text after a closing quote or invalid UTF-8.
    var problem: String? = nil
}

enum CSVError: Error, Equatable {
    /// A row grew past the limit, almost always because a quote was never closed: nothing after it can be
    /// split reliably, so reading stops rather than buffering the rest of the file.
    case recordTooLong(line: Int, limit: Int)

    var message: String {
        switch self {
        case .recordTooLong(let line, let limit):
            return "The row starting on line \(line) is longer than \(limit / 1024) KiB; a quote is probably never closed. "
                + "Reading stopped there."
        }
    }
}

/// An RFC 4180 reader fed a chunk at a time, so a file of any size is read in constant memory. Accepts what
/// spreadsheets write in practice: CRLF, LF or lone CR line ends, a UTF-8 byte-order mark, quoted fields
/// with doubled quotes and line breaks inside. A stray quote inside an unquoted field is kept as text.
struct CSVParser: Sendable {
    private enum State { case fieldStart, unquoted, quoted, quoteInQuoted, afterCR }

    private static let quote = UInt8(ascii: "\""), comma = UInt8(ascii: ","), cr = UInt8(ascii: "\r"), lf = UInt8(ascii: "\n")
    private static let bom: [UInt8] = [0xEF, 0xBB, 0xBF]

    let maxRecordBytes: Int
    private var state = State.fieldStart
    private var field: [UInt8] = []
    private var fields: [String] = []
    private var recordBytes = 0
    private var recordLine = 1
    private var line = 1
    private var quotedCR = false
    private var problem: String?
    private var invalidUTF8 = false
    private var hasNUL = false
    /// The first bytes, held until we know whether they are a byte-order mark; nil once decided.
    private var head: [UInt8]? = []
    private var output: [CSVRecord] = []

    init(maxRecordBytes: Int = 1 << 20) {
        self.maxRecordBytes = maxRecordBytes
    }

    /// The rows completed by this chunk; a row cut by the chunk's end is finished by a later one.
    mutating func feed(_ chunk: [UInt8]) throws(CSVError) -> [CSVRecord] {
        if var pending = head {
            pending += chunk
            guard pending.count >= Self.bom.count || !Self.bom.starts(with: pending) else {
                head = pending
                return []
            }
            head = nil
            try consume(pending.starts(with: Self.bom) ? Array(pending.dropFirst(Self.bom.count)) : pending)
        } else {
            try consume(chunk)
        }
        defer { output.removeAll(keepingCapacity: true) }
        return output
    }

    /// The last row, when the file does not end with a line break.
    mutating func finish() throws(CSVError) -> [CSVRecord] {
        if let pending = head {
            head = nil
            try consume(pending.starts(with: Self.bom) ? Array(pending.dropFirst(Self.bom.count)) : pending)
        }
        switch state {
        case .quoted:
            problem = problem ?? "A quoted field is never closed."
            appendField()
            endRecord()
        case .unquoted, .quoteInQuoted:
            appendField()
            endRecord()
        case .fieldStart where !fields.isEmpty:
            appendField()
            endRecord()
        case .fieldStart, .afterCR:
            break
        }
        defer { output.removeAll() }
        return output
    }

    private mutating func consume(_ bytes: [UInt8]) throws(CSVError) {
        var index = 0
        let count = bytes.count
        while index < count {
            let byte = bytes[index]
            switch state {
            case .fieldStart:
                if fields.isEmpty && field.isEmpty && recordBytes == 0 { recordLine = line }
                if byte == Self.quote {
                    state = .quoted
                    index += 1
                    recordBytes += 1
                } else {
                    state = .unquoted
                }
            case .unquoted:
                // Copy the run up to the next separator in one go: most bytes of a file are plain text.
                var end = index
                while end < count, bytes[end] != Self.comma, bytes[end] != Self.lf, bytes[end] != Self.cr { end += 1 }
                field.append(contentsOf: bytes[index..<end])
                recordBytes += end - index
                index = end
                if index < count { endField(at: bytes[index]); index += 1 }
            case .quoted:
                var end = index
                while end < count, bytes[end] != Self.quote {
                    countLineBreak(bytes[end])
                    end += 1
                }
                field.append(contentsOf: bytes[index..<end])
                recordBytes += end - index
                index = end
                if index < count { state = .quoteInQuoted; quotedCR = false; index += 1; recordBytes += 1 }
            case .quoteInQuoted:
                if byte == Self.quote {
                    field.append(Self.quote)
                    state = .quoted
                    index += 1
                    recordBytes += 1
                } else if byte == Self.comma || byte == Self.lf || byte == Self.cr {
                    endField(at: byte)
                    index += 1
                } else {
                    problem = problem ?? "There is text after a closing quote; quote the whole field and double any quote inside it."
                    state = .unquoted
                }
            case .afterCR:
                state = .fieldStart
                if byte == Self.lf { index += 1 }
            }
            guard recordBytes <= maxRecordBytes else { throw .recordTooLong(line: recordLine, limit: maxRecordBytes) }
        }
    }

    /// Physical lines inside a quoted field: CRLF counts once, a lone CR or LF once each.
    private mutating func countLineBreak(_ byte: UInt8) {
        if byte == Self.lf {
            if !quotedCR { line += 1 }
            quotedCR = false
        } else if byte == Self.cr {
            line += 1
            quotedCR = true
        } else {
            quotedCR = false
        }
    }

    private mutating func endField(at separator: UInt8) {
        appendField()
        switch separator {
        case Self.comma:
            state = .fieldStart
            recordBytes += 1
        case Self.cr:
            line += 1
            endRecord()
            state = .afterCR
        default:
            line += 1
            endRecord()
        }
    }

    private mutating func appendField() {
        // PostgreSQL can't store a NUL in text, and no spreadsheet writes one on purpose.
        if field.contains(0) { hasNUL = true }
        if let text = String(validating: field, as: UTF8.self) {
            fields.append(text)
        } else {
            invalidUTF8 = true
            fields.append(String(decoding: field, as: UTF8.self))
        }
        field.removeAll(keepingCapacity: true)
    }

    private mutating func endRecord() {
        // A line with nothing in it is not a row: spreadsheets often leave some at the end, or a line of commas.
        if !fields.allSatisfy(\.isEmpty) {
            if invalidUTF8 { problem = problem ?? "The row is not valid UTF-8; save the file as CSV UTF-8." }
            if hasNUL { problem = problem ?? "The row contains a NUL character, which can't be stored; save the file as plain CSV." }
            output.append(CSVRecord(line: recordLine, fields: fields, problem: problem))
        }
        fields.removeAll(keepingCapacity: true)
        recordBytes = 0
        problem = nil
        invalidUTF8 = false
        hasNUL = false
        state = .fieldStart
    }
}
