import Foundation

/// The colours a page actually uses, derived from whatever the merchant picked so that
/// every pairing of text and background meets WCAG AA (4.5:1 for body text).
struct BrandPalette: Sendable, Equatable {
    static let minimumContrast = 4.5

    var background: HexColor
    var text: HexColor
    var mutedText: HexColor
    var accent: HexColor
    var onAccent: HexColor
    /// The accent adjusted until it reads as text on the background (links, headings).
    var accentText: HexColor

    init(accent: HexColor, background: HexColor) {
        self.background = background
        text = Self.readableText(on: background)
        mutedText = Self.strongestMix(from: text, toward: background, keeping: Self.minimumContrast, on: background)
        self.accent = accent
        onAccent = Self.readableText(on: accent)
        accentText = Self.adjusted(accent, toReadOn: background)
    }

    /// Dark text on light backgrounds, white on dark: whichever contrasts more.
    static func readableText(on background: HexColor) -> HexColor {
        let dark = background.contrastRatio(with: .nearBlack) >= minimumContrast ? HexColor.nearBlack : .black
        return background.contrastRatio(with: dark) >= background.contrastRatio(with: .white) ? dark : .white
    }

    /// Moves a colour toward black or white just far enough to pass on the background.
    static func adjusted(_ color: HexColor, toReadOn background: HexColor) -> HexColor {
        if color.contrastRatio(with: background) >= minimumContrast { return color }
        let target = readableText(on: background) == .white ? HexColor.white : HexColor.black
        var amount = 0.0
        var candidate = color
        while candidate.contrastRatio(with: background) < minimumContrast && amount < 1 {
            amount += 0.05
            candidate = color.mixed(with: target, amount: min(amount, 1))
        }
        return candidate
    }

    /// The softest mix of `text` toward `toward` that still keeps the contrast, for secondary text.
    private static func strongestMix(from text: HexColor, toward: HexColor, keeping ratio: Double,
                                     on background: HexColor) -> HexColor {
        var best = text
        for step in 1...10 {
            let candidate = text.mixed(with: toward, amount: Double(step) * 0.05)
            guard candidate.contrastRatio(with: background) >= ratio + 0.3 else { break }
            best = candidate
        }
        return best
    }
}
