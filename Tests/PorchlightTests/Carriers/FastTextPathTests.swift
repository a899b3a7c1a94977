import Testing
@testable import Porchlight

/// The fast paths taken for plain text on every webhook must give what the general paths give.
@Suite("Fast text paths")
struct FastTextPathTests {
    @Test("Trimming keeps text without edges as it is, and trims every kind of whitespace and newline")
    func trimmed() {
        #expect("1Z999AA10123456784".trimmed == "1Z999AA10123456784")
        #expect("  Brooklyn\n".trimmed == "Brooklyn")
        #expect("\u{00A0}Köln\u{2003}".trimmed == "Köln")
        #expect("\t \n".trimmed == "")
        #expect("".trimmed == "")
    }

    @Test("Tracking numbers normalise the same with or without the ASCII fast path")
    func normalise() {
        #expect(CarrierDetector.normalize("1z999aa10123456784") == "1Z999AA10123456784")
        #expect(CarrierDetector.normalize(" 1z 999-aa1 ") == "1Z999AA1")
        #expect(CarrierDetector.normalize("9400\u{2013}1000") == "94001000")
    }
}
