import Fluent

/// Every migration, in the order it ships; a shipped migration is never edited, only followed.
public enum AllMigrations {
    public static let list: [any Migration] = [
        CreateAccounts(),
        CreateCustomers(),
        CreateProjects(),
        CreateScopeVersions(),
        CreateMilestones(),
        CreateWorkItems(),
        CreateAuditLog(),
        CreateBaselines(),
        CreateProjectCalendars(),
        AddPlanRevision(),
        CreateAuditState(),
        ProtectDecidedRecords(),
        CreateKnownDevices(),
        AddScopeChangeRequests(),
        CreateFiles(),
        CreateProjectVisits(),
        CreateMemberAccess(),
        AddContactActiveProjectArchived(),
        CreateJobsAndOutbox(),
        CreateCommunicationPlans(),
        CreateIntegrations(),
        CreateStatusReports(),
        CreateMeetings(),
        CreateCalendarFeedsAndOutboxAttachment(),
        CreateMessages(),
    ]
}
