// Three routers in a triangle run OSPF (FRR's zebra + ospfd); each is known by its address on lo.
link 'r1', 'r2', ips: ['10.0.12.1/30', '10.0.12.2/30']
link 'r2', 'r3', ips: ['10.0.23.1/30', '10.0.23.2/30']
link 'r3', 'r1', ips: ['10.0.13.2/30', '10.0.13.1/30']
namespace 'r1' { ip '1.1.1.1/32', dev: 'lo'; forward true; ospf area: 0 }
namespace 'r2' { ip '2.2.2.2/32', dev: 'lo'; forward true; ospf area: 0 }
namespace 'r3' { ip '3.3.3.3/32', dev: 'lo'; forward true; ospf area: 0 }
expect {
    converged within: '30s'
    reach 'r1' to '3.3.3.3'
    reach 'r3' to '2.2.2.2'
}
