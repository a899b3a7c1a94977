import Foundation

extension DeliveriesChart {
    /// The chart as inline SVG for the dashboard page.
    ///
    /// The page's CSP allows no `style` attributes and no scripts, so there are none: colour comes
    /// from the page through `currentColor` and the classes `deliveries-chart`, `chart-bar`,
    /// `chart-hit`, `chart-grid`, `chart-baseline` and `chart-label`. Screen readers get the
    /// `<title>` and `<desc>`; each day's `<title>` is a tooltip for the pointer.
    var svg: String {
        let layout = Layout(width: Double(width), height: Double(height), count: days.count)
        let peak = days.map(\.count).max() ?? 0
        let titleID = XMLEscape.attribute(idPrefix + "-title"), descID = XMLEscape.attribute(idPrefix + "-desc")
        var out = #"<svg xmlns="http://www.w3.org/2000/svg" class="deliveries-chart" viewBox="0 0 \#(width) \#(height)" "#
            + #"width="\#(width)" height="\#(height)" role="img" aria-labelledby="\#(titleID) \#(descID)">"#
        out += #"<title id="\#(titleID)">\#(XMLEscape.text(title))</title>"#
        out += #"<desc id="\#(descID)">\#(XMLEscape.text(summary))</desc>"#
        if peak > 0 {
            out += line("chart-grid", y: layout.top, layout, extra: #" stroke-opacity="0.25" stroke-dasharray="2 3""#)
        }
        out += #"<g class="chart-days" fill="currentColor">"#
        for (index, day) in days.enumerated() {
            out += #"<g class="chart-day"><title>\#(XMLEscape.text(Self.tooltip(day)))</title>"#
            out += #"<rect class="chart-hit" x="\#(number(layout.bandX(index)))" y="\#(number(layout.top))" "#
                + #"width="\#(number(layout.band))" height="\#(number(layout.plotHeight))" fill="none" pointer-events="all"/>"#
            if day.count > 0 {
                let barHeight = max(1, layout.plotHeight * Double(day.count) / Double(peak))
                out += #"<rect class="chart-bar" x="\#(number(layout.bandX(index) + layout.band * 0.1))" "#
                    + #"y="\#(number(layout.baseline - barHeight))" width="\#(number(layout.band * 0.8))" "#
                    + #"height="\#(number(barHeight))"/>"#
            }
            out += "</g>"
        }
        out += "</g>"
        out += line("chart-baseline", y: layout.baseline, layout, extra: "")
        // The peak sits level with the top gridline; with nothing to show, "0" sits on the baseline.
        out += label(String(peak), x: layout.left - 6, y: peak > 0 ? layout.top + 4 : layout.baseline + 4,
                     anchor: "end", extra: " chart-max")
        if let first = days.first {
            out += label(Self.shortLabel(first.day), x: layout.left, y: Double(height) - 5, anchor: "start", extra: "")
        }
        if days.count > 1, let last = days.last {
            out += label(Self.shortLabel(last.day), x: layout.right, y: Double(height) - 5, anchor: "end", extra: "")
        }
        return out + "</svg>"
    }

    /// Convenience for templates: `DeliveriesChart.svg(days: DeliveriesChart.fillDays(…))`.
    static func svg(days: [Day], width: Int = 600, height: Int = 160) -> String {
        DeliveriesChart(days: days, width: width, height: height).svg
    }

    /// "Tue 10 Nov: 24 deliveries"
    static func tooltip(_ day: Day) -> String {
        "\(longLabel(day.day)): \(day.count == 0 ? "no deliveries" : deliveries(day.count))"
    }

    /// Plot area inside the labels: the peak label sits left of it, dates below it.
    private struct Layout {
        var width: Double, height: Double, count: Int
        var left: Double { 36 }
        var right: Double { width - 4 }
        var top: Double { 8 }
        var baseline: Double { height - 20 }
        var plotHeight: Double { baseline - top }
        var band: Double { (right - left) / Double(max(count, 1)) }
        func bandX(_ index: Int) -> Double { left + band * Double(index) }
    }

    private func line(_ kind: String, y: Double, _ layout: Layout, extra: String) -> String {
        #"<line class="\#(kind)" x1="\#(number(layout.left))" y1="\#(number(y))" "#
            + #"x2="\#(number(layout.right))" y2="\#(number(y))" stroke="currentColor" stroke-width="1"\#(extra)/>"#
    }

    private func label(_ text: String, x: Double, y: Double, anchor: String, extra: String) -> String {
        #"<text class="chart-label\#(extra)" x="\#(number(x))" y="\#(number(y))" text-anchor="\#(anchor)" "#
            + #"font-size="11" fill="currentColor">\#(XMLEscape.text(text))</text>"#
    }

    /// Two decimals at most and no trailing zeros: short, and identical on every machine.
    private func number(_ value: Double) -> String {
        let rounded = (value * 100).rounded() / 100
        return rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)
    }
}
