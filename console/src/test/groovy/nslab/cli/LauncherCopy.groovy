package nslab.cli

import java.nio.file.Files
import java.nio.file.Path
import java.util.concurrent.TimeUnit

/**
 * The ./nslab launcher as a user runs it, from a world-readable copy of the test's class path
 * (NSLAB_CLASSPATH), so that it runs as root and as an unprivileged user (nobody), who cannot read
 * root's Maven repository. Files the specs need go into {@link #dir}; {@link #close} removes it all.
 */
class LauncherCopy implements Closeable {
    final File dir

    LauncherCopy() {
        dir = Files.createTempDirectory('nslab-cli').toFile()
        def entries = []
        System.getProperty('java.class.path').split(File.pathSeparator).eachWithIndex { String e, int i ->
            def src = new File(e)
            if (!src.exists()) return
            def dst = new File(dir, "cp$i-${src.name}")
            if (src.isDirectory()) {
                copyTree(src.toPath(), dst.toPath())
            } else {
                Files.copy(src.toPath(), dst.toPath())
            }
            entries << dst.path
        }
        Files.copy(launcher().toPath(), new File(dir, 'nslab').toPath())
        new File(dir, 'classpath').text = entries.join(File.pathSeparator)
        history.text = ''
        readableByAll()
        history.setWritable(true, false)
    }

    /** Lets every user read what is in {@link #dir} (after files were added). */
    void readableByAll() {
        run(['chmod', '-R', 'a+rX', dir.path], [:], null)
    }

    /** The launcher run as {@code user} in {@link #dir}, {@code input} on its standard input: exit status, out and err. */
    Map nslab(String user, List<String> args, String input = null, Map env = [:]) {
        def argv = user == 'root' ? [] : ['runuser', '-u', user, '--']
        argv += ['sh', new File(dir, 'nslab').path] + args
        run(argv, [NSLAB_CLASSPATH: classpath(), NSLAB_HISTORY: history.path] + env, dir, input)
    }

    /** The console's history, one file every user may write. */
    File getHistory() {
        new File(dir, 'history')
    }

    String classpath() {
        new File(dir, 'classpath').text
    }

    @Override
    void close() {
        dir.deleteDir()
    }

    static File launcher() {
        def f = new File('nslab')
        f.isFile() ? f : new File('../nslab')
    }

    static Map run(List<String> argv, Map env, File dir, String input = null) {
        def pb = new ProcessBuilder(argv)
        if (dir) pb.directory(dir)
        pb.environment().remove('NSLAB_IN_SANDBOX')
        pb.environment().putAll(env)
        def p = pb.start()
        if (input != null) p.outputStream.write(input.getBytes('UTF-8'))
        p.outputStream.close()
        def out = new StringBuilder(), err = new StringBuilder()
        Thread readOut = p.consumeProcessOutputStream(out), readErr = p.consumeProcessErrorStream(err)
        assert p.waitFor(180, TimeUnit.SECONDS)
        readOut.join(); readErr.join() // (a second reader, waitForProcessOutput, closed the streams under these)
        [exit: p.exitValue(), out: out.toString(), err: err.toString()]
    }

    private static void copyTree(Path from, Path to) {
        Files.walk(from).withCloseable { paths ->
            paths.each { Path p ->
                def target = to.resolve(from.relativize(p).toString())
                if (Files.isDirectory(p)) Files.createDirectories(target) else Files.copy(p, target)
            }
        }
    }
}
