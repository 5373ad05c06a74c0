import BundleEmitter
import GuideModel
import HandoutEmitter

/// The outputs `guide build` writes, in build order.
enum Emitters {
    static let all: [any Emitter] = [HandoutEmitter(), BundleEmitter()]
    static let names = all.map(\.name)
}
