package nslab.cli

/**
 * Runs {@code nslab ARGS} in this JVM, as a user would on the command line, through the tree the
 * command line builds for those arguments: exit status, stdout, stderr.
 */
trait InProcessCli {
    Map run(String... args) {
        def out = new StringWriter()
        def err = new StringWriter()
        def cl = CommandTree.forArguments(args)
        cl.out = new PrintWriter(out, true)
        cl.err = new PrintWriter(err, true)
        int exit = cl.execute(args)
        [exit: exit, out: out.toString(), err: err.toString()]
    }
}
