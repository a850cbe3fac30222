import Testing
@testable import Formatting

@Suite("TabWriter")
struct TabWriterTests {
    private func lay(_ text: String, _ writer: TabWriter) -> String {
        var writer = writer
        writer.write(text)
        return writer.flush()
    }

    @Test func kubectlEraPodTable() {
        let rows = [
            ["NAME", "READY", "STATUS", "RESTARTS", "AGE"],
            ["kubia-5d8f9c8b7d-x2x9z", "1/1", "Running", "0", "2m"],
            ["kubia-manual", "0/1", "ContainerCreating", "0", "5s"],
        ]
        let expected = """
            NAME                     READY     STATUS              RESTARTS   AGE
            kubia-5d8f9c8b7d-x2x9z   1/1       Running             0          2m
            kubia-manual             0/1       ContainerCreating   0          5s

            """
        #expect(TabWriter.format(rows, with: .kubectl()) == expected)
    }

    @Test func kubectlMinimumWidthTenPadsShortColumns() {
        let rows = [["NAME", "READY", "STATUS", "RESTARTS", "AGE"], ["kubia", "1/1", "Running", "0", "1m"]]
        let expected = """
            NAME      READY     STATUS    RESTARTS   AGE
            kubia     1/1       Running   0          1m

            """
        #expect(TabWriter.format(rows, with: .kubectl()) == expected)
    }

    @Test func kubectlModernPodTable() {
        // §1 worked example (minwidth 6).
        let text = "NAME\tREADY\tSTATUS\tRESTARTS\tAGE\nkubia-5d8f9c8b7d-x2x9z\t1/1\tRunning\t0\t2m30s\nkubia-manual\t0/1\tContainerCreating\t0\t5s\n"
        let expected = """
            NAME                     READY   STATUS              RESTARTS   AGE
            kubia-5d8f9c8b7d-x2x9z   1/1     Running             0          2m30s
            kubia-manual             0/1     ContainerCreating   0          5s

            """
        #expect(lay(text, .kubectlModern()) == expected)
    }

    @Test func dockerEraPsTable() {
        let rows = [
            ["CONTAINER ID", "IMAGE", "COMMAND", "CREATED", "STATUS", "PORTS", "NAMES"],
            ["44d76963e8e1", "kubia", "\"node app.js\"", "6 minutes ago", "Up 6 minutes", "0.0.0.0:8080->8080/tcp", "kubia-container"],
        ]
        // Reference §1, docker < 20.10.
        let expected = """
            CONTAINER ID        IMAGE               COMMAND             CREATED             STATUS              PORTS                    NAMES
            44d76963e8e1        kubia               "node app.js"       6 minutes ago       Up 6 minutes        0.0.0.0:8080->8080/tcp   kubia-container

            """
        #expect(TabWriter.format(rows, with: .docker()) == expected)
    }

