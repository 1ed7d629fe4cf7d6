import Foundation
import Testing
@testable import Domain

/// A readable, stable id for graph tests: `…-0000000000NN`.
private func node(_ number: Int) -> UUID {
    UUID(uuidString: String(format: "00000000-0000-0000-0000-%012d", number))!
}

@Suite("DependencyGraph")
struct DependencyGraphTests {
    @Test("an empty plan has no cycle")
    func emptyGraphHasNoCycle() {
        // given / when
        let cycle = DependencyGraph.findCycle([:])

        // then
        #expect(cycle == nil)
    }

    @Test("a diamond of dependencies has no cycle")
    func diamondHasNoCycle() throws {
        // given: 4 depends on 2 and 3, which both depend on 1
        let graph = [node(1): [], node(2): [node(1)], node(3): [node(1)], node(4): [node(2), node(3)]]

        // when
        let cycle = DependencyGraph.findCycle(graph)

        // then
        #expect(cycle == nil)
        try DependencyGraph.requireAcyclic(graph)
    }

    @Test("a dependency on an item that is not in the map is not a cycle")
    func danglingDependencyIsNoCycle() {
        // given
        let graph = [node(1): [node(99)]]

        // when
        let cycle = DependencyGraph.findCycle(graph)

        // then
        #expect(cycle == nil)
    }

    @Test("an item depending on itself is a cycle of that one item")
    func selfLoopIsCycle() {
        // given
        let graph = [node(1): [node(1)], node(2): [node(1)]]

        // when
        let cycle = DependencyGraph.findCycle(graph)

        // then
        #expect(cycle == [node(1)])
    }

    @Test("a three-item loop is reported as exactly its three items, each depending on the next")
    func threeCycleNamesExactlyItsItems() throws {
        // given: 1 → 2 → 3 → 1, with 4 and 5 hanging off the loop
        let graph = [
            node(1): [node(2)], node(2): [node(3)], node(3): [node(1)],
            node(4): [node(1)], node(5): [node(4)],
        ]

        // when
        let cycle = try #require(DependencyGraph.findCycle(graph))

        // then
        #expect(cycle.count == 3)
        #expect(Set(cycle) == [node(1), node(2), node(3)])
        for (index, item) in cycle.enumerated() {
            let following = cycle[(index + 1) % cycle.count]
            #expect(graph[item]?.contains(following) == true)
        }
    }

    @Test("a 5,000-item chain is checked without overflowing the stack")
    func longChainHasNoCycle() {
        // given: item n depends on item n+1
        let count = 5_000
        var graph: [UUID: [UUID]] = [:]
        for index in 0..<count { graph[node(index)] = index + 1 < count ? [node(index + 1)] : [] }

        // when
        let cycle = DependencyGraph.findCycle(graph)

        // then
        #expect(cycle == nil)
    }

    @Test("a 5,000-item chain closed into a loop is reported as all 5,000 items")
    func longLoopIsFound() {
        // given
        let count = 5_000
        var graph: [UUID: [UUID]] = [:]
        for index in 0..<count { graph[node(index)] = [node((index + 1) % count)] }

        // when
        let cycle = DependencyGraph.findCycle(graph)

        // then
        #expect(cycle?.count == count)
        #expect(Set(cycle ?? []).count == count)
    }

    @Test("requireAcyclic refuses a loop with a conflict naming the items by title")
    func requireAcyclicNamesTitles() {
        // given
        let graph = [node(1): [node(2)], node(2): [node(3)], node(3): [node(1)]]
        let titles = [node(1): "Design", node(2): "Build", node(3): "Test 测试"]

        // when
        let error = domainError { try DependencyGraph.requireAcyclic(graph, titles: titles) }

        // then
        let message = error?.conflictMessage ?? ""
        #expect(message.hasPrefix("dependency cycle: "))
        #expect(message.contains("Design"))
        #expect(message.contains("Build"))
        #expect(message.contains("Test 测试"))
        #expect(message.contains(" → "))
    }

    @Test("requireAcyclic falls back to the id for an item without a title")
    func requireAcyclicFallsBackToID() {
        // given
        let graph = [node(7): [node(7)]]

        // when
        let error = domainError { try DependencyGraph.requireAcyclic(graph) }

        // then
        #expect(error == .conflict("dependency cycle: \(node(7).uuidString)"))
    }
}
