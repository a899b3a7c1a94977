import Foundation

/// Writes a cleaned tree. Element and attribute names come from the allowlist; every value and
/// text is escaped here, whatever the input said.
enum SVGWriter {
    static func markup(_ root: SVGNode) -> String {
        var out = ""
        write(root, isRoot: true, into: &out)
        return out
    }

    private static func write(_ node: SVGNode, isRoot: Bool, into out: inout String) {
        out += "<" + node.name
        if isRoot {
            out += " xmlns=\"http://www.w3.org/2000/svg\""
            if usesXlink(node) { out += " xmlns:xlink=\"http://www.w3.org/1999/xlink\"" }
        }
        for (name, value) in node.attributes.sorted(by: { $0.key < $1.key }) {
            out += " \(name)=\"\(XMLEscape.attribute(value))\""
        }
        guard !node.children.isEmpty else { return out += "/>" }
        out += ">"
        for child in node.children {
            switch child {
            case .element(let element): write(element, isRoot: false, into: &out)
            case .text(let text): out += XMLEscape.text(text)
            }
        }
        out += "</\(node.name)>"
    }

    private static func usesXlink(_ node: SVGNode) -> Bool {
        node.attributes["xlink:href"] != nil || node.elements.contains(where: usesXlink)
    }
}
