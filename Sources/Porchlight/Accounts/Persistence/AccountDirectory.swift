import Fluent
import Foundation

/// Sign-up and sign-in. The only place that writes `users`' passwords and lock-out counters.
struct AccountDirectory: Sendable {
    let database: Database
    let world: World
    let hashing: PasswordHashing
    var throttle = LoginThrottle.Policy.perAccount

    struct SignUp: Sendable {
        var storeName: String
        var slug: String
        var name: String
        var email: String
        var password: String
    }

    enum SignInResult: Sendable {
        case signedIn(UserRecord)
        case rejected
        case locked(until: Date)
    }

    func signUp(_ form: SignUp, stores: StoreDirectory) async throws -> (user: UserRecord, store: StoreRecord) {
        let email = EmailAddress.normalized(form.email)
        guard EmailAddress.isPlausible(email) else { throw AccountError.invalid("Enter your email address.") }
        let name = form.name.trimmingCharacters(in: .whitespacesAndNewlines)
        guard (1...80).contains(name.count) else { throw AccountError.invalid("Enter your name (up to 80 characters).") }
        if let problem = PasswordRules.problem(with: form.password, email: email) { throw AccountError.invalid(problem) }
        guard try await user(email: email) == nil else {
            throw AccountError.invalid("An account with that email already exists. Sign in instead.")
        }
        let hash = try await hashing.hash(form.password)
        let created: StoreDirectory.CreatedStore
        do {
            created = try await stores.create(slug: form.slug, branding: StoreBranding(name: form.storeName))
        } catch let error as APIError {
            throw AccountError.invalid(error.message)
        }
        let user = UserRecord(id: world.uuid(), storeID: try created.store.requireID(), email: email, name: name,
                              passwordHash: hash, role: .owner, now: world.now())
        try await user.create(on: database)
        return (user, created.store)
    }

    func signIn(email rawEmail: String, password: String) async throws -> SignInResult {
        let now = world.now()
        guard let user = try await user(email: EmailAddress.normalized(rawEmail)) else {
            _ = try await hashing.verify(password, against: "")
            return .rejected
        }
        if case .lockedUntil(let until) = throttle.decide(user.failureState, now: now) { return .locked(until: until) }
        guard try await hashing.verify(password, against: user.passwordHash) else {
            let state = throttle.afterFailure(user.failureState, now: now)
            user.apply(state)
            try await user.save(on: database)
            if let until = state.lockedUntil, until > now { return .locked(until: until) }
            return .rejected
        }
        user.apply(LoginFailureState())
        user.lastSignInAt = now
        try await user.save(on: database)
        return .signedIn(user)
    }

    func user(email: String) async throws -> UserRecord? {
        try await UserRecord.query(on: database).filter(\.$email == email).first()
    }

    func hasAnyAccount() async throws -> Bool {
        try await UserRecord.query(on: database).first() != nil
    }
}

enum AccountError: Error, Equatable {
    case invalid(String)

    var message: String {
        switch self { case .invalid(let text): text }
    }
}
