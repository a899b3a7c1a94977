import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
@testable import Porchlight

@Suite("Deliveries chart on the dashboard home")
struct DeliveriesChartTests {
    static let utc = TimeZone(identifier: "UTC")!
    /// Monday 30 November 2026, 15:00 UTC.
    static let now = Date(timeIntervalSince1970: 1_796_050_800)

    @Test("Missing days are filled with zeros, first and last day included")
    func fillsGaps() {
        let start = Self.now.addingTimeInterval(-4 * 86_400)
        let days = DeliveriesChart.fillDays(["2026-11-27": 3, "2026-11-30": 1, "2026-11-01": 99], from: start, to: Self.now)
        #expect(days == [
            .init(day: "2026-11-26", count: 0), .init(day: "2026-11-27", count: 3), .init(day: "2026-11-28", count: 0),
            .init(day: "2026-11-29", count: 0), .init(day: "2026-11-30", count: 1),
        ])
        #expect(DeliveriesChart.fillDays([:], from: Self.now, to: start).isEmpty)
    }

    @Test("Days follow the store's time zone, across a daylight-saving change")
    func timeZones() {
        let newYork = TimeZone(identifier: "America/New_York")!
        // 2026-11-01 is the night clocks go back in New York.
        let days = DeliveriesChart.lastDays(4, endingAt: Self.now, timeZone: newYork, counts: [:]).map(\.day)
        #expect(days == ["2026-11-27", "2026-11-28", "2026-11-29", "2026-11-30"])
        let acrossChange = DeliveriesChart.fillDays([:], from: Date(timeIntervalSince1970: 1_793_448_000),
                                                    to: Date(timeIntervalSince1970: 1_793_448_000 + 3 * 86_400), timeZone: newYork)
        #expect(acrossChange.map(\.day) == ["2026-10-31", "2026-11-01", "2026-11-02", "2026-11-03"])
        // 23:30 UTC on the 30th is already the 1st in Tokyo.
        let tokyo = DeliveriesChart.lastDays(2, endingAt: Self.now.addingTimeInterval(8.5 * 3_600),
                                             timeZone: TimeZone(identifier: "Asia/Tokyo")!, counts: [:])
        #expect(tokyo.map(\.day) == ["2026-11-30", "2026-12-01"])
        #expect(DeliveriesChart.lastDays(30, endingAt: Self.now, counts: [:]).count == 30)
        #expect(DeliveriesChart.lastDays(5_000, endingAt: Self.now, counts: [:]).count == DeliveriesChart.maximumDays)
    }

    @Test("The summary gives the total, the period and the busiest day")
    func summary() {
        var counts = ["2026-11-10": 24, "2026-11-20": 24, "2026-11-12": 3]
        #expect(Self.chart(counts).summary == "51 deliveries in the last 30 days, most on Fri 20 Nov (24).")
        counts["2026-11-10"] = 25
        #expect(Self.chart(counts).summary == "52 deliveries in the last 30 days, most on Tue 10 Nov (25).")
        #expect(Self.chart([:]).summary == "No deliveries in the last 30 days.")
        #expect(DeliveriesChart(days: []).summary == "No deliveries to show yet.")
        #expect(DeliveriesChart(days: [.init(day: "2026-11-30", count: 1)]).summary == "1 delivery on Mon 30 Nov.")
    }

    @Test("No data still draws a well-formed, labelled chart")
    func empty() throws {
        let svg = DeliveriesChart(days: []).svg
        let parsed = try Self.parse(svg)
        #expect(parsed.names == ["svg", "title", "desc", "g", "line", "text"])
        #expect(parsed.texts.contains("No deliveries to show yet."))
    }

    @Test("All zeros: no bars, no division by zero, a 0 label on the baseline")
    func allZeros() throws {
        let svg = Self.chart([:]).svg
        #expect(!svg.contains("nan") && !svg.contains("inf"))
        let parsed = try Self.parse(svg)
        #expect(parsed.count("rect") == 30, "one pointer target per day")
        #expect(!svg.contains("chart-bar"))
        #expect(!svg.contains("chart-grid"))
        #expect(svg.contains(#"<text class="chart-label chart-max" x="30" y="144" text-anchor="end" font-size="11" fill="currentColor">0</text>"#))
    }

    @Test("One big day reaches the top; a small day still shows as a sliver")
    func oneBigDay() throws {
        let svg = Self.chart(["2026-11-30": 1_000, "2026-11-01": 1]).svg
        let bars = svg.components(separatedBy: #"<rect class="chart-bar" "#).dropFirst()
        #expect(bars.count == 2)
        #expect(bars.first?.contains(#"height="1"/>"#) == true, "1 of 1000 is drawn at the 1px minimum")
        #expect(bars.last?.contains(#"y="8" width="14.93" height="132"/>"#) == true, "the peak fills the plot")
        #expect(svg.contains(">1000</text>"))
    }

    @Test("Labels: peak, first and last date, a tooltip for every day")
    func labels() throws {
        let parsed = try Self.parse(Self.chart(["2026-11-10": 24]).svg)
        #expect(parsed.texts.contains("24"))
        #expect(parsed.texts.contains("1 Nov"))
        #expect(parsed.texts.contains("30 Nov"))
        #expect(parsed.texts.contains("Tue 10 Nov: 24 deliveries"))
        #expect(parsed.texts.contains("Wed 11 Nov: no deliveries"))
        #expect(parsed.count("title") == 31)
    }

    @Test("Accessible, and safe under the page CSP: role, labels, no style, scripts or links")
    func accessibleAndInert() {
        let svg = Self.chart(["2026-11-10": 5]).svg
        #expect(svg.hasPrefix(#"<svg xmlns="http://www.w3.org/2000/svg" class="deliveries-chart" viewBox="0 0 600 160" "#
            + #"width="600" height="160" role="img" aria-labelledby="deliveries-chart-title deliveries-chart-desc">"#))
        #expect(svg.contains(#"<title id="deliveries-chart-title">Deliveries per day</title>"#))
        #expect(svg.contains(#"<desc id="deliveries-chart-desc">5 deliveries in the last 30 days, most on Tue 10 Nov (5).</desc>"#))
        for forbidden in ["style", "script", "href", "url(", "fill=\"#"] {
            #expect(!svg.contains(forbidden), "\(forbidden)")
        }
    }

    @Test("Every piece of text and every attribute is escaped")
    func escaping() throws {
        let chart = DeliveriesChart(days: [.init(day: "<script>&", count: 2), .init(day: "\"x\" onload='y'", count: -3)],
                                    title: "Tom & Jerry's <b>", idPrefix: "a\" onload=\"x")
        let parsed = try Self.parse(chart.svg)
        #expect(parsed.names.first == "svg")
        #expect(parsed.texts.contains("Tom & Jerry's <b>"))
        #expect(parsed.texts.contains("<script>&"))
        #expect(parsed.texts.contains("\"x\" onload='y': no deliveries"), "negative counts are read as zero")
        #expect(parsed.attributes.contains("a\" onload=\"x-title"))
        #expect(!chart.svg.contains("<script>"))
    }
}

extension DeliveriesChartTests {
    static func chart(_ counts: [String: Int]) -> DeliveriesChart {
        DeliveriesChart(days: DeliveriesChart.lastDays(30, endingAt: now, timeZone: utc, counts: counts))
    }

    struct Parsed {
        var names: [String] = []
        var texts: [String] = []
        var attributes: [String] = []
        func count(_ name: String) -> Int { names.filter { $0 == name }.count }
    }

    /// A real XML parser proves the output is well-formed and reads back the unescaped text.
    static func parse(_ svg: String) throws -> Parsed {
        final class Collector: NSObject, XMLParserDelegate {
            var parsed = Parsed()
            func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                        qualifiedName: String?, attributes: [String: String] = [:]) {
                parsed.names.append(elementName)
                parsed.attributes += attributes.values
                parsed.texts.append("")
            }
            func parser(_ parser: XMLParser, foundCharacters string: String) {
                parsed.texts[parsed.texts.count - 1] += string
            }
        }
        let collector = Collector()
        let parser = XMLParser(data: Data(svg.utf8))
        parser.delegate = collector
        try #require(parser.parse() && parser.parserError == nil, "not well-formed: \(svg)")
        return collector.parsed
    }
}
