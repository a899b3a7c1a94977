import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// An uploaded SVG read into memory as plain elements and text, before anything is allowed.
/// Reference type because the parser builds it incrementally; it never leaves the sanitiser.
final class SVGNode {
    enum Child {
        case element(SVGNode)
        case text(String)
    }

    let name: String
    var attributes: [String: String]
    var children: [Child] = []

    init(name: String, attributes: [String: String]) {
        self.name = name
        self.attributes = attributes
    }

    var elements: [SVGNode] {
        children.compactMap { if case .element(let node) = $0 { node } else { nil } }
    }

    var textContent: String {
        children.map {
            switch $0 {
            case .element(let node): node.textContent
            case .text(let text): text
            }
        }.joined()
    }
}

/// Reads the document with entity declarations and external entities switched off.
/// The caller has already refused any DOCTYPE; the delegate refusals are a second lock on the
/// same door, in case a parser ever reports a declaration the text scan missed.
final class SVGTreeBuilder: NSObject, XMLParserDelegate {
    /// Deeper than this is not a drawing, and recursion over it later could exhaust the stack.
    static let maximumDepth = 64

    private var stack: [SVGNode] = []
    private(set) var root: SVGNode?
    private(set) var refusal: LogoError?
    /// Line of the first syntax error. swift-corelibs-foundation's `parse()` can return true after
    /// an error at the end of the document (an unclosed tag), so errors are collected here.
    private(set) var errorLine: Int?

    static func parse(_ bytes: [UInt8]) throws -> SVGNode {
        let builder = SVGTreeBuilder()
        let parser = XMLParser(data: Data(bytes))
        parser.shouldResolveExternalEntities = false
        parser.shouldProcessNamespaces = false
        parser.shouldReportNamespacePrefixes = false
        parser.delegate = builder
        let parsed = parser.parse()
        if let refusal = builder.refusal { throw refusal }
        guard parsed, builder.errorLine == nil, let root = builder.root else {
            let line = builder.errorLine ?? parser.lineNumber
            throw LogoError(.unreadableSVG, "This SVG file isn't well-formed (problem near line \(line)). "
                + "Try exporting it again.")
        }
        return root
    }

    func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                qualifiedName: String?, attributes: [String: String] = [:]) {
        guard stack.count < Self.maximumDepth else {
            return refuse(parser, LogoError(.unreadableSVG, "This SVG is nested too deeply to be a logo."))
        }
        let node = SVGNode(name: elementName, attributes: attributes)
        if let parent = stack.last { parent.children.append(.element(node)) } else if root == nil { root = node }
        stack.append(node)
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?) {
        _ = stack.popLast()
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        stack.last?.children.append(.text(string))
    }

    func parser(_ parser: XMLParser, foundCDATA CDATABlock: Data) {
        stack.last?.children.append(.text(String(decoding: CDATABlock, as: UTF8.self)))
    }

    /// Namespace errors (libxml2 codes 2xx, e.g. `xlink:href` without `xmlns:xlink`) are forgiven:
    /// the document is still well-formed XML, and the output declares the namespaces it uses.
    func parser(_ parser: XMLParser, parseErrorOccurred parseError: Error) {
        guard !(200..<300).contains((parseError as NSError).code), errorLine == nil else { return }
        errorLine = parser.lineNumber
    }

    func parser(_ parser: XMLParser, foundInternalEntityDeclarationWithName name: String, value: String?) {
        refuseDeclarations(parser)
    }

    func parser(_ parser: XMLParser, foundExternalEntityDeclarationWithName name: String, publicID: String?, systemID: String?) {
        refuseDeclarations(parser)
    }

    func parser(_ parser: XMLParser, foundUnparsedEntityDeclarationWithName name: String, publicID: String?,
                systemID: String?, notationName: String?) {
        refuseDeclarations(parser)
    }

    func parser(_ parser: XMLParser, resolveExternalEntityName name: String, systemID: String?) -> Data? {
        refuseDeclarations(parser)
        return nil
    }

    private func refuseDeclarations(_ parser: XMLParser) {
        refuse(parser, SVGSanitizer.doctypeRefusal)
    }

    private func refuse(_ parser: XMLParser, _ error: LogoError) {
        if refusal == nil { refusal = error }
        parser.abortParsing()
    }
}
