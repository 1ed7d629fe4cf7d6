import Foundation

/// One line of a scope list compared with the signed version: kept, added, removed, or changed in place
/// (a removed line directly replaced by an added one at the same position).
public enum ScopeLine: Equatable, Sendable {
    case kept(String)
    case added(String)
    case removed(String)
    case changed(from: String, to: String)
}

/// The lines added to and removed from one list; a changed line counts as one removed and one added.
public struct LineChanges: Equatable, Sendable {
    public var added: [String]
    public var removed: [String]

    public init(added: [String], removed: [String]) {
        self.added = added
        self.removed = removed
    }

    public var isEmpty: Bool { added.isEmpty && removed.isEmpty }
}

/// What a scope version changes against the latest version signed off before it.
public struct ScopeDiff: Equatable, Sendable {
    /// The number of the signed version compared with; nil when none was signed before (every line is new).
    public var against: Int?
    public var goals: [ScopeLine]
    public var inScope: [ScopeLine]
    public var outOfScope: [ScopeLine]

    /// `version` against the latest version signed off before it among `versions`.
    public init(_ version: ScopeVersion, among versions: [ScopeVersion]) {
        self.init(version, against: ScopeVersion.signedBefore(version, in: versions))
    }

    /// `version` against `signed` (nil: nothing signed yet).
    public init(_ version: ScopeVersion, against signed: ScopeVersion?) {
        against = signed?.number
        goals = Self.lines(from: signed?.goals ?? [], to: version.goals)
        inScope = Self.lines(from: signed?.inScope ?? [], to: version.inScope)
        outOfScope = Self.lines(from: signed?.outOfScope ?? [], to: version.outOfScope)
    }

    /// Whether any list differs.
    public var hasChanges: Bool { [goals, inScope, outOfScope].contains { Self.changes($0) != LineChanges(added: [], removed: []) } }

    /// The added and removed lines of one compared list.
    public static func changes(_ lines: [ScopeLine]) -> LineChanges {
        var result = LineChanges(added: [], removed: [])
        for line in lines {
            switch line {
            case .kept: break
            case .added(let text): result.added.append(text)
            case .removed(let text): result.removed.append(text)
            case .changed(let old, let new):
                result.removed.append(old)
                result.added.append(new)
            }
        }
        return result
    }

    /// A line diff over the longest common subsequence, in the new list's order; within each run of
    /// replaced lines, removed and added lines are paired by position into changes.
    public static func lines(from old: [String], to new: [String]) -> [ScopeLine] {
        let n = old.count
        let m = new.count
        // common[i][j]: length of the longest common subsequence of old[i...] and new[j...].
        var common = Array(repeating: Array(repeating: 0, count: m + 1), count: n + 1)
        for i in stride(from: n - 1, through: 0, by: -1) {
            for j in stride(from: m - 1, through: 0, by: -1) {
                common[i][j] = old[i] == new[j] ? common[i + 1][j + 1] + 1 : max(common[i + 1][j], common[i][j + 1])
            }
        }
        var result: [ScopeLine] = []
        var removed: [String] = []
        var added: [String] = []
        func flush() {
            let paired = min(removed.count, added.count)
            for k in 0..<paired { result.append(.changed(from: removed[k], to: added[k])) }
            result += removed.dropFirst(paired).map(ScopeLine.removed)
            result += added.dropFirst(paired).map(ScopeLine.added)
            removed = []
            added = []
        }
        var i = 0
        var j = 0
        while i < n || j < m {
            if i < n, j < m, old[i] == new[j] {
                flush()
                result.append(.kept(new[j]))
                i += 1
                j += 1
            } else if j < m, i == n || common[i][j + 1] >= common[i + 1][j] {
                added.append(new[j])
                j += 1
            } else {
                removed.append(old[i])
                i += 1
            }
        }
        flush()
        return result
    }
}
