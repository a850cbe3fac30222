import Eras
import Testing
@testable import Docker

/// The Hub's images are built when first used; that must give exactly what building them all
/// at start-up gave.
@Suite struct DeferredImageTests {
    @Test func theHubBuildsTheSameImagesLazilyAsAtOnce() {
        let eager = Registry(host: ImageName.hubRegistry, requiresLogin: true, publishersDockerVersion: Era.kubernetesInAction.docker.version)
        for image in StandardImages.all { eager.build(image.make()) }
        let lazy = Registry.dockerHub(era: Era.kubernetesInAction)
        // Asked for out of order, one repository at a time, as pulls would.
        #expect(lazy.manifest("luksa/kubia", tag: "latest") == eager.manifest("luksa/kubia", tag: "latest"))
        #expect(lazy.tags(of: "library/node") == eager.tags(of: "library/node"))
        #expect(lazy.state == eager.state)
        #expect(!eager.state.repositories.isEmpty)
    }

    @Test(arguments: StandardImages.all)
    func aDeferredImageIsNamedAsItsDefinition(image: DeferredImage) {
        #expect(image.make().name == image.name)
    }

    @Test func aDeferredImageIsNotBuiltUntilItsRepositoryIsUsed() {
        let built = Counter()
        let hub = Registry(host: ImageName.hubRegistry, requiresLogin: true)
        hub.seed([DeferredImage(ImageName(path: "library/busybox")) {
            built.count += 1
            return StandardImages.busybox
        }])
        #expect(built.count == 0)
        #expect(hub.manifest("library/alpine", tag: "latest") == nil)
        #expect(built.count == 0)
        #expect(hub.manifest("library/busybox", tag: "latest") != nil)
        #expect(hub.manifest("library/busybox", tag: "latest") != nil)
        #expect(built.count == 1)
    }

    final class Counter: @unchecked Sendable {
        var count = 0
    }
}
