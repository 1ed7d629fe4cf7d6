import Domain
import Foundation

/// The edit form of one work item: title, dates, owner, status, progress and dependencies.
enum WorkItemEditView {
    static func form(_ c: PageContext, item: WorkItem, items: [WorkItem], memberNames: [UUID: String]) -> HTML {
        let owners: [HTML] = memberNames.sorted { $0.value < $1.value }.map { id, name in
            "<option value=\"\(id.uuidString)\"\(flag: "selected", item.assigneeID == id)>\(name)</option>"
        }
        let statuses: [HTML] = WorkItemStatus.allCases.map { status in
            "<option value=\"\(status.rawValue)\"\(flag: "selected", item.status == status)>\(c.t("workStatus.\(status.rawValue)"))</option>"
        }
        let dependsOn = Set(item.dependsOn)
        let others: [HTML] = items.filter { $0.id != item.id }.map { other in
            "<option value=\"\(other.id.uuidString)\"\(flag: "selected", dependsOn.contains(other.id))>\(other.title)</option>"
        }
        return """
            \(c.form(action: "\(PagePath.workItemEdit(item.id))", id: "edit-work-item", """
              <label>\(c.t("field.title"))<input name="title" required maxlength="200" value="\(item.title)"></label>
              <div class="row"><label>\(c.t("field.startDate"))<input name="startDate" type="date" required value="\(item.startDate.description)"></label>
              <label>\(c.t("field.dueDate"))<input name="dueDate" type="date" required value="\(item.dueDate.description)"></label></div>
              <div class="row"><label>\(c.t("field.owner"))<select name="assigneeId"><option value="">—</option>\(owners)</select></label>
              <label>\(c.t("field.status"))<select name="status">\(statuses)</select></label>
              <label>\(c.t("field.progress"))<input name="progress" type="number" min="0" max="100" value="\(item.progress)"></label></div>
              <input type="hidden" name="dependenciesShown" value="1">
              <label>\(c.t("field.dependsOn"))<select name="dependsOn[]" multiple size="8">\(others)</select></label>
              <button type="submit">\(c.t("work.saveChanges"))</button>
            """))
            """
    }
}