    @Test func dockerModernTables() {
        let ps = [
            ["CONTAINER ID", "IMAGE", "COMMAND", "CREATED", "STATUS", "PORTS", "NAMES"],
            ["44d76963e8e1", "kubia", "\"node app.js\"", "6 minutes ago", "Up 6 minutes", "0.0.0.0:8080->8080/tcp", "kubia-container"],
        ]
        #expect(TabWriter.format(ps, with: .dockerModern()) == """
            CONTAINER ID   IMAGE     COMMAND         CREATED         STATUS         PORTS                    NAMES
            44d76963e8e1   kubia     "node app.js"   6 minutes ago   Up 6 minutes   0.0.0.0:8080->8080/tcp   kubia-container

            """)
        let images = [
            ["REPOSITORY", "TAG", "IMAGE ID", "CREATED", "SIZE"],
            ["kubia", "latest", "d30ecc7419e7", "1 minute ago", "660MB"],
            ["hello-world", "latest", "74cc54e27dc4", "2 months ago", "10.1kB"],
        ]
        // Reference §3.5.
        #expect(TabWriter.format(images, with: .dockerModern()) == """
            REPOSITORY    TAG       IMAGE ID       CREATED        SIZE
            kubia         latest    d30ecc7419e7   1 minute ago   660MB
            hello-world   latest    74cc54e27dc4   2 months ago   10.1kB

            """)
    }

    @Test func dockerEraImagesTable() {
        let images = [
            ["REPOSITORY", "TAG", "IMAGE ID", "CREATED", "SIZE"],
            ["kubia", "latest", "d30ecc7419e7", "1 minute ago", "660MB"],
            ["hello-world", "latest", "74cc54e27dc4", "2 months ago", "10.1kB"],
        ]
        #expect(TabWriter.format(images, with: .docker()) == """
            REPOSITORY          TAG                 IMAGE ID            CREATED             SIZE
            kubia               latest              d30ecc7419e7        1 minute ago        660MB
            hello-world         latest              74cc54e27dc4        2 months ago        10.1kB

            """)
    }

    @Test func lastCellIsNeverPaddedAndEmptyCellsAre() {
        #expect(lay("a\t\tc\nbb\t\t\n", .kubectl()) == "a         \(String(repeating: " ", count: 10))c\nbb        \(String(repeating: " ", count: 10))\n")
    }

    @Test func aLineWithoutTabsEndsEveryColumnBlock() {
        // describe-style output: the section title line splits the two blocks.
        let text = "Name:\tkubia\nNamespace:\tdefault\nContainers:\n  kubia:\n    Image:\tluksa/kubia\n    Port:\t8080/TCP\n"
        let expected = """
            Name:       kubia
            Namespace:  default
            Containers:
              kubia:
                Image:  luksa/kubia
                Port:   8080/TCP

            """
        #expect(lay(text, .kubectlDescribe()) == expected)
    }

    @Test func nestedBlocksFollowGoRules() {
        // Column 1 spans only the lines that have a second tab-terminated cell.
        let text = "a\tb\tc\naaaa\tbbbbbbb\nx\ty\tz\n"
        let expected = "a      b   c\naaaa   bbbbbbb\nx      y   z\n"
        #expect(lay(text, TabWriter(minimumWidth: 0, tabWidth: 8, padding: 3)) == expected)
    }

    // The examples of Go's text/tabwriter documentation.
    @Test func goElasticExample() {
        let writer = TabWriter(minimumWidth: 0, tabWidth: 0, padding: 1, padCharacter: ".", flags: [.alignRight, .debug])
        #expect(lay("a\tb\tc\naa\tbb\tcc\naaa\t\naaaa\tdddd\teeee\n", writer)
            == "....a|..b|c\n...aa|.bb|cc\n..aaa|\n.aaaa|.dddd|eeee\n")
    }

    @Test func goTrailingTabExample() {
        let writer = TabWriter(minimumWidth: 0, tabWidth: 0, padding: 3, padCharacter: "-", flags: [.alignRight, .debug])
        let text = "a\tb\taligned\t\naa\tbb\taligned\t\naaa\tbbb\tunaligned\naaaa\tbbbb\taligned\t\n"
        #expect(lay(text, writer)
            == "------a|------b|---aligned|\n-----aa|-----bb|---aligned|\n----aaa|----bbb|unaligned\n---aaaa|---bbbb|---aligned|\n")
    }

    @Test func goInitExampleWithTabPadding() {
        let writer = TabWriter(minimumWidth: 0, tabWidth: 8, padding: 0, padCharacter: "\t")
        #expect(lay("a\tb\tc\td\t.\n123\t12345\t1234567\t123456789\t.\n\n", writer)
            == "a\tb\tc\td\t\t.\n123\t12345\t1234567\t123456789\t.\n\n")
    }

    @Test func goInitExampleRightAligned() {
        let writer = TabWriter(minimumWidth: 5, tabWidth: 0, padding: 1, flags: .alignRight)
        #expect(lay("a\tb\tc\td\t.\n123\t12345\t1234567\t123456789\t.\n\n", writer)
            == "    a     b       c         d.\n  123 12345 1234567 123456789.\n\n")
    }

    @Test func discardEmptyColumns() {
        let writer = TabWriter(minimumWidth: 0, tabWidth: 8, padding: 1, flags: .discardEmptyColumns)
        #expect(lay("a\u{0B}\u{0B}b\ncc\u{0B}\u{0B}d\n", writer) == "a  b\ncc d\n")
    }

    @Test func chineseAlignsWhenCountingTerminalColumns() {
        let rows = [["名字", "状态"], ["kubia", "运行中"]]
        let byColumns = TabWriter.format(rows, with: TabWriter(minimumWidth: 0, tabWidth: 1, padding: 2, textWidth: .terminalColumns))
        #expect(byColumns == "名字   状态\nkubia  运行中\n")
        let byRunes = TabWriter.format(rows, with: TabWriter(minimumWidth: 0, tabWidth: 1, padding: 2))
        #expect(byRunes == "名字     状态\nkubia  运行中\n")
    }

    @Test func outputOfOneLineCellsAppearsBeforeFlush() {
        var writer = TabWriter.kubectl()
        writer.write("a\tb\n")
        writer.write("plain line\n")
        writer.write("c\td\n")
        #expect(writer.flush() == "a         b\nplain line\nc         d\n")
        #expect(writer.flush() == "")
    }

    @Test func unterminatedTextIsWrittenOnFlush() {
        var writer = TabWriter.kubectl()
        writer.write("NAME\tAGE\nx\t1")
        #expect(writer.flush() == "NAME      AGE\nx         1")
    }

    @Test func rememberedWidthsOnlyGrowAcrossFlushes() {
        var writer = TabWriter.kubectlModern()
        writer.write("NAME\tSTATUS\tAGE\nkubia\tPending\t0s\n")
        #expect(writer.flush() == "NAME    STATUS    AGE\nkubia   Pending   0s\n")
        writer.write("kubia\tContainerCreating\t1s\n")
        #expect(writer.flush() == "kubia   ContainerCreating   1s\n")
        writer.write("kubia\tRunning\t3s\n")
        #expect(writer.flush() == "kubia   Running             3s\n")
        writer.forgetRememberedWidths()
        writer.write("kubia\tRunning\t3s\n")
        #expect(writer.flush() == "kubia   Running   3s\n")
    }
}
