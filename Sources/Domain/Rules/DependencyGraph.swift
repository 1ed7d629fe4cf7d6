import Foundation

/// Checks the finish-to-start graph of work items.
public enum DependencyGraph {
    /// The items of a cycle, in order, if the graph `successorsOf` (item → the items it depends on) has one.
    public static func findCycle(_ dependsOn: [UUID: [UUID]]) -> [UUID]? {
        enum Mark { case visiting, done }
        var marks: [UUID: Mark] = [:]
        var stack: [UUID] = []
        // Iterative DFS so a 5,000-item chain cannot overflow the stack.
        for root in dependsOn.keys.sorted(by: { $0.uuidString < $1.uuidString }) where marks[root] == nil {
            var frames: [(UUID, [UUID], Int)] = [(root, dependsOn[root] ?? [], 0)]
            marks[root] = .visiting
            stack.append(root)
            while var frame = frames.popLast() {
                if frame.2 < frame.1.count {
                    let next = frame.1[frame.2]
                    frame.2 += 1
                    frames.append(frame)
                    switch marks[next] {
                    case .visiting:
                        let start = stack.firstIndex(of: next) ?? 0
                        return Array(stack[start...])
                    case .done:
                        continue
                    case nil:
                        marks[next] = .visiting
                        stack.append(next)
                        frames.append((next, dependsOn[next] ?? [], 0))
                    }
                } else {
                    marks[frame.0] = .done
                    stack.removeLast()
                }
            }
        }
        return nil
    }

    /// Refuses a plan whose dependencies loop, naming the items in the loop.
    public static func requireAcyclic(_ dependsOn: [UUID: [UUID]], titles: [UUID: String] = [:]) throws {
        guard let cycle = findCycle(dependsOn) else { return }
        let names = cycle.map { titles[$0] ?? $0.uuidString }.joined(separator: " → ")
        throw DomainError.conflict("dependency cycle: \(names)")
    }
}
