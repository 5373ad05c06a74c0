import BundleEmitter
import GuideModel

/// The outputs `guide build` writes, in build order.
enum Emitters {
    static let all: [any Emitter] = [BundleEmitter()]
    static let names = all.map(\.name)
}
