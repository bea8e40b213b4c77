package nslab

import com.tngtech.archunit.base.DescribedPredicate
import com.tngtech.archunit.core.domain.JavaClass
import com.tngtech.archunit.core.domain.JavaClasses
import com.tngtech.archunit.core.domain.JavaMethodCall
import com.tngtech.archunit.core.importer.ClassFileImporter
import com.tngtech.archunit.core.importer.ImportOption
import com.tngtech.archunit.core.importer.Location
import com.tngtech.archunit.lang.ArchCondition
import com.tngtech.archunit.lang.ArchRule
import com.tngtech.archunit.lang.ConditionEvents
import com.tngtech.archunit.lang.SimpleConditionEvent
import com.tngtech.archunit.library.dependencies.SliceAssignment
import com.tngtech.archunit.library.dependencies.SliceIdentifier
import java.util.function.Predicate
import spock.lang.Shared
import spock.lang.Specification

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices

/**
 * The shape of the code, checked on the compiled classes of all three modules: no package
 * depends on itself through others, each module uses only the ones before it, engine code
 * writes no sentences for people beyond the known ones listed here, one class reads the
 * environment, and one class starts processes. Each rule is also shown failing on a fixture, so that none can pass by checking nothing.
 */
class ArchitectureSpec extends Specification {
    static final String[] DSL_MODULE = ['nslab', 'nslab.lang..', 'nslab.model..', 'nslab.check..', 'nslab.plan..', 'nslab.render..', 'nslab.imports..']
    static final String[] ENGINE_MODULE = ['nslab.engine..', 'nslab.exec..', 'nslab.netlink..', 'nslab.trace..']
    static final String[] CONSOLE_MODULE = ['nslab.command..', 'nslab.report..', 'nslab.cli..', 'nslab.console..', 'nslab.web..']

    /**
     * Engine classes that still write English a person reads, and how many such strings each
     * holds at most. They are to move to the console module (issue 26: the engine returns data,
     * the console words it); the list may only shrink. A count that grows, or a class not
     * listed, fails.
     */
    static final Map<String, Integer> KNOWN_SENTENCES = [
            // the kernel's errno words, as the kernel would answer on the lab's model alone
            'nslab.trace.ModelReadings'      : 2,
            // the journal and the safety checks around it: warnings and refusals as strings, to become typed notes
            'nslab.engine.Journal'           : 11,
            'nslab.engine.JournalCodec'      : 12,
            'nslab.engine.JournalFile'       : 3,
            'nslab.engine.OldJournals'       : 2,
            'nslab.engine.RunDir'            : 9,
            'nslab.engine.NameFiles'         : 4,
            'nslab.engine.Ownership'         : 5,
            'nslab.engine.Made'              : 8,
            'nslab.engine.Undoer'            : 1,
            'nslab.engine.Destroyer'         : 4,
            'nslab.engine.LabLock'           : 3,
            // apply and check: conflicts, hints and refusals, to move to Reports
            'nslab.engine.Applier'           : 6,
            'nslab.engine.HostParents'       : 1,
            'nslab.engine.Conflicts'         : 3,
            'nslab.engine.WaveRunner'        : 1,
            'nslab.engine.KernelMessages'    : 7,
            'nslab.engine.HostSysctls'       : 2,
            'nslab.engine.Privileges'        : 1,
            'nslab.engine.LiveComparison'    : 1,
            'nslab.engine.Checker'           : 4,
            // the routing daemons: apply's refusals and converged's verdict, to become a typed reason and data for Reports
            'nslab.engine.FrrMachine'        : 2,
            'nslab.engine.ConvergenceWait'   : 6,
            // the executors' failure words: ip's and sysctl's own, read back from their processes by Batch,
            // and the same words said by the netlink executor (Refusal), so that both report a failure alike
            'nslab.engine.Batch'             : 4,
            'nslab.exec.ProcessLauncher'     : 1,
            'nslab.netlink.Refusal'          : 2,
            'nslab.netlink.NetlinkExecutor'  : 2,
            'nslab.netlink.NamedNamespaces'  : 4,
            'nslab.netlink.UnnamedNamespaces': 2,
            'nslab.netlink.MessageWriter'    : 1,
    ]

    /** nslab's own main classes: no spec, no fixture, no test jar. */
    @Shared JavaClasses main = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .withImportOption({ Location l -> !l.contains('-tests.jar') } as ImportOption)
            .importPackages('nslab')

    @Shared JavaClasses fixtures = new ClassFileImporter().importPackages('nslab.archfixture')

    def "the classes of all three modules are checked"() {
        expect:
        ['nslab.LabCompiler', 'nslab.engine.Engine', 'nslab.netlink.NetlinkExecutor', 'nslab.trace.Tracer',
         'nslab.exec.ProcessLauncher', 'nslab.command.Reports', 'nslab.cli.Main'].every { main.contain(it) }
        !main.contain('nslab.ArchitectureSpec')
        !main.contain('nslab.archfixture.Talker')
    }

    def "no package cycle among nslab's packages"() {
        expect:
        passes(noPackageCycle(), main)
    }

    def "the cycle check finds a cycle"() {
        when:
        def result = noPackageCycle().evaluate(fixtures)

        then:
        result.hasViolation()
        result.failureReport.details.join('\n').contains('nslab.archfixture.cycle.a')
    }

