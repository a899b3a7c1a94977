import Foundation

/// Copies the allowed parts of a parsed SVG into a fresh tree, noting what active content it left out.
struct SVGCleaner {
    private let rules: [SVGStyle.ClassRule]
    private(set) var removed: Set<String> = []

    init(styleSheet: String) {
        let parsed = SVGStyle.classRules(styleSheet)
        rules = parsed.rules
        removed.formUnion(parsed.unsafe.map(Self.unsafeValueLabel))
    }

    /// The cleaned copy of `node`: nothing, itself, or (for an unwrapped container) its children.
    mutating func clean(_ node: SVGNode, inText: Bool) -> [SVGNode.Child] {
        if SVGAllowlist.unwrapped.contains(node.name) {
            for name in node.attributes.keys where SVGAllowlist.isActiveAttribute(name) { removed.insert(name) }
            return cleanChildren(of: node, inText: inText)
        }
        guard SVGAllowlist.elements.contains(node.name) else {
            if SVGAllowlist.active.contains(node.name) { removed.insert("<\(node.name)>") }
            return []
        }
        let copy = SVGNode(name: node.name, attributes: attributes(of: node))
        // A `<use>` whose link pointed outside the file has lost it, and draws nothing without it.
        if node.name == "use", !copy.attributes.keys.contains(where: SVGAllowlist.hrefAttributes.contains) { return [] }
        copy.children = cleanChildren(of: node, inText: inText || SVGAllowlist.textElements.contains(node.name))
        return [.element(copy)]
    }

    /// `<use>` may not show anything that itself contains a `<use>`. Chains of them multiply
    /// (ten uses of ten uses of …) into millions of shapes that hang the browser, and one level is
    /// all that icon sprites and repeated marks need.
    mutating func dropNestedUse(in root: SVGNode) {
        var holdingUse: Set<String> = []
        _ = Self.markIDsHoldingUse(root, into: &holdingUse)
        if Self.pruneUse(in: root, pointingAt: holdingUse) > 0 { removed.insert("nested <use>") }
    }

    private mutating func cleanChildren(of node: SVGNode, inText: Bool) -> [SVGNode.Child] {
        var children: [SVGNode.Child] = []
        for child in node.children {
            switch child {
            case .element(let element): children += clean(element, inText: inText)
            case .text(let text) where inText: children.append(.text(text))
            case .text: continue  // indentation between shapes
            }
        }
        return children
    }

    private mutating func attributes(of node: SVGNode) -> [String: String] {
        var result: [String: String] = [:]
        for (name, value) in node.attributes where name != "style" && name != "class" {
            guard SVGAllowlist.allowsAttribute(name, on: node.name) else {
                if SVGAllowlist.isActiveAttribute(name) { removed.insert(name) }
                continue
            }
            let isSafe = SVGAllowlist.hrefAttributes.contains(name)
                ? SVGStyle.isLocalReference(value) : SVGStyle.isSafeValue(value)
            if isSafe { result[name] = value } else { removed.insert(Self.unsafeValueLabel(name)) }
        }
        // As in CSS: the style sheet outranks presentation attributes and inline style outranks both.
        // `class` itself is not kept, so page CSS can never restyle an inlined logo by accident.
        let classes = Set((node.attributes["class"] ?? "").split(whereSeparator: \.isWhitespace).map(String.init))
        for rule in rules where !rule.classes.isDisjoint(with: classes) {
            for declaration in rule.declarations { result[declaration.name] = declaration.value }
        }
        if let style = node.attributes["style"] {
            let parsed = SVGStyle.declarations(style)
            for declaration in parsed.kept { result[declaration.name] = declaration.value }
            removed.formUnion(parsed.unsafe.map(Self.unsafeValueLabel))
        }
        return result
    }

    private static func unsafeValueLabel(_ name: String) -> String { "\(name) (external or script reference)" }

    private static func markIDsHoldingUse(_ node: SVGNode, into ids: inout Set<String>) -> Bool {
        var holdsUse = node.name == "use"
        for child in node.elements where markIDsHoldingUse(child, into: &ids) { holdsUse = true }
        if holdsUse, let id = node.attributes["id"] { ids.insert(id) }
        return holdsUse
    }

    private static func pruneUse(in node: SVGNode, pointingAt ids: Set<String>) -> Int {
        var pruned = 0
        node.children.removeAll { child in
            guard case .element(let element) = child, element.name == "use" else { return false }
            let target = SVGAllowlist.hrefAttributes.lazy.compactMap { element.attributes[$0] }.first
            let nested = target.map { ids.contains(String($0.trimmingCharacters(in: .whitespaces).dropFirst())) } ?? false
            if nested { pruned += 1 }
            return nested
        }
        for child in node.elements { pruned += pruneUse(in: child, pointingAt: ids) }
        return pruned
    }
}
