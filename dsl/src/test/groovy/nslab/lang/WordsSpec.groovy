package nslab.lang

import groovy.lang.Closure
import java.lang.reflect.Method
import java.lang.reflect.Modifier
import nslab.LabFixtures
import spock.lang.Shared
import spock.lang.Specification
import spock.lang.Stepwise

import static nslab.LabFixtures.compile

/**
 * The table of words ({@link Words}) is the one place that says which words exist, where each
 * is written, which named arguments it takes and whether it takes a block: the methods that
 * carry the words, the key checks, help and the docs all agree with it.
 */
@Stepwise
class WordsSpec extends Specification {

    /** The classes whose public methods are the words, and the block each one's words belong to. */
    static final Map<Class<?>, Words.Context> WORD_CLASSES = [
            (LabScript)                 : Words.Context.TOP,
            (NamespaceBody)             : Words.Context.NAMESPACE,
            (ExpectBody)                : Words.Context.EXPECT,
            (NamespaceBody.VethChain)   : Words.Context.AFTER,
            (NamespaceBody.ParentChain) : Words.Context.AFTER,
            (NamespaceBody.RouteChain)  : Words.Context.AFTER,
            (ExpectBody.Target)         : Words.Context.AFTER]

    @Shared Set<String> covered = [] as Set

    def "every word of the table has a method in the block it belongs to, and every method is a word of the table"() {
        given:
        def methods = WORD_CLASSES.collectEntries { type, context -> [(type): wordMethods(type)*.name.toSet()] }

        expect:
        methods.values().flatten().toSet() == Words.names().toSet()
        WORD_CLASSES.every { type, context ->
            methods[type].every { Words.find(it).get().context() == context || (type == NamespaceBody.RouteChain && it == 'dev') }
        }
    }

    def "a word takes named arguments exactly when the table gives it keys, and a block exactly when the table says so"() {
        given:
        def all = WORD_CLASSES.keySet().collectMany { wordMethods(it) }

        expect:
        Words.all().every { w ->
            def mine = all.findAll { it.name == w.name() }
            boolean takesMap = mine.any { it.parameterTypes.length > 0 && Map.isAssignableFrom(it.parameterTypes[0]) }
            boolean takesBlock = mine.any { it.parameterTypes.any { Closure.isAssignableFrom(it) } }
            // 'dev' after route takes no keys; the namespace word 'dev' takes a block
            assert takesMap == !w.keys().isEmpty(), "${w.name()}: method takes a map: $takesMap, table keys: ${w.keys()}"
            assert takesBlock == w.block(), "${w.name()}: method takes a block: $takesBlock, table: ${w.block()}"
            true
        }
    }

