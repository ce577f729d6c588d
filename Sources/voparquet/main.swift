import Glibc

// voparquet: converts VOTable documents to VOParquet files.
let arguments = Array(CommandLine.arguments.dropFirst())
switch arguments.first {
case "convert":
    exit(ConvertCommand.run(Array(arguments.dropFirst())))
case "-h", "--help", "help":
    print(ConvertCommand.usage)
    exit(0)
case nil:
    Diagnostics.error("no command given", usage: true)
    exit(2)
case let other?:
    Diagnostics.error("unknown command '\(other)'", usage: true)
    exit(2)
}
