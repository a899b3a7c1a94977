import Foundation

/// What a person may do in the dashboard. The owner runs the account; staff handle orders and customers.
enum UserRole: String, Sendable, Codable, CaseIterable {
    case owner, staff

    /// Keys, users and integrations carry secrets or grant access, so only owners manage them.
    var managesAccess: Bool { self == .owner }

    var label: String { self == .owner ? "Owner" : "Staff" }
}

/// A signed-in person, as the dashboard sees them.
struct DashboardUser: Sendable, Equatable {
    var id: UUID
    var storeID: UUID
    var email: String
    var name: String
    var role: UserRole
}
