import Domain
import Foundation

/// Every page path a link or a form points at, built in one place. `PagePathTests` checks each case
/// against the route table, so a renamed route breaks a test instead of a link.
enum PagePath: CustomStringConvertible, Sendable {
    case dashboard, customers, newProject, portal, portalSignIn
    case customer(UUID)
    case customerContacts(UUID)
    case project(UUID)
    case projectHistory(UUID)
    case projectInvitations(UUID)
    case portalProject(UUID)
    case portalDecision(UUID, DeliverableAction)
    case workItemEdit(UUID)
    case workItemProgress(UUID)
    case deliverableSubmit(UUID)
    case milestoneDeliverables(UUID)
    case invitation(String)
    case members, memberInvitations, profile, profilePassword
    case member(UUID)
    case memberInvitation(String)
    case contactSignInLink(UUID)
    case file(UUID)
    case deliverableFiles(UUID)
    case scopeVersionFiles(UUID, Int)
    case projectEdit(UUID)
    case customerEdit(UUID)
    case contactEdit(UUID)
    case contactRemove(UUID)
    case milestoneEdit(UUID)
    case milestoneRemove(UUID)
    case deliverableEdit(UUID)
    case deliverableRemove(UUID)
    case workItemRemove(UUID)
    case deliveries
    case deliveryRetry(UUID)
    case projectCommunication(UUID)
    case portalCommunication(UUID)
    case calendarFeed, calendarFeedRevoke, portalCalendarFeed, portalCalendarFeedRevoke
    case projectMessages(UUID)
    case portalMessages(UUID)
    case projectIntegrations(UUID)
    case integrationRemove(UUID)
    case projectStatusReports(UUID)
    case statusReport(UUID)
    case statusReportPublish(UUID)
    case portalStatusReport(UUID)
    case portalStatusReportFeedback(UUID)
    case feedbackLink(String)
    case projectMeetings(UUID)
    case meeting(UUID)
    case meetingMinutes(UUID)
    case actionItemDone(UUID)
    case portalMinutesConfirm(UUID)

    var description: String {
        switch self {
        case .dashboard: "/dashboard"
        case .customers: "/customers"
        case .newProject: "/projects/new"
        case .portal: "/portal"
        case .portalSignIn: "/portal/sign-in"
        case .customer(let id): "/customers/\(id.uuidString)"
        case .customerContacts(let id): "/customers/\(id.uuidString)/contacts"
        case .project(let id): "/projects/\(id.uuidString)"
        case .projectHistory(let id): "/projects/\(id.uuidString)/history"
        case .projectInvitations(let id): "/projects/\(id.uuidString)/invitations"
        case .portalProject(let id): "/portal/projects/\(id.uuidString)"
        case .portalDecision(let id, let action): "/portal/deliverables/\(id.uuidString)/\(action.rawValue)"
        case .workItemEdit(let id): "/work-items/\(id.uuidString)/edit"
        case .workItemProgress(let id): "/work-items/\(id.uuidString)/progress"
        case .deliverableSubmit(let id): "/deliverables/\(id.uuidString)/submit"
        case .milestoneDeliverables(let id): "/milestones/\(id.uuidString)/deliverables"
        case .invitation(let token): "/invitations/\(token)"
        case .members: "/members"
        case .memberInvitations: "/members/invitations"
        case .member(let id): "/members/\(id.uuidString)"
        case .profile: "/profile"
        case .profilePassword: "/profile/password"
        case .memberInvitation(let token): "/join/\(token)"
        case .contactSignInLink(let id): "/contacts/\(id.uuidString)/sign-in-link"
        case .file(let id): "/files/\(id.uuidString)"
        case .deliverableFiles(let id): "/deliverables/\(id.uuidString)/files"
        case .scopeVersionFiles(let projectID, let number): "/projects/\(projectID.uuidString)/scope-versions/\(number)/files"
        case .projectEdit(let id): "/projects/\(id.uuidString)/edit"
        case .customerEdit(let id): "/customers/\(id.uuidString)/edit"
        case .contactEdit(let id): "/contacts/\(id.uuidString)/edit"
        case .contactRemove(let id): "/contacts/\(id.uuidString)/remove"
        case .milestoneEdit(let id): "/milestones/\(id.uuidString)/edit"
        case .milestoneRemove(let id): "/milestones/\(id.uuidString)/remove"
        case .deliverableEdit(let id): "/deliverables/\(id.uuidString)/edit"
        case .deliverableRemove(let id): "/deliverables/\(id.uuidString)/remove"
        case .workItemRemove(let id): "/work-items/\(id.uuidString)/remove"
        case .deliveries: "/deliveries"
        case .deliveryRetry(let id): "/deliveries/\(id.uuidString)/retry"
        case .projectCommunication(let id): "/projects/\(id.uuidString)/communication"
        case .portalCommunication(let id): "/portal/projects/\(id.uuidString)/communication"
        case .calendarFeed: "/calendar-feed"
        case .calendarFeedRevoke: "/calendar-feed/revoke"
        case .portalCalendarFeed: "/portal/calendar-feed"
        case .portalCalendarFeedRevoke: "/portal/calendar-feed/revoke"
        case .projectMessages(let id): "/projects/\(id.uuidString)/messages"
        case .portalMessages(let id): "/portal/projects/\(id.uuidString)/messages"
        case .projectIntegrations(let id): "/projects/\(id.uuidString)/integrations"
        case .integrationRemove(let id): "/integrations/\(id.uuidString)/remove"
        case .projectStatusReports(let id): "/projects/\(id.uuidString)/status-reports"
        case .statusReport(let id): "/status-reports/\(id.uuidString)"
        case .statusReportPublish(let id): "/status-reports/\(id.uuidString)/publish"
        case .portalStatusReport(let id): "/portal/status-reports/\(id.uuidString)"
        case .portalStatusReportFeedback(let id): "/portal/status-reports/\(id.uuidString)/feedback"
        case .feedbackLink(let token): "/feedback/\(token)"
        case .projectMeetings(let id): "/projects/\(id.uuidString)/meetings"
        case .meeting(let id): "/meetings/\(id.uuidString)"
        case .meetingMinutes(let id): "/meetings/\(id.uuidString)/minutes"
        case .actionItemDone(let id): "/action-items/\(id.uuidString)/done"
        case .portalMinutesConfirm(let id): "/portal/meetings/\(id.uuidString)/confirm"
        }
    }

