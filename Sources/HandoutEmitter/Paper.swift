/// Paper sizes, in PDF points (1/72 inch).
public enum Paper: String, Sendable, Hashable, CaseIterable, Encodable {
    case a4, letter, a6, a3
    /// ID-1 card, 85.6 × 54 mm, landscape.
    case cr80

    public var width: Double {
        switch self {
        case .a4: mm(210)
        case .letter: 612
        case .a6: mm(105)
        case .a3: mm(297)
        case .cr80: mm(85.6)
        }
    }

    public var height: Double {
        switch self {
        case .a4: mm(297)
        case .letter: 792
        case .a6: mm(148)
        case .a3: mm(420)
        case .cr80: mm(54)
        }
    }
}

/// Millimetres to points.
func mm(_ value: Double) -> Double { value * 72 / 25.4 }