    def "#word accepts #key: and reports the misspelt #typo: at its line with 'did you mean #key:'"() {
        given:
        def good = script(context, statement.replace('KEY', key))
        def bad = script(context, statement.replace('KEY', typo))
        covered << "$word $key".toString()

        when:
        def accepted = compile(good)
        def refused = compile(bad)
        def error = refused.errors().find { it.message().contains('named argument') }

        then: 'the right key raises no complaint about keys'
        accepted.problems().every { !it.message().contains('named argument') }

        and: 'the misspelt one is an error at its line, with the right suggestion'
        !refused.ok()
        error.message() == "'$word' has no named argument '$typo:'"
        error.source().line() == 4
        error.hint().startsWith("did you mean '$key:'?")

        where:
        word          | key         | typo        | context | statement
        'link'        | 'ips'       | 'isp'       | 'top'   | "link 'a', 'b', KEY: ['10.9.0.1/24', '10.9.0.2/24']"
        'star'        | 'hub'       | 'hb'        | 'top'   | "star 'h', 2, KEY: 'sw'"
        'tree'        | 'depth'     | 'deph'      | 'top'   | "tree 't', KEY: 1, fanout: 2"
        'tree'        | 'fanout'    | 'fanot'     | 'top'   | "tree 't', depth: 1, KEY: 2"
        'peer'        | 'name'      | 'nmae'      | 'ns'    | "veth 'x0' peer 'b', KEY: 'y0'"
        'peer'        | 'ip'        | 'iq'        | 'ns'    | "veth 'x0' peer 'b', name: 'y0', KEY: '10.9.0.2/24'"
        'ip'          | 'dev'       | 'dve'       | 'ns'    | "ip '10.9.0.1/24', KEY: 't0'"
        'macvlan'     | 'mode'      | 'mdoe'      | 'ns'    | "macvlan 'mv0', KEY: 'private' on 't0'"
        'on'          | 'mode'      | 'mod'       | 'ns'    | "macvlan 'mv0' on 't0', KEY: 'private'"
        'macvlan'     | 'from'      | 'form'      | 'ns'    | "macvlan 'mv0', KEY: 'host' on 'eth0'"
        'on'          | 'from'      | 'fro'       | 'ns'    | "macvlan 'mv0' on 'eth0', KEY: 'host'"
        'on'          | 'id'        | 'di'        | 'ns'    | "vlan 'v10' on 't0', KEY: 10"
        'vlan'        | 'id'        | 'ib'        | 'ns'    | "vlan 'v10', KEY: 10 on 't0'"
        'vxlan'       | 'id'        | 'idd'       | 'ns'    | "vxlan 'vx0', KEY: 42, remote: '10.9.0.2', dev: 't0'"
        'vxlan'       | 'remote'    | 'remot'     | 'ns'    | "vxlan 'vx0', id: 42, KEY: '10.9.0.2', dev: 't0'"
        'vxlan'       | 'dev'       | 'dve'       | 'ns'    | "vxlan 'vx0', id: 42, remote: '10.9.0.2', KEY: 't0'"
        'vxlan'       | 'port'      | 'prot'      | 'ns'    | "vxlan 'vx0', id: 42, remote: '10.9.0.2', dev: 't0', KEY: 4790"
        'masquerade'  | 'from'      | 'frm'       | 'ns'    | "masquerade KEY: '10.9.0.0/24', out: 't0'"
        'masquerade'  | 'out'       | 'ot'        | 'ns'    | "masquerade '10.9.0.0/24', KEY: 't0'"
        'accept'      | 'in'        | 'inn'       | 'ns'    | "accept KEY: 't0', out: 't0'"
        'accept'      | 'out'       | 'ou'        | 'ns'    | "accept in: 't0', KEY: 't0'"
        'drop'        | 'in'        | 'inn'       | 'ns'    | "drop KEY: 't0'"
        'drop'        | 'out'       | 'oot'       | 'ns'    | "drop KEY: 't0'"
        'forwardPort' | 'to'        | 'too'       | 'ns'    | "forwardPort 8080, KEY: '10.9.0.2:80'"
        'forwardPort' | 'in'        | 'inn'       | 'ns'    | "forwardPort 8080, to: '10.9.0.2:80', KEY: 't0'"
        'forwardPort' | 'proto'     | 'prto'      | 'ns'    | "forwardPort 8080, to: '10.9.0.2:80', KEY: 'udp'"
        'netem'       | 'limit'     | 'limt'      | 'ns'    | "netem KEY: '100'"
        'netem'       | 'delay'     | 'dleay'     | 'ns'    | "netem KEY: '10ms'"
        'netem'       | 'jitter'    | 'jiter'     | 'ns'    | "netem delay: '10ms', KEY: '2ms'"
        'netem'       | 'loss'      | 'los'       | 'ns'    | "netem KEY: '1%'"
        'netem'       | 'duplicate' | 'duplicat'  | 'ns'    | "netem KEY: '1%'"
        'netem'       | 'corrupt'   | 'corupt'    | 'ns'    | "netem KEY: '1%'"
        'netem'       | 'reorder'   | 'reordr'    | 'ns'    | "netem delay: '10ms', KEY: '25%'"
        'to'          | 'dev'       | 'dve'       | 'expect'| "reach 'a' to '10.9.0.9', KEY: 't0'"
        'ospf'        | 'area'      | 'aera'      | 'ns'    | "ospf KEY: 0"
        'ospf'        | 'interfaces'| 'interface' | 'ns'    | "ospf area: 0, KEY: ['t0']"
        'ospf'        | 'cost'      | 'cots'      | 'ns'    | "ospf area: 0, KEY: 10"
        'bgp'         | 'asn'       | 'asm'       | 'ns'    | "bgp KEY: 65001"
        'neighbor'    | 'asn'       | 'as'        | 'ns'    | "bgp asn: 65001; neighbor '10.9.0.2', KEY: 65002"
        'converged'   | 'within'    | 'witin'     | 'expect'| "converged KEY: '30s'"
    }

    def "the table above tries every key of every word"() {
        expect:
        covered == Words.keys().collectMany { word, keys -> keys.collect { "$word $it".toString() } }.toSet()
    }

    def "netem's keys in the table are the ones its values are checked for and the planner writes"() {
        expect:
        Words.find('netem').get().keys().toSet() == nslab.check.ConditionRules.NETEM.keySet()
        Words.find('netem').get().keys().toSet() == nslab.plan.Planner.NETEM_KEYS.toSet()
    }

    def "docs/language.md lists every key of every word"() {
        given:
        def docs = new File(LabFixtures.examples().parentFile, 'docs/language.md').text
        def table = docs.readLines().findAll { it.startsWith('| `') }

        expect:
        Words.keys().every { word, keys ->
            def row = table.find { it.startsWith("| `$word`") }
            assert row != null, "docs/language.md has no row for $word in its table of named arguments"
            keys.every { assert row.contains("`$it:`"), "docs/language.md: $word's row lacks $it:"; true }
        }
    }

    /** A lab with namespaces a and b, an interface t0 in a, and the statement at line 4. */
    private static String script(String context, String statement) {
        switch (context) {
            case 'top': return "namespace 'a'\nnamespace 'b'\n\n$statement\n"
            case 'ns': return "namespace 'b'\nnamespace 'a' {\n    tap 't0'; ip '10.9.0.1/24'\n    $statement\n}\n"
            default: return "namespace 'a' { tap 't0'; ip '10.9.0.1/24' }\nnamespace 'b' { tap 't0'; ip '10.9.0.2/24' }\nexpect {\n    $statement\n}\n"
        }
    }

    /** The public methods of a word class that are words: not Object's, not the catchers of misplaced words. */
    private static List<Method> wordMethods(Class<?> type) {
        type.declaredMethods.findAll { m ->
            Modifier.isPublic(m.modifiers) && !Modifier.isStatic(m.modifiers) && !m.synthetic &&
                    !(m.name in ['methodMissing', 'propertyMissing']) &&
                    !(m.parameterTypes.length == 1 && m.parameterTypes[0] == Object[])
        }
    }
}
