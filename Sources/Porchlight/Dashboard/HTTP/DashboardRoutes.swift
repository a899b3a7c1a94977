import Vapor

/// `/admin`: the merchant's dashboard. Pages before sign-in check a double-submit form token; everything
/// after sign-in runs behind `DashboardAuthenticator`, which checks the session and every form's CSRF token.
func dashboardRoutes(_ app: Application) {
    let admin = app.grouped("admin")
    admin.get("sign-in", use: SignInController.show)
    admin.post("sign-in", use: SignInController.submit)
    admin.get("sign-up", use: SignUpController.show)
    admin.post("sign-up", use: SignUpController.submit)
    admin.post("sign-out", use: SignInController.signOut)
    admin.get("forgot-password", use: PasswordResetController.requestPage)
    admin.post("forgot-password", use: PasswordResetController.request)
    admin.get("reset-password", ":token", use: PasswordResetController.choosePage)
    admin.post("reset-password", ":token", use: PasswordResetController.choose)

    let signedIn = admin.grouped(DashboardAuthenticator())
    signedIn.get(use: HomeController.show)
    signedIn.get("attention", use: AttentionController.index)
    signedIn.get("orders", use: DashboardOrdersController.index)
    signedIn.get("orders", ":orderID", use: DashboardOrdersController.show)
    signedIn.post("orders", ":orderID", "events", use: DashboardOrdersController.addEvent)

    signedIn.get("setup", use: SetupController.show)
    signedIn.post("setup", "store", use: SetupController.saveStore)
    signedIn.on(.POST, "setup", "brand", body: .collect(maxSize: "400kb"), use: SetupController.saveBrand)
    signedIn.post("setup", "connect", ":provider", use: SetupController.connect)
    signedIn.post("setup", "api-key", use: SetupController.createAPIKey)
    signedIn.post("setup", "test-order", use: SetupController.sendTestOrder)
    signedIn.get("preview", use: PreviewController.show)
    signedIn.get("import", use: ImportController.index)
    signedIn.on(.POST, "import", body: .collect(maxSize: ImportController.maxUpload), use: ImportController.upload)
    signedIn.get("import", ":runID", use: ImportController.progressOrIndex)

    signedIn.get("settings", use: SettingsController.show)
    signedIn.post("settings", "keys", use: SettingsController.createKey)
    signedIn.post("settings", "keys", ":keyID", "revoke", use: SettingsController.revokeKey)
    signedIn.post("settings", "integrations", ":provider", "rotate", use: SettingsController.rotateSecret)
    signedIn.post("settings", "integrations", ":provider", "remove", use: SettingsController.removeIntegration)
    signedIn.post("settings", "people", use: SettingsController.invite)
    signedIn.post("settings", "people", ":userID", "remove", use: SettingsController.removePerson)

    // The logo is public: customers' pages and emails show it.
    app.get("logos", ":file", use: LogoController.show)
}
