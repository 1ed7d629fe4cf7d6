import Foundation

/// Round tick values for a value axis: steps of 1, 2 or 5 × 10ⁿ from zero, so a reader sees 0, 5, 10, 15
/// rather than 0, 3.25, 6.5.
public enum AxisTicks {
    /// The round step that covers `maximum` in about `targetSteps` steps (1 for an empty axis).
    public static func step(covering maximum: Double, targetSteps: Int = 4) -> Double {
        guard maximum.isFinite, maximum > 0, targetSteps > 0 else { return 1 }
        let raw = maximum / Double(targetSteps)
        let magnitude = pow(10, (log10(raw)).rounded(.down))
        let normalised = raw / magnitude
        // A hair of tolerance so 2.0000000001 (floating-point noise) still counts as 2.
        let nice: Double = normalised <= 1.000001 ? 1 : normalised <= 2.000001 ? 2 : normalised <= 5.000001 ? 5 : 10
        return nice * magnitude
    }

    /// 0, step, 2·step … up to the first tick at or above `maximum`.
    public static func values(upTo maximum: Double, targetSteps: Int = 4) -> [Double] {
        let step = step(covering: maximum, targetSteps: targetSteps)
        let count = max(1, Int((maximum / step - 0.000001).rounded(.up)))
        return (0...count).map { Double($0) * step }
    }
}
