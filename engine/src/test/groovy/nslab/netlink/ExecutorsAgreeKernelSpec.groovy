package nslab.netlink

import nslab.LabCompiler
import groovy.json.JsonOutput
import groovy.json.JsonSlurper
import nslab.engine.KernelSandbox
import nslab.plan.Tool
import nslab.render.ShellScriptRenderer
import spock.lang.Specification

/**
 * The netlink executor builds the same lab as the printed plan: each example, a dual-stack lab
 * and a lab of the device kinds and steps those leave out are built twice in fresh sandboxes — once by {@code sh -e} of the printed plan (that is,
 * by ip, sysctl, iptables, tc), once by {@code nslab apply} on netlink — and every namespace is
 * read back with {@code ip -d -j link}, {@code ip -j addr}, {@code ip -j route} of both families,
 * {@code bridge -j link} and the lab's sysctls. Only what the kernel assigns is set aside:
 * interface indexes (and the order they put devices in), MAC addresses the lab does not give (and what derives from them: bridge
 * ids, IPv6 link-local addresses), timers, carrier state and DAD that settle asynchronously, and the
 * order of routes to one prefix (each device's fe80::/64 comes when its address passes DAD).
 */
class ExecutorsAgreeKernelSpec extends Specification {

    static File examples() {
        def d = new File('examples')
        d.isDirectory() ? d : new File('../examples')
    }

    /** The examples without routing daemons: those need FRR's group mapped (RoutingKernelSpec applies them). */
    static List<File> labs() {
        examples().listFiles().findAll { it.name.endsWith('.groovy') }.sort { it.name }
                .findAll { new LabCompiler().compile(it.toPath()).lab().routers().isEmpty() } +
                ['dualstack.groovy', 'kinds.groovy'].collect { new File(ExecutorsAgreeKernelSpec.getResource(it).toURI()) }
    }

    def "#lab.name: sh -e of the printed plan and nslab apply on netlink leave the same kernel state"() {
        given:
        def compiled = new LabCompiler().compile(lab.toPath())
        assert compiled.ok()
        def keys = (['net.ipv4.ip_forward', 'net.ipv6.conf.all.forwarding'] + compiled.plan().steps()
                .findAll { it.command().tool() == Tool.SYSCTL }
                .collect { it.command().args().find { a -> a.contains('=') }.split('=')[0] }).unique()
        def macs = compiled.plan().steps().collectMany { s -> s.command().args().findAll { it ==~ /(?i)([0-9a-f]{2}:){5}[0-9a-f]{2}/ } }*.toLowerCase()

        when:
        def byScript = KernelSandbox.run(new ShellScriptRenderer().render(compiled.plan()) + '\nset +e\n' + dump(keys))
        def byNetlink = KernelSandbox.run(WATCH_PROGRAMS + "NSLAB_EXECUTOR=netlink nslab apply ${lab.absolutePath} >/dev/null; echo \"=== applied \$?\"\n"
                + 'echo "=== programs"; cat /run/watch/log\nPATH=$REAL_PATH\n' + dump(keys))

        then: 'both built the lab'
        byScript.out.contains('=== state')
        byNetlink.out.contains('=== applied ')
        ['0', '4'].contains(byNetlink.out.find(/=== applied (\d+)/) { it[1] })

        and: 'netlink did the work: no ip batch and no sysctl process ran; iptables and tc ran as their programs'
        def programs = byNetlink.section('programs').readLines()
        !programs.any { it ==~ /ip (-n \S+ )?(-force )?-batch -/ || it.startsWith('sysctl') }
        programs.any { it.contains('iptables') } == compiled.plan().steps().any { it.command().tool() == Tool.IPTABLES }
        programs.any { it.contains('tc -batch') } == compiled.plan().steps().any { it.command().tool() == Tool.TC }

        and: 'every namespace holds the same links, addresses, routes, bridge ports and sysctls'
        def expected = state(byScript.section('state'), macs)
        def actual = state(byNetlink.section('state'), macs)
        expected.keySet() == actual.keySet()
        expected.each { where, value -> assert actual[where] == value, where }

        where:
        lab << labs()
    }

