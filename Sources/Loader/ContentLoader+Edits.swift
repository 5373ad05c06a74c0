import Diagnostics
import FileSystem
import GuideModel

extension ContentLoader {
    /// The last load with the `edited` entry files read again and put in
    /// place of their previous versions (in the guide, the sources and the
    /// diagnostics), so that one edit costs one file's read instead of a look
    /// at every file. Nil when an edited path is not an entry file of that
    /// load (guide.yml, a schema, a handout, media): the caller loads in full.
    func patch(_ last: LoadCache.LastLoad, edited: Set<String>, cache: LoadCache) -> LoadedContent? {
        var jobs: [(job: EntryFileJob, old: EntryFileLoader.Output)] = []
        for path in edited.sorted() {
            guard let job = last.entryFiles[path], let old = cache.keptOutput(for: path) else { return nil }
            jobs.append((job, old))
        }
        let walker = ContentWalker(root: root, displayRoot: displayRoot)
        let loader = EntryFileLoader(declaredLanguages: last.content.guide.config.languageCodes)
        cache.startLoad()
        var content = last.content
        var touched: Set<Reference> = []
        for (job, old) in jobs {
            let stamp = FileStamp(job.file.path)
            let new = loader.load(
                type: job.type, name: job.name, file: job.file.path, path: walker.display(job.file.relative))
            cache.store(new, for: job.file.path, stamp: stamp, languages: loader.declaredLanguages)

            if !old.diagnostics.isEmpty {
                let gone = Set(old.diagnostics)
                content.diagnostics.removeAll { gone.contains($0) }
            }
            content.diagnostics += new.diagnostics
            if let source = old.source { content.sources[source.path] = nil }
            if let source = new.source { content.sources[source.path] = source }
            for file in [old.file, new.file].compactMap({ $0 }) {
                touched.insert(Reference(type: file.type, id: file.id))
            }
            if let file = old.file { content.guide.setFile(nil, type: file.type, id: file.id, language: file.language) }
            if let file = new.file {
                content.guide.setFile(file, type: file.type, id: file.id, language: file.language)
            }
        }
        content.guide.updateSourceHashes(of: touched, memo: cache.sourceHashes)
        return content
    }
}
