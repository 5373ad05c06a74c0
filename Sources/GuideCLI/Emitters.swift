import GuideModel
import SiteEmitter

/// The outputs `guide build` writes, in build order.
enum Emitters {
    static let all: [any Emitter] = [SiteEmitter()]
    static let names = all.map(\.name)
}