    /** ip, sysctl and iptables-restore on the PATH note each call in /run/watch/log, then run. */
    static final String WATCH_PROGRAMS = '''
REAL_PATH=$PATH
mkdir -p /run/watch; : > /run/watch/log
for p in ip sysctl iptables-restore; do
    real=$(command -v $p)
    printf '#!/bin/sh\necho "%s $*" >> /run/watch/log\nexec %s "$@"\n' $p $real > /run/watch/$p
    chmod +x /run/watch/$p
done
PATH=/run/watch:$PATH
'''

    /** One line per namespace and view: {@code VIEW NS JSON}. */
    static String dump(List<String> keys) {
        """
sleep 1
echo "=== state"
for ns in root \$(ip netns list | awk '{print \$1}' | sort); do
    n=""; [ \$ns = root ] || n="-n \$ns"
    echo "link \$ns \$(ip \$n -d -j link show)"
    echo "addr \$ns \$(ip \$n -j addr show)"
    echo "route \$ns \$(ip \$n -j route show)"
    echo "route6 \$ns \$(ip \$n -6 -j route show)"
    echo "bridge \$ns \$(bridge \$n -j link show)"
    for k in ${keys.join(' ')}; do
        f=/proc/sys/\$(echo \$k | tr . /)
        if [ \$ns = root ]; then v=\$(cat \$f); else v=\$(ip netns exec \$ns cat \$f); fi
        echo "sysctl \$ns {\\"\$k\\": \\"\$v\\"}"
    done
done
"""
    }

    /** View and namespace to its normalised JSON text. */
    static Map<String, String> state(String section, List<String> labMacs) {
        Map<String, String> out = [:]
        section.readLines().findAll { it.trim() }.each { line ->
            def (view, ns, json) = line.split(' ', 3) as List
            def value = (json?.trim() ? new JsonSlurper().parseText(json) : null)
            def n = normalise(value, labMacs)
            // routes to one prefix (fe80::/64 of each device) are listed in the order DAD finished, and
            // devices in the order of their indexes, which the kernel assigns: a host's device made
            // into a namespace may come before one the namespace makes itself
            out["$view $ns".toString()] = view.startsWith('route') || view in ['link', 'addr']
                    ? n.collect { JsonOutput.toJson(it) }.sort().join('\n') : JsonOutput.toJson(n)
        }
        out
    }

    static final Set<String> ASSIGNED = ['ifindex', 'link_index', 'operstate', 'bridge_id', 'root_id', 'designated_root',
                                         'designated_bridge', 'id', 'no', 'link_netnsid', 'gso_max_size', 'gro_max_size',
                                         'tentative'] as Set // (an IPv6 address in DAD: apply waits for it, sh -e does not)

    static Object normalise(Object v, List<String> labMacs) {
        if (v instanceof Map) {
            if (v.scope == 'link' && v.family == 'inet6') return null // link-local: derived from a kernel MAC
            def m = new TreeMap()
            v.each { k, x ->
                if (ASSIGNED.contains(k) || k.endsWith('_timer')) return
                if (k == 'flags' && x instanceof List) x = x - ['LOWER_UP', 'NO-CARRIER', 'M-DOWN']
                def n = normalise(x, labMacs)
                if (n != null) m[k] = n
            }
            return m
        }
        if (v instanceof List) return v.collect { normalise(it, labMacs) }.findAll { it != null }
        if (v instanceof String && v ==~ /(?i)([0-9a-f]{2}:){5}[0-9a-f]{2}/ && !labMacs.contains(v.toLowerCase())
                && v != '00:00:00:00:00:00' && !v.toLowerCase().startsWith('ff:ff') && !v.startsWith('33:33')) {
            return 'kernel-assigned MAC'
        }
        v
    }
}