    /// One of each, for the test that walks them against the routes (with the method a browser uses).
    static let examples: [(PagePath, String)] = {
        let id = UUID()
        return [
            (.dashboard, "GET"), (.customers, "GET"), (.newProject, "GET"), (.portal, "GET"), (.portalSignIn, "GET"),
            (.customer(id), "GET"), (.customerContacts(id), "POST"), (.project(id), "GET"), (.projectInvitations(id), "POST"),
            (.portalProject(id), "GET"), (.portalDecision(id, .accept), "POST"), (.portalDecision(id, .return), "POST"),
            (.workItemEdit(id), "GET"), (.workItemProgress(id), "POST"), (.deliverableSubmit(id), "POST"),
            (.milestoneDeliverables(id), "POST"), (.invitation("token"), "GET"),
            (.members, "GET"), (.memberInvitations, "POST"), (.member(id), "POST"), (.profile, "GET"), (.profilePassword, "POST"),
            (.memberInvitation("token"), "GET"), (.contactSignInLink(id), "POST"),
            (.projectHistory(id), "GET"),
            (.file(id), "GET"), (.deliverableFiles(id), "POST"), (.scopeVersionFiles(id, 1), "POST"),
            (.projectEdit(id), "GET"), (.projectEdit(id), "POST"), (.customerEdit(id), "GET"), (.customerEdit(id), "POST"),
            (.contactEdit(id), "GET"), (.contactEdit(id), "POST"), (.contactRemove(id), "GET"), (.contactRemove(id), "POST"),
            (.milestoneEdit(id), "GET"), (.milestoneEdit(id), "POST"), (.milestoneRemove(id), "GET"), (.milestoneRemove(id), "POST"),
            (.deliverableEdit(id), "GET"), (.deliverableEdit(id), "POST"), (.deliverableRemove(id), "GET"), (.deliverableRemove(id), "POST"),
            (.workItemRemove(id), "GET"), (.workItemRemove(id), "POST"),
            (.deliveries, "GET"), (.deliveryRetry(id), "POST"),
            (.projectCommunication(id), "GET"), (.projectCommunication(id), "POST"), (.portalCommunication(id), "GET"),
            (.calendarFeed, "GET"), (.calendarFeed, "POST"), (.calendarFeedRevoke, "POST"),
            (.portalCalendarFeed, "GET"), (.portalCalendarFeed, "POST"), (.portalCalendarFeedRevoke, "POST"),
            (.projectMessages(id), "GET"), (.projectMessages(id), "POST"), (.portalMessages(id), "GET"), (.portalMessages(id), "POST"),
            (.projectIntegrations(id), "GET"), (.projectIntegrations(id), "POST"), (.integrationRemove(id), "POST"),
            (.projectStatusReports(id), "POST"), (.statusReport(id), "GET"), (.statusReport(id), "POST"), (.statusReportPublish(id), "POST"),
            (.portalStatusReport(id), "GET"), (.portalStatusReportFeedback(id), "POST"), (.feedbackLink("token"), "GET"),
            (.feedbackLink("token"), "POST"),
            (.projectMeetings(id), "POST"), (.meeting(id), "GET"), (.meetingMinutes(id), "POST"), (.actionItemDone(id), "POST"),
            (.portalMinutesConfirm(id), "POST"),
        ]
    }()
}
