import Domain
import Fluent
import Foundation

/// A project's history as `ActivityEntry` values: its audit entries, plus what the records themselves date
/// (scope versions proposed, milestones, deliverables and work items created, progress recorded).
public enum ActivityStore {
    /// Every entry of the project, newest first.
    public static func entries(projectID: UUID, on db: any Database) async throws -> [ActivityEntry] {
        typealias Kind = ActivityEntry.ObjectType
        typealias Derived = ActivityEntry.Derived
        var all: [ActivityEntry] = try await AuditEntryRecord.query(on: db).filter(\.$projectID == projectID).all().map {
            ActivityEntry(at: $0.at, actor: $0.actor, action: $0.action, objectType: $0.objectType, objectID: $0.objectID)
        }
        for version in try await ScopeVersionRecord.query(on: db).filter(\.$projectID == projectID).all() {
            all.append(
                ActivityEntry(
                    at: version.createdAt, actor: nil, action: Derived.scopePropose, objectType: Kind.scopeVersion, objectID: try version.requireID())
            )
        }
        for milestone in try await MilestoneRecord.query(on: db).filter(\.$projectID == projectID).all() {
            all.append(
                ActivityEntry(
                    at: milestone.createdAt, actor: nil, action: Derived.milestoneCreate, objectType: Kind.milestone,
                    objectID: try milestone.requireID()))
        }
        for deliverable in try await DeliverableRecord.query(on: db).filter(\.$projectID == projectID).all() {
            all.append(
                ActivityEntry(
                    at: deliverable.createdAt, actor: nil, action: Derived.deliverableCreate, objectType: Kind.deliverable,
                    objectID: try deliverable.requireID()))
        }
        for item in try await WorkItemRecord.query(on: db).filter(\.$projectID == projectID).all() {
            all.append(
                ActivityEntry(
                    at: item.createdAt, actor: nil, action: Derived.workItemCreate, objectType: Kind.workItem, objectID: try item.requireID()))
        }
        for event in try await ProgressEventRecord.query(on: db).filter(\.$projectID == projectID).all() {
            all.append(
                ActivityEntry(
                    at: event.at, actor: nil, action: Derived.workItemProgress, objectType: Kind.workItem, objectID: event.workItemID,
                    detail: String(event.progress)))
        }
        return ActivityEntry.newestFirst(all)
    }

    /// Display names of the people `entries` name, by their id.
    public static func actorNames(_ entries: [ActivityEntry], on db: any Database) async throws -> [UUID: String] {
        var contacts: [UUID] = []
        var members: [UUID] = []
        for entry in entries {
            guard let person = entry.actorID else { continue }
            if person.kind == "contact" { contacts.append(person.id) } else if person.kind == "member" { members.append(person.id) }
        }
        var names: [UUID: String] = [:]
        if !contacts.isEmpty {
            for contact in try await ContactRecord.query(on: db).filter(\.$id ~~ Array(Set(contacts))).all() {
                names[try contact.requireID()] = contact.name
            }
        }
        if !members.isEmpty {
            for member in try await MemberRecord.query(on: db).filter(\.$id ~~ Array(Set(members))).all() {
                names[try member.requireID()] = member.name
            }
        }
        return names
    }
}
