/// One web site of the simulated internet: the names that lead to it, its address and the
/// files its web server serves (paths under the document root).
struct PublicSite {
    var names: [String]
    var address: String
    var files: [String: String]
}

/// The sites the simulated internet has. Only the example domains IANA reserves for
/// documentation are here: they really exist and answer the same page to anyone, so what a
/// learner sees of them here is what a real cluster shows (2017's address; the markup is
/// written for this simulation, its wording follows the facts of IANA's page).
enum PublicSites {
    static let all: [PublicSite] = [
        PublicSite(names: ["example.com", "www.example.com", "example.net", "www.example.net", "example.org", "www.example.org"],
                   address: "93.184.216.34", files: ["index.html": examplePage]),
    ]

    static let examplePage = """
        <!doctype html>
        <html>
        <head>
            <title>Example Domain</title>
            <meta charset="utf-8" />
            <meta name="viewport" content="width=device-width, initial-scale=1" />
        </head>

        <body>
        <div>
            <h1>Example Domain</h1>
            <p>This domain is for use in illustrative examples in documents. You may use it in
            examples without asking for permission or coordinating with anyone first.</p>
            <p><a href="http://www.iana.org/domains/example">More information...</a></p>
        </div>
        </body>
        </html>

        """
}
