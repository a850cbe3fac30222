import Kernel
import Userland
import Simulation

/// `luksa/batch-job` of the book's chapter 4: busybox with the Dockerfile's shell-form
/// ENTRYPOINT, so the container prints a start line with the date, sleeps two minutes, prints
/// a last line and exits 0. Built from that content only; a learner who builds the same
/// Dockerfile gets the same behaviour.
extension StandardImages {
    /// The Dockerfile's `ENTRYPOINT` line, as written (the book's misspelling included).
    static let batchJobScript = "echo \"$(date) Batch job starting\"; sleep 120; echo \"$(date) Finished succesfully\""

    public static var luksaBatchJob: BaseImageDefinition {
        var definition = busybox
        definition.name = ImageName(path: "luksa/batch-job")
        // A shell-form ENTRYPOINT runs through `/bin/sh -c` and clears the CMD inherited from busybox;
        // the builder's own reading of the instruction gives the config and the history line.
        let instruction = Instruction.entrypoint(.shell(batchJobScript))
        if let comment = instruction.historyComment() { definition.metadataCommands += ["/bin/sh -c #(nop)  " + comment] }
        definition.config.entrypoint = CommandForm.shell(batchJobScript).arguments()
        definition.config.command = nil
        definition.created = date(1_492_214_400) // 2017-04-15
        definition.aliases = []
        return definition
    }

}
