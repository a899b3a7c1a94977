import Vapor

func registerCommands(_ app: Application) {
    app.asyncCommands.use(StoresCommand(), as: "stores")
    app.asyncCommands.use(MigrateCommand(), as: "migrate")
    app.asyncCommands.use(DemoCommand(), as: "demo")
    app.asyncCommands.use(SeedBenchCommand(), as: "seed-bench")
    app.asyncCommands.use(ServeCommand(), as: "serve", isDefault: true)
    app.asyncCommands.use(WorkerCommand(), as: "worker")
    app.asyncCommands.use(JobsCommand(), as: "jobs")
    app.asyncCommands.use(EDDReportCommand(), as: "edd-report")
    app.asyncCommands.use(UsersCommand(), as: "users")
    app.asyncCommands.use(ImportCommand(), as: "import")
}
