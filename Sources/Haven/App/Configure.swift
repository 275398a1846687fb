import Fluent
import Vapor

/// Sets up a Haven application: database, migrations, middleware and every route.
public func configure(_ app: Application, settings: Settings) async throws {
    app.storage[SettingsKey.self] = settings
    app.storage[BasicLoginCacheKey.self] = BasicLoginCache()
    let metrics = Metrics()
    app.storage[RoundWriterKey.self] = RoundWriter(metrics: metrics)
    app.storage[ImportPlansKey.self] = ImportPlans()
    app.storage[FeedbackCipherKey.self] = try FeedbackKeys.cipher(settings)
    app.storage[WordingsKey.self] = try Wordings(codes: settings.languages, directory: settings.wordingDirectory)
    app.storage[StaffWordingsKey.self] = try Wordings(
        codes: settings.languages + WordingCatalogue.order.filter { !settings.languages.contains($0) },
        directory: settings.wordingDirectory)
    try DatabaseSetup.use(settings, on: app)
    for migration in Migrations.all { app.migrations.add(migration) }
    try await DatabaseSetup.tune(app.db)

    app.middleware = .init()
    app.middleware.use(MetricsMiddleware(metrics: metrics))
    app.middleware.use(RouteLoggingMiddleware(logLevel: .info))
    app.middleware.use(SecurityHeaders())
    app.middleware.use(ProblemMiddleware())
    app.middleware.use(FileMiddleware(publicDirectory: app.directory.publicDirectory))
    app.middleware.use(StaticAssets())
    app.middleware.use(CurrentUserMiddleware())
    app.routes.defaultMaxBodySize = "20mb"
    // Pages and lists shrink several-fold compressed, which is what matters on a slow field link.
    app.http.server.configuration.responseCompression = .enabled

    let encoder = JSONEncoder()
    encoder.dateEncodingStrategy = .iso8601
    encoder.outputFormatting = [.sortedKeys]
    ContentConfiguration.global.use(encoder: encoder, for: .json)
    let decoder = JSONDecoder()
    decoder.dateDecodingStrategy = .iso8601
    ContentConfiguration.global.use(decoder: decoder, for: .json)

    try routes(app)
    try app.register(collection: MetricsRoutes(metrics: metrics, token: settings.metricsToken))
}

func routes(_ app: Application) throws {
    let api = app.grouped(Paths.api.components).grouped(JSONBodies())
    try api.register(collection: OpenAPIRoutes())
    try api.register(collection: SessionAPI())
    let signedIn = api.grouped(SignedInAPI())
    try signedIn.register(collection: SiteAPI())
    try signedIn.register(collection: PopulationAPI())
    try signedIn.register(collection: AdminAreaAPI())
    try signedIn.register(collection: OrganisationAPI())
    try signedIn.register(collection: UserAPI())
    try signedIn.register(collection: AccountAPI())
    try signedIn.register(collection: AuditAPI())
    try signedIn.register(collection: IndicatorAPI())
    try signedIn.register(collection: RoundAPI())
    try signedIn.register(collection: GapAnalysisAPI())
    try signedIn.register(collection: ActivityAPI())
    try signedIn.register(collection: ActivityImportAPI())
    try signedIn.register(collection: ResponseAnalysisAPI())
    try signedIn.register(collection: MonthLockAPI())
    try signedIn.register(collection: TargetAPI())
    try signedIn.register(collection: PresenceAPI())
    try signedIn.register(collection: ActivityCatalogueAPI())
    try signedIn.register(collection: FeedbackAPI())
    try signedIn.register(collection: FeedbackCategoryAPI())
    try signedIn.register(collection: ServiceAPI())
    try signedIn.register(collection: FeedbackFiguresAPI())
    try signedIn.register(collection: SearchAPI())
    try signedIn.register(collection: NeedsAPI())
    try signedIn.register(collection: ReportAPI())

    try app.register(collection: HealthRoutes())
    try app.register(collection: OpenRosaRoutes())
    try app.register(collection: CentralRoutes())

    let web = app.grouped(CSRFMiddleware(), FormTexts())
    try web.register(collection: LoginPages())
    try web.register(collection: PublicFeedbackPages())
    try web.register(collection: DirectoryPage())
    try web.register(collection: PasswordResetPages())
    let pages = web.grouped(SignedInPage(), StaffLanguage())
    try pages.register(collection: HomePages())
    try pages.register(collection: AccountPages())
    try pages.register(collection: UserPages())
    try pages.register(collection: OrganisationPages())
    try pages.register(collection: SitePages())
    try pages.register(collection: ServicePages())
    try pages.register(collection: PopulationPages())
    try pages.register(collection: MonitoringPages())
    try pages.register(collection: RoundPages())
    try pages.register(collection: CataloguePages())
    try pages.register(collection: AdminAreaPages())
    try pages.register(collection: ImportPages())
    try pages.register(collection: BoundaryPages())
    try pages.register(collection: ActivityPages())
    try pages.register(collection: ProgressPages())
    try pages.register(collection: PresencePages())
    try pages.register(collection: ReportingPages())
    try pages.register(collection: ActivityCataloguePages())
    try pages.register(collection: FeedbackPages())
    try pages.register(collection: AuditPages())
    try pages.register(collection: SearchPages())
    try pages.register(collection: NeedsPages())
    try pages.register(collection: ReportPages())
    try pages.register(collection: OpenDataPages())
}
