/// Lesson files the tests use.
enum Fixtures {
    static let files = """
        id: ch02-files
        chapter: 2
        section: "2.1"
        title: {en: Files at home, zh: 家目录里的文件}
        minutes: 5
        steps:
          - id: create
            instruction:
              en: Create a file named `notes.txt`.
              zh: 创建一个名为 `notes.txt` 的文件。
            checks:
              - run: test -f notes.txt
            hints:
              - {en: Files can be empty., zh: 文件可以是空的。}
              - {en: "Try `touch`.", zh: "试试 `touch`。"}
            solution: [touch notes.txt]
            explain: {en: An empty file is still a file., zh: 空文件也是文件。}
            mistakes:
              - check: {run: test -d notes.txt}
                say: {en: "That is a directory, not a file.", zh: 那是目录，不是文件。}
                test: {fires: [mkdir notes.txt]}
          - id: greet
            instruction: {en: Write hello into `greeting`., zh: 把 hello 写进 `greeting`。}
            setup:
              files:
                - path: data/seed.txt
                  content: |
                    seeded
            checks:
              - run: cat greeting
                equals: hello
            solution: [write greeting hello]
          - id: look
            instruction: {en: List your files with `ls`., zh: 用 `ls` 列出你的文件。}
            checks:
              - typed: '^ls\\b'
            solution: [ls]
        world: {cluster: none}

        """

    static let more = """
        id: ch02-more
        chapter: 2
        section: "2.2"
        title: {en: More files, zh: 更多文件}
        prerequisites: [ch02-files]
        minutes: 3
        steps:
          - instruction: {en: Make a directory named `box`., zh: 创建一个名为 `box` 的目录。}
            setup:
              commands: [touch setup-marker]
            checks:
              - run: test -d box
            solution: [mkdir box]
        world: {cluster: none}

        """

    /// A lesson whose step completes some time after its command.
    static let slow = """
        id: ch02-slow
        chapter: 2
        section: "2.3"
        title: {en: Slow, zh: 慢}
        minutes: 1
        steps:
          - instruction: {en: Start it and wait., zh: 启动并等待。}
            checks:
              - run: test -f ready
            solution: [eventually ready, wait 15s]
        world: {cluster: none}

        """

    /// A lesson whose check already passes before its solution.
    static let passesEarly = """
        id: ch03-early
        chapter: 3
        section: "3.1"
        title: {en: Early, zh: 太早}
        minutes: 1
        steps:
          - instruction: {en: Say hello., zh: 打招呼。}
            checks:
              - run: echo hello
                contains: hello
            solution: [echo hello]
        world: {cluster: none}

        """

    /// A lesson whose solution fails.
    static let failingSolution = """
        id: ch03-broken
        chapter: 3
        section: "3.2"
        title: {en: Broken, zh: 坏了}
        minutes: 1
        steps:
          - instruction: {en: Make a file., zh: 创建文件。}
            checks:
              - run: test -f made
            solution: [touch made]
          - instruction: {en: Write into it., zh: 写入内容。}
            checks:
              - run: cat made
                equals: done
            solution: [write made wrong]
        world: {cluster: none}

        """
}
