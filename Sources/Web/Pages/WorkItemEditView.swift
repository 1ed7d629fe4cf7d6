import Domain
import Foundation
import Persistence
import Vapor

/// Everything the edit page of one work item shows, loaded by one function.
struct WorkItemEditModel {
    var item: WorkItem
    var projectID: UUID
    var projectName: String
    var others: [(value: String, label: String)]
    var members: [(value: String, label: String)]
    var milestones: [(value: String, label: String)]

    static func load(_ req: Request) async throws -> (WorkItemEditModel, WorkItemRecord) {
        let record = try await req.authorizedWorkItem()
        guard let project = try await ProjectRecord.find(record.projectID, on: req.db) else { throw DomainError.notFound }
        let projectID = try project.requireID()
        let items = try await PlanStore.workItems(projectID: projectID, on: req.db)
        guard let item = items.first(where: { $0.id == record.id }) else { throw DomainError.notFound }
        let members = try await MemberStore.byName(workspaceID: project.workspaceID, on: req.db)
        let milestones = try await PlanStore.milestones(projectID: projectID, on: req.db)
        let model = WorkItemEditModel(
            item: item, projectID: projectID, projectName: project.name,
            others: items.filter { $0.id != item.id }.map { ($0.id.uuidString, $0.title) },
            members: try members.map { (try $0.requireID().uuidString, $0.name) },
            milestones: milestones.map { ($0.id.uuidString, $0.name) })
        return (model, record)
    }

    /// The stored values, as the form posts them.
    var values: FormValues {
        var values = FormValues()
        values.set("title", item.title)
        values.set("startDate", item.startDate.description)
        values.set("dueDate", item.dueDate.description)
        values.set("estimateHours", item.estimateHours.map { $0 == $0.rounded() ? String(Int($0)) : String($0) })
        values.set("assigneeId", item.assigneeID?.uuidString)
        values.set("milestoneId", item.milestoneID?.uuidString)
        values.set("status", item.status.rawValue)
        values.set("progress", String(item.progress))
        values.set("visibleToCustomer", item.visibleToCustomer)
        values.set("isKey", item.isKey)
        values.values["dependsOn[]"] = item.dependsOn.map(\.uuidString)
        return values
    }
}

/// The edit form of one work item: every field, dependencies included, and the way to remove it.
enum WorkItemEditView {
    static func render(_ c: PageContext, _ model: WorkItemEditModel, values: FormValues, problem: FormProblem?) -> HTML {
        let statuses = WorkItemStatus.allCases.map { ($0.rawValue, c.t("workStatus.\($0.rawValue)")) }
        let fields = [
            FormField(name: "title", label: c.t("field.title"), kind: .text(maxLength: 200), required: true),
            FormField(name: "startDate", label: c.t("field.startDate"), kind: .date, required: true),
            FormField(name: "dueDate", label: c.t("field.dueDate"), kind: .date, required: true),
            FormField(name: "estimateHours", label: c.t("field.estimateHours"), kind: .decimal),
            FormField(name: "assigneeId", label: c.t("field.owner"), kind: .select(model.members, blank: true)),
            FormField(name: "milestoneId", label: c.t("field.milestone"), kind: .select(model.milestones, blank: true)),
            FormField(name: "status", label: c.t("field.status"), kind: .select(statuses, blank: false)),
            FormField(name: "progress", label: c.t("field.progress"), kind: .number(min: 0, max: 100)),
            FormField(name: "dependsOn[]", label: c.t("field.dependsOn"), kind: .multiSelect(model.others, marker: "dependenciesShown")),
            FormField(name: "visibleToCustomer", label: c.t("visibility.showCustomer"), kind: .checkbox),
            FormField(name: "isKey", label: c.t("work.isKey"), kind: .checkbox),
        ]
        let back = "\(PagePath.project(model.projectID))#work"
        let form = EditForm.render(
            c, action: "\(PagePath.workItemEdit(model.item.id))", id: "edit-work-item", fields: fields, values: values, problem: problem,
            submit: c.t("work.saveChanges"), cancel: back)
        return """
            <section class="card narrow"><h1>\(model.item.title)</h1><p class="muted"><a href="\(url: back)">\(model.projectName)</a></p>
            \(form)
            <p><a class="danger" id="remove-work-item-link" href="\(PagePath.workItemRemove(model.item.id))">\(c.t("work.remove"))</a></p></section>
            """
    }
}

extension PlanPages {
    /// One work item's full edit form (a page of its own, so the project page stays light).
    @Sendable func editForm(req: Request) async throws -> Response {
        let (model, _) = try await WorkItemEditModel.load(req)
        return try await EditPage.show(req, title: model.item.title) { WorkItemEditView.render($0, model, values: model.values, problem: nil) }
    }

    /// Changes any field of a work item; a refusal (a cycle, a bad date, a far-off date to confirm) answers the
    /// same form with what was posted.
    @Sendable func editWorkItem(req: Request) async throws -> Response {
        let (model, record) = try await WorkItemEditModel.load(req)
        return try await EditPage.submit(
            req, title: model.item.title, form: { WorkItemEditView.render($0, model, values: $1, problem: $2) },
            save: {
                values in
                var update = UpdateWorkItemRequest()
                var clearing: Set<String> = []
                update.title = values.trimmed("title")
                update.startDate = values.trimmed("startDate")
                update.dueDate = values.trimmed("dueDate")
                if values["estimateHours"] != nil {
                    if let text = values.trimmed("estimateHours") {
                        guard let hours = Double(text) else { throw DomainError.validation(field: "estimateHours", rule: .number) }
                        update.estimateHours = hours
                    } else {
                        clearing.insert("estimateHours")
                    }
                }
                for (field, keyPath) in [("assigneeId", \UpdateWorkItemRequest.assigneeId), ("milestoneId", \UpdateWorkItemRequest.milestoneId)]
                where values[field] != nil {
                    if let id = EditPage.uuid(values[field]) { update[keyPath: keyPath] = id } else { clearing.insert(field) }
                }
                if let text = values.trimmed("progress") {
                    guard let progress = Int(text) else {
                        throw DomainError.validation(field: "progress", rule: .type("a whole number", null: false))
                    }
                    update.progress = progress
                }
                // The select always posts a status; only a changed one counts, so a new progress can move "to do" to "doing".
                let status = try values.trimmed("status").map {
                    guard let status = WorkItemStatus(rawValue: $0) else {
                        throw DomainError.validation(field: "status", rule: .notAllowed)
                    }
                    return status
                }
                update.status = status == record.status ? nil : status
                if values["dependenciesShown"] != nil {
                    update.dependsOn = try values.all("dependsOn[]").map {
                        guard let id = UUID(uuidString: $0) else {
                            throw DomainError.validation(field: "dependsOn", rule: .notProjectItems)
                        }
                        return id
                    }
                }
                update.visibleToCustomer = values.checkbox("visibleToCustomer")
                update.isKey = values.checkbox("isKey")
                update.confirm = values["confirm"] == "true"
                _ = try await WorkItemActions.update(record, with: update, clearing: clearing, in: req.context)
                return "\(PagePath.project(model.projectID))#work"
            })
    }
}
