package nslab.engine

import nslab.LabCompiler

/**
 * A tiny command line over the engine, for specs: they run it inside a sandbox (the JVM of the
 * test cannot enter one itself). Prints what happened in a form the specs read:
 * {@code STATUS ...}, {@code RAN ...}, {@code UNDONE ...}, {@code CONFLICT ...}, {@code FAILURE ...},
 * {@code CHECK ...}, {@code NOTE ...}, {@code lab L} and its {@code   namespace NS} lines for status, {@code REFUSED ...}, {@code DRIFT kind namespace subject restorable}, {@code CHECKED IN n ms}, {@code DETAIL from target: why}, with NSLAB_TEST_PROGRESS
 * set {@code PROGRESS verb|phase|done|total} and {@code FINISHED}; exits like the command line does (0, 1, 3, 4).
 */
class EngineDriver {
    static void main(String[] args) {
        System.exit(run(args))
    }

    static int run(String[] args) {
        try {
            return drive(args)
        } catch (EngineException e) {
            println "REFUSED ${e.message}"
            return 3
        }
    }

    /** What the command line's Settings would read from the variables the specs set. */
    static EngineSettings settings() {
        def env = System.getenv()
        new EngineSettings(env.NSLAB_EXECUTOR == 'ip' ? ExecutorChoice.Kind.ip : ExecutorChoice.Kind.netlink,
                env.NSLAB_RUN_DIR ? java.nio.file.Path.of(env.NSLAB_RUN_DIR) : EngineSettings.RUN_DIR, EngineSettings.PARALLEL,
                env.NSLAB_LOCK_WAIT ? java.time.Duration.ofSeconds(env.NSLAB_LOCK_WAIT as long) : EngineSettings.LOCK_WAIT,
                env.NSLAB_IN_SANDBOX == '1', null)
    }

    static int drive(String[] args) {
        def engine = Engine.onThisMachine(settings(), System.getenv('NSLAB_TEST_VERBOSE') ? { println "VERBOSE $it" } : null)
        if (System.getenv('NSLAB_TEST_PROGRESS')) {
            engine.progress(new Progress.Listener() {
                void progress(Progress p) { println "PROGRESS ${p.verb()}|${p.phase()}|${p.done()}|${p.total()}" }
                void finished() { println 'FINISHED' }
            })
        }
        switch (args[0]) {
            case 'apply':
                def c = new LabCompiler().compile(new File(args[1]).toPath())
                if (!c.ok()) { c.problems().each { System.err.println it.format() }; return 1 }
                def r = engine.apply(c.plan(), { true } as java.util.function.Predicate)
                println "STATUS ${r.status()}"
                r.ran().each { println "RAN $it" }
                r.undone().each { println "UNDONE $it" }
                r.conflicts().each { println "CONFLICT $it" }
                if (r.failure() != null) {
                    def f = r.failure() // the fields as data: the console module words them (ApplyFailureText)
                    println "FAILURE source=${f.source()} command=${f.command()} said=${f.kernelSaid()} hint=${f.hint()} restored=${f.restored()}"
                }
                if (r.signal() > 0) return 128 + r.signal()
                if (!r.ok()) return 3
                return checks(engine, c, true)
            case 'check':
                return checks(engine, new LabCompiler().compile(new File(args[1]).toPath()), false)
            case 'destroy':
                boolean force = args[1] == '--force'
                def d = engine.destroy(args[force ? 2 : 1], force)
                println "DESTROYED known=${d.known()} ok=${d.ok()} namespaces=${d.namespaces()}"
                d.undone().each { println "UNDONE $it" }
                d.leftOver().each { println "LEFT $it" }
                d.notes().each { println "NOTE $it" }
                return d.ok() ? 0 : 3
            case 'hold': // holds a lab's lock for some seconds, as a long apply would
                def lock = LabLock.lab(settings().runDir(), args[1], 'applied', settings().lockWait())
                println 'HOLDING'
                System.out.flush()
                Thread.sleep((args[2] as long) * 1000)
                lock.close()
                return 0
            case 'drift':
                engine.drift(args[1], null).each { println "DRIFT ${it.kind()} ${it.namespace() ?: 'host'} ${it.subject()} ${it.restorable()}" }
                return 0
            case 'mark-removing': // the records a destroy writes before it deletes anything (to stand in for one killed)
                def j = Journal.open(settings().runDir(), args[1])
                j.mark(j.live(), Journal.State.REMOVING)
                return 0
            case 'status':
                def labs = engine.status().labs(null)
                if (args.length > 1 && args[1] == '--json') println groovy.json.JsonOutput.toJson(labs)
                else labs.each { lab -> println "lab ${lab.lab}"; lab.namespaces?.each { ns, d -> println "  namespace $ns" } } // the console words the rest
                return 0
            default:
                System.err.println "unknown driver command ${args[0]}"
                return 2
        }
    }

    static int checks(Engine engine, LabCompiler.Compiled c, boolean fresh) {
        long t0 = System.nanoTime()
        def results = fresh ? engine.checkFresh(c.lab()) : engine.check(c.lab())
        println "CHECKED IN ${(System.nanoTime() - t0).intdiv(1_000_000)} ms"
        results.each { println "CHECK ${it.expectation().from()} ${it.expectation().target()} ${it.ok() ? 'ok' : 'FAILED'}" }
        results.findAll { it.detail() != null }.each { println "DETAIL ${it.expectation().from()} ${it.expectation().target()}: ${it.detail()}" }
        results.every { it.ok() } ? 0 : 4
    }
}
