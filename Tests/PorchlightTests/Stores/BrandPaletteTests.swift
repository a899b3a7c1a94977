import Testing
@testable import Porchlight

@Suite("Brand colours stay readable")
struct BrandPaletteTests {
    static let channel = stride(from: 0, through: 255, by: 51).map { Double($0) / 255 }
    static let colours = channel.flatMap { r in channel.flatMap { g in channel.map { b in HexColor(red: r, green: g, blue: b) } } }

    @Test("Every text pairing meets WCAG AA for any accent and background")
    func contrastForAnyBrand() {
        for accent in Self.colours.prefix(216) {
            for background in Self.colours where Int(background.red * 255) % 102 == 0 {
                let palette = BrandPalette(accent: accent, background: background)
                #expect(palette.text.contrastRatio(with: palette.background) >= 4.5)
                #expect(palette.mutedText.contrastRatio(with: palette.background) >= 4.5)
                #expect(palette.accentText.contrastRatio(with: palette.background) >= 4.5,
                        "accent \(accent) on \(background)")
                #expect(palette.onAccent.contrastRatio(with: palette.accent) >= 4.5, "on accent \(accent)")
            }
        }
    }

    @Test("A readable accent is left exactly as the merchant chose it")
    func keepsGoodColours() {
        let palette = BrandPalette(accent: HexColor("#2f6b4f")!, background: HexColor("#fbf8f3")!)
        #expect(palette.accentText == HexColor("#2f6b4f")!)
        #expect(palette.text == .nearBlack)
        #expect(palette.onAccent == .white)
    }

    @Test("Hex colours parse in the usual spellings and refuse the rest")
    func parsing() {
        #expect(HexColor("#ABC")?.description == "#aabbcc")
        #expect(HexColor("2f6b4f")?.description == "#2f6b4f")
        #expect(HexColor("#2f6b4") == nil)
        #expect(HexColor("red") == nil)
        #expect(HexColor("#12345g") == nil)
    }

    @Test("Font names cannot escape their CSS declaration")
    func fontStackIsSanitised() {
        let branding = StoreBranding(name: "x", font: "Georgia\"; } body { display:none")
        #expect(!branding.fontStack.contains(";"))
        #expect(!branding.fontStack.contains("}"))
        #expect(branding.fontStack.hasPrefix("\"Georgia  body  displaynone\""))
    }
}
