import BundleEmitter
import GuideModel
import HandoutEmitter
import SiteEmitter

/// The outputs `guide build` writes, in build order.
enum Emitters {
    static let all: [any Emitter] = [SiteEmitter(), HandoutEmitter(), BundleEmitter()]
    static let names = all.map(\.name)
}
