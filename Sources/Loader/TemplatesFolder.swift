import Diagnostics
import Foundation

/// `Templates/` under the same rule as `Content/`: a symbolic link whose
/// target lies outside the folder (or loops, or leads nowhere) is an error at
/// its path, so a build never reads or publishes a file from elsewhere
/// through it. The emitters read the templates only after this passes.
public enum TemplatesFolder {
    public static func problems(root: URL, displayRoot: String) -> [Diagnostic] {
        ContentWalker(root: root, displayRoot: displayRoot).walk().diagnostics.filter { $0.code == "file.symlink" }
    }
}
