import REPL

extension Course {
    /// Draws the world as kubectl and docker see it, reading it with silent, journaled commands.
    func showMap(in session: Session) {
        let map = WorldMapReader(run: { session.runCheck($0) }).read()
        session.show(WorldMapRenderer(style: style, language: language).render(map))
    }
}
