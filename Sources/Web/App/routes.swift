import Vapor

/// Every route of the app: the JSON API under `/api/v1`, the team pages and the customer portal.
func routes(_ app: Application) throws {
    try SystemController().register(app)
    let api = app.grouped("api", "v1")
    AccountAPIController().register(api)
    CustomersAPIController().register(api)
    ProjectsAPIController().register(api)
    PlanAPIController().register(api)
    PlanningAPIController().register(api)
    AuditAPIController().register(api)
    ActivityAPIController().register(api)
    FilesAPIController().register(api)
    CorrectionsAPIController().register(api)
    OutboxAPIController().register(api)
    CommunicationPlanAPIController().register(api)
    MetricsAPIController().register(api)
    CalendarAPIController().register(api)
    CalendarAPIController().registerFeed(app)
    MessagesAPIController().register(api)
    IntegrationsAPIController().register(api)
    StatusReportsAPIController().register(api)
    MeetingsAPIController().register(api)
    registerPages(app)
}
