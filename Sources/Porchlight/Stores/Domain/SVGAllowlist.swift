import Foundation

/// What a logo may contain. Everything else is dropped, so a new attack in an element or attribute
/// we have never heard of is covered by default. Names are case-sensitive, as in SVG.
enum SVGAllowlist {
    static let elements: Set<String> = [
        "svg", "g", "defs", "symbol", "use", "title", "desc",
        "path", "rect", "circle", "ellipse", "line", "polyline", "polygon", "text", "tspan",
        "linearGradient", "radialGradient", "stop", "clipPath", "mask",
    ]

    /// Containers whose children are kept while the element itself goes: Illustrator wraps whole
    /// drawings in `<switch>` (next to a `<foreignObject>` we drop), and `<a>` only adds a link.
    static let unwrapped: Set<String> = ["switch", "a"]

    /// Where text is content; elsewhere text nodes are only indentation.
    static let textElements: Set<String> = ["text", "tspan", "title", "desc"]

    /// Elements that put something on screen; a logo with none of them left is refused.
    static let drawing: Set<String> = ["path", "rect", "circle", "ellipse", "line", "polyline", "polygon", "text", "use"]

    /// Reported back to the merchant when dropped: content that runs code, loads something or
    /// changes attributes at run time (`<set attributeName="href" to="javascript:…">`).
    static let active: Set<String> = [
        "script", "foreignObject", "image", "iframe", "embed", "object",
        "animate", "animateMotion", "animateTransform", "animateColor", "set", "handler", "listener",
        "feImage", "font-face-uri", "audio", "video", "link", "meta", "base",
    ]

    /// Elements that may point at another element in the same file (`href="#id"`, nothing else).
    static let hrefElements: Set<String> = ["use", "linearGradient", "radialGradient"]
    static let hrefAttributes: Set<String> = ["href", "xlink:href"]

    /// Presentation properties: valid as attributes and as `style` or `<style>` declarations.
    static let presentation: Set<String> = [
        "fill", "fill-opacity", "fill-rule", "stroke", "stroke-width", "stroke-linecap", "stroke-linejoin",
        "stroke-miterlimit", "stroke-dasharray", "stroke-dashoffset", "stroke-opacity", "opacity",
        "stop-color", "stop-opacity", "clip-path", "clip-rule", "mask", "color", "display", "visibility",
        "font-family", "font-size", "font-weight", "font-style", "font-variant", "font-stretch",
        "text-anchor", "dominant-baseline", "alignment-baseline", "baseline-shift", "letter-spacing",
        "word-spacing", "text-decoration", "writing-mode", "direction", "vector-effect", "shape-rendering",
        "text-rendering", "color-interpolation", "paint-order", "overflow", "mix-blend-mode", "isolation",
    ]

    /// Geometry and structure, valid as attributes only.
    static let geometry: Set<String> = [
        "id", "x", "y", "x1", "y1", "x2", "y2", "cx", "cy", "r", "rx", "ry", "fx", "fy", "fr",
        "width", "height", "d", "points", "pathLength", "transform", "viewBox", "preserveAspectRatio",
        "dx", "dy", "rotate", "textLength", "lengthAdjust", "offset", "gradientUnits", "gradientTransform",
        "spreadMethod", "clipPathUnits", "maskUnits", "maskContentUnits", "refX", "refY",
        "xml:space", "xml:lang", "lang",
    ]

    static func allowsAttribute(_ name: String, on element: String) -> Bool {
        if hrefAttributes.contains(name) { return hrefElements.contains(element) }
        return presentation.contains(name) || geometry.contains(name)
    }

    /// Dropped attributes worth telling the merchant about: event handlers and links.
    static func isActiveAttribute(_ name: String) -> Bool {
        name.lowercased().hasPrefix("on") || name.hasSuffix("href")
    }
}
