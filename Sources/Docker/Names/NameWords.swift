/// The words random container names are made of: `adjective_surname`.
enum NameWords {
    static let adjectives = [
        "adoring", "affectionate", "agitated", "amazing", "angry", "awesome", "blissful", "bold", "boring", "brave",
        "calm", "careful", "charming", "cheerful", "clever", "cocky", "compassionate", "competent", "confident", "cool",
        "cranky", "curious", "daring", "dazzling", "determined", "diligent", "dreamy", "eager", "earnest", "ecstatic",
        "elastic", "elated", "elegant", "eloquent", "epic", "fervent", "festive", "flamboyant", "focused", "friendly",
        "frosty", "gallant", "gentle", "gifted", "goofy", "gracious", "happy", "hardcore", "helpful", "heuristic",
        "hopeful", "hungry", "humble", "infallible", "inspiring", "jolly", "jovial", "keen", "kind", "laughing",
        "lively", "loving", "lucid", "magical", "merry", "mighty", "modest", "musing", "mystifying", "naughty",
        "nervous", "nifty", "nimble", "nostalgic", "objective", "optimistic", "patient", "peaceful", "pedantic", "pensive",
        "placid", "playful", "practical", "priceless", "quirky", "quizzical", "relaxed", "reverent", "romantic", "sad",
        "serene", "sharp", "silly", "sleepy", "stoic", "stupefied", "suspicious", "tender", "thirsty", "trusting",
        "upbeat", "vibrant", "vigilant", "wizardly", "wonderful", "xenodochial", "youthful", "zealous", "zen",
    ]

    /// Surnames of notable scientists, mathematicians and hackers.
    static let surnames = [
        "agnesi", "albattani", "allen", "almeida", "archimedes", "ardinghelli", "aryabhata", "austin", "babbage", "banach",
        "bardeen", "bartik", "bassi", "bell", "bhabha", "blackwell", "bohr", "booth", "borg", "bose",
        "boyd", "brahmagupta", "brattain", "brown", "carson", "chandrasekhar", "clarke", "colden", "cori", "cray",
        "curie", "darwin", "davinci", "dijkstra", "dubinsky", "easley", "einstein", "elion", "engelbart", "euclid",
        "euler", "fermat", "fermi", "feynman", "franklin", "galileo", "gates", "goldberg", "goldstine", "goodall",
        "hamilton", "hawking", "heisenberg", "hodgkin", "hoover", "hopper", "hypatia", "jang", "jennings", "jepsen",
        "joliot", "jones", "kalam", "keller", "kepler", "khorana", "kilby", "knuth", "kowalevski", "lalande",
        "lamarr", "leakey", "leavitt", "lovelace", "lumiere", "mayer", "mccarthy", "mcclintock", "mclean", "meitner",
        "mestorf", "mirzakhani", "montalcini", "morse", "newton", "nightingale", "nobel", "noether", "northcutt", "noyce",
        "pascal", "pasteur", "payne", "perlman", "pike", "poincare", "ptolemy", "raman", "ramanujan", "ritchie",
        "rosalind", "sammet", "shannon", "shockley", "sinoussi", "snyder", "spence", "stallman", "swanson", "tesla",
        "thompson", "torvalds", "turing", "varahamihira", "visvesvaraya", "wescoff", "williams", "wilson", "wing", "wozniak",
        "wright", "yalow", "yonath",
    ]
}
