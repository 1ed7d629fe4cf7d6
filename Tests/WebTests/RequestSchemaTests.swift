import Foundation
import Testing
import TestSupport
@testable import Web

/// Every key a request type reads is a property of the request schema openapi.json documents for it.
@Suite struct RequestSchemaTests {
    nonisolated(unsafe) static let types: [(any Decodable.Type, String)] = [
        (SetupRequest.self, "SetupRequest"), (SignInRequest.self, "TokenRequest"), (SignInLinkRequest.self, "SignInLinkRequest"),
        (AcceptInvitationRequest.self, "AcceptInvitationRequest"), (CreateMemberRequest.self, "CreateMemberRequest"),
        (CreateCustomerRequest.self, "CreateCustomerRequest"), (CreateContactRequest.self, "CreateContactRequest"),
        (CreateProjectRequest.self, "CreateProjectRequest"), (UpdateProjectRequest.self, "UpdateProjectRequest"),
        (CreateInvitationRequest.self, "CreateInvitationRequest"), (ProposeScopeRequest.self, "CreateScopeVersionRequest"),
        (CommentRequest.self, "SignOffRequest"), (CommentRequest.self, "AcceptDeliverableRequest"), (CommentRequest.self, "ReturnDeliverableRequest"),
        (CommentRequest.self, "RequestScopeChangesRequest"),
        (CreateMilestoneRequest.self, "CreateMilestoneRequest"), (CreateDeliverableRequest.self, "CreateDeliverableRequest"),
        (SubmitDeliverableRequest.self, "SubmitDeliverableRequest"), (CreateWorkItemRequest.self, "CreateWorkItemRequest"),
        (UpdateWorkItemRequest.self, "UpdateWorkItemRequest"), (CreateBaselineRequest.self, "CreateBaselineRequest"),
        (WorkingCalendarBody.self, "WorkingCalendar"), (UpdateMemberRequest.self, "UpdateMemberRequest"),
        (CreateMemberInvitationRequest.self, "CreateMemberInvitationRequest"), (AcceptMemberInvitationRequest.self, "AcceptMemberInvitationRequest"),
        (UpdateCustomerRequest.self, "UpdateCustomerRequest"), (UpdateContactRequest.self, "UpdateContactRequest"),
        (UpdateMilestoneRequest.self, "UpdateMilestoneRequest"), (UpdateDeliverableRequest.self, "UpdateDeliverableRequest"),
        (CommunicationPlanRequest.self, "CommunicationPlanRequest"),
        (PostMessageRequest.self, "PostMessageRequest"),
        (CreateIntegrationRequest.self, "CreateIntegrationRequest"),
        (DraftStatusReportRequest.self, "DraftStatusReportRequest"), (UpdateStatusReportRequest.self, "UpdateStatusReportRequest"),
        (StatusReportFeedbackRequest.self, "StatusReportFeedbackRequest"),
        (CreateMeetingRequest.self, "CreateMeetingRequest"), (MinutesRequest.self, "MinutesRequest"),
        (UpdateMeetingRequest.self, "UpdateMeetingRequest"),
    ]

    static func keys(_ type: any Decodable.Type) -> [String] {
        func open<T: Decodable>(_ type: T.Type) -> [String] { KeyRecordingDecoder.keys(of: type) }
        return open(type)
    }

    @Test func everyRequestKeyIsDocumented() throws {
        let document = try #require(OpenAPIConformance.shipped)
        var checked = 0
        for (type, schema) in Self.types {
            let keys = Self.keys(type).filter { !$0.contains(".") }
            #expect(!keys.isEmpty, "\(type) reads no key?")
            let documented = document.propertyNames(ofSchema: schema)
            for key in keys {
                #expect(documented.contains(key), "\(type) reads “\(key)”, which \(schema) does not document")
                checked += 1
            }
        }
        #expect(checked > 50)
    }

    @Test func theRecorderSeesOptionalAndNestedKeys() {
        #expect(Set(Self.keys(UpdateWorkItemRequest.self)).isSuperset(of: ["progress", "dependsOn", "dependencyLags", "isKey"]))
    }
}
