import Metrics
import Prometheus
import Vapor

/// `GET /metrics` in Prometheus text format. Queue gauges are read from the database at scrape time,
/// so every instance reports the shared queue's true depth.
enum MetricsController {
    @Sendable static func show(req: Request) async throws -> Response {
        let registry = req.application.services.metricsRegistry
        let inspector = JobInspector(database: req.db, world: req.application.world, storeID: nil)
        for (state, count) in try await inspector.counts() {
            registry.makeGauge(name: "porchlight_jobs", labels: [("state", state.rawValue)],
                               help: "Jobs in the queue by state.").set(Double(count))
        }
        registry.makeGauge(name: "porchlight_jobs_oldest_due_age_seconds",
                           help: "How long the longest-waiting due job has waited.").set(try await inspector.oldestDueAge())
        var buffer: [UInt8] = []
        registry.emit(into: &buffer)
        let response = Response(status: .ok, body: .init(data: Data(buffer)))
        response.headers.replaceOrAdd(name: .contentType, value: "text/plain; version=0.0.4; charset=utf-8")
        return response
    }
}
