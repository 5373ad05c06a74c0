import BundleEmitter
import GuideModel
import HandoutEmitter
import SiteEmitter

/// The outputs `guide build` writes, in build order: handouts first, so the
/// site can list (and publish) the PDFs they made.
enum Emitters {
    static let all: [any Emitter] = [HandoutEmitter(), SiteEmitter(), BundleEmitter()]
    static let names = all.map(\.name)
}
