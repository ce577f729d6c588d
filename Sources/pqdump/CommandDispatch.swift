extension DumpContext {
    /// Runs the command the invocation names on the open file.
    func runCommand() throws(CommandFailure) {
        switch invocation.command {
        case .meta: MetaCommand.run(self)
        case .summary: try SummaryCommand.run(self)
        case .schema: SchemaCommand.run(self)
        case .footer: FooterCommand.run(self)
        case .rows: try RowsCommand.run(self)
        case .pages: try PagesCommand.run(self)
        case .index: try IndexCommand.run(self)
        case .dictionary: try DictionaryCommand.run(self)
        case .bloom: try BloomCommand.run(self)
        case .check: try CheckCommand.run(self)
        case .votable: try VOTableCommand.run(self)
        }
    }
}
