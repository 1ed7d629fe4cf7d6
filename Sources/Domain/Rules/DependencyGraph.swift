import Foundation

/// Checks the finish-to-start graph of work items.
public enum DependencyGraph {
    /// The items of a cycle, each depending on the next, if the graph `dependsOn` (item → the items it
    /// depends on) has one. Dependencies on items outside the map are ignored.
    ///
    /// There is one cycle finder in Tandem, the scheduler's (`PlanGraph`): this asks it with unit
    /// durations, so editing a plan and scheduling it can never disagree about what a loop is.
    public static func findCycle(_ dependsOn: [UUID: [UUID]]) -> [UUID]? {
        let ids = dependsOn.keys.sorted { $0.uuidString < $1.uuidString }
        let known = Set(ids)
        let items = ids.map { id in
            PlanItem(
                id: id, plannedStart: LocalDate(dayNumber: 0), durationDays: 1,
                dependencies: (dependsOn[id] ?? []).filter(known.contains).map { PlanDependency(predecessor: $0) })
        }
        do {
            _ = try PlanGraph(items: items)
            return nil
        } catch {
            // The scheduler lists a cycle in the order work flows (each item before the one that depends on it).
            if case .cycle(let cycle) = error { return cycle.reversed() }
            return nil
        }
    }

    /// Refuses a plan whose dependencies loop, naming the items in the loop.
    public static func requireAcyclic(_ dependsOn: [UUID: [UUID]], titles: [UUID: String] = [:]) throws {
        guard let cycle = findCycle(dependsOn) else { return }
        let names = cycle.map { titles[$0] ?? $0.uuidString }.joined(separator: " → ")
        throw DomainError.conflict("dependency cycle: \(names)")
    }
}