    def "each module uses only the modules before it"() {
        expect:
        passes(noClasses().that().resideInAnyPackage(DSL_MODULE).should().dependOnClassesThat().resideInAnyPackage((ENGINE_MODULE.toList() + CONSOLE_MODULE.toList()) as String[]), main)
        passes(noClasses().that().resideInAnyPackage(ENGINE_MODULE).should().dependOnClassesThat().resideInAnyPackage(CONSOLE_MODULE), main)
    }

    def "engine code writes no sentence for people beyond the known ones"() {
        expect:
        passes(noSentences(KNOWN_SENTENCES), main)
    }

    def "the sentence check finds a sentence and lets a command's words pass"() {
        when:
        def result = classes().should(writeNoSentence([:])).evaluate(only(fixtures, 'Talker'))

        then:
        result.hasViolation()
        def report = result.failureReport.details.join('\n')
        report.contains('could not be built here')
        !report.contains('link')
    }

    def "one class reads the environment"() {
        expect:
        passes(oneEnvironmentReader(), main)
    }

    def "the environment check finds a variable read elsewhere"() {
        when:
        def result = oneEnvironmentReader().evaluate(only(fixtures, 'Reader'))

        then:
        result.hasViolation()
        result.failureReport.details.join('\n').contains('Reader')
    }

    def "one class starts processes"() {
        expect:
        passes(oneProcessStarter(), main)
    }

    def "the process check finds a process started elsewhere"() {
        expect:
        oneProcessStarter().evaluate(only(fixtures, 'Starter')).hasViolation()
    }

    /** True when {@code rule} holds; else fails with ArchUnit's report, which names each violation. */
    static boolean passes(ArchRule rule, JavaClasses classes) {
        def result = rule.evaluate(classes)
        assert !result.hasViolation(), result.failureReport.toString()
        true
    }

    /** No class but the command line's Settings reads the environment (System.getenv, either form). */
    static ArchRule oneEnvironmentReader() {
        noClasses().that().doNotHaveFullyQualifiedName('nslab.command.Settings')
                .should().callMethodWhere(DescribedPredicate.describe('System.getenv', { JavaMethodCall call -> call.target.owner.isEquivalentTo(System) && call.target.name == 'getenv' } as Predicate))
    }

    /** No class but ProcessLauncher starts a process: no ProcessBuilder, no zt-exec executor, no Runtime.exec. */
    static ArchRule oneProcessStarter() {
        noClasses().that().doNotHaveFullyQualifiedName('nslab.exec.ProcessLauncher')
                .should().dependOnClassesThat().haveFullyQualifiedName(ProcessBuilder.name)
                .orShould().dependOnClassesThat().haveFullyQualifiedName('org.zeroturnaround.exec.ProcessExecutor')
                .orShould().callMethodWhere(DescribedPredicate.describe('Runtime.exec', { JavaMethodCall call -> call.target.owner.isEquivalentTo(Runtime) && call.target.name == 'exec' } as Predicate))
    }

    static JavaClasses only(JavaClasses classes, String simpleName) {
        classes.that(DescribedPredicate.describe(simpleName, { JavaClass c -> c.simpleName == simpleName } as Predicate))
    }

    static ArchRule noPackageCycle() {
        slices().assignedFrom(new SliceAssignment() {
            @Override
            SliceIdentifier getIdentifierOf(JavaClass c) {
                c.packageName.startsWith('nslab') ? SliceIdentifier.of(c.packageName) : SliceIdentifier.ignore()
            }

            @Override
            String getDescription() {
                'each nslab package'
            }
        }).should().beFreeOfCycles()
    }

    static ArchRule noSentences(Map<String, Integer> known) {
        classes().that().resideInAnyPackage(ENGINE_MODULE).should(writeNoSentence(known))
    }

    /** Three words of letters in a row, as a sentence has and an argv element or a key does not. */
    static final java.util.regex.Pattern SENTENCE = ~/[a-z']{2,} [a-z']{2,} [a-z']{2,}/

    /** A top-level class (with its nested ones) holds no more sentence constants than {@code known} allows. */
    static ArchCondition<JavaClass> writeNoSentence(Map<String, Integer> known) {
        new ArchCondition<JavaClass>('write no sentence for people') {
            Collection<JavaClass> all

            @Override
            void init(Collection<JavaClass> allObjectsToTest) {
                all = allObjectsToTest
            }

            @Override
            void check(JavaClass c, ConditionEvents events) {
                if (!c.topLevelClass) return
                def family = all.findAll { it.name == c.name || it.name.startsWith(c.name + '$') }
                Set<String> sentences = new TreeSet<>(family.collectMany { k -> strings(k).findAll { SENTENCE.matcher(it).find() } })
                int allowed = known.getOrDefault(c.name, 0)
                if (sentences.size() > allowed) {
                    events.add(SimpleConditionEvent.violated(c, "${c.name} holds ${sentences.size()} sentence(s) for people"
                            + " (at most $allowed known): ${sentences.collect { "'$it'" }.join(', ')}"))
                }
            }
        }
    }

    static List<String> strings(JavaClass c) {
        c.source.get().uri.toURL().openStream().withCloseable { ClassFileStrings.of(it) }
    }
}
