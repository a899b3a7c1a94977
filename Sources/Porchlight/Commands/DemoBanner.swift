import Foundation

/// What `porchlight demo` tells a new user: where to look and how to poke the API.
struct DemoBanner {
    let site: SiteURL
    let seeded: DemoSeeder.Seeded
    let ownerPassword: String

    var text: String {
        """

        Porchlight demo is running: "Maple & Moss", 20 orders, shipments moving every few seconds.

          The merchant's dashboard (what needs attention, orders, setup, settings):
            \(site.base)/admin   sign in as \(DemoAccount.email), password \(ownerPassword)
          A customer's private tracking page:
            \(site.absolute(.tracking(token: seeded.featuredToken)))
          The store's order lookup (try order \(seeded.featuredOrderNumber) with \(seeded.featuredEmail)):
            \(site.absolute(.lookup(slug: seeded.store.slug)))
          The emails customers are sent (no mail server is set, so they land in the outbox):
            \(site.absolute(.outbox))
          The store's API key (shown once):
            \(seeded.apiKey)

          Try the API:
            curl -s -H "Authorization: Bearer \(seeded.apiKey)" \(site.base)/api/v1/orders?status=InTransit

        Press Ctrl-C to stop. The demo database is recreated on every start.

        """
    }
}
