import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
@testable import Porchlight

@Suite("SVG sanitiser under random hostile input")
struct SVGSanitizerFuzzTests {
    static let fragments = [
        ##"<rect width="1" height="1"/>"##, ##"<script>alert(1)</script>"##, ##"<g onload="x()"><circle r="1"/></g>"##,
        ##"<a href="javascript:alert(1)"><path d="M0 0"/></a>"##, ##"<use href="https://e.example/#a"/>"##,
        ##"<use xlink:href="#r"/>"##, ##"<rect id="r" fill="url(http://e.example)" style="fill:url(#ok);stroke:u\72l(x)"/>"##,
        ##"<foreignObject><iframe src="x"/></foreignObject>"##, ##"<image href="data:image/svg+xml,&lt;svg/&gt;"/>"##,
        ##"<style>.a{fill:red}@import 'x';</style>"##, ##"<text class="a">&lt;b&gt; &amp; "q"</text>"##,
        ##"<set attributeName="href" to="javascript:x"/>"##, ##"<switch><g><ellipse rx="1"/></g></switch>"##,
        ##"<![CDATA[<script>x</script>]]>"##, ##"<!-- <script> -->"##, ##"<?pi data?>"##, "</g>", "<g>", "&amp;", "&#0;",
        "<title>\u{0}\u{1}bad</title>", ##"<svg:rect xmlns:svg="http://www.w3.org/2000/svg"/>"##,
    ]

    @Test("Whatever goes in, the output is well-formed and only holds allowed parts")
    func fuzz() throws {
        var generator = SplitMix64(seed: 42)
        var accepted = 0
        for _ in 0..<2_000 {
            var body = (0..<Int.random(in: 1...8, using: &generator)).map { _ in Self.fragments.randomElement(using: &generator)! }
                .joined()
            if Bool.random(using: &generator), !body.isEmpty {
                var bytes = Array(body.utf8)
                bytes[Int.random(in: 0..<bytes.count, using: &generator)] = UInt8.random(in: 0...255, using: &generator)
                body = String(decoding: bytes, as: UTF8.self)
            }
            let source = ##"<svg xmlns:xlink="http://www.w3.org/1999/xlink">"## + body + "</svg>"
            guard let result = try? SVGSanitizer.sanitize(Array(source.utf8)) else { continue }
            accepted += 1
            let found = try Self.read(result.markup)
            #expect(found.elements.isSubset(of: SVGAllowlist.elements), "\(found.elements) from \(source)")
            for (name, value) in found.attributes {
                #expect(!name.lowercased().hasPrefix("on"), "\(name) from \(source)")
                if name.hasSuffix("href") { #expect(value.hasPrefix("#"), "\(value) from \(source)") }
                #expect(SVGStyle.isSafeValue(value) || name.hasSuffix("href") || name == "xmlns" || name == "xmlns:xlink")
            }
            #expect(!result.markup.lowercased().contains("javascript"))
        }
        #expect(accepted > 200, "the fuzz input should not all be refused")
    }

    static func read(_ markup: String) throws -> (elements: Set<String>, attributes: [(String, String)]) {
        final class Collector: NSObject, XMLParserDelegate {
            var elements: Set<String> = []
            var attributes: [(String, String)] = []
            func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                        qualifiedName: String?, attributes: [String: String] = [:]) {
                elements.insert(elementName)
                self.attributes += attributes.map { ($0.key, $0.value) }
            }
        }
        let collector = Collector()
        let parser = XMLParser(data: Data(markup.utf8))
        parser.delegate = collector
        try #require(parser.parse() && parser.parserError == nil, "not well-formed: \(markup)")
        return (collector.elements, collector.attributes)
    }
}
