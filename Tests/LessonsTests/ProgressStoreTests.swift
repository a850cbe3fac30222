import Foundation
import Testing
@testable import Lessons

@Suite struct ProgressStoreTests {
    func sampleProgress() -> CourseProgress {
        var progress = CourseProgress()
        progress.completedSteps = ["ch02-files": ["create", "greet"]]
        progress.skippedSteps = ["ch02-more": ["1"]]
        progress.currentLesson = "ch02-files"
        progress.currentStep = 2
        progress.language = .chinese
        progress.stepStartPositions = [3, 9, 14]
        progress.welcomed = true
        return progress
    }

    @Test func progressSurvivesSavingAndLoading() throws {
        let directory = temporaryDirectory()
        let store = ProgressStore(directory: directory)
        #expect(try store.load().progress == CourseProgress())
        try store.save(sampleProgress())
        let loaded = try ProgressStore(directory: directory).load()
        #expect(loaded.progress == sampleProgress())
        #expect(loaded.notice == nil)
        // Only the file itself is left: the temporary file was renamed over it.
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == ["progress.json"])
    }

    @Test func aWriteCutShortByACrashLeavesTheSavedProgress() throws {
        let directory = temporaryDirectory()
        let store = ProgressStore(directory: directory)
        try store.save(sampleProgress())
        // What a `kill -9` in the middle of a save leaves behind: a half-written temporary file.
        try Data("{\"version\": 1, \"compl".utf8).write(to: directory.appendingPathComponent(".progress.json.tmp-4242"))
        let loaded = try store.load()
        #expect(loaded.progress == sampleProgress())
        #expect(loaded.notice == nil)
        var next = sampleProgress()
        next.currentStep = 0
        try store.save(next)
        #expect(try store.load().progress == next)
    }

    @Test func exportAndImportMoveProgressButNotJournalPositions() throws {
        let here = ProgressStore(directory: temporaryDirectory())
        try here.save(sampleProgress())
        let file = temporaryDirectory().appendingPathComponent("my-progress.json")
        try here.export(to: file)
        let there = ProgressStore(directory: temporaryDirectory())
        let imported = try there.import(from: file)
        var expected = sampleProgress()
        expected.stepStartPositions = []
        #expect(imported == expected)
        #expect(try there.load().progress == expected)
    }

    @Test func importingSomethingElseChangesNothing() throws {
        let store = ProgressStore(directory: temporaryDirectory())
        try store.save(sampleProgress())
        let file = temporaryDirectory().appendingPathComponent("notes.json")
        try Data("{\"hello\": 1}".utf8).write(to: file)
        #expect(throws: ProgressStore.Unreadable.self) { try store.import(from: file) }
        #expect(try store.load().progress == sampleProgress())
    }

    @Test(arguments: ["{\"version\": 1, \"completedSt", "not json at all", "{\"version\": 7}", ""])
    func aCorruptFileIsSetAsideAndReported(contents: String) throws {
        let directory = temporaryDirectory()
        let store = ProgressStore(directory: directory)
        try Data(contents.utf8).write(to: store.url)
        let first = try store.load()
        #expect(first.progress == CourseProgress())
        let aside = directory.appendingPathComponent("progress.json.corrupt-1")
        #expect(first.notice?.contains(aside.path) == true)
        #expect(try String(contentsOf: aside, encoding: .utf8) == contents)
        #expect(!FileManager.default.fileExists(atPath: store.url.path))

        // A second damaged file does not overwrite the first one set aside.
        try Data("garbage".utf8).write(to: store.url)
        let second = try store.load()
        #expect(second.notice?.contains("progress.json.corrupt-2") == true)
        #expect(try String(contentsOf: aside, encoding: .utf8) == contents)
    }

    @Test func theCommandLineTransferReportsWhatItDid() throws {
        let here = temporaryDirectory()
        try ProgressStore(directory: here).save(sampleProgress())
        let file = temporaryDirectory().appendingPathComponent("p.json").path
        var printed = ""
        #expect(ProgressTransfer.export(stateDirectory: here, to: file) { printed += $0 } == 0)
        #expect(printed == "Progress exported to \(file).\n")
        printed = ""
        let there = temporaryDirectory()
        #expect(ProgressTransfer.import(stateDirectory: there, from: file) { printed += $0 } == 0)
        #expect(printed.hasPrefix("Progress imported from \(file): 2 completed steps.\n"))
        printed = ""
        #expect(ProgressTransfer.import(stateDirectory: there, from: "/nonexistent/p.json") { printed += $0 } == 1)
        #expect(printed.hasSuffix("nothing was changed\n"))
        #expect(try ProgressStore(directory: there).load().progress.completedSteps == sampleProgress().completedSteps)
    }
}
