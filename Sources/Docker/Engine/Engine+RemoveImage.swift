extension DockerEngine {
    /// Untags and deletes an image (`docker rmi`); returns the `Untagged:`/`Deleted:` lines.
    public func removeImage(_ text: String, force: Bool = false) throws(DockerError) -> [String] {
        guard let image = image(named: text) else {
            throw .noSuchImage(ImageName(parsing: text)?.description ?? text)
        }
        var lines: [String] = []
        let imageTags = tags(of: image.id)
        let namedByTag = ImageName(parsing: text).map { tags[$0.description] == image.id } ?? false
        let users = containers.filter { $0.imageID == image.id }
        if let running = users.first(where: { $0.isRunning }), !namedByTag || imageTags.count == 1 {
            throw .imageUsedByRunningContainer(imageID: image.shortID, containerID: running.shortID)
        }
        if namedByTag, let name = ImageName(parsing: text) {
            if imageTags.count == 1, let user = users.first, !force {
                throw .imageUsedByContainer(reference: text, containerID: user.shortID, imageID: image.shortID)
            }
            tags[name.description] = nil
            lines.append("Untagged: \(name.description)")
            // Like the daemon: once no tag of this repository is left on the image, its digest
            // references (from a push or pull) go with the tag, right after it.
            let repository = name.familiarRepository
            let sameRepository = { (reference: String) in
                ImageName(parsing: reference)?.familiarRepository == repository
            }
            if !tags(of: image.id).contains(where: sameRepository) {
                let digests = repositoryDigests[image.id] ?? []
                let removed = digests.filter { $0.hasPrefix(repository + "@") }
                lines += removed.map { "Untagged: \($0)" }
                repositoryDigests[image.id] = digests.filter { !removed.contains($0) }
            }
            if imageTags.count > 1 { return lines }
        } else {
            if imageTags.count > 1, !force { throw .imageReferencedInMultipleRepositories(image.shortID) }
            if let user = users.first, !force {
                throw .other("conflict: unable to delete \(image.shortID) (must be forced) - image is being used by stopped container \(user.shortID)")
            }
            for tag in imageTags {
                tags[tag] = nil
                lines.append("Untagged: \(tag)")
            }
        }
        if images.values.contains(where: { $0.parentID == image.id }) { throw .imageHasDependentChildren(image.shortID) }
        for digest in repositoryDigests[image.id] ?? [] { lines.append("Untagged: \(digest)") }
        repositoryDigests[image.id] = nil
        // Delete the image and the untagged build steps under it nobody else needs.
        var victim: Image? = image
        while let current = victim {
            images[current.id] = nil
            rootTrees[current.id] = nil
            lines.append("Deleted: \(current.id)")
            guard let parentID = current.parentID, let parent = images[parentID], tags(of: parentID).isEmpty,
                  !images.values.contains(where: { $0.parentID == parentID }),
                  !containers.contains(where: { $0.imageID == parentID }) else { break }
            victim = parent
        }
        let used = Set(images.values.flatMap(\.config.layerDigests))
        for digest in layers.keys where !used.contains(digest) { layers[digest] = nil }
        return lines
    }
}
