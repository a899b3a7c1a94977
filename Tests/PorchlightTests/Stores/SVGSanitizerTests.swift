import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
@testable import Porchlight

@Suite("Uploaded SVG logos are rebuilt from safe parts")
struct SVGSanitizerTests {
    @Test("A benign logo keeps its shapes, gradients, text and reuse")
    func benignRoundTrip() throws {
        let source = """
        <?xml version="1.0" encoding="UTF-8"?>
        <svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" viewBox="0 0 120 40" width="120" height="40">
          <title>Maple &amp; Moss</title>
          <defs>
            <linearGradient id="leaf" x1="0" x2="1"><stop offset="0" stop-color="#2f6b4f"/><stop offset="1" stop-color="#8fbf7f"/></linearGradient>
            <linearGradient id="leaf2" xlink:href="#leaf"/>
            <symbol id="dot"><circle cx="2" cy="2" r="2"/></symbol>
            <clipPath id="c"><rect width="40" height="40"/></clipPath>
          </defs>
          <g transform="translate(2 2)" clip-path="url(#c)">
            <path d="M0 0 L10 10 Z" fill="url(#leaf2)" stroke="#000" stroke-width="0.5"/>
            <ellipse cx="5" cy="5" rx="3" ry="2"/><line x1="0" y1="0" x2="4" y2="4"/>
            <polyline points="0,0 1,1"/><polygon points="0,0 1,1 0,1"/>
          </g>
          <use xlink:href="#dot" x="30"/><use href="#dot" x="40"/>
          <text x="50" y="30" font-family="Georgia" font-size="20">Maple <tspan font-weight="bold">&lt;&amp;&gt;</tspan> Moss</text>
        </svg>
        """
        let result = try SVGSanitizer.sanitize(Array(source.utf8))
        #expect(result.removed.isEmpty)
        let names = try Self.elementNames(result.markup)
        #expect(names == ["svg", "title", "defs", "linearGradient", "stop", "stop", "linearGradient", "symbol", "circle",
                          "clipPath", "rect", "g", "path", "ellipse", "line", "polyline", "polygon", "use", "use", "text", "tspan"])
        #expect(result.markup.hasPrefix(##"<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" height="40" viewBox="0 0 120 40" width="120">"##))
        #expect(result.markup.contains("<title>Maple &amp; Moss</title>"))
        #expect(result.markup.contains(##"<path d="M0 0 L10 10 Z" fill="url(#leaf2)" stroke="#000" stroke-width="0.5"/>"##))
        #expect(result.markup.contains(##"<tspan font-weight="bold">&lt;&amp;&gt;</tspan> Moss</text>"##))
        #expect(result.markup.contains(##"<use x="30" xlink:href="#dot"/><use href="#dot" x="40"/>"##))
        #expect(try SVGSanitizer.sanitize(Array(result.markup.utf8)) == result, "cleaning is idempotent")
    }

    @Test("Scripts, handlers, foreignObject, images, animation and style elements are dropped and reported")
    func activeContentDropped() throws {
        let source = """
        <svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)" viewBox="0 0 10 10">
          <script>alert(document.cookie)</script>
          <script xlink:href="https://evil.example/x.js"/>
          <foreignObject width="10" height="10"><div xmlns="http://www.w3.org/1999/xhtml"><iframe src="https://evil.example"/></div></foreignObject>
          <image href="data:image/svg+xml;base64,PHN2Zz4=" width="1" height="1"/>
          <image xlink:href="https://tracker.example/pixel.png"/>
          <rect width="10" height="10" onclick="steal()" OnMouseOver="x()">
            <set attributeName="fill" to="red"/><animate attributeName="href" to="javascript:alert(1)"/>
          </rect>
        </svg>
        """
        let result = try SVGSanitizer.sanitize(Array(source.utf8))
        #expect(try Self.elementNames(result.markup) == ["svg", "rect"])
        #expect(result.removed == ["<animate>", "<foreignObject>", "<image>", "<script>", "<set>", "OnMouseOver", "onclick", "onload"])
        for forbidden in ["script", "alert", "evil", "iframe", "data:", "tracker", "onclick"] {
            #expect(!result.markup.contains(forbidden), "\(forbidden) survived")
        }
    }

    @Test("Links to javascript: lose the link but keep what was inside it")
    func javascriptLink() throws {
        let source = ##"<svg><a xlink:href="javascript:alert(1)"><circle r="4"/></a><a href=" JaVaScRiPt:alert(2)"><rect width="1" height="1"/></a></svg>"##
        let result = try SVGSanitizer.sanitize(Array(source.utf8))
        #expect(try Self.elementNames(result.markup) == ["svg", "circle", "rect"])
        #expect(result.removed == ["href", "xlink:href"])
        #expect(!result.markup.lowercased().contains("javascript"))
    }

    @Test("A <use> pointing outside the file is dropped; a local one stays")
    func externalUse() throws {
        let source = """
        <svg><defs><path id="p" d="M0 0h1"/></defs>
        <use href="https://evil.example/sprite.svg#icon"/><use xlink:href="sprite.svg#icon"/>
        <use href="#p"/><use href="data:image/svg+xml,&lt;svg onload=alert(1)&gt;"/></svg>
        """
        let result = try SVGSanitizer.sanitize(Array(source.utf8))
        #expect(try Self.elementNames(result.markup) == ["svg", "defs", "path", "use"])
        #expect(result.markup.contains(##"<use href="#p"/>"##))
        #expect(result.removed == ["href (external or script reference)", "xlink:href (external or script reference)"])
    }

    @Test("A DOCTYPE with entities is refused before parsing (billion laughs, XXE)")
    func entitiesRefused() {
        let laughs = """
        <?xml version="1.0"?>
        <!DOCTYPE svg [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>
        <svg><text>&lol2;</text></svg>
        """
        let xxe = ##"<!DOCTYPE svg [<!ENTITY x SYSTEM "file:///etc/passwd">]><svg><text>&x;</text></svg>"##
        let externalDTD = ##"<!DOCTYPE svg SYSTEM "http://evil.example/x.dtd"><svg><rect/></svg>"##
        for source in [laughs, xxe, externalDTD] {
            #expect(Self.error(source) == SVGSanitizer.doctypeRefusal)
        }
    }

    @Test("Illustrator's standard SVG 1.1 DOCTYPE is cut out and the logo accepted")
    func standardDoctype() throws {
        let source = """
        <?xml version="1.0" encoding="utf-8"?>
        <!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd">
        <svg version="1.1" id="Layer_1" x="0px" y="0px" viewBox="0 0 10 10"><rect width="10" height="10"/></svg>
        """
        let result = try SVGSanitizer.sanitize(Array(source.utf8))
        #expect(result.markup == ##"<svg xmlns="http://www.w3.org/2000/svg" id="Layer_1" viewBox="0 0 10 10" x="0px" y="0px"><rect height="10" width="10"/></svg>"##)
    }

    @Test("Inline styles and simple class rules become presentation attributes; unsafe CSS is dropped")
    func stylesBecomeAttributes() throws {
        let source = """
        <svg><style>/* Illustrator */ @import url(https://evil.example/a.css); .st0{fill:#E33 !important;stroke:url(https://evil.example/x)}
        .st1, .st2 { fill-opacity: .5 } @media print { .st0 { fill: blue } } rect.st0 { fill: green }</style>
        <rect class="st0 st2" fill="black" width="1" height="1"/>
        <circle class="st0" style="fill: url(#g); stroke:u\\72l(http://x); opacity:0.9; behavior: url(x.htc)" r="1"/>
        <path style="fill:expression(alert(1)); stroke: #123" d="M0 0"/></svg>
        """
        let result = try SVGSanitizer.sanitize(Array(source.utf8))
        #expect(result.markup.contains(##"<rect fill="#E33" fill-opacity=".5" height="1" width="1"/>"##))
        #expect(result.markup.contains(##"<circle fill="url(#g)" opacity="0.9" r="1"/>"##))
        #expect(result.markup.contains(##"<path d="M0 0" stroke="#123"/>"##))
        #expect(!result.markup.contains("style"))
        #expect(!result.markup.contains("class"))
        #expect(result.removed == ["fill (external or script reference)", "stroke (external or script reference)"])
    }

    @Test("Illustrator's CDATA style block colours its shapes")
    func illustratorStyleBlock() throws {
        let source = """
        <svg><defs><style><![CDATA[.cls-1{fill:#2f6b4f;}.cls-2{fill:none;stroke:#000;}]]></style></defs>
        <path class="cls-1" d="M0 0h2v2z"/><path class="cls-2" d="M0 0h1"/></svg>
        """
        let result = try SVGSanitizer.sanitize(Array(source.utf8))
        #expect(result.markup == ##"<svg xmlns="http://www.w3.org/2000/svg"><defs/><path d="M0 0h2v2z" fill="#2f6b4f"/>"##
            + ##"<path d="M0 0h1" fill="none" stroke="#000"/></svg>"##)
    }

    @Test("Presentation attributes with external url() or escapes are dropped")
    func unsafeAttributeValues() throws {
        let source = ##"<svg><rect fill="url('https://evil.example/p')" mask="url(&quot;#m&quot;)" stroke="u\72l(x)" width="1"/></svg>"##
        let result = try SVGSanitizer.sanitize(Array(source.utf8))
        #expect(result.markup == ##"<svg xmlns="http://www.w3.org/2000/svg"><rect mask="url(&quot;#m&quot;)" width="1"/></svg>"##)
    }

    @Test("Chains of <use> are cut so they cannot multiply into millions of shapes")
    func useBomb() throws {
        let source = """
        <svg><defs><path id="a" d="M0 0h1"/>
        <g id="b"><use href="#a"/><use href="#a"/></g>
        <g id="c"><use href="#b"/><use href="#b"/></g></defs>
        <use href="#c"/><use href="#a"/><use id="self" href="#self"/></svg>
        """
        let result = try SVGSanitizer.sanitize(Array(source.utf8))
        #expect(try Self.elementNames(result.markup) == ["svg", "defs", "path", "g", "use", "use", "g", "use"])
        #expect(result.removed == ["nested <use>"])
    }

    @Test("Text and attribute values are escaped on the way out")
    func escaping() throws {
        let source = ##"<svg><title>&lt;/title&gt;&lt;script&gt;x&lt;/script&gt; "quoted" &amp; 'single'</title><rect id="a&quot;&gt;&lt;b" fill="#fff"/></svg>"##
        let result = try SVGSanitizer.sanitize(Array(source.utf8))
        #expect(result.markup.contains("<title>&lt;/title&gt;&lt;script&gt;x&lt;/script&gt; \"quoted\" &amp; 'single'</title>"))
        #expect(result.markup.contains(##"id="a&quot;&gt;&lt;b""##))
        #expect(try Self.elementNames(result.markup) == ["svg", "title", "rect"])
    }

    @Test("Editor metadata and foreign namespaces go quietly; Illustrator's <switch> is unwrapped")
    func editorCruft() throws {
        let source = """
        <svg xmlns:inkscape="http://www.inkscape.org/namespaces/inkscape" inkscape:version="1.3" data-name="Layer 1">
        <metadata><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"/></metadata>
        <sodipodi:namedview xmlns:sodipodi="http://sodipodi.sourceforge.net/DTD/sodipodi-0.dtd"/>
        <switch><foreignObject requiredExtensions="http://ns.adobe.com/AdobeIllustrator/10.0/"/><g><rect width="2" height="2" inkscape:label="box"/></g></switch>
        <!-- a comment --><?xml-stylesheet href="https://evil.example/s.css"?></svg>
        """
        let result = try SVGSanitizer.sanitize(Array(source.utf8))
        #expect(result.markup == ##"<svg xmlns="http://www.w3.org/2000/svg"><g><rect height="2" width="2"/></g></svg>"##)
        #expect(result.removed == ["<foreignObject>"])
    }

    @Test("Files that can't be read safely, or leave nothing to draw, are refused", arguments: [
        ("<svg><rect></svg>", LogoError.Reason.unreadableSVG),
        (##"<?xml version="1.0"?><html><body/></html>"##, .unreadableSVG),
        (##"<?xml version="1.0" encoding="ISO-8859-1"?><svg><rect/></svg>"##, .unreadableSVG),
        (##"<svg><image href="data:image/png;base64,iVBORw0KGgo="/></svg>"##, .unsafeSVG),
        ("<svg><script>alert(1)</script></svg>", .unsafeSVG),
        ("<svg><title>Only words</title></svg>", .unsafeSVG),
        (String(repeating: "<g>", count: 70) + "<svg/>" + String(repeating: "</g>", count: 70), .unreadableSVG),
    ])
    func refused(source: String, reason: LogoError.Reason) {
        #expect(Self.error(source)?.reason == reason)
    }

    @Test("The refusal for a picture wrapped in SVG says what to upload instead")
    func wrappedPicture() {
        let message = Self.error(##"<svg><image href="data:image/png;base64,AAAA"/></svg>"##)?.message
        #expect(message == "This SVG has nothing left to show once unsafe parts are removed (<image>). "
            + "If it only wraps a picture, upload the picture as PNG or JPEG instead.")
        #expect(Self.error("<svg><title>Only words</title></svg>")?.message
            == "This SVG has nothing left to show once unsafe parts are removed. "
            + "If it only wraps a picture, upload the picture as PNG or JPEG instead.")
    }
}

extension SVGSanitizerTests {
    static func error(_ source: String) -> LogoError? {
        do { _ = try SVGSanitizer.sanitize(Array(source.utf8)); return nil } catch { return error as? LogoError }
    }

    /// Parses the output with a real XML parser: proves it is well-formed and lists its elements.
    static func elementNames(_ markup: String) throws -> [String] {
        final class Collector: NSObject, XMLParserDelegate {
            var names: [String] = []
            func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                        qualifiedName: String?, attributes: [String: String] = [:]) {
                names.append(elementName)
            }
        }
        let collector = Collector()
        let parser = XMLParser(data: Data(markup.utf8))
        parser.delegate = collector
        try #require(parser.parse(), "not well-formed: \(markup)")
        return collector.names
    }
}
