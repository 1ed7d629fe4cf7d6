import Vapor

/// The edit and remove pages of the team: projects, customers, contacts, milestones, deliverables, work items.
/// A removal has a confirm step of its own (GET shows it, POST removes), so it works without JavaScript.
struct CorrectionPages {
    func register(_ app: any RoutesBuilder) {
        app.endpoint(.GET, "projects", ":projectID", "edit", rule: .projectTeam, surface: .page, use: editProject)
        app.endpoint(.POST, "projects", ":projectID", "edit", rule: .projectTeam, surface: .page, use: updateProject)
        app.endpoint(.GET, "customers", ":customerID", "edit", rule: .manager, surface: .page, use: editCustomer)
        app.endpoint(.POST, "customers", ":customerID", "edit", rule: .manager, surface: .page, use: updateCustomer)
        app.endpoint(.GET, "contacts", ":contactID", "edit", rule: .manager, surface: .page, use: editContact)
        app.endpoint(.POST, "contacts", ":contactID", "edit", rule: .manager, surface: .page, use: updateContact)
        app.endpoint(.GET, "contacts", ":contactID", "remove", rule: .manager, surface: .page, use: removeContactForm)
        app.endpoint(.POST, "contacts", ":contactID", "remove", rule: .manager, surface: .page, use: removeContact)
        app.endpoint(.GET, "milestones", ":milestoneID", "edit", rule: .projectTeam, surface: .page, use: editMilestone)
        app.endpoint(.POST, "milestones", ":milestoneID", "edit", rule: .projectTeam, surface: .page, use: updateMilestone)
        app.endpoint(.GET, "milestones", ":milestoneID", "remove", rule: .projectTeam, surface: .page, use: removeMilestoneForm)
        app.endpoint(.POST, "milestones", ":milestoneID", "remove", rule: .projectTeam, surface: .page, use: removeMilestone)
        app.endpoint(.GET, "deliverables", ":deliverableID", "edit", rule: .projectTeam, surface: .page, use: editDeliverable)
        app.endpoint(.POST, "deliverables", ":deliverableID", "edit", rule: .projectTeam, surface: .page, use: updateDeliverable)
        app.endpoint(.GET, "deliverables", ":deliverableID", "remove", rule: .projectTeam, surface: .page, use: removeDeliverableForm)
        app.endpoint(.POST, "deliverables", ":deliverableID", "remove", rule: .projectTeam, surface: .page, use: removeDeliverable)
        app.endpoint(.GET, "work-items", ":workItemID", "remove", rule: .projectTeam, surface: .page, use: removeWorkItemForm)
        app.endpoint(.POST, "work-items", ":workItemID", "remove", rule: .projectTeam, surface: .page, use: removeWorkItem)
    }
}
