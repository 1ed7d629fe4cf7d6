import Foundation

/// The dependency graph of a plan as Int-indexed adjacency arrays (compressed rows), so the
/// scheduling passes touch no dictionaries.
struct PlanGraph: Sendable {
    let count: Int
    /// Successors of node `i` are `successors[successorStart[i]..<successorStart[i + 1]]`.
    let successorStart: [Int]
    let successors: [Int]
    let successorLags: [Int]
    /// Nodes in topological order (Kahn's algorithm, ties kept in input order).
    let order: [Int]

    /// Builds the graph and its topological order, refusing duplicates, unknown ids and cycles.
    init(items: [PlanItem]) throws(PlanningError) {
        let n = items.count
        var indexByID: [UUID: Int] = [:]
        indexByID.reserveCapacity(n)
        for (index, item) in items.enumerated() {
            if indexByID.updateValue(index, forKey: item.id) != nil { throw .duplicateItem(item.id) }
        }
        var outDegree = [Int](repeating: 0, count: n + 1)
        var edgeFrom: [Int] = []
        var edgeTo: [Int] = []
        var edgeLag: [Int] = []
        for (to, item) in items.enumerated() {
            for link in item.dependencies {
                guard let from = indexByID[link.predecessor] else {
                    throw .unknownPredecessor(item: item.id, predecessor: link.predecessor)
                }
                edgeFrom.append(from)
                edgeTo.append(to)
                edgeLag.append(link.lagDays)
                outDegree[from] += 1
            }
        }
        var start = [Int](repeating: 0, count: n + 1)
        for i in 0..<n { start[i + 1] = start[i] + outDegree[i] }
        var fill = start
        var targets = [Int](repeating: 0, count: edgeTo.count)
        var lags = [Int](repeating: 0, count: edgeTo.count)
        var inDegree = [Int](repeating: 0, count: n)
        for e in 0..<edgeTo.count {
            let slot = fill[edgeFrom[e]]
            fill[edgeFrom[e]] = slot + 1
            targets[slot] = edgeTo[e]
            lags[slot] = edgeLag[e]
            inDegree[edgeTo[e]] += 1
        }
        count = n
        successorStart = start
        successors = targets
        successorLags = lags
        order = try Self.topologicalOrder(items: items, start: start, successors: targets, inDegree: inDegree)
    }

    private static func topologicalOrder(
        items: [PlanItem], start: [Int], successors: [Int], inDegree: [Int]
    ) throws(PlanningError) -> [Int] {
        var remaining = inDegree
        var order: [Int] = []
        order.reserveCapacity(items.count)
        for i in 0..<items.count where remaining[i] == 0 { order.append(i) }
        var head = 0
        while head < order.count {
            let node = order[head]
            head += 1
            for slot in start[node]..<start[node + 1] {
                let next = successors[slot]
                remaining[next] -= 1
                if remaining[next] == 0 { order.append(next) }
            }
        }
        if order.count < items.count {
            throw .cycle(findCycle(items: items, remaining: remaining, start: start, successors: successors))
        }
        return order
    }

    /// One cycle among the nodes Kahn's algorithm could not finish, in dependency order.
    private static func findCycle(items: [PlanItem], remaining: [Int], start: [Int], successors: [Int]) -> [UUID] {
        let n = items.count
        // Nodes left with in-degree > 0 are on a cycle or downstream of one. Keep only those
        // that can reach another stuck node, repeatedly, so every kept node lies on a cycle's path.
        var stuck = remaining.map { $0 > 0 }
        var changed = true
        while changed {
            changed = false
            for i in 0..<n where stuck[i] {
                var hasStuckSuccessor = false
                for slot in start[i]..<start[i + 1] where stuck[successors[slot]] {
                    hasStuckSuccessor = true
                    break
                }
                if !hasStuckSuccessor {
                    stuck[i] = false
                    changed = true
                }
            }
        }
        guard let first = stuck.firstIndex(of: true) else { return [] }
        var position = [Int](repeating: -1, count: n)
        var path: [Int] = []
        var node = first
        while position[node] < 0 {
            position[node] = path.count
            path.append(node)
            var next = -1
            for slot in start[node]..<start[node + 1] where stuck[successors[slot]] {
                next = successors[slot]
                break
            }
            node = next
        }
        var cycle = Array(path[position[node]...])
        let lowest = cycle.indices.min { cycle[$0] < cycle[$1] } ?? 0
        cycle = Array(cycle[lowest...] + cycle[..<lowest])
        return cycle.map { items[$0].id }
    }
}
