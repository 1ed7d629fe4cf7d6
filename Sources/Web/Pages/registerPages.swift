import Vapor

/// Every page route, team and portal.
func registerPages(_ app: Application) {
    AuthPages().register(app)
    DashboardPage().register(app)
    CustomerPages().register(app)
    ProjectPages().register(app)
    PlanPages().register(app)
    CorrectionPages().register(app)
    ChartPages().register(app)
    InvitationPages().register(app)
    PortalPages().register(app)
    DeliveryPages().register(app)
    MemberPages().register(app)
    ProfilePages().register(app)
    HistoryPages().register(app)
    FilePages().register(app)
    CommunicationPlanPages().register(app)
    CalendarFeedPages().register(app)
    MessagePages().register(app)
    IntegrationPages().register(app)
    StatusReportPages().register(app)
    MeetingPages().register(app)
}
