import Foundation

/// A new lesson file with every field filled in, in both languages, for an instructor to edit.
public enum LessonScaffold {
    /// The scaffold's text for lesson `id`; a `chNN-` prefix gives the chapter.
    public static func text(id: String) -> String {
        let chapter = chapter(of: id)
        return """
            # A KubeLab lesson. The format is described in lessons/README.md.
            # Check it with `kubelab lesson lint` and play its solutions with `kubelab lesson test`.
            id: \(id)
            chapter: \(chapter)
            section: "\(chapter).1"
            title:
              en: A title in English
              zh: 中文标题
            prerequisites: []
            minutes: 10
            world:
              cluster: none
              files: []
              commands: []
            steps:
              - id: first-step
                instruction:
                  en: |
                    Say what to do, in **Markdown**: for example, create a file named `notes.txt`.
                  zh: |
                    用 **Markdown** 说明要做什么：例如，创建一个名为 `notes.txt` 的文件。
                setup:
                  files:
                    - path: README.txt
                      content: |
                        A file the step puts in the learner's home.
                  commands: []
                checks:
                  - run: test -f notes.txt
                    status: 0
                hints:
                  - en: A first, gentle hint.
                    zh: 第一条温和的提示。
                  - en: A second hint that gives more away, such as `touch`.
                    zh: 第二条提示说得更多，例如 `touch`。
                solution:
                  - touch notes.txt
                explain:
                  en: What the learner just did, and why it matters.
                  zh: 刚才做了什么，为什么重要。
                mistakes:
                  - check:
                      run: test -d notes.txt
                    say:
                      en: "`notes.txt` is a directory: remove it with `rmdir notes.txt` and create a file."
                      zh: "`notes.txt` 是一个目录：用 `rmdir notes.txt` 删除它，再创建文件。"
                    test:
                      fires:
                        - mkdir notes.txt

            """
    }

    /// Writes the scaffold to `<directory>/<id>.yaml` (never over an existing file).
    public static func create(id: String, in directory: URL) throws -> URL {
        guard LessonParser.isValidIdentifier(id) else { throw Problem.invalidIdentifier(id) }
        let url = directory.appendingPathComponent(id + ".yaml")
        guard !FileManager.default.fileExists(atPath: url.path) else { throw Problem.exists(url.path) }
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        try Data(text(id: id).utf8).write(to: url, options: .withoutOverwriting)
        return url
    }

    /// Why no scaffold was written.
    public enum Problem: Error, Equatable, CustomStringConvertible {
        case invalidIdentifier(String)
        case exists(String)

        public var description: String {
            switch self {
            case .invalidIdentifier(let id): "\"\(id)\" is not a lesson id: use lower-case letters, digits and dashes, like ch02-first-pod"
            case .exists(let path): "\(path) already exists"
            }
        }
    }

    static func chapter(of id: String) -> Int {
        guard id.hasPrefix("ch") else { return 1 }
        let digits = id.dropFirst(2).prefix { $0.isASCII && $0.isNumber }
        return Int(digits).map { max(1, $0) } ?? 1
    }
}
